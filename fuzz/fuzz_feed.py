"""Fuzz feed sniffing and parsing: feedparser is handed hostile bytes, never a URL."""

from __future__ import annotations

import atheris

with atheris.instrument_imports(include=["storydiff"]):
    from storydiff.ingest.feeds import feed_entries, looks_like_feed

from _harness import run


def test_one_input(data: bytes) -> None:
    looks_like_feed(data)
    for entry in feed_entries(data):
        assert entry.link.strip() == entry.link and entry.link


if __name__ == "__main__":
    run(test_one_input)
