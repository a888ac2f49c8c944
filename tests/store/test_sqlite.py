from __future__ import annotations

from pathlib import Path

import pytest

from storydiff.errors import StoreError
from storydiff.model import (
    Analysis,
    Article,
    DateEstimate,
    Mention,
    QuoteRecord,
    Removed,
    SentenceRecord,
)
from storydiff.store import open_store
from storydiff.store.sqlite import MIGRATIONS


def _article() -> Article:
    return Article(
        key="abc123",
        source="x.txt",
        text="Body “quoted”\u00a0text.",
        title="T",
        published_estimate=DateEstimate("2017", "latest year in the text"),
        removed=(Removed("Leave a Comment", "comment prompt"),),
    )


def _analysis() -> Analysis:
    return Analysis(
        article_key="abc123",
        sentences=[SentenceRecord(0, 20)],
        mentions=[Mention(0, 4, "Body", "ORG")],
        quotes=[
            QuoteRecord(6, 12, "quoted", "direct", "Body", 0, 4, "said", co_speakers=("Other",))
        ],
    )


def test_round_trip_keeps_every_field(tmp_path: Path) -> None:
    store = open_store(tmp_path / "s.db")
    store.put_article(_article())
    store.put_analysis(_analysis(), "v1")
    assert store.get_article("abc123") == _article()
    assert store.get_analysis("abc123", "v1") == _analysis()
    assert store.get_analysis("abc123", "v2") is None
    store.close()


def test_migrations_apply_once_and_persist(tmp_path: Path) -> None:
    path = tmp_path / "s.db"
    open_store(path).close()
    store = open_store(path)
    assert store.applied_migrations() == [name for name, _ in MIGRATIONS]
    store.close()


def test_a_corrupt_file_gives_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "s.db"
    path.write_bytes(b"this is not a database" * 100)
    with pytest.raises(StoreError, match="cannot open the store"):
        open_store(path)


@pytest.mark.parametrize(
    "location",
    ["mysql://x", "mysql://u:secret@db.example/news", "sqlite:///s.db", "file:///tmp/s.db"],
)
def test_a_url_of_another_database_is_refused_not_made_a_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, location: str
) -> None:
    monkeypatch.chdir(tmp_path)
    with pytest.raises(StoreError) as refused:
        open_store(location)
    message = str(refused.value)
    assert "stores are not supported" in message and "\n" not in message
    assert "a SQLite file (--db corpus.db) or a PostgreSQL URL" in message
    assert "secret" not in message
    assert list(tmp_path.iterdir()) == []  # no "mysql:/x" file made beside the user's work


def test_an_upper_case_postgres_scheme_is_explained(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="lower case"):
        open_store("POSTGRESQL://desk@db.local/news")


def test_a_store_under_a_file_is_a_store_error(tmp_path: Path) -> None:
    (tmp_path / "a-file").write_text("x", "utf-8")
    with pytest.raises(StoreError, match="cannot create the store"):
        open_store(tmp_path / "a-file" / "s.db")
