"""Reading files and folders: bounded size, any encoding, one bad file never stops the batch."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from charset_normalizer import from_bytes

from storydiff.model import RawDocument, Rejection

MAX_FILE_BYTES = 20 * 1024 * 1024  # larger than any article; stops a stray dump eating memory

TEXT_SUFFIXES = frozenset({".txt", ".text", ".md", ""})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})

# A document that opens with markup is HTML whatever its name says.
_HTML_START = re.compile(rb"^\s*(<!doctype html|<html|<head|<body|<article|<div|<p[ >])", re.I)


def _candidate_files(path: Path) -> Iterator[Path]:
    """Files under a folder in a stable order, hidden ones skipped."""
    if path.is_file():
        yield path
        return
    for child in sorted(path.rglob("*")):
        if child.is_file() and not any(part.startswith(".") for part in child.parts[-1:]):
            yield child


def _looks_binary(data: bytes) -> bool:
    """NUL bytes or a high share of control characters mean this is not text."""
    sample = data[:4096]
    if b"\x00" in sample:
        return True
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    return controls > len(sample) * 0.05


# Encodings news pages actually use, most common first. Detectors rank rare code pages
# (mac_latin2, cp775) as high as these on short texts; ties go to the common one.
WEB_ENCODINGS = (
    "utf_16",
    "cp1252",
    "iso8859_1",
    "iso8859_15",
    "cp1250",
    "iso8859_2",
    "cp1251",
    "koi8_r",
    "cp1253",
    "cp1254",
    "cp1256",
    "iso8859_9",
    "shift_jis",
    "euc_jp",
    "gb18030",
    "big5",
    "euc_kr",
)


def decode(data: bytes) -> tuple[str, str]:
    """Decode bytes of unknown encoding; UTF-8 first because most of the web is."""
    try:
        return data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        pass
    results = list(from_bytes(data))
    common = [m for m in results if m.encoding in WEB_ENCODINGS] or results
    if not common:
        return data.decode("utf-8", errors="replace"), "utf-8 (with replacements)"
    rank = {name: i for i, name in enumerate(WEB_ENCODINGS)}
    best = min(common, key=lambda m: (round(m.chaos, 2), rank.get(m.encoding, len(rank))))
    return str(best), best.encoding


def read_file(path: Path, label: str) -> RawDocument | Rejection:
    """One file → a document, or a rejection saying why and what to do."""
    try:
        size = path.stat().st_size
    except OSError as err:
        return Rejection(label, f"cannot read ({err.strerror}); check the path and permissions")
    if size == 0:
        return Rejection(label, "empty file; nothing to analyse")
    if size > MAX_FILE_BYTES:
        return Rejection(
            label,
            f"file is {size // 1_048_576} MB, over the {MAX_FILE_BYTES // 1_048_576} MB "
            "limit for one article; split it or pass the article alone",
        )
    data = path.read_bytes()
    if _looks_binary(data):
        return Rejection(label, "binary file, not text or HTML; remove it from the input")
    content, encoding = decode(data)
    if not content.strip():
        return Rejection(label, "file holds only whitespace; nothing to analyse")
    is_html = path.suffix.lower() in HTML_SUFFIXES or bool(_HTML_START.match(data[:512]))
    return RawDocument(label, content, "html" if is_html else "text", encoding)


def read_paths(paths: Iterable[Path]) -> Iterator[RawDocument | Rejection]:
    """Every readable article under the given files and folders, in a stable order."""
    for root in paths:
        if not root.exists():
            yield Rejection(str(root), "no such file or folder; check the path")
            continue
        for file in _candidate_files(root):
            yield read_file(file, str(file))
