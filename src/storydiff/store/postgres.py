"""The team store: the same store on PostgreSQL, for a desk sharing one database.

Records are stored as JSONB, as SQLite stores them as JSON text, so both backends hold the
same documents and pass one contract test suite. Migrations are named, applied once each in
its own transaction, and guarded by an advisory lock so two analysts starting at the same
moment do not both apply one. Search reads a generated ``tsvector`` column through a GIN
index where SQLite has FTS5; both match every word of a query, stemmed the English way.
"""

from __future__ import annotations

from collections.abc import Sequence
from contextlib import AbstractContextManager
from typing import Any

from storydiff.errors import StoreError
from storydiff.store.schema import POSTGRES, migrations, migrations_table
from storydiff.store.sql import SqlStore

SCHEMES = ("postgresql://", "postgres://")
_LOCK = 0x5702D1FF  # advisory lock id for migrations: any constant unique to storydiff

MIGRATIONS = migrations(POSTGRES)  # each applied once, under the advisory lock


def is_postgres_url(location: object) -> bool:
    return isinstance(location, str) and location.startswith(SCHEMES)


def redact(url: str) -> str:
    """The URL without its password, for error messages."""
    head, at, tail = url.partition("@")
    if not at or ":" not in head.split("//", 1)[-1]:
        return url
    scheme, _, user = head.partition("//")
    return f"{scheme}//{user.split(':', 1)[0]}:***@{tail}"


class PostgresStore(SqlStore):
    """Store backed by a PostgreSQL database."""

    now_sql = POSTGRES.now_text
    order_sql = POSTGRES.order_column

    def __init__(self, url: str) -> None:
        import psycopg

        try:
            self._db: Any = psycopg.connect(url, autocommit=True, connect_timeout=10)
            self._migrate()
        except psycopg.Error as err:
            reason = str(err).strip().splitlines()[0] if str(err).strip() else type(err).__name__
            raise StoreError(
                f"cannot open the store {redact(url)}: {reason}; check the server, "
                "user and database in the --db URL"
            ) from err
        self.url = url

    def _migrate(self) -> None:
        with self._db.transaction():
            self._db.execute("SELECT pg_advisory_xact_lock(%s)", (_LOCK,))
            self._db.execute(migrations_table(POSTGRES))
            done = {row[0] for row in self._db.execute("SELECT name FROM migrations")}
            for name, sql in MIGRATIONS:
                if name in done:
                    continue
                for statement in filter(str.strip, sql.split(";")):
                    self._db.execute(statement)
                self._db.execute("INSERT INTO migrations (name) VALUES (%s)", (name,))

    def _fetch(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        rows: list[tuple[Any, ...]] = self._db.execute(_placeholders(sql), params).fetchall()
        return rows

    def _execute(self, sql: str, params: Sequence[Any] = ()) -> int:
        count: int = self._db.execute(_placeholders(sql), params).rowcount
        return count

    def _transaction(self) -> AbstractContextManager[object]:
        transaction: AbstractContextManager[object] = self._db.transaction()
        return transaction

    def _search_rows(self, words: list[str], limit: int) -> list[tuple[Any, ...]]:
        # to_tsquery over words alone (no operators from the user): every word must match
        return self._fetch(
            "SELECT d.kind, d.article_key, d.story_id, d.source, d.speaker, "
            "ts_headline('english', d.body, q, 'StartSel=\"\", StopSel=\"\", MaxWords=30') "
            "FROM search_docs d, to_tsquery('english', ?) q WHERE d.terms @@ q "
            "ORDER BY ts_rank(d.terms, q) DESC, d.id LIMIT ?",
            (" & ".join(words), limit),
        )

    def close(self) -> None:
        self._db.close()


def _placeholders(sql: str) -> str:
    """The shared statements' ``?`` as psycopg's ``%s`` (no statement has a literal ? or %)."""
    return sql.replace("?", "%s")
