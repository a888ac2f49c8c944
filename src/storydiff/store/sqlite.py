"""The embedded default store: one SQLite file, named migrations, all writes in transactions."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

from storydiff.codec import from_plain, to_plain
from storydiff.errors import StoreError
from storydiff.model import Analysis, Article

if TYPE_CHECKING:
    from storydiff.store.postgres import PostgresStore

# Applied in order, each once, each in its own transaction; never edit one that has shipped.
MIGRATIONS: tuple[tuple[str, str], ...] = (
    (
        "001_articles_and_analyses",
        """
        CREATE TABLE articles (
            key TEXT PRIMARY KEY,
            source TEXT NOT NULL,
            record TEXT NOT NULL,
            created_at TEXT NOT NULL DEFAULT (datetime('now'))
        );
        CREATE TABLE analyses (
            article_key TEXT NOT NULL REFERENCES articles(key) ON DELETE CASCADE,
            version TEXT NOT NULL,
            record TEXT NOT NULL,
            created_at TEXT NOT NULL DEFAULT (datetime('now')),
            PRIMARY KEY (article_key, version)
        );
        """,
    ),
    (
        "002_web_stories",
        """
        CREATE TABLE stories (
            id TEXT PRIMARY KEY,
            title TEXT NOT NULL,
            status TEXT NOT NULL DEFAULT 'queued',
            stage TEXT NOT NULL DEFAULT '',
            done INTEGER NOT NULL DEFAULT 0,
            total INTEGER NOT NULL DEFAULT 0,
            error TEXT,
            document TEXT,
            created_at TEXT NOT NULL DEFAULT (datetime('now')),
            updated_at TEXT NOT NULL DEFAULT (datetime('now'))
        );
        CREATE TABLE story_inputs (
            story_id TEXT NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            name TEXT NOT NULL,
            kind TEXT NOT NULL,
            content TEXT NOT NULL,
            PRIMARY KEY (story_id, position)
        );
        """,
    ),
)


class SQLiteStore:
    """Store backed by one SQLite file."""

    def __init__(self, path: Path) -> None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(path)
            self._db.execute("PRAGMA foreign_keys = ON")
            self._db.execute("PRAGMA journal_mode = WAL")
            self._migrate()
        except sqlite3.DatabaseError as err:
            raise StoreError(
                f"cannot open the store {path}: {err}; pass another --db or delete the file"
            ) from err
        self.path = path

    def _migrate(self) -> None:
        self._db.execute(
            "CREATE TABLE IF NOT EXISTS migrations (name TEXT PRIMARY KEY, "
            "applied_at TEXT NOT NULL DEFAULT (datetime('now')))"
        )
        done = {row[0] for row in self._db.execute("SELECT name FROM migrations")}
        for name, sql in MIGRATIONS:
            if name in done:
                continue
            with self._db:
                for statement in filter(str.strip, sql.split(";")):
                    self._db.execute(statement)
                self._db.execute("INSERT INTO migrations (name) VALUES (?)", (name,))

    def applied_migrations(self) -> list[str]:
        return [row[0] for row in self._db.execute("SELECT name FROM migrations ORDER BY name")]

    def put_article(self, article: Article) -> None:
        record = json.dumps(to_plain(article), ensure_ascii=False)
        with self._db:
            self._db.execute(
                "INSERT INTO articles (key, source, record) VALUES (?, ?, ?) "
                "ON CONFLICT(key) DO UPDATE SET source = excluded.source, record = excluded.record",
                (article.key, article.source, record),
            )

    def get_article(self, key: str) -> Article | None:
        row = self._db.execute("SELECT record FROM articles WHERE key = ?", (key,)).fetchone()
        return None if row is None else from_plain(Article, json.loads(row[0]))

    def put_analysis(self, analysis: Analysis, version: str) -> None:
        record = json.dumps(to_plain(analysis), ensure_ascii=False)
        with self._db:
            self._db.execute(
                "INSERT OR REPLACE INTO analyses (article_key, version, record) VALUES (?, ?, ?)",
                (analysis.article_key, version, record),
            )

    def get_analysis(self, key: str, version: str) -> Analysis | None:
        row = self._db.execute(
            "SELECT record FROM analyses WHERE article_key = ? AND version = ?", (key, version)
        ).fetchone()
        return None if row is None else from_plain(Analysis, json.loads(row[0]))

    def close(self) -> None:
        self._db.close()


def open_store(location: str | Path) -> SQLiteStore | PostgresStore:
    """Open the store a ``--db`` value names: a SQLite file path or a postgresql:// URL."""
    from storydiff.store.postgres import PostgresStore, is_postgres_url

    if is_postgres_url(location):
        return PostgresStore(str(location))
    return SQLiteStore(Path(location))
