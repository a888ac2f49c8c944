"""Hostile inputs through ingest and cleaning into every store backend (issue 15): a NUL byte
anywhere, UTF-16 with a NUL, a JSONL record with \\u0000 and a lone surrogate, and JSON nested
past any parser's depth. PostgreSQL refuses NUL and surrogates outright, so this is where a
character that slipped through would end a run."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from storydiff.clean import clean_all
from storydiff.ingest import InputOptions, InputReader
from storydiff.model import RawDocument, Rejection

Opener = Callable[[], Any]
SENTENCE = "The council voted 12 to 3 on Tuesday to close the harbour road, the mayor said. "
DEEP = "[" * 200_000 + "]" * 200_000


def _hostile_folder(folder: Path) -> None:
    (folder / "late_nul.txt").write_bytes((SENTENCE * 60).encode() + b"\x00" + SENTENCE.encode())
    (folder / "utf16.txt").write_bytes(
        ("\ufeff" + SENTENCE * 5 + "\x00" + SENTENCE).encode("utf-16-le")
    )
    record = {"title": "Harbour road", "text": SENTENCE * 3 + "\u0000 lone \ud800 half " + SENTENCE}
    (folder / "records.jsonl").write_text(json.dumps(record) + "\n", "utf-8")
    (folder / "deep.json").write_text(DEEP, "utf-8")
    (folder / "deep_line.jsonl").write_text(DEEP + "\n", "utf-8")


def test_hostile_text_is_stored_clean_or_named(opener: Opener, tmp_path: Path) -> None:
    _hostile_folder(tmp_path)
    reader = InputReader(InputOptions())  # as `storydiff analyze` and the web app read
    try:
        items: list[RawDocument | Rejection] = list(reader.read([str(tmp_path)]))
    finally:
        reader.close()
    articles, rejected = clean_all(items)
    assert sorted(Path(r.source.split("#")[0].split(":")[0]).name for r in rejected) == [
        "deep.json",
        "deep_line.jsonl",
    ]
    assert all("\n" not in r.reason and len(r.reason) < 300 for r in rejected)
    assert len(articles) == 3  # the two texts with a NUL and the JSONL record
    store = opener()
    try:
        for article in articles:
            assert "\x00" not in article.text and "\ud800" not in article.text
            store.put_article(article)
            assert store.get_article(article.key) == article
    finally:
        store.close()
