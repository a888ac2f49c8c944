"""Per-article metadata the user or the input states: sidecar files, JSONL fields, feeds.

What a person wrote down about an article (its date, outlet, title, author) beats anything
the cleaner infers, so these values go on a new record after cleaning and override its guesses.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import re
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from storydiff.errors import InputError
from storydiff.ingest.decode import scrubbed
from storydiff.ingest.files import unreadable
from storydiff.model import Article

_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
# Column / key names accepted for each field; the first is the documented one.
# The rest are the names news-please (date_publish, source_domain, authors), Fundus
# (publishing_date, publisher, authors), trafilatura (date, sitename, hostname, author) and
# schema.org (datePublished) exports use.
ALIASES: dict[str, tuple[str, ...]] = {
    "published": (
        "published",
        "date",
        "published_at",
        "pubdate",
        "date_published",
        "date_publish",
        "publishing_date",
        "datePublished",
    ),
    "outlet": ("outlet", "source", "site", "sitename", "publisher", "source_domain", "hostname"),
    "title": ("title", "headline"),
    "author": ("author", "byline", "authors"),
}
KEY_COLUMNS = ("file", "path", "source", "url", "id")


@dataclass(frozen=True, slots=True)
class Metadata:
    """Stated metadata for one article; None means "not stated"."""

    published: str | None = None
    outlet: str | None = None
    title: str | None = None
    author: str | None = None

    def merged(self, over: Metadata) -> Metadata:
        """These values with ``over``'s stated ones on top."""
        changes = {f.name: getattr(over, f.name) for f in fields(over) if getattr(over, f.name)}
        return replace(self, **changes)


def iso_date(value: object) -> str | None:
    """The ISO date at the start of a stated value ("2017-03-10T08:00Z" → "2017-03-10")."""
    if not isinstance(value, str):
        return None
    head = value.strip()[:10]
    for size in (10, 7, 4):
        if _DATE.match(head[:size]) and (len(head) == size or not head[size : size + 1].isdigit()):
            return head[:size] if _real_date(head[:size]) else None
    return None


def exact_date(value: str) -> str | None:
    """``value`` when it is exactly a real YYYY, YYYY-MM or YYYY-MM-DD date, else None."""
    value = value.strip()
    return value if _DATE.match(value) and _real_date(value) else None


def _real_date(iso: str) -> bool:
    """An impossible date ("2017-02-30", "2017-13") is a typo; date arithmetic would fail on it.
    So is a year before 1000 ("0000", "0201"): no news article was published then."""
    parts = [int(p) for p in iso.split("-")] + [1, 1]
    if parts[0] < 1000:
        return False
    try:
        dt.date(*parts[:3])
    except ValueError:
        return False
    return True


def metadata_from(record: dict[str, Any]) -> Metadata:
    """Metadata from a JSON object or CSV row, under any of the accepted key names."""
    found: dict[str, str | None] = {}
    for name, keys in ALIASES.items():
        value = next((record[k] for k in keys if record.get(k)), None)
        if isinstance(value, list):  # authors: a list of names; nested values are not names
            value = ", ".join(str(v) for v in value if isinstance(v, _SCALARS)) or None
        elif not isinstance(value, _SCALARS):
            value = None
        text = scrubbed(str(value)).strip() if value is not None else None
        found[name] = iso_date(text) if name == "published" else (text or None)
    return Metadata(**found)


_SCALARS = (str, int, float)


def _scalar(value: object) -> bool:
    return isinstance(value, _SCALARS)


def with_metadata(article: Article, meta: Metadata) -> Article:
    """A new record: stated values replace inferred ones; a stated date clears the estimate."""
    if meta.published:
        article = replace(article, published=meta.published, published_estimate=None)
    return replace(
        article,
        outlet=meta.outlet or article.outlet,
        title=meta.title or article.title,
        author=meta.author or article.author,
    )


@dataclass(slots=True)
class Sidecar:
    """Metadata per input, keyed by path, file name or URL."""

    entries: dict[str, Metadata]
    path: Path | None = None
    used: set[str] = field(default_factory=set)  # keys some input was looked up by

    def lookup(self, source: str) -> Metadata | None:
        """The entry for ``source``: exact key first, then the same file name."""
        name = Path(source.split("#", 1)[0]).name
        key = source if source in self.entries else name
        if key in self.entries:
            self.used.add(key)
        return self.entries.get(key)

    def check_used(self) -> None:
        """A sidecar may cover more files than one run reads, but one that names none of the
        inputs is the wrong file, or keyed by names the inputs do not have."""
        if self.entries and not self.used:
            first = next(iter(self.entries))
            raise InputError(
                f"--sidecar {self.path}: none of its {len(self.entries)} entries names an input "
                f"(the first is {first!r}); key each row by the input's file name, path or URL"
            )


def load_sidecar(path: Path) -> Sidecar:
    """Read a sidecar CSV (a ``file`` column plus published/outlet/title/author) or JSON
    (``{"a.txt": {...}}`` or ``[{"file": "a.txt", ...}]``)."""
    try:
        if not path.is_file():
            raise InputError(f"--sidecar {path}: no such file; pass a CSV or JSON file")
        text = path.read_text("utf-8-sig")
        if path.suffix.lower() == ".json":
            rows = _json_rows(parse_json(text))
        else:
            rows = list(csv.DictReader(text.splitlines()))
    except OSError as err:
        raise InputError(f"--sidecar {path}: {unreadable(err)}") from None
    except (UnicodeDecodeError, ValueError, csv.Error) as err:
        raise InputError(f"--sidecar {path}: cannot be read ({err}); check its format") from None
    entries: dict[str, Metadata] = {}
    for number, row in enumerate(rows, start=1):
        key = next(
            (str(row[k]).strip() for k in KEY_COLUMNS if row.get(k) and _scalar(row[k])), None
        )
        if key is None:
            raise InputError(
                f"--sidecar {path}: entry {number} names no file; add a 'file' column or key"
            )
        stated = row.get("published") or row.get("date")
        meta = metadata_from(row)
        if stated and meta.published is None:
            shown = repr(stated[:40]) if isinstance(stated, str) else type(stated).__name__
            raise InputError(
                f"--sidecar {path}: date {shown} for {key[:200]} is not YYYY[-MM[-DD]]; fix it"
            )
        entries[key] = meta
        entries.setdefault(Path(key).name, meta)
    return Sidecar(entries, path)


def parse_json(data: str | bytes) -> Any:
    """``json.loads`` that fails with ValueError, never RecursionError: arrays or objects
    nested thousands deep (``[[[[…``) exhaust the parser's stack, and no export nests so."""
    try:
        return json.loads(data)
    except RecursionError:
        raise ValueError("nested too deep to be an export of articles") from None


def _json_rows(data: object) -> list[dict[str, Any]]:
    if isinstance(data, dict):
        return [{"file": key, **value} for key, value in data.items() if isinstance(value, dict)]
    if isinstance(data, list):
        return [row for row in data if isinstance(row, dict)]
    raise ValueError("expected an object or a list of objects")
