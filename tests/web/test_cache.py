"""Rendered dossiers: many requests missing the cache at once cause one render, not many."""

from __future__ import annotations

import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from storydiff.web import cache


def test_concurrent_misses_render_once(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    calls: list[str] = []
    guard = threading.Lock()

    def slow_document(db: Path, story_id: str) -> str:
        with guard:
            calls.append(story_id)
        time.sleep(0.2)  # long enough for every other thread to arrive meanwhile
        return '{"claims": []}'

    monkeypatch.setattr(cache.stories, "story_document_text", slow_document)
    db = tmp_path / "cache.db"  # a fresh key: nothing cached yet
    with ThreadPoolExecutor(max_workers=8) as pool:
        texts = list(pool.map(lambda _: cache.rendered(db, "s1", "t1", "json"), range(8)))
    assert texts == ['{"claims": []}'] * 8
    assert calls == ["s1"]
    assert cache.rendered(db, "s1", "t2", "json") and calls == ["s1", "s1"]  # a new version
