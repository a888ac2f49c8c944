"""JSON Lines and JSON exports, read one record at a time.

A JSONL export can hold millions of articles, so it is read line by line with a bounded line
length: a runaway line is skipped with a reason, never loaded whole. A plain ``.json`` file is
one object or a list of them and is read whole, under the same size cap as any article file.
"""

from __future__ import annotations

import gzip
import io
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import IO, cast

from storydiff.ingest.files import unreadable
from storydiff.ingest.records import Loaded, from_record
from storydiff.ingest.sidecar import parse_json
from storydiff.model import Rejection

JSONL_SUFFIXES = (".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz")


def _open(path: Path) -> IO[bytes]:
    if path.name.endswith(".gz"):
        return cast(IO[bytes], gzip.open(path, "rb"))
    return path.open("rb")


def read_jsonl(path: Path, label: str, max_bytes: int) -> Iterator[Loaded]:
    """Every record of a JSONL file, each a document or a rejection naming its line."""
    try:
        stream = _open(path)
    except OSError as err:
        yield Rejection(label, unreadable(err)), None
        return
    yield from _lines(stream, label, max_bytes)


def _lines(stream: IO[bytes], label: str, max_bytes: int) -> Iterator[Loaded]:
    number = 0
    try:
        with stream:
            while True:
                line = stream.readline(max_bytes + 1)
                if not line:
                    break
                number += 1
                where = f"{label}#{number}"
                if len(line) > max_bytes and not line.endswith(b"\n"):
                    _skip_rest_of_line(stream)
                    yield (
                        Rejection(where, f"line is over {max_bytes // 1_048_576} MB; skipped"),
                        None,
                    )
                    continue
                if not line.strip():
                    continue
                try:
                    record = parse_json(line)
                except ValueError as err:
                    yield Rejection(where, f"not valid JSON ({err}); fix or drop the line"), None
                    continue
                yield from_record(record, where, max_bytes)
    except (OSError, EOFError, zlib.error) as err:
        detail = str(err).splitlines()[0][:120] if str(err) else type(err).__name__
        yield (
            Rejection(
                label, f"file is damaged or ends early after line {number} ({detail}); re-export it"
            ),
            None,
        )


def _skip_rest_of_line(stream: IO[bytes]) -> None:
    while True:
        chunk = stream.readline(1 << 20)
        if not chunk or chunk.endswith(b"\n"):
            return


def read_json(path: Path, label: str, max_bytes: int) -> Iterator[Loaded]:
    """A ``.json`` file: one record, or a list of records."""
    try:
        size = path.stat().st_size
        data = path.read_bytes() if size <= max_bytes else b""
    except OSError as err:
        yield Rejection(label, unreadable(err)), None
        return
    if size > max_bytes:
        yield (
            Rejection(label, f"JSON file is over {max_bytes // 1_048_576} MB; export it as JSONL"),
            None,
        )
        return
    try:
        parsed = parse_json(data)
    except ValueError as err:  # UnicodeDecodeError is one
        yield Rejection(label, f"not valid JSON ({err}); check the file"), None
        return
    yield from _parsed(parsed, label, max_bytes)


def _parsed(parsed: object, label: str, max_bytes: int) -> Iterator[Loaded]:
    if isinstance(parsed, list):
        for number, record in enumerate(parsed, start=1):
            yield from_record(record, f"{label}#{number}", max_bytes)
    else:
        yield from_record(parsed, label, max_bytes)


def json_records(data: bytes, label: str, max_bytes: int) -> Iterator[Loaded] | None:
    """Piped JSON: one object or a list of them, or JSON Lines (news-please, Fundus and
    trafilatura exports), each record a document or a rejection naming its line; None when
    the bytes are not JSON (an article may well open with "[Updated]")."""
    head = data.lstrip()[:1]
    if head not in (b"{", b"["):
        return None
    try:
        return _parsed(parse_json(data), label, max_bytes)
    except ValueError:
        pass
    first = next((line for line in data.splitlines() if line.strip()), b"")
    try:
        opens_a_record = isinstance(parse_json(first), dict)
    except ValueError:
        opens_a_record = False
    return _lines(io.BytesIO(data), label, max_bytes) if opens_a_record else None
