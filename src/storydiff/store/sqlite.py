"""The embedded default store: one SQLite file, named migrations, all writes in transactions."""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from storydiff.errors import StoreError
from storydiff.store.schema import SQLITE, migrations, migrations_table
from storydiff.store.sql import SqlStore

if TYPE_CHECKING:
    from storydiff.store.postgres import PostgresStore

# "mysql://…", "sqlite:///…", "file://…": a URL, never a file name (a path would turn its
# "//" into "/" and make a file "mysql:/x" beside the user's work).
_URL = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*)://")
STORE_FORMS = "a SQLite file (--db corpus.db) or a PostgreSQL URL (--db postgresql://USER@HOST/DB)"

MIGRATIONS = migrations(SQLITE)  # each applied once, in its own transaction


def statements(script: str) -> Iterator[str]:
    """A migration's statements; a trigger's body (``BEGIN … END;``) stays one statement."""
    pending = ""
    for line in script.splitlines(keepends=True):
        pending += line
        if sqlite3.complete_statement(pending):
            yield pending.strip()
            pending = ""
    if pending.strip():
        yield pending.strip()


class SQLiteStore(SqlStore):
    """Store backed by one SQLite file."""

    now_sql = SQLITE.now_text
    order_sql = SQLITE.order_column

    def __init__(self, path: Path, *, migrate: bool = True) -> None:
        """``migrate=False`` for the short-lived connections of an already prepared file."""
        try:
            if migrate:
                path.parent.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(path, timeout=30)
            self._db.execute("PRAGMA foreign_keys = ON")
            if migrate:
                self._db.execute("PRAGMA journal_mode = WAL")
                self._migrate()
        except sqlite3.DatabaseError as err:
            raise StoreError(
                f"cannot open the store {path}: {err}; pass another --db or delete the file"
            ) from err
        except OSError as err:  # its folder cannot be made: under a file, no permission
            reason = (err.strerror or type(err).__name__).lower()
            raise StoreError(
                f"cannot create the store {path} ({reason}); pass a --db file in a folder you "
                "can write to"
            ) from err
        self.path = path

    def _migrate(self) -> None:
        self._db.execute(migrations_table(SQLITE))
        done = {row[0] for row in self._db.execute("SELECT name FROM migrations")}
        for name, sql in MIGRATIONS:
            if name in done:
                continue
            with self._db:
                for statement in statements(sql):
                    self._db.execute(statement)
                self._db.execute("INSERT INTO migrations (name) VALUES (?)", (name,))

    def _fetch(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        return self._db.execute(sql, params).fetchall()

    def _execute(self, sql: str, params: Sequence[Any] = ()) -> int:
        return self._db.execute(sql, params).rowcount

    def _transaction(self) -> AbstractContextManager[object]:
        return self._db

    def _search_rows(self, words: list[str], limit: int) -> list[tuple[Any, ...]]:
        match = " ".join(f'"{word}"' for word in words)  # each a quoted term: no FTS syntax
        return self._fetch(
            "SELECT d.kind, d.article_key, d.story_id, d.source, d.speaker, "
            "snippet(search_fts, 0, '', '', '…', 24) "
            "FROM search_fts JOIN search_docs d ON d.id = search_fts.rowid "
            "WHERE search_fts MATCH ? ORDER BY search_fts.rank LIMIT ?",
            (match, limit),
        )

    def close(self) -> None:
        self._db.close()


def sqlite_file(location: str | Path, *, postgres: bool = False) -> Path:
    """The SQLite file a ``--db`` value names; a URL is refused with the forms that work.

    ``postgres``: whether the caller opens postgresql:// URLs itself (then they never get here).
    """
    if isinstance(location, Path):
        return location
    found = _URL.match(location)
    if found is None:
        return Path(location)
    from storydiff.store.postgres import redact

    scheme = found.group(1).lower()
    if postgres and scheme in ("postgresql", "postgres"):  # only the case differs
        what, forms = "the scheme must be written in lower case", f"{scheme}://USER@HOST/DB"
    elif postgres:
        what, forms = f"{scheme}:// stores are not supported", STORE_FORMS
    else:
        what, forms = "this command keeps its store in a SQLite file", "a file, e.g. --db team.db"
    raise StoreError(f"--db {redact(location)}: {what}; pass {forms}")


def check_location(location: str | Path) -> None:
    """Refuse a ``--db`` value no store can be opened from, without opening anything."""
    from storydiff.store.postgres import is_postgres_url

    if not is_postgres_url(location):
        sqlite_file(location, postgres=True)


def open_store(location: str | Path) -> SQLiteStore | PostgresStore:
    """Open the store a ``--db`` value names: a SQLite file path or a postgresql:// URL."""
    from storydiff.store.postgres import PostgresStore, is_postgres_url

    if is_postgres_url(location):
        return PostgresStore(str(location))
    return SQLiteStore(sqlite_file(location, postgres=True))
