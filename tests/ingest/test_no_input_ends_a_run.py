"""Issue 15, "No input ends a run": each input below once raised, slipped NUL characters or
lone surrogates through to the store, or vanished without a word. Now each is read (cleaned
where it enters) or skipped with one line naming it, and the other inputs are still read."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from storydiff.cli import app
from storydiff.errors import InputError
from storydiff.ingest import InputOptions, load_sidecar, read_inputs, read_paths
from storydiff.ingest.urls import UrlPolicy, UrlRefused, check_url
from storydiff.ingest.warc import _document
from storydiff.model import Article, RawDocument, Rejection
from storydiff.pipeline import RunStats, _clean_all

GOOD = "The council delayed the vote on the port lease on Tuesday. " * 6
DEEP = "[" * 200_000 + "]" * 200_000
runner = CliRunner()


def _read(*specs: str | Path) -> tuple[dict[str, RawDocument], dict[str, str]]:
    """Documents and rejections by source, every value checked to be storable."""
    docs: dict[str, RawDocument] = {}
    skipped: dict[str, str] = {}
    for item in read_inputs(list(specs), InputOptions()):
        item.source.encode("utf-8")  # a lone surrogate anywhere would raise here
        assert "\x00" not in item.source
        if isinstance(item, Rejection):
            assert "\n" not in item.reason and len(item.reason) <= 300, item.reason
            skipped[item.source] = item.reason
        else:
            assert "\x00" not in item.content
            item.content.encode("utf-8")
            docs[item.source] = item
    return docs, skipped


def _one_line(args: list[str]) -> str:
    result = runner.invoke(app, args)
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert result.exit_code == 2, result.output
    assert len(lines) == 1 and lines[0].startswith("error:"), result.output
    return lines[0]


# --- 1. NUL characters ------------------------------------------------------------------------


def test_a_nul_after_the_first_4096_bytes_is_removed_with_a_note(tmp_path: Path) -> None:
    path = tmp_path / "late.txt"
    path.write_bytes(GOOD.encode() * 12 + b"\x00 stray. " + GOOD.encode())
    docs, _ = _read(path)
    doc = docs[str(path)]
    assert "stray." in doc.content and "1 NUL character removed" in doc.encoding


def test_a_nul_in_utf16_text_is_removed(tmp_path: Path) -> None:
    path = tmp_path / "wide.txt"
    path.write_bytes(("The council met. \x00 " + GOOD).encode("utf-16"))
    docs, _ = _read(path)
    assert "The council met." in docs[str(path)].content


def test_a_nul_escape_in_a_jsonl_record_is_removed(tmp_path: Path) -> None:
    path = tmp_path / "export.jsonl"
    record = {
        "text": GOOD + "\u0000 nul",
        "title": "Port\u0000 vote",
        "url": "https://x.org/\u0000",
    }
    path.write_text(json.dumps(record) + "\n", "utf-8")
    docs, _ = _read(path)
    (doc,) = docs.values()
    assert doc.content.endswith(" nul") and "NUL" in doc.encoding


def test_a_file_that_is_mostly_nuls_is_binary(tmp_path: Path) -> None:
    (tmp_path / "padded.txt").write_bytes(GOOD.encode() * 12 + bytes(20_000))
    (tmp_path / "good.txt").write_text(GOOD, "utf-8")
    docs, skipped = _read(tmp_path)
    assert "binary" in skipped[str(tmp_path / "padded.txt")]
    assert str(tmp_path / "good.txt") in docs


def test_a_record_of_nuls_is_binary(tmp_path: Path) -> None:
    path = tmp_path / "export.jsonl"
    path.write_text(json.dumps({"text": "\u0000" * 500 + "x"}) + "\n", "utf-8")
    _, skipped = _read(path)
    assert "binary" in skipped[f"{path}#1"]


def test_a_nul_in_a_warc_page_is_removed() -> None:
    doc = _document("https://x.org/", GOOD.encode() * 20 + b"\x00" + b"end", "text/plain", 10**6)
    assert isinstance(doc, RawDocument) and "\x00" not in doc.content


def test_cleaned_articles_hold_no_nul(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(GOOD.encode() * 12 + b"\x00\x00 More words. " + b"x" * 10)
    stats = RunStats()
    (article,) = _clean_all(read_inputs([tmp_path]), stats)
    assert "\x00" not in article.text


# --- 2. Lone surrogates -----------------------------------------------------------------------


@pytest.mark.parametrize("suffix", [".json", ".jsonl"])
def test_a_lone_surrogate_escape_becomes_a_replacement_character(
    tmp_path: Path, suffix: str
) -> None:
    path = tmp_path / f"export{suffix}"
    path.write_text('{"text": "' + GOOD + '\\ud800 lone", "author": "A \\udc00"}\n', "utf-8")
    docs, _ = _read(path)
    (doc,) = docs.values()
    assert doc.content.endswith("\ufffd lone") and "surrogate" in doc.encoding


def test_a_lone_surrogate_never_reaches_the_cleaner(tmp_path: Path) -> None:
    path = tmp_path / "export.jsonl"
    path.write_text('{"text": "' + GOOD + '\\ud800 lone"}\n', "utf-8")
    stats = RunStats()
    articles = _clean_all(read_inputs([path]), stats)
    assert not stats.rejected and len(articles) == 1
    articles[0].text.encode("utf-8")


def test_stated_metadata_is_storable(tmp_path: Path) -> None:
    from storydiff.ingest import InputReader

    path = tmp_path / "export.jsonl"
    path.write_text('{"text": "' + GOOD + '", "title": "Vote\\ud800\\u0000"}\n', "utf-8")
    reader = InputReader(InputOptions())
    list(reader.read([path]))
    (meta,) = reader.metadata.values()
    assert meta.title == "Vote\ufffd"


def test_a_file_name_that_is_not_utf8_is_named_encodably(tmp_path: Path) -> None:
    name = os.fsdecode(b"caf\xe9.txt")  # how Linux hands Python a Latin-1 file name
    (tmp_path / name).write_text(GOOD, "utf-8")
    docs, _ = _read(tmp_path)
    (doc,) = docs.values()
    assert doc.source.endswith("caf\ufffd.txt")
    (item,) = read_paths([tmp_path])
    item.source.encode("utf-8")


def test_a_file_name_with_a_line_break_is_named_on_one_line(tmp_path: Path) -> None:
    (tmp_path / "two\nlines.txt").write_text(GOOD, "utf-8")
    docs, _ = _read(tmp_path)
    assert list(docs) == [str(tmp_path / "two lines.txt")]


def test_a_cleaner_crash_is_one_short_line_without_the_article(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def boom(doc: RawDocument) -> Article:
        raise UnicodeEncodeError("utf-8", doc.content, 3, 4, "surrogates not allowed")

    monkeypatch.setattr("storydiff.clean.batch.clean_document", boom)
    stats = RunStats()
    _clean_all([RawDocument("export.jsonl#7", GOOD * 10, "text")], stats)
    (rejection,) = stats.rejected
    assert rejection.source == "export.jsonl#7"
    assert "UnicodeEncodeError" in rejection.reason and "council" not in rejection.reason
    assert "\n" not in rejection.reason and len(rejection.reason) < 300


# --- 3. Deeply nested JSON --------------------------------------------------------------------


def test_deep_json_file_is_one_line(tmp_path: Path) -> None:
    (tmp_path / "deep.json").write_text(DEEP, "utf-8")
    (tmp_path / "good.txt").write_text(GOOD, "utf-8")
    docs, skipped = _read(tmp_path)
    assert "nested too deep" in skipped[str(tmp_path / "deep.json")]
    assert str(tmp_path / "good.txt") in docs


def test_deep_jsonl_line_is_one_line_and_the_next_is_read(tmp_path: Path) -> None:
    path = tmp_path / "export.jsonl"
    path.write_text(DEEP + "\n" + json.dumps({"text": GOOD}) + "\n", "utf-8")
    docs, skipped = _read(path)
    assert "nested too deep" in skipped[f"{path}#1"] and f"{path}#2" in docs


def test_deep_sidecar_is_an_input_error(tmp_path: Path) -> None:
    path = tmp_path / "meta.json"
    path.write_text(DEEP, "utf-8")
    with pytest.raises(InputError, match="nested too deep"):
        load_sidecar(path)
    line = _one_line(
        ["analyze", "-q", str(tmp_path), "--sidecar", str(path), "-o", str(tmp_path / "o")]
    )
    assert "--sidecar" in line and "meta.json" in line


def test_nested_metadata_values_are_not_names(tmp_path: Path) -> None:
    path = tmp_path / "meta.json"
    nested = '[["deep"]]'  # str() of a value nested far deeper recursed out of the stack
    path.write_text('{"a.txt": {"title": ' + nested + ', "author": ["A", ' + nested + "]}}")
    meta = load_sidecar(path).lookup("a.txt")
    assert meta is not None and meta.title is None and meta.author == "A"


# --- 4. Unreadable files, folders and links ---------------------------------------------------


def _fail_for(target: Path, real: Callable[..., Any]) -> Callable[..., Any]:
    def opener(self: Any, *args: Any, **kwargs: Any) -> Any:
        if Path(self) == target:
            raise PermissionError(13, "Permission denied", str(target))
        return real(self, *args, **kwargs)

    return opener


def test_an_unreadable_json_file_is_named(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    locked = tmp_path / "locked.json"
    locked.write_text(json.dumps({"text": GOOD}), "utf-8")
    (tmp_path / "good.txt").write_text(GOOD + " Other.", "utf-8")
    monkeypatch.setattr(Path, "open", _fail_for(locked, Path.open))
    docs, skipped = _read(tmp_path)
    assert skipped[str(locked)].startswith("permission denied; ")
    assert str(tmp_path / "good.txt") in docs


@pytest.mark.parametrize("name", ["locked.jsonl", "locked.warc.gz", "locked.txt.gz", "a.html"])
def test_every_reader_names_an_unreadable_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    locked = tmp_path / name
    locked.write_bytes(b"x")
    monkeypatch.setattr(Path, "open", _fail_for(locked, Path.open))
    _, skipped = _read(locked)
    assert skipped[str(locked)].startswith("permission denied; ")


def test_an_unreadable_folder_is_named(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import storydiff.ingest.files as files

    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "a.txt").write_text(GOOD, "utf-8")
    (tmp_path / "good.txt").write_text(GOOD + " Other.", "utf-8")
    real = os.scandir

    def scandir(path: Any) -> Any:
        if Path(path) == locked:
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr(files.os, "scandir", scandir)
    docs, skipped = _read(tmp_path)
    assert skipped[str(locked)].startswith("permission denied; ")
    assert list(docs) == [str(tmp_path / "good.txt")]


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode")
def test_chmod_000_file_and_folder_are_named(tmp_path: Path) -> None:
    (tmp_path / "locked.json").write_text(json.dumps({"text": GOOD}), "utf-8")
    (tmp_path / "locked").mkdir()
    (tmp_path / "locked" / "a.txt").write_text(GOOD, "utf-8")
    (tmp_path / "good.txt").write_text(GOOD + " Other.", "utf-8")
    (tmp_path / "locked.json").chmod(0)
    (tmp_path / "locked").chmod(0)
    try:
        docs, skipped = _read(tmp_path)
    finally:
        (tmp_path / "locked").chmod(0o755)
    assert skipped[str(tmp_path / "locked.json")].startswith("permission denied; ")
    assert skipped[str(tmp_path / "locked")].startswith("permission denied; ")
    assert list(docs) == [str(tmp_path / "good.txt")]


def test_symlink_loops_and_broken_links_are_named(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.txt").write_text(GOOD, "utf-8")
    (tmp_path / "self").symlink_to("self")
    (tmp_path / "sub" / "up").symlink_to("..")
    (tmp_path / "gone").symlink_to("nowhere.txt")
    docs, skipped = _read(tmp_path)
    assert "symlink loop" in skipped[str(tmp_path / "self")]
    assert "symlink loop" in skipped[str(tmp_path / "sub" / "up")]
    assert "broken symlink" in skipped[str(tmp_path / "gone")]
    assert list(docs) == [str(tmp_path / "sub" / "a.txt")]
    _, direct = _read(tmp_path / "self")
    assert "symlink loop" in direct[str(tmp_path / "self")]


def test_a_linked_folder_is_read_once(tmp_path: Path) -> None:
    (tmp_path / "real").mkdir()
    (tmp_path / "real" / "a.txt").write_text(GOOD, "utf-8")
    (tmp_path / "link").symlink_to("real")
    (tmp_path / "z").mkdir()
    (tmp_path / "z" / "again").symlink_to("../real")
    docs, skipped = _read(tmp_path)
    assert list(docs) == [str(tmp_path / "link" / "a.txt")]
    assert "already read" in skipped[str(tmp_path / "real")]
    assert "already read" in skipped[str(tmp_path / "z" / "again")]


def test_folder_order_is_unchanged(tmp_path: Path) -> None:
    for name in ["b.txt", "a/c.txt", "a-b/d.txt", "a.txt", ".hidden.txt", ".dot/e.txt"]:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(f"{GOOD} {name}", "utf-8")
    docs, _ = _read(tmp_path)
    expected = [
        str(p) for p in sorted(tmp_path.rglob("*")) if p.is_file() and not p.name.startswith(".")
    ]
    assert list(docs) == expected


# --- 5. Malformed URLs ------------------------------------------------------------------------


def test_a_malformed_url_is_refused_not_raised() -> None:
    with pytest.raises(UrlRefused, match="malformed URL"):
        check_url("http://[::1", UrlPolicy(), lambda host, port: ["93.184.216.34"])
    _, skipped = _read("http://[::1")
    assert "malformed URL" in skipped["http://[::1"]


def test_a_feed_linking_to_a_malformed_url_is_one_line(tmp_path: Path) -> None:
    feed = tmp_path / "feed.rss"
    feed.write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>'
        "<item><title>Bad</title><link>http://[::1</link></item></channel></rss>",
        "utf-8",
    )
    (tmp_path / "good.txt").write_text(GOOD, "utf-8")
    docs, skipped = _read(feed, tmp_path / "good.txt")
    assert "malformed URL" in skipped["http://[::1"] and len(docs) == 1


def test_a_malformed_url_alone_is_one_line_from_the_cli(tmp_path: Path) -> None:
    line = _one_line(["analyze", "-q", "http://[::1", "-o", str(tmp_path / "o")])
    assert "http://[::1" in line and "malformed URL" in line
