"""/api/docs in a real browser (Debian's Chromium): Swagger UI, served from the package under
the app's hash-pinned CSP, lists every operation of the OpenAPI document and loads nothing
from elsewhere."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Request

from storydiff.web import Settings, create_app

from .conftest import LiveServer, fake_analyse

pytestmark = pytest.mark.slow
SCREENSHOTS = os.environ.get("STORYDIFF_SCREENSHOTS")


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory, chromium: Path) -> Iterator[LiveServer]:
    db = tmp_path_factory.mktemp("docs") / "docs.db"
    with LiveServer(create_app(Settings(db=db), analyse=fake_analyse)) as live:
        yield live


def test_swagger_ui_lists_the_api_under_the_csp(server: LiveServer, browser: Browser) -> None:
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    errors: list[str] = []
    requests: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda err: errors.append(str(err)))

    def seen(request: Request) -> None:
        requests.append(request.url)

    page.on("request", seen)
    page.goto(server.url + "/api/docs")
    page.wait_for_selector(".swagger-ui .opblock", timeout=30_000)
    paths = page.locator(".opblock-summary-path").all_inner_texts()
    spec = page.request.get(server.url + "/api/openapi.json").json()
    assert {p.replace("\u200b", "") for p in paths} == set(spec["paths"])
    page.locator(".opblock-summary", has_text="/api/stories/{story_id}/dossier").first.click()
    page.wait_for_selector(".opblock.is-open .responses-wrapper")
    health = page.locator(".opblock", has_text="/api/health").first
    health.locator(".opblock-summary").click()
    health.locator("button.try-out__btn").click()
    health.locator("button.execute").click()  # a real request, through the CSP's connect-src
    status = health.locator(".live-responses-table tbody .response-col_status").first
    assert status.inner_text().strip() == "200"
    assert page.locator("script").count() == 1  # Swagger UI and its start, hash-pinned
    assert errors == []  # a CSP violation is a console error
    if SCREENSHOTS:
        page.screenshot(path=str(Path(SCREENSHOTS) / "api_docs.png"))
    assert all(url.startswith(server.url) for url in requests), requests
    page.close()
