"""The attribution scorer on hand-built spans, and a small gated PolNeAR run."""

from __future__ import annotations

from pathlib import Path

import pytest

from storydiff.evaluate.attribution import (
    Counts,
    evaluate_polnear,
    read_brat,
    span_matches,
    speaker_matches,
)
from storydiff.model import QuoteRecord

POLNEAR_DEV = (
    Path(__file__).resolve().parents[2] / ".." / "shared" / "datasets" / "polnear" / "data" / "dev"
)


def test_counts_exact_and_overlap() -> None:
    counts = Counts()
    counts.add(pred={(0, 5), (10, 20), (30, 31)}, gold={(0, 5), (12, 25), (40, 45)})
    scores = counts.scores()
    assert scores["precision"] == pytest.approx(1 / 3)
    assert scores["recall"] == pytest.approx(1 / 3)
    assert scores["exact_f1"] == pytest.approx(1 / 3)
    assert scores["overlap_f1"] == pytest.approx(2 / 3)


def test_counts_empty_is_zero() -> None:
    assert Counts().scores() == {
        "exact_f1": 0.0,
        "overlap_f1": 0.0,
        "precision": 0.0,
        "recall": 0.0,
    }


def test_read_brat_splits_fragments(tmp_path: Path) -> None:
    ann = tmp_path / "a.ann"
    ann.write_text(
        "T1\tSource 0 11\tPat Caddell\nT2\tCue 12 16\tsaid\n"
        "T3\tContent 20 30;40 50\tx y\nE1\tAttribution:T4 Content:T3\n",
        encoding="utf-8",
    )
    gold = read_brat(ann)
    assert gold == {"source": {(0, 11)}, "cue": {(12, 16)}, "content": {(20, 30), (40, 50)}}


def _record(speaker: str, start: int = 0, end: int = 10) -> QuoteRecord:
    return QuoteRecord(start, end, "x" * (end - start), "direct", speaker, 0, 1, "said")


@pytest.mark.parametrize(
    ("speaker", "gold", "ok"),
    [
        ("Milovan Drecun", "Milovan Drecun", True),
        ("Drecun", "Milovan Drecun", True),
        ("NATO", "NATO", True),
        ("Damir Krsticevic", "Mimi Kodheli; Damir Krsticevic", True),
        ("Hashim Thaci", "Aleksandar Vucic", False),
    ],
)
def test_speaker_matches(speaker: str, gold: str, ok: bool) -> None:
    assert speaker_matches(_record(speaker), gold) is ok


@pytest.mark.parametrize(
    ("found", "gold", "ok"),
    [((0, 10), (2, 8), True), ((0, 10), (1, 12), True), ((0, 10), (5, 20), False)],
)
def test_span_matches(found: tuple[int, int], gold: tuple[int, int], ok: bool) -> None:
    assert span_matches(_record("A", *found), gold) is ok


@pytest.mark.slow
def test_polnear_dev_floor() -> None:
    if not (POLNEAR_DEV / "text").is_dir():
        pytest.skip("PolNeAR dev split is absent (../shared/datasets/polnear)")
    scores = evaluate_polnear(POLNEAR_DEV.resolve(), limit=10)
    assert scores["n"]["docs"] == 10
    assert scores["source"]["exact_f1"] >= FLOORS["source"], scores
    assert scores["cue"]["exact_f1"] >= FLOORS["cue"], scores
    assert scores["content"]["exact_f1"] >= FLOORS["content"], scores


@pytest.mark.slow
def test_polnear_whole_dev_floor() -> None:
    """The issue-19 source target on all 84 dev articles (about 30 s)."""
    if not (POLNEAR_DEV / "text").is_dir():
        pytest.skip("PolNeAR dev split is absent (../shared/datasets/polnear)")
    scores = evaluate_polnear(POLNEAR_DEV.resolve())
    assert scores["n"]["docs"] == 84
    for role, floor in WHOLE_DEV_FLOORS.items():
        assert scores[role]["exact_f1"] >= floor, (role, scores[role])


# Measured 0.855 / 0.730 / 0.659 with the learned scorer (0.872 / 0.736 / 0.637 before the edge
# phrases: the whole split gained, these ten lost two sources and gained content).
FLOORS = {"source": 0.84, "cue": 0.71, "content": 0.64}
# Measured 0.781 / 0.673 / 0.629: source at the 0.78, content short of its 0.68. The
# source floor leaves about four sources for float differences in the parse across CPUs.
WHOLE_DEV_FLOORS = {"source": 0.778, "cue": 0.665, "content": 0.62}
