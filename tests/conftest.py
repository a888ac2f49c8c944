"""Shared fixtures: the real spaCy model once per session, and the shared gold data."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
EXAMPLES = REPO / "examples"
# Debian's Chromium (installed by .ci/setup.d/chromium.sh), never a downloaded browser build.
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def shared() -> Path:
    """../shared (seeds, gold, datasets); tests that need it skip when it is absent."""
    if not (SHARED / "seeds").is_dir():
        pytest.skip("../shared/seeds is not present (evaluation data lives outside the repo)")
    return SHARED


@pytest.fixture(scope="session")
def seed_dates() -> list[str]:
    """``--published`` values for the seeds, which state no dates: the months and year the
    gold's notes place them in, as a user who knows them gives them. Stance changes need them:
    an estimated date never dates a reversal."""
    return [
        "000_31a11feff95758c6.txt=2017-03",
        "001_6c1bc6534c3d9a21.txt=2018",
        "002_2c7c834008df57e6.txt=2017-02",
    ]


@pytest.fixture(scope="session")
def chromium() -> Path:
    """The browser binary; browser tests skip with the reason when it is not installed."""
    if not CHROMIUM.exists():
        pytest.skip("/usr/bin/chromium is missing; install it with .ci/setup.d/chromium.sh")
    return CHROMIUM


@pytest.fixture(scope="module")
def browser(chromium: Path) -> Iterator[Any]:
    """Headless Chromium driven by Playwright, one per test module."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        launched = p.chromium.launch(executable_path=str(chromium), args=CHROMIUM_ARGS)
        yield launched
        launched.close()
