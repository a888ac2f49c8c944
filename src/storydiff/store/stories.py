"""Stories the web app keeps: their inputs, analysis progress and finished dossier.

Each call opens its own short-lived connection, so request threads and the analysis
worker never share one (SQLite connections are not thread-safe); WAL mode (set by
``SQLiteStore``) lets readers see the last committed state while a run writes.
"""

from __future__ import annotations

import json
import secrets
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from storydiff.store.sqlite import open_store

Status = Literal["queued", "running", "done", "failed"]


@dataclass(frozen=True, slots=True)
class StoryInput:
    """One article as the user gave it: a display name, text or HTML, and its content."""

    name: str
    kind: Literal["text", "html"]
    content: str


@dataclass(frozen=True, slots=True)
class StoryRow:
    """A story's state without its (large) dossier document."""

    id: str
    title: str
    status: Status
    stage: str
    done: int
    total: int
    error: str | None
    created_at: str
    updated_at: str
    inputs: int


_COLUMNS = (
    "s.id, s.title, s.status, s.stage, s.done, s.total, s.error, s.created_at, s.updated_at, "
    "(SELECT COUNT(*) FROM story_inputs i WHERE i.story_id = s.id)"
)


def prepare(path: Path) -> None:
    """Create or migrate the database once, before any request touches it."""
    open_store(path).close()


@contextmanager
def _connect(path: Path) -> Iterator[sqlite3.Connection]:
    db = sqlite3.connect(path, timeout=30)
    try:
        db.execute("PRAGMA foreign_keys = ON")
        yield db
    finally:
        db.close()


def new_story_id() -> str:
    """Random, unguessable, and safe in any URL or path (hex only)."""
    return secrets.token_hex(8)


def create_story(path: Path, title: str, inputs: list[StoryInput]) -> str:
    """Store a story and its inputs in one transaction; returns its id."""
    story_id = new_story_id()
    with _connect(path) as db, db:
        db.execute("INSERT INTO stories (id, title) VALUES (?, ?)", (story_id, title))
        db.executemany(
            "INSERT INTO story_inputs (story_id, position, name, kind, content) "
            "VALUES (?, ?, ?, ?, ?)",
            [(story_id, i, x.name, x.kind, x.content) for i, x in enumerate(inputs)],
        )
    return story_id


def _row(values: tuple[Any, ...]) -> StoryRow:
    return StoryRow(*values)


def list_stories(path: Path, limit: int = 200) -> list[StoryRow]:
    """Newest first."""
    with _connect(path) as db:
        rows = db.execute(
            f"SELECT {_COLUMNS} FROM stories s ORDER BY s.created_at DESC, s.rowid DESC LIMIT ?",
            (limit,),
        ).fetchall()
    return [_row(r) for r in rows]


def get_story(path: Path, story_id: str) -> StoryRow | None:
    with _connect(path) as db:
        row = db.execute(f"SELECT {_COLUMNS} FROM stories s WHERE s.id = ?", (story_id,)).fetchone()
    return None if row is None else _row(row)


def story_inputs(path: Path, story_id: str) -> list[StoryInput]:
    with _connect(path) as db:
        rows = db.execute(
            "SELECT name, kind, content FROM story_inputs WHERE story_id = ? ORDER BY position",
            (story_id,),
        ).fetchall()
    return [StoryInput(*r) for r in rows]


def story_document_text(path: Path, story_id: str) -> str | None:
    """The finished dossier as stored JSON text, or ``None`` while there is none."""
    with _connect(path) as db:
        row = db.execute("SELECT document FROM stories WHERE id = ?", (story_id,)).fetchone()
    return None if row is None or row[0] is None else str(row[0])


def story_document(path: Path, story_id: str) -> dict[str, Any] | None:
    """The finished dossier document, or ``None`` while there is none."""
    text = story_document_text(path, story_id)
    if text is None:
        return None
    document: dict[str, Any] = json.loads(text)
    return document


def set_progress(path: Path, story_id: str, stage: str, done: int, total: int) -> None:
    with _connect(path) as db, db:
        db.execute(
            "UPDATE stories SET status = 'running', stage = ?, done = ?, total = ?, "
            "updated_at = datetime('now') WHERE id = ?",
            (stage, done, total, story_id),
        )


def finish_story(path: Path, story_id: str, document: dict[str, Any]) -> None:
    with _connect(path) as db, db:
        db.execute(
            "UPDATE stories SET status = 'done', stage = 'done', error = NULL, document = ?, "
            "title = CASE WHEN title = '' THEN ? ELSE title END, "
            "updated_at = datetime('now') WHERE id = ?",
            (json.dumps(document, ensure_ascii=False), document["story"]["title"], story_id),
        )


def fail_story(path: Path, story_id: str, error: str) -> None:
    with _connect(path) as db, db:
        db.execute(
            "UPDATE stories SET status = 'failed', stage = 'failed', error = ?, "
            "updated_at = datetime('now') WHERE id = ?",
            (error, story_id),
        )


def unfinished_stories(path: Path) -> list[str]:
    """Stories a stopped server left queued or running, to run again on start."""
    with _connect(path) as db:
        rows = db.execute(
            "SELECT id FROM stories WHERE status IN ('queued', 'running') ORDER BY rowid"
        ).fetchall()
    return [r[0] for r in rows]
