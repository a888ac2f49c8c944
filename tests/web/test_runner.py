"""The analysis worker's messages name the user's articles, never the server's temporary files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from storydiff import codec
from storydiff.errors import InputError
from storydiff.model import Article, Dossier, Story, TimelineEvent
from storydiff.store import stories
from storydiff.store.records import StoryInput
from storydiff.web import runner as runner_module
from storydiff.web.runner import Runner

from .conftest import wait_done

EMPTY_PAGE = "<html><body>\n \n</body></html>"


def test_a_failed_story_names_the_uploads_not_temporary_paths(tmp_path: Path) -> None:
    db = tmp_path / "web.db"
    stories.prepare(db)
    story_id = stories.create_story(
        db,
        "menus",
        [
            StoryInput("front-page.html", "html", EMPTY_PAGE),
            StoryInput("pasted article", "text", " \n "),
        ],
    )
    runner = Runner(db)  # the real analysis: it fails while reading, before spaCy loads
    try:
        runner.submit(story_id).result(timeout=120)
    finally:
        runner.close()
    row = wait_done(db, story_id)
    assert row.status == "failed" and row.error is not None
    assert "front-page.html: " in row.error and "pasted article: " in row.error, row.error
    assert "/tmp" not in row.error and "storydiff-web-" not in row.error
    assert "000.html" not in row.error and str(tmp_path) not in row.error


def test_a_dossier_that_breaks_its_schema_fails_the_story_naming_the_value(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken_story(articles: list[Article], store: object, *_: object, **__: object) -> Dossier:
        (article,) = articles
        event = TimelineEvent("t1", "met", "2025-FA", True, None, "a1", "met", 8, 11)
        story = Story("s1", "Council", None)
        return Dossier(story, [article], {article.key: "a1"}, timeline=[event])

    monkeypatch.setattr(runner_module, "build_story", broken_story)
    db = tmp_path / "web.db"
    stories.prepare(db)
    story_id = stories.create_story(db, "x", [StoryInput("mine.txt", "text", "Council met.")])
    runner = Runner(db)
    try:
        runner.submit(story_id).result(timeout=60)
    finally:
        runner.close()
    row = wait_done(db, story_id)
    assert row.status == "failed" and row.error is not None
    assert 'timeline[0].date = "2025-FA"' in row.error and "storydiff bug" in row.error
    assert "\n" not in row.error and "Traceback" not in row.error


def test_a_rerun_keeps_analyzed_articles_as_they_were_and_reads_the_added_ones(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A story ``storydiff analyze`` recorded (cleaned articles, metadata included) with an
    article added in the app: the run gets both in the order given, with the story's issue
    and summary length."""
    seen: dict[str, object] = {}

    def capture(articles: list[Article], store: object, stats: object, **options: object) -> None:
        seen.update(articles=articles, **options)
        raise InputError("stop here")

    monkeypatch.setattr(runner_module, "build_story", capture)
    kept = Article(key="k1", source="in/a.txt", text="Council met.", published="2017-03-10")
    db = tmp_path / "web.db"
    stories.prepare(db)
    with stories.connect(db) as store:
        item = StoryInput("in/a.txt", "article", json.dumps(codec.to_plain(kept)))
        store.record_story("00000000000000dd", [item], _DOC, issue="the lease", summary_sentences=3)
        assert store.requeue_story(
            "00000000000000dd",
            [StoryInput("added.txt", "text", "The vote was delayed.")],
            issue="the lease",
        )
    with pytest.raises(InputError):
        runner_module.analyse_story(db, "00000000000000dd")
    articles = seen["articles"]
    assert isinstance(articles, list) and articles[0] == kept
    assert [a.source for a in articles] == ["in/a.txt", "added.txt"]
    assert (seen["issue"], seen["summary_sentences"]) == ("the lease", 3)


_DOC = {"story": {"title": "Council"}, "articles": [], "quotes": [], "stances": []}
