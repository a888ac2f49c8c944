"""WARC archives (Common Crawl's CC-NEWS and any crawler's output), streamed record by record.

warcio reads one record at a time from the (gzipped) stream, so a multi-gigabyte archive
never sits in memory; each page body is read up to the size cap. A truncated archive (an
interrupted download) keeps every record before the break and reports where it stopped.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from storydiff.ingest.decode import binary_text, decode, looks_binary, noted, scrub, too_long
from storydiff.ingest.records import Loaded
from storydiff.model import RawDocument, Rejection

if TYPE_CHECKING:
    from warcio.archiveiterator import ArchiveIterator

WARC_SUFFIXES = (".warc", ".warc.gz")
# How warcio reports a damaged archive: besides its own errors, a header cut short leaves a
# field it expects as None (AttributeError, TypeError), and bad numbers raise ValueError.
_DAMAGE = (EOFError, OSError, ValueError, AttributeError, TypeError, IndexError, zlib.error)
_PAGE_TYPES = ("text/html", "application/xhtml+xml", "text/plain")
_MAX_HEADER_BYTES = 64 * 1024  # a WARC record's header lines; real ones are under 2 KB


def read_warc(path: Path, label: str, max_bytes: int) -> Iterator[Loaded]:
    """Every HTML or text response in a WARC file as a document named by its URL."""
    from warcio.archiveiterator import ArchiveIterator  # imported only for WARC input
    from warcio.exceptions import ArchiveLoadFailed
    from warcio.statusandheaders import StatusAndHeadersParserException

    count = 0
    try:
        with path.open("rb") as stream:
            archive = ArchiveIterator(stream)
            declared = 0
            for record in archive:
                declared = int(record.rec_headers.get_header("Content-Length") or 0)
                if record.rec_type not in {"response", "resource"}:
                    continue
                url = record.rec_headers.get_header("WARC-Target-URI") or f"{label}#{count + 1}"
                if record.http_headers is not None:
                    if record.http_headers.get_statuscode() != "200":
                        continue
                    ctype = record.http_headers.get_header("Content-Type") or ""
                else:
                    ctype = record.rec_headers.get_header("Content-Type") or ""
                if not ctype.lower().startswith(_PAGE_TYPES):
                    continue
                count += 1
                body = record.content_stream().read(max_bytes + 1)
                yield _document(url, body, ctype, max_bytes), None
            if _cut_short(path, archive, declared):
                raise EOFError("the last record is incomplete")
    except (ArchiveLoadFailed, StatusAndHeadersParserException, *_DAMAGE) as err:
        detail = str(err).splitlines()[0][:120] if str(err) else type(err).__name__
        yield (
            Rejection(
                label,
                f"archive is truncated or damaged after {count} pages ({detail}); "
                "the pages before were read; re-download the file for the rest",
            ),
            None,
        )


def _cut_short(path: Path, archive: ArchiveIterator, declared: int) -> bool:
    """warcio ends quietly on a truncated file; check that the last record is whole."""
    size = path.stat().st_size
    if archive.offset < size:
        return True  # bytes left that are not a record
    if archive.member_info is None:
        return False  # no record at all: nothing was read, so nothing was cut
    start: int = archive.member_info[0]
    length: int = archive.member_info[1]
    if not path.name.endswith(".gz"):
        # The block (its declared Content-Length) starts after the record's header lines; a
        # record cut in its block or its HTTP headers reads as whole, or is skipped quietly.
        with path.open("rb") as stream:
            stream.seek(start)
            head = stream.read(_MAX_HEADER_BYTES)
        ends = head.find(b"\r\n\r\n")
        return ends < 0 or start + ends + 4 + declared > size
    with path.open("rb") as stream:  # one gzip member: cheap to check for its proper end
        stream.seek(start)
        member = stream.read(length or size - start)
    inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        while member and not inflater.eof:
            inflater.decompress(member, 1 << 20)
            member = inflater.unconsumed_tail
    except zlib.error:
        return True
    return not inflater.eof


def _document(url: str, body: bytes, ctype: str, max_bytes: int) -> RawDocument | Rejection:
    if len(body) > max_bytes:
        return Rejection(url, f"page is over {max_bytes // 1_048_576} MB; skipped")
    if not body.strip():
        return Rejection(url, "empty page in the archive")
    if looks_binary(body):
        return Rejection(url, "binary content in the archive, not text or HTML")
    charset = None
    if "charset=" in ctype.lower():
        charset = ctype.lower().split("charset=", 1)[1].split(";")[0].strip("\"' ")
    content, encoding = decode(body, charset)
    if binary_text(content):
        return Rejection(url, "binary content in the archive, not text or HTML")
    content, note = scrub(content)
    encoding = noted(encoding, note)
    kind: Literal["text", "html"] = "text" if ctype.lower().startswith("text/plain") else "html"
    reason = too_long(content) if kind == "text" else None
    if reason is not None:
        return Rejection(url, reason)
    return RawDocument(url, content, kind, encoding)
