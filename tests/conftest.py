"""Shared fixtures: the real spaCy model once per session, and the shared gold data."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
EXAMPLES = REPO / "examples"


@pytest.fixture(scope="session")
def shared() -> Path:
    """../shared (seeds, gold, datasets); tests that need it skip when it is absent."""
    if not (SHARED / "seeds").is_dir():
        pytest.skip("../shared/seeds is not present (evaluation data lives outside the repo)")
    return SHARED
