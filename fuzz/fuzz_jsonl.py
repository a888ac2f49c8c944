"""Fuzz the JSON Lines and JSON readers: any bytes, one record or rejection per line."""

from __future__ import annotations

import tempfile
from pathlib import Path

import atheris

with atheris.instrument_imports(include=["storydiff"]):
    from storydiff.ingest.jsonl import read_json, read_jsonl

from _harness import check_rejection, run

FOLDER = Path(tempfile.mkdtemp(prefix="fuzz-jsonl-"))


def test_one_input(data: bytes) -> None:
    path = FOLDER / "a.jsonl"
    path.write_bytes(data)
    for item, _ in (*read_jsonl(path, "fuzz", 100_000), *read_json(path, "fuzz", 100_000)):
        check_rejection(item)


if __name__ == "__main__":
    run(test_one_input)
