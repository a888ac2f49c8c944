"""Everything a user can point storydiff at, as one stream of documents and rejections.

An input is a file, a folder, ``-`` (stdin), an http(s) URL, or a feed (URL or file) whose
entries are fetched. Inside folders the file's suffix picks the reader: JSON/JSONL exports
and WARC archives are streamed record by record; a text file holding only URLs is a URL list.
Metadata an input states (JSONL fields, feed entries) is collected on the side, keyed by
the document's source, so the pipeline can apply it after cleaning.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import BinaryIO

from storydiff.ingest.decode import one_line, scrubbed
from storydiff.ingest.feeds import FEED_SUFFIXES, feed_entries, looks_like_feed
from storydiff.ingest.fetch import Fetched, Fetcher, FetchOptions
from storydiff.ingest.files import (
    MAX_FILE_BYTES,
    candidate_files,
    label_for,
    read_file,
    to_document,
    unreadable,
)
from storydiff.ingest.jsonl import JSONL_SUFFIXES, json_records, read_json, read_jsonl
from storydiff.ingest.records import Loaded
from storydiff.ingest.sidecar import Metadata
from storydiff.ingest.urls import UrlPolicy, malformed
from storydiff.ingest.warc import WARC_SUFFIXES, read_warc
from storydiff.model import RawDocument, Rejection

_URL = re.compile(r"^https?://\S+$", re.I)
_HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
MAX_URL_LIST_LINES = 10_000
# A feed may list other feeds (an aggregator's feed of section feeds), but no deeper: a feed
# that lists itself, or a chain of feeds, would otherwise be fetched without end.
MAX_FEED_DEPTH = 2
# A reason longer than this is cut in the middle: its start says what, its end how to fix.
MAX_REASON_CHARS = 300


@dataclass(frozen=True, slots=True)
class InputOptions:
    """How inputs are read: size cap per article and the fetch limits for URLs."""

    max_bytes: int = MAX_FILE_BYTES
    allow_private: bool = False
    allow_hosts: frozenset[str] = frozenset()
    # Files under an input folder that are no article: the run's own sidecar kept beside them.
    not_articles: frozenset[Path] = frozenset()

    def fetch_options(self) -> FetchOptions:
        policy = UrlPolicy(self.allow_private, self.allow_hosts)
        return FetchOptions(policy=policy, max_bytes=self.max_bytes)


_NO_RECORDS = "no records in the file (empty, blank lines or an empty list); check the export"
_NO_PAGES = "no pages in the archive (no HTML or text response with status 200); check the crawl"


def _or_named(loaded: Iterable[Loaded], label: str, reason: str) -> Iterator[Loaded]:
    """What a reader yields, or one rejection naming the file when it yields nothing:
    every input is analysed or named, never silently dropped."""
    empty = True
    for item in loaded:
        empty = False
        yield item
    if empty:
        yield Rejection(label, reason), None


def is_url(spec: str) -> bool:
    return bool(_URL.match(spec.strip()))


@dataclass
class InputReader:
    """Reads inputs; ``metadata`` fills in as documents stream past."""

    options: InputOptions = field(default_factory=InputOptions)
    fetcher: Fetcher | None = None
    stdin: BinaryIO | None = None
    metadata: dict[str, Metadata] = field(default_factory=dict)

    def read(self, specs: Iterable[str | Path]) -> Iterator[RawDocument | Rejection]:
        """Every document under ``specs``, in the order given; folders in a stable order."""
        for spec in specs:
            text = str(spec)
            if text == "-":
                yield from self._take(self._stdin())
            elif is_url(text):
                yield from self._take(self._urls([text.strip()]))
            else:
                for file in candidate_files(Path(text)):
                    if isinstance(file, Path) and file.resolve() in self.options.not_articles:
                        continue
                    if isinstance(file, Rejection):
                        yield from self._take([(file, None)])
                    else:
                        yield from self._take(self._file(file))

    def _take(self, loaded: Iterable[Loaded]) -> Iterator[RawDocument | Rejection]:
        """Where every input passes: names, reasons and stated metadata are made safe to store
        and print here (document text already was, by its reader)."""
        for item, meta in loaded:
            if isinstance(item, Rejection):
                yield Rejection(one_line(item.source), one_line(item.reason, MAX_REASON_CHARS))
                continue
            source = one_line(item.source)
            document = item if source == item.source else replace(item, source=source)
            if meta is not None:
                self.metadata[document.source] = _safe_metadata(meta)
            yield document

    def _stdin(self) -> Iterator[Loaded]:
        stream = self.stdin or sys.stdin.buffer
        data = stream.read(self.options.max_bytes + 1)
        if len(data) > self.options.max_bytes:
            limit = self.options.max_bytes // 1_048_576
            yield Rejection("<stdin>", f"input is over the {limit} MB limit; pass a file"), None
            return
        yield from self._bytes(data, "<stdin>")

    def _bytes(self, data: bytes, label: str) -> Iterator[Loaded]:
        """Bytes that may be a feed, JSON or JSON Lines records, a URL list or one article."""
        if looks_like_feed(data):
            yield from self._feed(data, label)
            return
        records = json_records(data, label, self.options.max_bytes)
        if records is not None:
            yield from _or_named(records, label, _NO_RECORDS)
            return
        urls = _url_list(data)
        if urls:
            yield from self._urls(urls)
            return
        yield to_document(data, label), None

    def _file(self, path: Path) -> Iterator[Loaded]:
        label, name = label_for(path), path.name.lower()
        cap = self.options.max_bytes
        try:  # one check for every reader: each would otherwise call it damage of its own kind
            path.open("rb").close()
        except OSError as err:
            yield Rejection(label, unreadable(err)), None
            return
        if name.endswith(JSONL_SUFFIXES):
            yield from _or_named(read_jsonl(path, label, cap), label, _NO_RECORDS)
        elif name.endswith(".json"):
            yield from _or_named(read_json(path, label, cap), label, _NO_RECORDS)
        elif name.endswith(WARC_SUFFIXES):
            yield from _or_named(read_warc(path, label, cap), label, _NO_PAGES)
        elif path.suffix.lower() in FEED_SUFFIXES or path.suffix.lower() in {".txt", ".urls", ""}:
            yield from self._sniffed(path, label)
        else:
            yield read_file(path, label, cap), None

    def _sniffed(self, path: Path, label: str) -> Iterator[Loaded]:
        """Small files whose content decides: a feed, a list of URLs, or an article."""
        try:
            with path.open("rb") as stream:
                head = stream.read(4096)
        except OSError as err:
            yield Rejection(label, unreadable(err)), None
            return
        if looks_like_feed(head) or (head[:8].lower().startswith(b"http") and _url_list(head)):
            item = read_file(path, label, self.options.max_bytes)
            if isinstance(item, Rejection):
                yield item, None
                return
            yield from self._bytes(item.content.encode("utf-8"), label)
            return
        yield read_file(path, label, self.options.max_bytes), None

    def _feed(self, data: bytes, label: str, chain: tuple[str, ...] = ()) -> Iterator[Loaded]:
        """The articles a feed links to; ``chain`` holds the feeds that led here."""
        entries = feed_entries(data)
        if not entries:
            yield Rejection(label, "feed has no entries with links; check the feed"), None
            return
        by_link = {e.link: e for e in entries}
        for item, _ in self._urls(list(by_link), (*chain, label)):
            entry = by_link.get(item.source)
            meta = (
                Metadata(entry.published, None, entry.title, entry.author)
                if entry is not None and isinstance(item, RawDocument)
                else None
            )
            yield item, meta

    def _urls(self, urls: list[str], chain: tuple[str, ...] = ()) -> Iterator[Loaded]:
        """Fetched articles; a fetched feed is followed unless it loops or nests too deep."""
        bad = {url: reason for url in urls if (reason := malformed(url)) is not None}
        fetcher = self.fetcher or Fetcher(self.options.fetch_options())
        self.fetcher = fetcher
        for url in bad:
            yield Rejection(url, bad[url]), None
        for result in fetcher.fetch_all(url for url in urls if url not in bad):
            if isinstance(result, Rejection):
                yield result, None
            elif _is_feed(result):
                yield from self._nested_feed(result, chain)
            else:
                html = result.content_type in _HTML_TYPES
                yield (
                    to_document(result.content, result.url, html_hint=html, charset=result.charset),
                    None,
                )

    def _nested_feed(self, result: Fetched, chain: tuple[str, ...]) -> Iterator[Loaded]:
        if result.url in chain or result.final_url in chain:
            reason = "feed links back to a feed already being read (a loop); skipped"
            yield Rejection(result.url, reason), None
        elif len(chain) >= MAX_FEED_DEPTH:
            reason = f"feed nested over {MAX_FEED_DEPTH} feeds deep; pass the inner feed itself"
            yield Rejection(result.url, reason), None
        else:
            yield from self._feed(result.content, result.final_url, chain)

    def close(self) -> None:
        if self.fetcher is not None:
            self.fetcher.close()


def _safe_metadata(meta: Metadata) -> Metadata:
    """Stated metadata with every value encodable (feed titles can hold anything)."""
    values = {f.name: getattr(meta, f.name) for f in fields(meta)}
    return Metadata(**{k: scrubbed(v) if isinstance(v, str) else v for k, v in values.items()})


def _is_feed(result: Fetched) -> bool:
    return (
        "rss" in result.content_type
        or "atom" in result.content_type
        or (result.content_type not in _HTML_TYPES and looks_like_feed(result.content))
    )


def _url_list(data: bytes) -> list[str] | None:
    """The URLs of a file that holds nothing else (one per line, # comments allowed)."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return None
    lines = [line.strip() for line in text.splitlines()]
    lines = [line for line in lines if line and not line.startswith("#")]
    if not lines or len(lines) > MAX_URL_LIST_LINES or not all(_URL.match(x) for x in lines):
        return None
    return list(dict.fromkeys(lines))


def read_inputs(
    specs: Iterable[str | Path], options: InputOptions | None = None
) -> Iterator[RawDocument | Rejection]:
    """Convenience: documents under ``specs`` without keeping the stated metadata."""
    reader = InputReader(options or InputOptions())
    try:
        yield from reader.read(specs)
    finally:
        reader.close()
