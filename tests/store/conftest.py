"""Store fixtures: one opener per backend, so every contract test runs on both.

PostgreSQL is found at $STORYDIFF_TEST_PG, else the DSN that .ci/setup.d/postgres.sh writes
to /tmp/storydiff-pg.dsn, else the local socket (postgresql:///storydiff). Each test gets its
own schema, dropped afterwards, so tests neither see nor break each other's rows.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from storydiff.store import open_store

DSN_FILE = Path("/tmp/storydiff-pg.dsn")
Opener = Callable[[], Any]


def _pg_dsn() -> str:
    if os.environ.get("STORYDIFF_TEST_PG"):
        return os.environ["STORYDIFF_TEST_PG"]
    if DSN_FILE.is_file():
        return DSN_FILE.read_text().strip()
    return "postgresql:///storydiff"


@pytest.fixture(scope="session")
def pg_server() -> str:
    """A reachable PostgreSQL DSN, or a skip saying how to get one."""
    psycopg = pytest.importorskip("psycopg")
    dsn = _pg_dsn()
    try:
        psycopg.connect(dsn, connect_timeout=3).close()
    except psycopg.Error as err:
        pytest.skip(
            f"no PostgreSQL server at {dsn} ({str(err).strip().splitlines()[0]}); run "
            ".ci/setup.d/postgres.sh or set STORYDIFF_TEST_PG=postgresql://…"
        )
    return dsn


@pytest.fixture(params=["sqlite", "postgres"])
def opener(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Opener]:
    """A function that opens (and reopens) one fresh store of the backend under test."""
    if request.param == "sqlite":
        yield lambda: open_store(tmp_path / "s.db")
        return
    import psycopg

    dsn = request.getfixturevalue("pg_server")
    schema = f"t_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(dsn, autocommit=True) as admin:
        admin.execute(f"CREATE SCHEMA {schema}")
    url = f"{dsn}{'&' if '?' in dsn else '?'}options=-csearch_path%3D{schema}"
    try:
        yield lambda: open_store(url)
    finally:
        with psycopg.connect(dsn, autocommit=True) as admin:
            admin.execute(f"DROP SCHEMA {schema} CASCADE")
