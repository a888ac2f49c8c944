"""A story ``storydiff analyze`` built is kept in its store as the web app keeps one, so
``storydiff serve`` on that store lists it, opens its dossier without running it again, and
adds articles to it. The flow's far end (``outputs.build_and_write``) with the fake's
alignment instead of spaCy."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from storydiff import outputs
from storydiff.analyse import analyser_version
from storydiff.codec import from_plain
from storydiff.model import Analysis, Article, Dossier
from storydiff.pipeline import RunStats
from storydiff.scale.corpus import group, story_articles
from storydiff.scale.features import signature, story_features
from storydiff.store import Store, open_store
from storydiff.web import Settings, create_app

from .conftest import BASE, fake_analyse, fake_dossier, wait_done

TEXTS = [
    "The harbour council in Velmara delayed its vote on the Port Sallis lease on Monday.",
    "Council member Ivo Marr said the lease vote would take place next week.",
    "Dock workers protested outside the council as the lease vote was delayed again.",
    "The Port Sallis lease was approved on Friday after a week of delays, officials said.",
]


def _article(n: int) -> Article:
    text = TEXTS[n]
    key = hashlib.sha256(text.encode()).hexdigest()[:16]
    return Article(key, f"in/{n + 1}.txt", text, title=f"Report {n + 1}", published=f"2017-03-1{n}")


def _build(articles: list[Article], store: Store, stats: RunStats, **_: object) -> Dossier:
    """What ``build_story`` leaves in the store (articles, analyses), with the fake's dossier."""
    for article in articles:
        store.put_article(article)
        store.put_analysis(Analysis(article.key), analyser_version())
    return fake_dossier(articles)


@pytest.fixture
def out(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """``storydiff analyze in/ --issue 'the lease' --summary 5 -o out``, three articles."""
    monkeypatch.setattr(outputs, "build_story", _build)
    folder = tmp_path / "out"
    articles = [_article(n) for n in range(3)]
    outputs.build_and_write(articles, RunStats(read=3), folder, None, issue="the lease", summary=5)
    return folder


def _doc(out: Path) -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads((out / "dossier.json").read_text("utf-8"))
    return loaded


def test_the_finished_story_is_kept_in_the_runs_store(out: Path) -> None:
    with open_store(out / "storydiff.db") as store:
        (row,) = store.list_stories()
        inputs = store.story_inputs(row.id)
        document = store.story_document_text(row.id)
    assert row.id == _article(0).key  # named after its first article, as corpus mode names one
    assert (row.status, row.title, row.inputs) == ("done", "Report 1", 3)
    assert (row.issue, row.summary_sentences) == ("the lease", 5)
    assert [(i.name, i.kind) for i in inputs] == [(f"in/{n}.txt", "article") for n in (1, 2, 3)]
    assert [from_plain(Article, json.loads(i.content)) for i in inputs] == [
        _article(n) for n in range(3)
    ]  # as read: metadata included
    assert document is not None and json.loads(document) == _doc(out)


@pytest.fixture
def served(out: Path) -> Iterator[tuple[TestClient, list[str]]]:
    """``storydiff serve --db out/storydiff.db``, recording every story its worker runs."""
    ran: list[str] = []

    def watch(db: Path, story_id: str) -> dict[str, Any]:
        ran.append(story_id)
        return fake_analyse(db, story_id)

    app = create_app(Settings(db=out / "storydiff.db"), analyse=watch)
    with TestClient(app, base_url=BASE) as client:
        yield client, ran


def test_serve_lists_the_story_and_opens_its_dossier_without_running_it(
    out: Path, served: tuple[TestClient, list[str]]
) -> None:
    client, ran = served
    story_id = _article(0).key
    listed = client.get("/api/stories").json()["stories"]
    assert [(s["id"], s["status"], s["title"], s["issue"]) for s in listed] == [
        (story_id, "done", "Report 1", "the lease")
    ]
    assert f'href="/stories/{story_id}"' in client.get("/").text
    assert client.get(f"/api/stories/{story_id}/dossier").json() == _doc(out)
    page = client.get(f"/stories/{story_id}")
    assert 'id="ledger"' in page.text and "Report 1" in page.text
    assert "in/3.txt" in client.get(f"/stories/{story_id}/articles").text
    assert ran == []


def test_serve_adds_an_article_to_the_analyzed_story(
    out: Path, served: tuple[TestClient, list[str]]
) -> None:
    client, ran = served
    story_id = _article(0).key
    r = client.post(
        f"/api/stories/{story_id}/articles",
        json={"articles": [{"name": "4.txt", "text": TEXTS[3]}]},
    )
    assert r.status_code == 202 and r.json()["issue"] == "the lease"
    assert wait_done(out / "storydiff.db", story_id).inputs == 4
    sources = [
        a["source"] for a in client.get(f"/api/stories/{story_id}/dossier").json()["articles"]
    ]
    assert sources == ["in/1.txt", "in/2.txt", "in/3.txt", "4.txt"]
    assert ran == [story_id]


def test_analyzing_again_keeps_one_story(out: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(outputs, "build_story", _build)
    more = [_article(n) for n in range(4)]
    outputs.build_and_write(more, RunStats(read=4), out, None)
    with open_store(out / "storydiff.db") as store:
        (row,) = store.list_stories()
    assert (row.id, row.inputs, row.issue, row.revision) == (_article(0).key, 4, None, 2)


def test_an_unchanged_run_reuses_the_dossier_only_while_the_store_keeps_the_story(
    out: Path,
) -> None:
    articles = [_article(n) for n in range(3)]
    outputs.RUN_STAMP.write(out, "same")
    location = out / "storydiff.db"
    assert outputs.reusable_dossier(out, "same", location, articles) == _doc(out)
    with open_store(location) as store:
        assert store.delete_story(_article(0).key)  # deleted in the web app
    assert outputs.reusable_dossier(out, "same", location, articles) is None  # built again


def test_a_corpus_story_analyzed_is_one_story_under_its_corpus_id(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``analyze --db DB --story ID`` keeps the story under the id ``stories`` gave it."""
    monkeypatch.setattr(outputs, "build_story", _build)
    db = tmp_path / "corpus.db"
    with open_store(db) as store:
        for n in range(4):
            article = _article(n)
            features = story_features(article.text, article.title).vector()
            store.add_to_corpus(article, signature(article.text), features)
        group(store)
        (corpus_story, *_) = store.corpus_stories()
        articles = story_articles(store, corpus_story.id)
    doc = outputs.build_and_write(articles, RunStats(), tmp_path / "out", str(db))
    with open_store(db) as store:
        store.save_dossier(corpus_story.id, doc)  # what cli/corpus.py does next
        assert [r.id for r in store.list_stories()] == [corpus_story.id]
