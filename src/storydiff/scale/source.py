"""Where batch articles come from: any stream of documents, cut into numbered partitions.

The batch needs only an iterator of ``RawDocument | Rejection`` in a stable order, so any
reader plugs in: ``ingest.read_paths`` for files and folders today, a JSONL or WARC reader
tomorrow (see ``DocumentStream``). Partition *n* is the *n*-th run of ``size`` documents; its
fingerprint hashes what it holds, so a resumed run knows a finished partition by its content,
not only by its number, and redoes it if the input under it changed.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import islice
from pathlib import Path

from storydiff.model import RawDocument, Rejection

Document = RawDocument | Rejection
DocumentStream = Iterable[Document]  # what every batch reader yields, in a stable order


@dataclass(frozen=True, slots=True)
class Partition:
    index: int
    documents: tuple[Document, ...]
    fingerprint: str


def fingerprint(documents: Iterable[Document]) -> str:
    """SHA-256 over every document's source, kind and content (or rejection reason)."""
    digest = hashlib.sha256()
    for doc in documents:
        parts = (
            (doc.source, doc.kind, doc.content)
            if isinstance(doc, RawDocument)
            else (doc.source, "rejected", doc.reason)
        )
        for part in parts:
            data = part.encode("utf-8", "surrogatepass")
            digest.update(len(data).to_bytes(8, "little") + data)
    return digest.hexdigest()


def partitions(stream: DocumentStream, size: int) -> Iterator[Partition]:
    """Consecutive partitions of ``size`` documents; only one is held at a time."""
    it = iter(stream)
    index = 0
    while chunk := tuple(islice(it, size)):
        yield Partition(index, chunk, fingerprint(chunk))
        index += 1


def file_documents(paths: Iterable[Path]) -> DocumentStream:
    """Files and folders, read as ``storydiff analyze`` reads them."""
    from storydiff.ingest import read_paths

    return read_paths(paths)
