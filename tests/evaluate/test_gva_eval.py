"""The claim ledger on real coverage, gated: the first GVA multi-article incidents.

A small subset runs in CI (the whole flow on each incident's local news articles); the dev
figures over 100 incidents come from ``storydiff eval gva`` (README). Floors are measured
values rounded down; raise them when a change lifts a figure.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from storydiff.evaluate.gva import evaluate_gva, stated
from storydiff.model import Article, Dossier

GATE_INCIDENTS = 12
FLOORS = {"injured_recall": 0.8, "killed_recall": 0.7}
MAX_FALSE_CONFLICTS_PER_INCIDENT = 0.05


def test_stated_check_reads_digits_words_and_singular_victims() -> None:
    text = "Police said two people were killed. A man was injured in the crossfire."
    assert stated([text], "killed", 2)
    assert stated([text], "injured", 1)
    assert not stated([text], "killed", 3)
    assert not stated(["Two people attended the vigil for the victims."], "killed", 2)


@pytest.mark.slow
def test_gva_gate(shared: Path, tmp_path: Path) -> None:
    from storydiff.pipeline import RunStats, build_story
    from storydiff.store import open_store

    folder = shared / "datasets" / "gva_longtail"
    if not (folder / "incidents.jsonl").is_file():
        pytest.skip("../shared/datasets/gva_longtail is not present")
    store = open_store(tmp_path / "gva.db")

    def build(articles: list[Article]) -> Dossier:
        return build_story(articles, store, RunStats())

    try:
        result = evaluate_gva(folder, build, limit=GATE_INCIDENTS)
    finally:
        store.close()
    assert result["injured"]["recall"] >= FLOORS["injured_recall"], result
    assert result["killed"]["recall"] >= FLOORS["killed_recall"], result
    assert result["false_conflicts_per_incident"] <= MAX_FALSE_CONFLICTS_PER_INCIDENT, result
