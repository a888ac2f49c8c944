"""The analysis worker's messages name the user's articles, never the server's temporary files."""

from __future__ import annotations

from pathlib import Path

from storydiff.store import stories
from storydiff.store.records import StoryInput
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
