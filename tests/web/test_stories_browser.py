"""One store, one story, in a real browser (Debian's Chromium) with the real pipeline: an
article added to a story through its page, and a story ``storydiff analyze`` made, shown by
the app serving the same store (issue 18 item 5)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser

from storydiff.store import stories
from storydiff.web import Settings, create_app

from .conftest import LiveServer, Watched

pytestmark = pytest.mark.slow

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "story"
FOURTH = "04_northern_meridian_reversal.txt"
FOURTH_TITLE = "Dellacourt turns on the port deal she built"
EXAMPLE_TITLE = "Velmara lawmakers approve 99-year Port Sallis lease to Corvanian operator"


def _analyze(*args: str) -> None:
    """The real command, in its own process, as a user runs it."""
    command = [str(Path(sys.executable).with_name("storydiff")), "analyze", *args, "--quiet"]
    done = subprocess.run(command, capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stderr


@pytest.fixture
def three(tmp_path: Path) -> Path:
    """The example story less its fourth article."""
    folder = tmp_path / "three"
    folder.mkdir()
    for file in sorted(EXAMPLE.glob("*.txt")):
        if file.name != FOURTH:
            shutil.copy(file, folder / file.name)
    return folder


@pytest.fixture
def browser_page(browser: Browser) -> Iterator[Watched]:
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    yield Watched(page)
    page.close()


def _sources(watched: Watched) -> list[str]:
    return watched.page.locator("#sources tbody tr").all_inner_texts()


@pytest.mark.parametrize("made_by", ["the new-story form", "storydiff analyze"])
def test_an_article_added_on_the_story_page_joins_its_dossier(
    made_by: str, three: Path, tmp_path: Path, chromium: Path, browser_page: Watched
) -> None:
    if made_by == "storydiff analyze":
        _analyze(str(three), "-o", str(tmp_path / "out"))
        db = tmp_path / "out" / "storydiff.db"
    else:
        db = tmp_path / "web.db"
    page = browser_page.page
    with LiveServer(create_app(Settings(db=db))) as server:
        page.goto(server.url + "/")
        if made_by == "storydiff analyze":
            page.locator("table.list a").first.click()
        else:
            page.set_input_files("#files", sorted(str(p) for p in three.glob("*.txt")))
            page.click("form >> button[type=submit]")
        page.wait_for_selector("#ledger", timeout=120_000)
        story_url = page.url
        assert len(_sources(browser_page)) == 3
        assert not any(FOURTH_TITLE in row for row in _sources(browser_page))

        page.locator("nav a[href$='/articles']").click()  # the dossier's link to its story page
        page.wait_for_selector("#add-articles")
        page.set_input_files("#add-articles #files", str(EXAMPLE / FOURTH))
        page.click("#add-articles button[type=submit]")
        page.wait_for_url(story_url)  # the re-run's progress, then the dossier
        page.wait_for_selector("#ledger", timeout=120_000)
        rows = _sources(browser_page)
        assert len(rows) == 4
        assert FOURTH_TITLE in rows[3] and FOURTH in rows[3]
    story_id = story_url.rsplit("/", 1)[1]
    row = stories.get_story(db, story_id)
    assert row is not None and (row.inputs, row.revision) == (4, 2)
    assert browser_page.dialogs == [] and browser_page.errors == []


def test_a_story_from_analyze_is_served_from_its_store(
    tmp_path: Path, chromium: Path, browser_page: Watched
) -> None:
    out = tmp_path / "out"
    _analyze(str(EXAMPLE), "-o", str(out))
    db = out / "storydiff.db"
    (recorded,) = stories.list_stories(db)
    page = browser_page.page
    with LiveServer(create_app(Settings(db=db))) as server:
        page.goto(server.url + "/")
        listed = page.locator("table.list tbody tr")
        assert listed.count() == 1
        assert EXAMPLE_TITLE in listed.first.inner_text()
        assert listed.first.locator(".status").inner_text() == "done"
        listed.first.locator("a").click()
        ledger = page.locator("#ledger")
        ledger.wait_for(timeout=30_000)  # served from the store: no analysis to wait for
        assert page.url == f"{server.url}/stories/{recorded.id}"
        assert page.locator("#ledger tbody tr").count() >= 5
        assert page.locator("#ledger td.cell button.cite").count() > 0
        assert len(_sources(browser_page)) == 4
    row = stories.get_story(db, recorded.id)
    assert row == recorded  # never run again
    assert browser_page.dialogs == [] and browser_page.errors == []
