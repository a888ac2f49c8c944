"""dossier.html opened from disk in Chromium: offline, clickable, keyboard-usable, inert."""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any

import pytest

from storydiff.report import render_html, to_document

from .test_report import HOSTILE, _dossier

pytestmark = pytest.mark.slow
# A folder (e.g. docs) where the tests also save the README's screenshots, when set.
SCREENSHOTS = os.environ.get("STORYDIFF_SCREENSHOTS")


def _open(
    browser: Any, html: str, folder: Path, **viewport: int
) -> tuple[Any, list[str], list[str]]:
    """Write the page, open it by file:// URL; record every request and any dialog."""
    file = folder / "dossier.html"
    file.write_text(html, "utf-8")
    page = browser.new_page(viewport=viewport or {"width": 1400, "height": 1000})
    requests: list[str] = []
    dialogs: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(file.as_uri())
    page.wait_for_load_state("load")
    return page, requests, dialogs


def _boxes(locator: Any) -> list[dict[str, float]]:
    return [locator.nth(n).bounding_box() for n in range(locator.count())]


def test_static_dossier_offline_and_click_to_highlight(
    browser: Any, example_doc: dict[str, Any], tmp_path: Path
) -> None:
    page, requests, _ = _open(browser, render_html(example_doc), tmp_path)
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    cell = page.locator("#ledger td.cell button.cite").first
    cited = cell.inner_text()
    cell.click()
    mark = page.locator(".article mark.hl").first
    mark.wait_for()
    assert mark.inner_text() == cited
    page.screenshot(path=str(tmp_path / "dossier.png"))
    if SCREENSHOTS:
        page.evaluate("window.scrollTo(0, 0)")  # the header first, the highlight beside it
        page.screenshot(path=str(Path(SCREENSHOTS) / "dossier.png"))
        page.locator("#positions").screenshot(path=str(Path(SCREENSHOTS) / "charts.png"))
    charts = page.locator("figure.chart svg")
    assert charts.count() == 3 and all(box["height"] > 80 for box in _boxes(charts))
    assert requests == [(tmp_path / "dossier.html").as_uri()]  # no network request at all
    assert errors == []  # the CSP allowed our own script and stylesheet, and the charts
    page.close()


def test_keyboard_reaches_and_opens_a_citation(
    browser: Any, example_doc: dict[str, Any], tmp_path: Path
) -> None:
    page, _, _ = _open(browser, render_html(example_doc), tmp_path)
    first = page.locator("#ledger td.cell button.cite").first
    first.focus()
    page.keyboard.press("Enter")
    page.locator(".article mark.hl").first.wait_for()
    assert page.evaluate("document.activeElement.tagName") == "MARK"
    page.keyboard.press("Escape")
    assert page.evaluate("document.activeElement.classList.contains('cite')")
    page.close()


def test_readable_on_a_phone_and_printable(
    browser: Any, example_doc: dict[str, Any], tmp_path: Path
) -> None:
    page, _, _ = _open(browser, render_html(example_doc), tmp_path, width=390, height=844)
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")
    page.emulate_media(media="print")
    assert page.evaluate("getComputedStyle(document.querySelector('.article')).maxHeight") == "none"
    assert page.locator("nav.toc").first.is_hidden()
    chart = "getComputedStyle(document.querySelector('figure.chart svg'))"
    assert page.evaluate(f"{chart}.minWidth") == "0px"  # charts shrink to the paper's width
    page.close()


def test_hostile_article_is_inert_text(browser: Any, tmp_path: Path) -> None:
    page, requests, dialogs = _open(browser, render_html(to_document(_dossier(HOSTILE))), tmp_path)
    page.locator("button.cite").first.click()
    page.wait_for_timeout(200)
    assert dialogs == []
    assert page.locator(".article img, .article script, a[href^='javascript:' i]").count() == 0
    text = page.inner_text(".article")
    assert "<script>alert(1)</script>" in text and 'onerror="alert(2)"' in text
    assert "javascript:alert(3)" in text
    assert requests == [(tmp_path / "dossier.html").as_uri()]
    page.close()


