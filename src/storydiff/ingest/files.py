"""Reading files and folders: bounded size, any encoding, one bad file never stops the batch."""

from __future__ import annotations

import gzip
import re
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path

from storydiff.ingest.decode import (
    MAX_HTML_DEPTH,
    decode,
    html_depth,
    looks_binary,
    too_long,
)
from storydiff.model import RawDocument, Rejection

MAX_FILE_BYTES = 20 * 1024 * 1024  # larger than any article; stops a stray dump eating memory

TEXT_SUFFIXES = frozenset({".txt", ".text", ".md", ""})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
# Single articles saved gzipped (crawlers and `gzip -k` do this); JSONL and WARC exports have
# their own streaming readers, so they are not in this list.
GZIP_SUFFIXES = tuple(f"{suffix}.gz" for suffix in sorted((TEXT_SUFFIXES | HTML_SUFFIXES) - {""}))

# A document that opens with markup is HTML whatever its name says.
_HTML_START = re.compile(rb"^\s*(<!doctype html|<html|<head|<body|<article|<div|<p[ >])", re.I)

__all__ = [
    "GZIP_SUFFIXES",
    "MAX_FILE_BYTES",
    "candidate_files",
    "decode",
    "read_file",
    "read_gzip_file",
    "read_paths",
    "to_document",
]


def candidate_files(path: Path) -> Iterator[Path]:
    """Files under a folder in a stable order, hidden ones skipped."""
    if path.is_file():
        yield path
        return
    for child in sorted(path.rglob("*")):
        if child.is_file() and not any(part.startswith(".") for part in child.parts[-1:]):
            yield child


def to_document(
    data: bytes, label: str, *, html_hint: bool = False, charset: str | None = None
) -> RawDocument | Rejection:
    """Bytes of one article → a document, or a rejection saying why and what to do."""
    if not data:
        return Rejection(label, "empty file; nothing to analyse")
    if looks_binary(data):
        return Rejection(label, "binary file, not text or HTML; remove it from the input")
    content, encoding = decode(data, charset)
    if not content.strip():
        return Rejection(label, "file holds only whitespace; nothing to analyse")
    is_html = html_hint or bool(_HTML_START.match(data[:512]))
    if is_html and html_depth(content) > MAX_HTML_DEPTH:
        return Rejection(
            label,
            f"HTML nested over {MAX_HTML_DEPTH} elements deep, beyond what parsers read; "
            "the page is broken or hostile; save it again from a browser",
        )
    reason = None if is_html else too_long(content)
    if reason is not None:
        return Rejection(label, reason)
    return RawDocument(label, content, "html" if is_html else "text", encoding)


def read_file(path: Path, label: str, max_bytes: int = MAX_FILE_BYTES) -> RawDocument | Rejection:
    """One file → a document, or a rejection saying why and what to do."""
    name = path.name.lower()
    if name.endswith(GZIP_SUFFIXES):
        return read_gzip_file(path, label, max_bytes)
    if name.endswith(".gz"):
        return Rejection(
            label,
            "compressed file of a kind storydiff does not read; it reads "
            ".txt.gz, .html.gz, .jsonl.gz and .warc.gz, or decompress it first",
        )
    try:
        size = path.stat().st_size
    except OSError as err:
        return Rejection(label, f"cannot read ({err.strerror}); check the path and permissions")
    if size == 0:
        return Rejection(label, "empty file; nothing to analyse")
    if size > max_bytes:
        return Rejection(
            label,
            f"file is {size // 1_048_576} MB, over the {max_bytes // 1_048_576} MB "
            "limit for one article; split it or pass the article alone",
        )
    try:
        data = path.read_bytes()
    except OSError as err:
        return Rejection(label, f"cannot read ({err.strerror}); check the path and permissions")
    return to_document(data, label, html_hint=path.suffix.lower() in HTML_SUFFIXES)


def read_gzip_file(path: Path, label: str, max_bytes: int) -> RawDocument | Rejection:
    """A gzipped article, decompressed only up to the size cap: a small bomb stays small."""
    try:
        with gzip.open(path, "rb") as stream:
            data = stream.read(max_bytes + 1)
    except (OSError, EOFError, zlib.error) as err:
        detail = str(err).splitlines()[0][:120] if str(err) else type(err).__name__
        return Rejection(
            label, f"damaged gzip file ({detail}); download it again or decompress it yourself"
        )
    if len(data) > max_bytes:
        return Rejection(
            label,
            f"decompresses to over {max_bytes // 1_048_576} MB, the limit for one article; "
            "split it or pass the article alone",
        )
    html = path.name.lower().removesuffix(".gz").endswith(tuple(HTML_SUFFIXES))
    return to_document(data, label, html_hint=html)


def read_paths(paths: Iterable[Path]) -> Iterator[RawDocument | Rejection]:
    """Every readable article under the given files and folders, in a stable order."""
    for root in paths:
        if not root.exists():
            yield Rejection(str(root), "no such file or folder; check the path")
            continue
        for file in candidate_files(root):
            yield read_file(file, str(file))
