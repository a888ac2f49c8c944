"""Align fixtures: the example story's and the seeds' dossiers, each built once a session."""

from __future__ import annotations

from pathlib import Path

import pytest

from storydiff.model import Dossier

REPO = Path(__file__).resolve().parents[2]


def _build(folder: Path, db: Path, published: list[str] | None = None) -> Dossier:
    # loads spaCy only when a test needs a dossier
    from storydiff.pipeline import PublishedDates, run_story
    from storydiff.store import open_store

    store = open_store(db)
    try:
        dossier, _ = run_story([folder], store, overrides=PublishedDates(published or []))
    finally:
        store.close()
    return dossier


@pytest.fixture(scope="session")
def example_dossier(tmp_path_factory: pytest.TempPathFactory) -> Dossier:
    """examples/story (the project's own invented story) through the real pipeline."""
    return _build(REPO / "examples" / "story", tmp_path_factory.mktemp("align") / "example.db")


@pytest.fixture(scope="session")
def seed_dossier(shared: Path, tmp_path_factory: pytest.TempPathFactory) -> Dossier:
    """The three seed articles (../shared/seeds) through the real pipeline."""
    return _build(shared / "seeds", tmp_path_factory.mktemp("align") / "seeds.db")


@pytest.fixture(scope="session")
def dated_seed_dossier(
    shared: Path, seed_dates: list[str], tmp_path_factory: pytest.TempPathFactory
) -> Dossier:
    """The seeds with the dates their gold notes give, as ``--published`` would give them."""
    db = tmp_path_factory.mktemp("align") / "dated-seeds.db"
    return _build(shared / "seeds", db, seed_dates)
