"""Stories the web app keeps: their inputs, analysis progress and finished dossier.

Each call opens its own short-lived connection, so request threads and the analysis
worker never share one (SQLite connections are not thread-safe); WAL mode (set by
``SQLiteStore``) lets readers see the last committed state while a run writes. The
statements themselves live in ``store.sql`` and run on PostgreSQL as well.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from storydiff.store.records import Status, StoryInput, StoryRow
from storydiff.store.sqlite import SQLiteStore, open_store

__all__ = [
    "Status",
    "StoryInput",
    "StoryRow",
    "connect",
    "create_story",
    "delete_story",
    "fail_story",
    "finish_story",
    "get_story",
    "list_stories",
    "prepare",
    "requeue_story",
    "set_progress",
    "story_document",
    "story_document_text",
    "story_inputs",
    "unfinished_stories",
]


def prepare(path: Path) -> None:
    """Create or migrate the database once, before any request touches it."""
    open_store(path).close()


@contextmanager
def connect(path: Path) -> Iterator[SQLiteStore]:
    """A short-lived connection to a prepared store, for one request or one update."""
    with SQLiteStore(path, migrate=False) as store:
        yield store


def create_story(
    path: Path, title: str, inputs: list[StoryInput], *, issue: str | None = None
) -> str:
    """Store a story and its inputs in one transaction; returns its id."""
    with connect(path) as store:
        return store.create_story(title, inputs, issue=issue)


def requeue_story(path: Path, story_id: str, added: list[StoryInput], *, issue: str | None) -> bool:
    """Queue a finished or failed story again with ``added`` inputs; False while it runs."""
    with connect(path) as store:
        return store.requeue_story(story_id, added, issue=issue)


def delete_story(path: Path, story_id: str) -> bool:
    """Remove a story that is not being analysed; False when it is (or is gone)."""
    with connect(path) as store:
        return store.delete_story(story_id)


def list_stories(path: Path, limit: int = 200) -> list[StoryRow]:
    """Newest first."""
    with connect(path) as store:
        return store.list_stories(limit)


def get_story(path: Path, story_id: str) -> StoryRow | None:
    with connect(path) as store:
        return store.get_story(story_id)


def story_inputs(path: Path, story_id: str) -> list[StoryInput]:
    with connect(path) as store:
        return store.story_inputs(story_id)


def story_document_text(path: Path, story_id: str) -> str | None:
    """The finished dossier as stored JSON text, or ``None`` while there is none."""
    with connect(path) as store:
        return store.story_document_text(story_id)


def story_document(path: Path, story_id: str) -> dict[str, Any] | None:
    """The finished dossier document, or ``None`` while there is none."""
    text = story_document_text(path, story_id)
    if text is None:
        return None
    document: dict[str, Any] = json.loads(text)
    return document


def set_progress(path: Path, story_id: str, stage: str, done: int, total: int) -> None:
    with connect(path) as store:
        store.set_progress(story_id, stage, done, total)


def finish_story(path: Path, story_id: str, document: dict[str, Any]) -> None:
    with connect(path) as store:
        store.finish_story(story_id, document)


def fail_story(path: Path, story_id: str, error: str) -> None:
    with connect(path) as store:
        store.fail_story(story_id, error)


def unfinished_stories(path: Path) -> list[str]:
    """Stories a stopped server left queued or running, to run again on start."""
    with connect(path) as store:
        return store.unfinished_stories()
