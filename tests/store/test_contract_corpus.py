"""Corpus mode (migration 003) on every backend: stored once, grouped incrementally, searched."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from storydiff.codec import to_plain
from storydiff.errors import InputError
from storydiff.model import Article
from storydiff.scale.corpus import group, ingest, story_articles
from storydiff.store import open_store, postgres, sqlite
from storydiff.store.records import Placement

from ..scale.corpus import FLOOD, event_corpus

Opener = Callable[[], Any]
SIGNATURE = bytes(range(16)) * 32  # any bytes: the store keeps them as they are


def _article(key: str, text: str, published: str | None = None) -> Article:
    return Article(key=key, source=f"{key}.txt", text=text, title=f"Title {key}",
                   outlet=f"Outlet {key[-1]}", published=published)  # fmt: skip


def test_an_article_enters_the_corpus_once(opener: Opener) -> None:
    store = opener()
    first = _article("k1", "The weir at Colden Mill failed.")
    assert store.add_to_corpus(first, SIGNATURE, {"n:colden": 2.0})
    assert not store.add_to_corpus(first, SIGNATURE, {"n:colden": 2.0})
    [(entry, placed)] = list(store.corpus_entries())
    assert (entry.key, entry.signature, entry.features, placed) == (
        "k1", SIGNATURE, {"n:colden": 2.0}, None
    )  # fmt: skip
    assert store.get_article("k1") == first
    store.close()


def test_placements_are_kept_and_never_move(opener: Opener) -> None:
    store = opener()
    for key, day in [("k1", "2024-04-03"), ("k2", "2024-04-05"), ("k3", None)]:
        store.add_to_corpus(_article(key, f"text {key}", day), SIGNATURE, {})
    store.place([Placement("k1", "k1", None, 0.0), Placement("k2", "k1", "k1", 0.93)])
    store.place([Placement("k1", "elsewhere", None, 0.5), Placement("k3", "k3", None, 0.0)])
    placed = {e.key: p for e, p in store.corpus_entries()}
    assert placed["k1"] == Placement("k1", "k1", None, 0.0)
    assert placed["k2"] == Placement("k2", "k1", "k1", 0.93)
    [big, small] = store.corpus_stories()
    assert (big.id, big.articles, big.copies) == ("k1", 2, 1)
    assert (big.first, big.last, big.outlets) == (
        "2024-04-03",
        "2024-04-05",
        ("Outlet 1", "Outlet 2"),
    )
    assert (small.id, small.first, small.outlets) == ("k3", None, ("Outlet 3",))
    assert [e.key for e, _ in store.story_members("k1")] == ["k1", "k2"]
    store.close()


def test_articles_are_searchable_by_stem_and_every_word(opener: Opener) -> None:
    store = opener()
    store.add_to_corpus(_article("k1", "The Ardle river flooded Brennick."), SIGNATURE, {})
    store.put_article(_article("k2", "Miners in Tarnwell walked out."))
    assert [h.article_key for h in store.search("floods ardle")] == ["k1"]
    assert [h.article_key for h in store.search("miner TARNWELL")] == ["k2"]
    assert store.search("ardle tarnwell") == []
    assert store.search('" OR * NEAR( -') == []  # operators never reach the index
    [hit] = store.search("walked")
    assert (hit.kind, hit.story_id, hit.source) == ("article", None, "k2.txt")
    store.put_article(_article("k2", "Miners went back to work."))
    assert store.search("walked") == []  # a rewritten article is reindexed
    store.close()


def test_grouping_in_two_runs_matches_one_run_and_keeps_ids(opener: Opener, tmp_path: Path) -> None:
    events = event_corpus(tmp_path / "in")
    files = sorted((tmp_path / "in").iterdir())
    store = opener()
    ingest(store, files[:5])
    group(store)
    before = {e.key: p for e, p in store.corpus_entries()}
    ingest(store, files)
    report = group(store)
    after = {e.key: p for e, p in store.corpus_entries()}
    assert report.placed == len(after) - len(before) > 0
    assert {k: after[k] for k in before} == before
    assert group(store).placed == 0
    sources = {e.key: Path(e.source).name for e, _ in store.corpus_entries()}
    store.close()

    one_run = open_store(tmp_path / "one.db")
    ingest(one_run, files)
    group(one_run)
    assert {e.key: p for e, p in one_run.corpus_entries()} == after
    one_run.close()
    stories = {events[sources[k]]: set() for k in after}
    for key, placed in after.items():
        stories[events[sources[key]]].add(placed.story)
    assert all(len(ids) == 1 for ids in stories.values()) and len(stories) == 3
    copies = {sources[k]: sources[p.duplicate_of] for k, p in after.items() if p.duplicate_of}
    assert copies == {"03_port_copy_dailyecho.txt": "00_01_wirewatch_vote.txt"}


def test_a_stored_storys_articles_come_back_in_arrival_order(opener: Opener) -> None:
    store = opener()
    for key in ("k1", "k2"):
        store.add_to_corpus(_article(key, FLOOD["flood_1_riverpost.txt"] + key), SIGNATURE, {})
    store.place([Placement("k1", "k1", None, 0.0), Placement("k2", "k1", None, 0.4)])
    assert [a.key for a in story_articles(store, "k1")] == ["k1", "k2"]
    with pytest.raises(InputError, match="no story 'k9'"):
        story_articles(store, "k9")
    store.close()


def test_upgrading_a_store_indexes_the_articles_it_already_holds(
    opener: Opener, monkeypatch: pytest.MonkeyPatch
) -> None:
    full = {module: module.MIGRATIONS for module in (sqlite, postgres)}
    for module, migrations in full.items():
        monkeypatch.setattr(module, "MIGRATIONS", migrations[:2])
    old = opener()
    record = json.dumps(to_plain(_article("k1", "The weir at Colden Mill failed.")))
    with old._transaction():
        old._execute("INSERT INTO articles (key, source, record) VALUES (?, ?, ?)",
                     ("k1", "k1.txt", record))  # fmt: skip
    old.close()
    for module, migrations in full.items():
        monkeypatch.setattr(module, "MIGRATIONS", migrations)
    upgraded = opener()
    [hit] = upgraded.search("colden weir")
    assert (hit.article_key, hit.snippet) == ("k1", "Title k1\n\nThe weir at Colden Mill failed.")
    upgraded.close()
