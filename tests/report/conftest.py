"""Report fixtures: dossiers of the project's own stories, built once per module by the real
pipeline (the browser: tests/conftest.py)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[2]


def _analysed(folder: Path, db: Path) -> dict[str, Any]:
    """``folder`` through the real pipeline (spaCy), as ``storydiff analyze`` does."""
    from storydiff.pipeline import run_story
    from storydiff.report import to_document, validate
    from storydiff.store import open_store

    with open_store(db) as store:
        dossier, _ = run_story([folder], store)
    doc = to_document(dossier)
    validate(doc)
    return doc


@pytest.fixture(scope="module")
def example_doc(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """examples/story, the bundled example."""
    return _analysed(REPO / "examples" / "story", tmp_path_factory.mktemp("report") / "ex.db")


@pytest.fixture(scope="module")
def developing_doc(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """tests/data/developing_story (three dated reports of one shooting): a toll that rises
    report by report, and a vigil's crowd counted by the police and by the organisers, each
    side reported alike by every outlet."""
    folder = REPO / "tests" / "data" / "developing_story"
    return _analysed(folder, tmp_path_factory.mktemp("report") / "developing.db")