def test_a_big_story_page_highlights_what_it_holds_and_says_what_it_does_not(
    browser: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from storydiff.report import page as page_limits

    from .test_big_story import _big_dossier

    monkeypatch.setattr(page_limits, "TEXT_CHARS", 20_000)  # only some texts in the page
    html = render_html(to_document(_big_dossier()))
    page, requests, _ = _open(browser, html, tmp_path)
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.locator("#ledger button.cite.statement").first.click()  # its sources' texts are in
    page.locator(".article mark.hl").first.wait_for()
    assert page.inner_text("#hl-status").startswith("12 source span(s) highlighted; press")
    page.locator("#ledger button.cite.statement").last.click()  # past the text budget
    status = page.inner_text("#hl-status")
    assert re.match(r"\d+ source span\(s\) highlighted; \d+ in articles whose text is only", status)
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")
    assert requests == [(tmp_path / "dossier.html").as_uri()] and errors == []
    page.close()


def test_contested_facts_come_first_with_both_sides_visible(
    browser: Any, example_doc: dict[str, Any], tmp_path: Path
) -> None:
    """The example's conflicting vote count is the ledger's first row, its two values and
    their sources shown, and clicking it highlights both sources' figures."""
    page, _, _ = _open(browser, render_html(example_doc), tmp_path)
    first = page.locator("#ledger tbody tr").first
    assert first.locator(".verdict").inner_text() == "conflict"
    sides = first.locator(".sides")
    assert sides.is_visible()
    assert re.fullmatch(r"MPs: 105 \(a1\) · 107 \(a2\)", sides.inner_text())
    first.locator("button.statement").click()
    marks = page.locator(".article mark.hl")
    marks.first.wait_for()
    assert {"105", "107"} <= {marks.nth(n).inner_text() for n in range(marks.count())}


def test_a_dispute_and_an_update_read_first_with_their_sides(
    browser: Any, developing_doc: dict[str, Any], tmp_path: Path
) -> None:
    """The developing story: the crowd count disputed between police and organisers is the
    first row, both claimants' values with their sources; then the rising toll as a sequence
    in the order it was reported; clicking the dispute highlights both sides in every source."""
    page, _, _ = _open(browser, render_html(developing_doc), tmp_path)
    rows = page.locator("#ledger tbody tr")
    assert [rows.nth(n).locator(".verdict").inner_text() for n in range(2)] == [
        "disputed",
        "updated",
    ]
    dispute = rows.nth(0).locator(".sides").inner_text()
    assert re.fullmatch(
        r"people: Police: 300 \(a1, a2, a3\) · Organisers: 1,000 \(a1, a2, a3\)", dispute
    )
    update = rows.nth(1).locator(".sides").inner_text()
    assert update == "people killed: Two (a1) → Three (a2) → Four (a3)"
    assert "2016-03-06" in rows.nth(1).locator(".meta").inner_text()
    summary = page.locator("#summary").inner_text()
    assert "Police: 300" in summary and "Organisers: 1,000" in summary  # both sides, up top
    rows.nth(0).locator("button.statement").click()
    marks = page.locator(".article mark.hl")
    marks.first.wait_for()
    assert marks.count() == 6
    assert {marks.nth(n).inner_text() for n in range(6)} == {"300", "About 300", "1,000"}
    page.close()


def test_hovering_a_citation_shows_the_words_it_cites(
    browser: Any, example_doc: dict[str, Any], tmp_path: Path
) -> None:
    page, _, _ = _open(browser, render_html(example_doc), tmp_path)
    cited = example_doc["summary"][0]["citations"][0]
    text = next(a["text"] for a in example_doc["articles"] if a["id"] == cited["article"])
    tip = page.locator("#cite-tip")
    assert tip.is_hidden()
    page.locator("#summary button.cite").first.hover()
    assert tip.is_visible()
    assert tip.inner_text().startswith(
        f"{cited['article']}: “{text[cited['start'] : cited['end']]}”"
    )
    page.mouse.move(0, 0)
    assert tip.is_hidden()
    page.close()


def test_the_source_panel_follows_a_click_far_down_the_page(
    browser: Any, example_doc: dict[str, Any], tmp_path: Path
) -> None:
    """A citation in the timeline, screens below the top: its highlighted words come into
    view beside it, without scrolling the page back up."""
    page, _, _ = _open(browser, render_html(example_doc), tmp_path)
    far = page.locator("#timeline button.cite").last
    far.scroll_into_view_if_needed()
    scrolled = page.evaluate("window.scrollY")
    assert scrolled > 2000
    far.click()
    mark = page.locator(".article mark.hl").first
    mark.wait_for()
    box = mark.bounding_box()
    assert box is not None and box["y"] >= 0 and box["y"] + box["height"] <= 1000
    assert page.evaluate("window.scrollY") >= scrolled - 200  # the reader's place is kept
    page.close()
