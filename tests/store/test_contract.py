"""One contract every Store backend passes: SQLite always, PostgreSQL when a server is up.

The ``opener`` fixture (conftest.py) runs each test once per backend.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

import pytest

from storydiff.errors import StoreError
from storydiff.model import (
    Analysis,
    Article,
    DateEstimate,
    Mention,
    QuantityRecord,
    QuoteRecord,
    Removed,
    SentenceRecord,
    TimeRecord,
)
from storydiff.store import open_store

Opener = Callable[[], Any]


def _article(key: str = "abc123") -> Article:
    return Article(
        key=key,
        source="x.txt",
        text="Body “quoted”\u00a0text — Priština, 北京.",
        title="T",
        outlet="Wirewatch",
        published_estimate=DateEstimate("2017", "latest year in the text"),
        removed=(Removed("Leave a Comment", "comment prompt"),),
    )


def _analysis(key: str = "abc123") -> Analysis:
    return Analysis(
        article_key=key,
        sentences=[SentenceRecord(0, 20)],
        mentions=[Mention(0, 4, "Body", "ORG")],
        quotes=[
            QuoteRecord(6, 12, "quoted", "direct", "Body", 0, 4, "said", co_speakers=("Other",))
        ],
        quantities=[QuantityRecord(0, 2, "40", 40.0, None, "troops", True, "lower", 0, 20)],
        times=[TimeRecord(0, 4, "2017", "2017", None, 0, 0, 20)],
    )


def test_round_trip_keeps_every_field(opener: Opener) -> None:
    store = opener()
    store.put_article(_article())
    store.put_analysis(_analysis(), "v1")
    assert store.get_article("abc123") == _article()
    assert store.get_analysis("abc123", "v1") == _analysis()
    store.close()


def test_unknown_keys_and_versions_are_none(opener: Opener) -> None:
    store = opener()
    store.put_article(_article())
    store.put_analysis(_analysis(), "v1")
    assert store.get_article("nope") is None
    assert store.get_analysis("abc123", "v2") is None
    assert store.get_analysis("nope", "v1") is None
    store.close()


def test_writing_again_replaces(opener: Opener) -> None:
    store = opener()
    store.put_article(_article())
    store.put_article(replace(_article(), source="y.html", title="New"))
    store.put_analysis(_analysis(), "v1")
    store.put_analysis(replace(_analysis(), mentions=[]), "v1")
    assert store.get_article("abc123") == replace(_article(), source="y.html", title="New")
    assert store.get_analysis("abc123", "v1") == replace(_analysis(), mentions=[])
    store.close()


def test_versions_are_kept_apart(opener: Opener) -> None:
    store = opener()
    store.put_article(_article())
    store.put_analysis(_analysis(), "v1")
    store.put_analysis(replace(_analysis(), quotes=[]), "v2")
    assert store.get_analysis("abc123", "v1") == _analysis()
    assert store.get_analysis("abc123", "v2") == replace(_analysis(), quotes=[])
    store.close()


def test_data_and_migrations_persist_across_opens(opener: Opener) -> None:
    store = opener()
    store.put_article(_article())
    first = store.applied_migrations()
    store.close()
    again = opener()
    assert again.applied_migrations() == first
    assert first and first == sorted(first)
    assert again.get_article("abc123") == _article()
    again.close()


def test_an_unreachable_postgres_url_gives_a_clear_error() -> None:
    pytest.importorskip("psycopg")
    with pytest.raises(StoreError, match=r"cannot open the store postgresql://u:\*\*\*@"):
        open_store("postgresql://u:secret@127.0.0.1:1/none?connect_timeout=2")
