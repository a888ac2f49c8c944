"""`storydiff analyze` over generated inputs of every kind, run in-process.

Text, HTML, JSON, JSONL, RSS feeds (whose links a local server answers) and WARC archives,
under odd file names, with random ``--published`` and ``--sidecar`` metadata. Whatever comes
in, the run never ends in a traceback, and every input is either analysed (one of
dossier.json's articles) or named on one line of the output with its reason; a run that
stops says why on one ``error:`` line. One store holds the analyses across examples, so the
article every example shares goes through spaCy once.
"""

from __future__ import annotations

import datetime as dt
import functools
import io
import itertools
import json
import os
import shutil
import threading
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

import pytest
from hypothesis import HealthCheck, Phase, event, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from storydiff.cli import app
from storydiff.ingest.decode import one_line

from .strategies import article_text, html_text

pytestmark = pytest.mark.slow

EXAMPLE = sorted((Path(__file__).resolve().parents[2] / "examples" / "story").glob("*.txt"))[0]
WARC_TYPES = ("text/html", "text/plain; charset=utf-8", "image/png", "text/html; charset=bogus")
_counter = itertools.count()


# ---- a local server for the feeds' links ---------------------------------------------------


class _Site:
    """Pages by path; a path it does not hold is a 404, and one redirects to a broken URL."""

    def __init__(self) -> None:
        self.pages: dict[str, tuple[str, bytes]] = {}
        site = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                if self.path.endswith("/bad-redirect"):
                    self.send_response(302)
                    self.send_header("Location", "http://[::1")
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                ctype, body = site.pages.get(self.path, ("text/plain", b""))
                self.send_response(200 if self.path in site.pages else 404)
                self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args: Any) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.base = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture(scope="module")
def site() -> Iterator[_Site]:
    served = _Site()
    yield served
    served.close()


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One store for every example: what was analysed once is read back."""
    return tmp_path_factory.mktemp("store") / "storydiff.db"


# ---- what an example is made of ------------------------------------------------------------

# Names that have broken option parsing, markup, globbing or path handling somewhere.
ODD_NAMES = (
    "[red]x",
    "[bold]",
    "a=b",
    "-dash",
    "#1",
    "a#2",
    ".hidden",
    "sp ace",
    "tab\there",
    "new\nline",
    "ü—é",
    "\u202eevil",
    "*?",
    ":smile:",
    "..x",
    "'\"",
    "x" * 120,
)
name_base = st.one_of(
    st.sampled_from(ODD_NAMES),
    st.text(
        st.characters(blacklist_categories=("Cs",), blacklist_characters="/\x00"),
        min_size=1,
        max_size=16,
    ),
).filter(lambda name: name not in {".", ".."} and len(name.encode()) < 180)

# Mostly real dates, so that most runs go on to analyse; now and then one that is not.
real_dates = st.dates(dt.date(1900, 1, 1), dt.date(2100, 12, 31)).map(str)
dates = st.one_of(
    real_dates,
    real_dates.map(lambda day: day[:7]),
    st.sampled_from(["2017", "2019-02-30", "0999-01-01", "last autumn", "Q3 2019", "", "2017-13"]),
    real_dates,
)
records = st.fixed_dictionaries(
    {"text": article_text},
    optional={
        "title": st.text(max_size=20),
        "published": dates,
        "url": st.sampled_from(["https://news.example/a", "not a url", "x" * 400]),
        "html": html_text,
    },
)
json_values = st.one_of(records, st.integers(), st.text(max_size=10), st.none())


@dataclass
class Input:
    """One generated input file: its kind, base name, and what to write."""

    kind: str
    name: str
    payload: Any


inputs = st.one_of(
    st.builds(Input, st.just("text"), name_base, st.one_of(article_text, st.binary(max_size=300))),
    st.builds(Input, st.just("html"), name_base, html_text),
    st.builds(
        Input, st.just("json"), name_base, st.one_of(records, st.lists(json_values, max_size=3))
    ),
    st.builds(
        Input,
        st.just("jsonl"),
        name_base,
        st.lists(
            st.one_of(
                json_values.map(functools.partial(json.dumps, ensure_ascii=False)),
                st.sampled_from(["{broken", "", "  ", "[1, 2]"]),
            ),
            max_size=4,
        ),
    ),
    st.builds(
        Input,
        st.just("feed"),
        name_base,
        st.lists(
            st.tuples(
                st.sampled_from(["page", "page", "missing", "bad-redirect", "self", "odd", "none"]),
                st.one_of(article_text, html_text),
                st.text(max_size=12),
                st.sampled_from(["", "Tue, 10 Mar 2017 08:00:00 GMT", "yesterday"]),
            ),
            max_size=3,
        ),
    ),
    st.builds(
        Input,
        st.just("warc"),
        name_base,
        st.tuples(
            st.lists(
                st.tuples(
                    st.one_of(article_text, html_text),
                    st.sampled_from(WARC_TYPES),
                    st.sampled_from([200, 200, 404]),
                ),
                max_size=3,
            ),
            st.booleans(),  # gzipped
            st.sampled_from([0, 0, 7, 100]),  # bytes cut from the end: a broken download
        ),
    ),
)
SUFFIXES = {
    "text": (".txt", "", ".TXT", ".md"),
    "html": (".html", ".htm"),
    "json": (".json",),
    "jsonl": (".jsonl", ".ndjson"),
    "feed": (".rss", ".xml", ".txt"),
    "warc": (".warc",),
}


# ---- writing an example out, and what it must leave named ----------------------------------


def _warc(records: list[tuple[str, str, int]], zipped: bool, uri: str) -> tuple[bytes, list[str]]:
    """An archive of the records, and the URIs of its pages (what the reader turns into
    articles or rejections)."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    out = io.BytesIO()
    writer = WARCWriter(out, gzip=zipped)
    pages = []
    for i, (text, ctype, status) in enumerate(records):
        target = f"{uri}/{i}"
        headers = StatusAndHeaders(f"{status} X", [("Content-Type", ctype)], protocol="HTTP/1.1")
        body = io.BytesIO(text.encode("utf-8", "replace"))
        record = writer.create_warc_record(target, "response", payload=body, http_headers=headers)
        writer.write_record(record)
        if status == 200 and not ctype.startswith("image/"):
            pages.append(target)
    return out.getvalue(), pages


