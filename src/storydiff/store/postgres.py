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
from storydiff.store.sql import SqlStore

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
    (
        "002_web_stories",
        """
        CREATE TABLE stories (
            id TEXT PRIMARY KEY,
            seq BIGINT GENERATED ALWAYS AS IDENTITY UNIQUE,
            title TEXT NOT NULL,
            status TEXT NOT NULL DEFAULT 'queued',
            stage TEXT NOT NULL DEFAULT '',
            done INTEGER NOT NULL DEFAULT 0,
            total INTEGER NOT NULL DEFAULT 0,
            error TEXT,
            document TEXT,
            created_at TEXT NOT NULL
                DEFAULT to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS'),
            updated_at TEXT NOT NULL
                DEFAULT to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS')
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
    (
        "003_corpus_and_search",
        """
        CREATE TABLE corpus (
            seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            article_key TEXT NOT NULL UNIQUE REFERENCES articles(key) ON DELETE CASCADE,
            source TEXT NOT NULL,
            outlet TEXT,
            published TEXT,
            title TEXT,
            signature BYTEA NOT NULL,
            features TEXT NOT NULL,
            story_id TEXT,
            duplicate_of TEXT,
            score DOUBLE PRECISION
        );
        CREATE INDEX corpus_story ON corpus(story_id);
        CREATE TABLE search_docs (
            id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            kind TEXT NOT NULL,
            article_key TEXT REFERENCES articles(key) ON DELETE CASCADE,
            story_id TEXT REFERENCES stories(id) ON DELETE CASCADE,
            source TEXT NOT NULL,
            speaker TEXT,
            body TEXT NOT NULL,
            terms TSVECTOR GENERATED ALWAYS AS (to_tsvector('english', body)) STORED
        );
        CREATE INDEX search_docs_article ON search_docs(article_key);
        CREATE INDEX search_docs_story ON search_docs(story_id);
        CREATE INDEX search_docs_speaker ON search_docs(lower(speaker));
        CREATE INDEX search_docs_terms ON search_docs USING GIN (terms);
        INSERT INTO search_docs (kind, article_key, source, body)
            SELECT 'article', key, source,
                   coalesce(record->>'title' || E'\\n\\n', '') || (record->>'text')
            FROM articles;
        CREATE TABLE stances (
            story_id TEXT NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            actor_name TEXT NOT NULL,
            issue TEXT NOT NULL,
            stance TEXT NOT NULL,
            date TEXT,
            source TEXT NOT NULL,
            evidence TEXT NOT NULL,
            PRIMARY KEY (story_id, position)
        );
        CREATE INDEX stances_actor ON stances(lower(actor_name));
        """,
    ),
)


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

    now_sql = "to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS')"
    order_sql = "seq"

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
