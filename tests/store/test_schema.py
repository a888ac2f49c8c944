"""One schema with dialect fill-ins: every backend builds the same tables and columns."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

Opener = Callable[[], Any]

# What stored data and the queries rely on; a column added here is a new migration.
TABLES = {
    "migrations": ["name", "applied_at"],
    "articles": ["key", "source", "record", "created_at"],
    "analyses": ["article_key", "version", "record", "created_at"],
    "stories": ["id", "title", "status", "stage", "done", "total", "error", "document",
                "created_at", "updated_at", "issue", "summary_sentences", "revision"],
    "story_inputs": ["story_id", "position", "name", "kind", "content"],
    "corpus": ["seq", "article_key", "source", "outlet", "published", "title", "signature",
               "features", "story_id", "duplicate_of", "score"],
    "search_docs": ["id", "kind", "article_key", "story_id", "source", "speaker", "body"],
    "stances": ["story_id", "position", "actor_name", "issue", "stance", "date", "source",
                "evidence"],
}  # fmt: skip
# Each dialect's own additions: PostgreSQL numbers stories (SQLite has rowid) and keeps
# search terms in a column; SQLite's FTS5 index is tables of its own.
EXTRA = {"postgres": {"stories": ["seq"], "search_docs": ["terms"]}, "sqlite": {}}


def _columns(store: Any) -> dict[str, list[str]]:
    """Each ordinary table's columns in order, as the database reports them."""
    if hasattr(store, "path"):
        names = store._fetch(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'search_fts%'"
        )
        return {
            name: [row[1] for row in store._fetch(f"PRAGMA table_info({name})")]
            for (name,) in names
        }
    rows = store._fetch(
        "SELECT table_name, column_name FROM information_schema.columns "
        "WHERE table_schema = current_schema() ORDER BY table_name, ordinal_position"
    )
    tables: dict[str, list[str]] = {}
    for table, column in rows:
        tables.setdefault(table, []).append(column)
    return tables


def test_every_backend_builds_the_same_tables(opener: Opener) -> None:
    store = opener()
    backend = "sqlite" if hasattr(store, "path") else "postgres"
    found = _columns(store)
    store.close()
    for table, extra in EXTRA[backend].items():
        found[table] = [column for column in found[table] if column not in extra]
    assert found == TABLES
