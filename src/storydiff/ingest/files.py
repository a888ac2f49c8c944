"""Reading files and folders: bounded size, any encoding, one bad file never stops the batch."""

from __future__ import annotations

import errno
import gzip
import os
import re
import stat
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path

from storydiff.ingest.decode import (
    BINARY_REASON,
    MAX_HTML_DEPTH,
    binary_text,
    decode,
    html_depth,
    looks_binary,
    noted,
    one_line,
    scrub,
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
    "label_for",
    "read_file",
    "read_gzip_file",
    "read_paths",
    "to_document",
    "unreadable",
]


def label_for(path: Path) -> str:
    """How a path is named in documents and messages: on one line, and a file name that is
    not UTF-8 (its bytes come back as lone surrogates) shown with U+FFFD, never unencodable."""
    return one_line(str(path))


def unreadable(err: OSError, what: str = "file") -> str:
    """The one-line reason a file or folder could not be opened, and what to do."""
    if isinstance(err, PermissionError):
        mode = "u+rx" if what == "folder" else "u+r"
        return f"permission denied; make the {what} readable (chmod {mode}) or leave it out"
    if err.errno == errno.ELOOP:
        return "symlink loop (the link points back at itself); fix or remove the link"
    if isinstance(err, FileNotFoundError):
        return "no such file or folder; check the path"
    return f"cannot read ({err.strerror or type(err).__name__}); check the path and permissions"


def candidate_files(path: Path) -> Iterator[Path | Rejection]:
    """Files under a folder in a stable order (names sorted at every level), hidden ones
    skipped. A folder that cannot be listed, a broken or looping link and anything that is
    not a regular file is a rejection naming it; everything else is still read. Linked
    folders are followed unless the link loops back or the folder was already read."""
    try:
        info = path.stat()
    except OSError as err:
        yield Rejection(label_for(path), unreadable(err))
        return
    if stat.S_ISREG(info.st_mode):
        yield path
    elif stat.S_ISDIR(info.st_mode):
        key = (info.st_dev, info.st_ino)
        yield from _walk(path, {key: path}, {key: path})
    else:
        yield Rejection(label_for(path), _NOT_REGULAR)


_NOT_REGULAR = "not a regular file or folder (a pipe, socket or device); save it to a file"


def _walk(
    folder: Path, ancestors: dict[tuple[int, int], Path], seen: dict[tuple[int, int], Path]
) -> Iterator[Path | Rejection]:
    try:
        with os.scandir(folder) as listing:
            names = sorted(entry.name for entry in listing)
    except OSError as err:
        yield Rejection(label_for(folder), unreadable(err, "folder"))
        return
    for name in names:
        child = folder / name
        try:
            info = child.stat()
        except OSError as err:
            if name.startswith("."):
                continue  # a hidden file (an editor's lock link) is skipped, readable or not
            broken = isinstance(err, FileNotFoundError) and child.is_symlink()
            reason = "broken symlink (its target is missing); fix or remove the link"
            yield Rejection(label_for(child), reason if broken else unreadable(err))
            continue
        if stat.S_ISDIR(info.st_mode):
            key = (info.st_dev, info.st_ino)
            if key in ancestors:
                reason = f"symlink loop (links back to {label_for(ancestors[key])}); skipped"
                yield Rejection(label_for(child), reason)
            elif key in seen:
                reason = f"links to a folder already read ({label_for(seen[key])}); read once"
                yield Rejection(label_for(child), reason)
            else:
                seen[key] = child
                yield from _walk(child, {**ancestors, key: child}, seen)
        elif name.startswith("."):
            continue
        elif stat.S_ISREG(info.st_mode):
            yield child
        else:
            yield Rejection(label_for(child), _NOT_REGULAR)


def to_document(
    data: bytes, label: str, *, html_hint: bool = False, charset: str | None = None
) -> RawDocument | Rejection:
    """Bytes of one article → a document, or a rejection saying why and what to do."""
    if not data:
        return Rejection(label, "empty file; nothing to analyse")
    if looks_binary(data):
        return Rejection(label, BINARY_REASON)
    content, encoding = decode(data, charset)
    if binary_text(content):
        return Rejection(label, BINARY_REASON)
    content, note = scrub(content)
    encoding = noted(encoding, note)
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
        return Rejection(label, unreadable(err))
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
        return Rejection(label, unreadable(err))
    return to_document(data, label, html_hint=path.suffix.lower() in HTML_SUFFIXES)


def read_gzip_file(path: Path, label: str, max_bytes: int) -> RawDocument | Rejection:
    """A gzipped article, decompressed only up to the size cap: a small bomb stays small."""
    try:
        raw = path.open("rb")
    except OSError as err:
        return Rejection(label, unreadable(err))
    try:
        with raw, gzip.GzipFile(fileobj=raw, mode="rb") as stream:
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
        for file in candidate_files(root):
            yield file if isinstance(file, Rejection) else read_file(file, label_for(file))
