"""Ingest: turn what the user points at into decoded ``RawDocument`` records.

Files and folders (.txt, .html, .json/.jsonl, .warc/.warc.gz, feeds, URL lists), stdin and
http(s) URLs; every unusable input becomes a ``Rejection`` with a one-line reason.
"""

from storydiff.ingest.fetch import Fetcher, FetchOptions
from storydiff.ingest.files import MAX_FILE_BYTES, read_paths
from storydiff.ingest.inputs import InputOptions, InputReader, read_inputs
from storydiff.ingest.sidecar import Metadata, Sidecar, load_sidecar
from storydiff.ingest.urls import UrlPolicy

__all__ = [
    "MAX_FILE_BYTES",
    "FetchOptions",
    "Fetcher",
    "InputOptions",
    "InputReader",
    "Metadata",
    "Sidecar",
    "UrlPolicy",
    "load_sidecar",
    "read_inputs",
    "read_paths",
]
