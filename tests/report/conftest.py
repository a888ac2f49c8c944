"""Report fixtures: the example story's dossier, built once (the browser: tests/conftest.py)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[2]


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