def _feed(entries: list[tuple[str, str, str, str]], site: _Site, prefix: str) -> tuple[str, str]:
    """An RSS feed whose links the local site answers; also the URL the feed is served at."""
    feed_url = f"{site.base}{prefix}/feed"
    items = []
    for i, (kind, body, title, date) in enumerate(entries):
        link = {
            "page": f"{site.base}{prefix}/page{i}",
            "missing": f"{site.base}{prefix}/missing",
            "bad-redirect": f"{site.base}{prefix}/bad-redirect",
            "self": feed_url,
            "odd": "javascript:alert(1)",
            "none": "",
        }[kind]
        if kind == "page":
            html = body.lstrip().startswith("<")
            site.pages[f"{prefix}/page{i}"] = ("text/html" if html else "text/plain", body.encode())
        link_xml = f"<link>{escape(link)}</link>" if link else ""
        items.append(
            f"<item><title>{escape(title)}</title>{link_xml}<pubDate>{date}</pubDate></item>"
        )
    xml = f'<?xml version="1.0"?><rss version="2.0"><channel>{"".join(items)}</channel></rss>'
    site.pages[f"{prefix}/feed"] = ("application/rss+xml", xml.encode())
    return xml, feed_url


def _xml_safe(text: str) -> str:
    return "".join(ch for ch in text if ch in "\t\n\r" or unicodedata.category(ch) != "Cc")


def _write(item: Input, folder: Path, suffix: str, site: _Site, n: int) -> tuple[Path, Any]:
    """Write ``item`` in ``folder``; returns the path and what must be named, as
    ``_expected`` reads it."""
    path = folder / (item.name + suffix)
    if item.kind == "text":
        data = item.payload if isinstance(item.payload, bytes) else item.payload.encode()
        path.write_bytes(data)
        return path, None
    if item.kind == "html":
        path.write_text(item.payload, "utf-8")
        return path, None
    if item.kind == "json":
        path.write_text(json.dumps(item.payload, ensure_ascii=False), "utf-8")
        return path, item.payload
    if item.kind == "jsonl":  # one line each: JSON escapes every line break
        path.write_text("\n".join(item.payload), "utf-8")
        return path, item.payload
    if item.kind == "feed":
        entries = [(k, _xml_safe(b), _xml_safe(t), d) for k, b, t, d in item.payload]
        xml, _ = _feed(entries, site, f"/ex{n}/{folder.name}")
        path.write_text(xml, "utf-8")
        return path, xml.encode()
    records, zipped, cut = item.payload
    data, pages = _warc(records, zipped, f"https://news.example/ex{n}/{folder.name}")
    if zipped:
        path = path.with_name(path.name + ".gz")
    path.write_bytes(data[: len(data) - cut] if cut < len(data) else data)
    return path, (pages, bool(cut))


