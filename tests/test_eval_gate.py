"""The quality gate: the dossier scores on the seeds and the example story must not drop.

Floors live in tests/eval_baseline.json, as trafilatura keeps its eval baseline.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from storydiff.evaluate.dossier import load_gold, score_dossier
from storydiff.pipeline import PublishedDates, run_story
from storydiff.report import to_document
from storydiff.store import open_store

REPO = Path(__file__).resolve().parents[1]
BASELINE = json.loads((REPO / "tests" / "eval_baseline.json").read_text("utf-8"))


def _figures(score: dict[str, Any]) -> dict[str, int]:
    return {
        "boilerplate_left_max": score["articles"]["boilerplate_left"],
        "bounds_ok": score["articles"]["bounds_ok"],
        "metadata_ok": score["articles"]["metadata_ok"],
        "entities": score["entities"]["resolved"],
        "quotes_right_speaker": score["quotes"]["right_speaker"],
        "quantities": score["quantities"]["found"],
        "not_claims_max": score["quantities"]["not_claims_reported"],
        "alignments": score["alignments"]["right"],
        "stances": score["stances"]["right"],
        "timeline": score["timeline"]["right"],
    }


def _score(
    articles: Path, gold: Path, tmp_path: Path, published: list[str] | None = None
) -> dict[str, Any]:
    store = open_store(tmp_path / "gate.db")
    dossier, _ = run_story([articles], store, overrides=PublishedDates(published or []))
    store.close()
    return score_dossier(to_document(dossier), load_gold(gold))


def _check(figures: dict[str, int], floors: dict[str, int]) -> None:
    for name, floor in floors.items():
        if name.endswith("_max"):
            assert figures[name] <= floor, f"{name}: {figures[name]} > {floor}"
        else:
            assert figures[name] >= floor, f"{name}: {figures[name]} < floor {floor}"


@pytest.mark.slow
def test_seeds_gate(shared: Path, seed_dates: list[str], tmp_path: Path) -> None:
    score = _score(shared / "seeds", shared / "gold" / "seeds.json", tmp_path, seed_dates)
    _check(_figures(score), BASELINE["seeds"])
    assert "United States" in score["stances"]["changes"]


@pytest.mark.slow
def test_example_story_gate(tmp_path: Path) -> None:
    score = _score(REPO / "examples" / "story", REPO / "examples" / "gold.json", tmp_path)
    _check(_figures(score), BASELINE["example"])
    verdicts = {d["expected"] for d in score["alignments"]["details"] if d["ok"]}
    assert verdicts >= {"agree", "compatible", "conflict", "single-source"}
