"""Extraction metrics by hand, and a small gated run on the shared benchmark data."""

from __future__ import annotations

from pathlib import Path

import pytest

from storydiff.evaluate.extraction import (
    Page,
    cleaneval_gold,
    evaluate_extraction,
    rouge_lsum,
    segment_counts,
    shingle_prf,
)

SHARED = Path(__file__).resolve().parents[2].parent / "shared" / "datasets"


@pytest.mark.parametrize(
    ("candidate", "reference", "expected"),
    [
        ("the cat sat", "the cat sat", (1.0, 1.0, 1.0)),
        ("", "the cat sat", (0.0, 0.0, 0.0)),
        # Union LCS over candidate sentences: each reference token counted once.
        (
            "the cat was found under the bed\n"
            "the tiny little cat was found under the big funny bed",
            "the cat was under the bed",
            (6 / 18, 1.0, 0.5),
        ),
        ("a b\nc d", "a b c d", (1.0, 1.0, 1.0)),
    ],
)
def test_rouge_lsum(candidate: str, reference: str, expected: tuple[float, float, float]) -> None:
    assert rouge_lsum(candidate, reference) == pytest.approx(expected)


def test_shingles() -> None:
    assert shingle_prf("one two three four five", "one two three four") == pytest.approx(
        (0.5, 1.0, 2 / 3)
    )


def test_segment_counts_normalise_space() -> None:
    page = Page("p", b"", keep=("must  keep this",), drop=("menu",))
    assert segment_counts(page, "we must keep\nthis and no m-e-n-u") == (1, 0, 0)
    assert segment_counts(page, None) == (0, 0, 1)


def test_cleaneval_gold_drops_url_and_tags() -> None:
    gold = "URL: http://x.example/\n\n<p>First   para\n<h> Head\n<l> * item\n"
    assert cleaneval_gold(gold) == "First para\nHead\n* item"


# Floors a little under what 20 pages measured (see README figures for the full sets).
GATES = [
    ("trafilatura", "trafilatura_eval", 0.90),
    ("l3s-gn1", "l3s_gn1", 0.86),
]


@pytest.mark.parametrize(("dataset", "folder", "floor"), GATES)
def test_extraction_gate(dataset: str, folder: str, floor: float) -> None:
    data = SHARED / folder
    if not data.is_dir():
        pytest.skip(f"{data} not found")
    result = evaluate_extraction(dataset, data, limit=20)
    assert result["n"] == 20
    assert result["f1"] >= floor, result
    assert result["f1"] >= result["baseline_f1"] - 0.005, result
