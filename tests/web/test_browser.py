"""The app in a real browser (Debian's Chromium): the example story end to end, and hostile
article text staying inert text on every page. One server and one analysed story per module."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser

from storydiff.web import Settings, create_app

from .conftest import LiveServer, Watched

pytestmark = pytest.mark.slow

HOSTILE_ARTICLE = """Harbour council delays vote on the Port Sallis lease

By Ana Test

The harbour council in Velmara delayed its vote on the Port Sallis lease on Monday.
Council member Ivo Marr said the vote would take place next week. <script>alert(1)</script>
A flyer handed out at the meeting read <img src=x onerror=alert(2)> in large letters.
Some readers shared [a link](javascript:alert(3)) and <a href="javascript:alert(4)">this one</a>.
"We will not sell the river," Marr told reporters after the meeting.
"""
# A folder (e.g. docs) where the tests also save the README's screenshots, when set.
SCREENSHOTS = os.environ.get("STORYDIFF_SCREENSHOTS")
LITERALS = ("<script>alert(1)</script>", "<img src=x onerror=alert(2)>", "javascript:alert(3)")


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory, chromium: Path) -> Iterator[LiveServer]:
    """The app on a free port; asks for ``chromium`` so a machine without it skips first."""
    db = tmp_path_factory.mktemp("web") / "web.db"
    with LiveServer(create_app(Settings(db=db))) as live:
        yield live


@pytest.fixture(scope="module")
def example(server: LiveServer, browser: Browser) -> Iterator[Watched]:
    """The example story added through the form and analysed by the real pipeline."""
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    watched = Watched(page)
    page.goto(server.url + "/")
    page.click("#add-example")
    page.wait_for_selector("#ledger", timeout=90_000)
    yield watched
    page.close()


def test_example_story_ledger_cell_highlights_its_span(example: Watched, tmp_path: Path) -> None:
    page = example.page
    cell = page.locator("#ledger td.cell button.cite").first
    cited = cell.inner_text()
    cell.click()
    mark = page.locator(".article mark.hl").first
    mark.wait_for()
    assert mark.inner_text() == cited
    assert mark.evaluate("m => document.activeElement === m")  # focus follows, for keyboards
    page.screenshot(path=str(tmp_path / "app-dossier.png"))
    assert (tmp_path / "app-dossier.png").stat().st_size > 10_000
    assert example.dialogs == [] and example.errors == []


def test_claim_highlights_every_source(example: Watched) -> None:
    page = example.page
    row = (
        page.locator("#ledger tbody tr")
        .filter(has=page.locator("td.cell + td.cell, td.cell ~ td.cell"))
        .first
    )
    row.locator("button.statement").click()
    marks = page.locator(".article mark.hl")
    assert marks.count() == row.locator("td.cell button.cite").count() >= 2
    assert example.errors == []


def test_progress_page_and_story_list(server: LiveServer, example: Watched) -> None:
    page = example.page
    page.goto(server.url + "/")
    link = page.locator("table.list a").first
    assert page.locator("table.list .status").first.inner_text() == "done"
    if SCREENSHOTS:
        page.screenshot(path=str(Path(SCREENSHOTS) / "app.png"))
    link.click()
    page.wait_for_selector("#ledger")
    assert example.errors == []


def test_hostile_article_is_inert_text_on_every_page(server: LiveServer, browser: Browser) -> None:
    page = browser.new_page()
    watched = Watched(page)
    page.goto(server.url + "/")
    page.fill("#title", "<script>alert(5)</script> council")
    page.fill("#text", HOSTILE_ARTICLE)
    page.click("form button[type=submit] >> nth=0")
    page.wait_for_url("**/stories/*")
    story_url = page.url
    page.wait_for_selector("#ledger, .error", timeout=120_000)
    assert page.locator("#ledger").count() == 1, page.content()[:2000]
    for literal in LITERALS:
        assert page.get_by_text(literal, exact=False).first.is_visible(), literal
    pages = ["/", "/api/docs", story_url, story_url + "/dossier.md", story_url + "/dossier.json"]
    for path in pages:
        page.goto(path if path.startswith("http") else server.url + path)
        assert page.locator("img, iframe, object, a[href^='javascript:' i]").count() == 0, path
        assert page.locator("script").count() <= 1, path  # only our own, hash-pinned
    page.goto(server.url + "/")
    assert page.get_by_text("<script>alert(5)</script> council").is_visible()
    page.goto(story_url + "/dossier.md")
    assert "<script>" not in page.inner_text("body")  # Markdown keeps markup escaped
    assert watched.dialogs == []
    assert watched.errors == []
    page.close()


def test_uploaded_reports_show_a_dispute_and_an_update(
    server: LiveServer, browser: Browser
) -> None:
    """Three dated reports uploaded through the form (tests/data/developing_story): the story
    page leads with the disputed crowd count, both claimants' sides, then the rising toll as
    the sequence it was reported in."""
    folder = Path(__file__).resolve().parents[1] / "data" / "developing_story"
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    watched = Watched(page)
    page.goto(server.url + "/")
    page.fill("#title", "Elm Street shooting")
    page.set_input_files("#files", sorted(str(p) for p in folder.glob("*.txt")))
    page.click("form >> button[type=submit]")
    page.wait_for_selector("#ledger", timeout=90_000)
    rows = page.locator("#ledger tbody tr")
    assert rows.nth(0).locator(".verdict").inner_text() == "disputed"
    assert "Police: 300" in rows.nth(0).locator(".sides").inner_text()
    assert "Organisers: 1,000" in rows.nth(0).locator(".sides").inner_text()
    assert rows.nth(1).locator(".verdict").inner_text() == "updated"
    assert rows.nth(1).locator(".sides").inner_text().endswith("Two (a1) → Three (a2) → Four (a3)")
    assert watched.dialogs == [] and watched.errors == []
    page.close()