def _expected(kind: str, label: str, extra: Any) -> tuple[list[str], str | None]:
    """The names that must each be analysed or named, and a name whose line suffices instead
    (a damaged archive: the records after its break are never seen)."""
    from storydiff.ingest.feeds import feed_entries

    if kind == "json" and isinstance(extra, list) and extra:
        return [f"{label}#{i}" for i in range(1, len(extra) + 1)], None
    if kind == "jsonl":
        numbered = [f"{label}#{i}" for i, line in enumerate(extra, 1) if line.strip()]
        return numbered or [label], None
    if kind == "feed":
        return [e.link for e in feed_entries(extra)] or [label], None
    if kind == "warc":
        pages, cut = extra
        return pages or [label], label if cut else None
    return [label], None


def _shown(name: str) -> str:
    """How a message line shows a name: on one line, a control character as its escape
    (``\\x1b``, never sent to the terminal)."""
    one = " ".join(name.splitlines())
    return "".join(
        f"\\x{ord(ch):02x}" if unicodedata.category(ch) == "Cc" and ch != "\t" else ch for ch in one
    )


def _named(name: str, sources: list[str], lines: list[str]) -> bool:
    if any(s == name or s.startswith(f"{name} (") for s in sources):
        return True
    # White space aside: a tab is shown as a space, and a name's line breaks as spaces.
    shown = "".join(f"skipped {_shown(name)}".split())
    return any(
        line.startswith((f"{shown}:", f"{shown}(")) for line in ("".join(x.split()) for x in lines)
    )


# ---- the property --------------------------------------------------------------------------


@settings(
    # 15 in CI (about 15 s); STORYDIFF_CLI_EXAMPLES=500 for a longer search.
    max_examples=int(os.environ.get("STORYDIFF_CLI_EXAMPLES", "15")),
    deadline=None,
    database=None,
    # Each example is a whole run; shrinking one that fails would take minutes, so the
    # failing example is reported as found.
    phases=(Phase.explicit, Phase.generate),
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    st.lists(st.tuples(inputs, st.integers(0, 3)), min_size=1, max_size=3),
    st.lists(st.tuples(st.integers(0, 4), st.sampled_from(["bare", "path"]), dates), max_size=2),
    st.one_of(
        st.none(),
        st.tuples(
            st.sampled_from([".csv", ".json"]),
            st.lists(st.tuples(st.integers(0, 4), dates), max_size=3),
        ),
    ),
)
@pytest.mark.timeout(600)
def test_every_input_is_analysed_or_named_and_nothing_ends_in_a_traceback(
    tmp_path: Path,
    site: _Site,
    store: Path,
    generated: list[tuple[Input, int]],
    published: list[tuple[int, str, str]],
    sidecar: tuple[str, list[tuple[int, str]]] | None,
) -> None:
    n = next(_counter)
    root = tmp_path / f"example{n}"
    good = root / "good" / EXAMPLE.name
    good.parent.mkdir(parents=True)
    shutil.copy(EXAMPLE, good)
    paths, expected = [good], [([one_line(str(good))], None)]
    for i, (item, pick) in enumerate(generated):
        folder = root / str(i)  # one folder each: equal names never clash
        folder.mkdir()
        suffixes = SUFFIXES[item.kind]
        path, extra = _write(item, folder, suffixes[pick % len(suffixes)], site, n)
        paths.append(path)
        expected.append(_expected(item.kind, one_line(str(path)), extra))

    args = ["analyze", *map(str, paths), "-o", str(root / "out"), "--db", str(store)]
    args += ["--quiet", "--allow-private"]
    for which, how, date in published:
        path = paths[which % len(paths)]
        args += ["--published", f"{path.name if how == 'bare' else path}={date}"]
    if sidecar is not None:
        suffix, rows = sidecar
        entries = [{"file": paths[w % len(paths)].name, "published": d} for w, d in rows]
        meta = root / f"meta{suffix}"
        if suffix == ".json":
            meta.write_text(json.dumps(entries), "utf-8")
        else:
            import csv

            with meta.open("w", encoding="utf-8", newline="") as out:
                writer = csv.DictWriter(out, ["file", "published"])
                writer.writeheader()
                writer.writerows(entries)
        args += ["--sidecar", str(meta)]

    result = CliRunner().invoke(app, args)
    output = result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), output
    assert "Traceback" not in output, output
    lines = [line for line in output.splitlines() if line.strip()]
    event(f"exit {result.exit_code}")  # --hypothesis-show-statistics shows how runs ended
    if result.exit_code != 0:
        assert result.exit_code == 2, output
        assert lines and lines[-1].startswith("error: "), output
        assert all(line.startswith("skipped ") for line in lines[:-1]), output
        return
    assert all(line.startswith(("skipped ", "warning: ")) for line in lines), output
    doc = json.loads((root / "out" / "dossier.json").read_text("utf-8"))
    sources = [a["source"] for a in doc["articles"]]
    for names, instead in expected:
        missing = [name for name in names if not _named(name, sources, lines)]
        if missing and instead is not None and _named(instead, [], lines):
            missing = []
        assert not missing, (missing, sources, output)
