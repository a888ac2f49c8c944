"""Report fixtures: the example story's dossier, built once, and a Chromium for the page."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[2]
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


@pytest.fixture(scope="module")
def example_doc(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """examples/story through the real pipeline (spaCy), as ``storydiff analyze`` does."""
    from storydiff.pipeline import run_story
    from storydiff.report import to_document, validate
    from storydiff.store import open_store

    store = open_store(tmp_path_factory.mktemp("report") / "example.db")
    try:
        dossier, _ = run_story([REPO / "examples" / "story"], store)
    finally:
        store.close()
    doc = to_document(dossier)
    validate(doc)
    return doc


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not CHROMIUM.exists():
        pytest.skip("/usr/bin/chromium is missing; install it with .ci/setup.d/chromium.sh")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield b
        b.close()
