"""Ingest: turn what the user points at into decoded ``RawDocument`` records."""

from storydiff.ingest.files import MAX_FILE_BYTES, read_paths

__all__ = ["MAX_FILE_BYTES", "read_paths"]
