"""The seed gold: at least 21 of its 22 quotes found with the right speaker."""

from __future__ import annotations

from pathlib import Path

import pytest

from storydiff.evaluate.attribution import evaluate_seeds

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"


@pytest.mark.slow
def test_seed_quotes_found_with_speaker() -> None:
    if not (SHARED / "gold" / "seeds.json").is_file():
        pytest.skip("../shared/gold/seeds.json is absent (gold data lives outside the repo)")
    scores = evaluate_seeds(SHARED.resolve())
    assert scores["all"]["correct"] >= 21, scores
    assert scores["direct"]["precision"] >= 0.9, scores
    assert scores["partial"]["precision"] >= 0.5, scores
