"""Fuzz the WARC reader with damaged archives, plain and gzipped."""

from __future__ import annotations

import gzip
import tempfile
from pathlib import Path

import atheris

with atheris.instrument_imports(include=["storydiff"]):
    from storydiff.ingest.warc import read_warc

from _harness import check_rejection, run

# A whole record the fuzzer can start from: it learns to damage a real archive, not noise.
SEED = (
    b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://news.example/a\r\n"
    b"Content-Type: application/http; msgtype=response\r\nContent-Length: 68\r\n\r\n"
    b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<p>The council met.</p>\r\n\r\n"
)
FOLDER = Path(tempfile.mkdtemp(prefix="fuzz-warc-"))


def test_one_input(data: bytes) -> None:
    provider = atheris.FuzzedDataProvider(data)
    zipped = provider.ConsumeBool()
    body = SEED + provider.ConsumeBytes(len(data)) if provider.ConsumeBool() else data
    path = FOLDER / ("a.warc.gz" if zipped else "a.warc")
    path.write_bytes(gzip.compress(body, 1) if zipped else body)
    for item, _ in read_warc(path, "fuzz", 100_000):
        check_rejection(item)


if __name__ == "__main__":
    run(test_one_input)
