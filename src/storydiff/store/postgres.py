"""The team store: the same ``Store`` interface on PostgreSQL, for a desk sharing one database.

Records are stored as JSONB, as SQLite stores them as JSON text, so both backends hold the
same documents and pass one contract test suite. Migrations are named, applied once each in
its own transaction, and guarded by an advisory lock so two analysts starting at the same
moment do not both apply one.
"""

from __future__ import annotations

import json
from typing import Any

from storydiff.codec import from_plain, to_plain
from storydiff.errors import StoreError
from storydiff.model import Analysis, Article

SCHEMES = ("postgresql://", "postgres://")
_LOCK = 0x5702D1FF  # advisory lock id for migrations: any constant unique to storydiff

# Applied in order, each once; never edit one that has shipped.
MIGRATIONS: tuple[tuple[str, str], ...] = (
    (
        "001_articles_and_analyses",
        """
        CREATE TABLE articles (
            key TEXT PRIMARY KEY,
            source TEXT NOT NULL,
            record JSONB NOT NULL,
            created_at TIMESTAMPTZ NOT NULL DEFAULT now()
        );
        CREATE TABLE analyses (
            article_key TEXT NOT NULL REFERENCES articles(key) ON DELETE CASCADE,
            version TEXT NOT NULL,
            record JSONB NOT NULL,
            created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
            PRIMARY KEY (article_key, version)
        );
        """,
    ),
)


def is_postgres_url(location: object) -> bool:
    return isinstance(location, str) and location.startswith(SCHEMES)


def _redact(url: str) -> str:
    """The URL without its password, for error messages."""
    head, at, tail = url.partition("@")
    if not at or ":" not in head.split("//", 1)[-1]:
        return url
    scheme, _, user = head.partition("//")
    return f"{scheme}//{user.split(':', 1)[0]}:***@{tail}"


class PostgresStore:
    """Store backed by a PostgreSQL database."""

    def __init__(self, url: str) -> None:
        import psycopg

        try:
            self._db: Any = psycopg.connect(url, autocommit=True, connect_timeout=10)
            self._migrate()
        except psycopg.Error as err:
            reason = str(err).strip().splitlines()[0] if str(err).strip() else type(err).__name__
            raise StoreError(
                f"cannot open the store {_redact(url)}: {reason}; check the server, "
                "user and database in the --db URL"
            ) from err
        self.url = url

    def _migrate(self) -> None:
        with self._db.transaction():
            self._db.execute("SELECT pg_advisory_xact_lock(%s)", (_LOCK,))
            self._db.execute(
                "CREATE TABLE IF NOT EXISTS migrations (name TEXT PRIMARY KEY, "
                "applied_at TIMESTAMPTZ NOT NULL DEFAULT now())"
            )
            done = {row[0] for row in self._db.execute("SELECT name FROM migrations")}
            for name, sql in MIGRATIONS:
                if name in done:
                    continue
                for statement in filter(str.strip, sql.split(";")):
                    self._db.execute(statement)
                self._db.execute("INSERT INTO migrations (name) VALUES (%s)", (name,))

    def applied_migrations(self) -> list[str]:
        rows = self._db.execute("SELECT name FROM migrations ORDER BY name").fetchall()
        return [row[0] for row in rows]

    def put_article(self, article: Article) -> None:
        record = json.dumps(to_plain(article), ensure_ascii=False)
        self._db.execute(
            "INSERT INTO articles (key, source, record) VALUES (%s, %s, %s::jsonb) "
            "ON CONFLICT (key) DO UPDATE SET source = excluded.source, record = excluded.record",
            (article.key, article.source, record),
        )

    def get_article(self, key: str) -> Article | None:
        row = self._db.execute("SELECT record FROM articles WHERE key = %s", (key,)).fetchone()
        return None if row is None else from_plain(Article, row[0])

    def put_analysis(self, analysis: Analysis, version: str) -> None:
        record = json.dumps(to_plain(analysis), ensure_ascii=False)
        self._db.execute(
            "INSERT INTO analyses (article_key, version, record) VALUES (%s, %s, %s::jsonb) "
            "ON CONFLICT (article_key, version) DO UPDATE SET record = excluded.record",
            (analysis.article_key, version, record),
        )

    def get_analysis(self, key: str, version: str) -> Analysis | None:
        row = self._db.execute(
            "SELECT record FROM analyses WHERE article_key = %s AND version = %s", (key, version)
        ).fetchone()
        return None if row is None else from_plain(Analysis, row[0])

    def close(self) -> None:
        self._db.close()
