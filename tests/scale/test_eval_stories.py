"""Story grouping on ECB+: the scorers on hand-made tables, and a quality gate on a subset."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from storydiff.cli import app
from storydiff.evaluate.stories import bcubed, pairwise

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
ECB = SHARED / "datasets" / "ecb_plus"
DEV_TOPICS = (2, 5, 12, 18, 21, 23, 34, 35)  # the usual ECB+ dev split
FLOORS = {"bcubed_f1": 0.80, "pairwise_f1": 0.75}  # measured 0.882 / 0.866 at threshold 0.22


@pytest.mark.parametrize(
    ("predicted", "gold", "b3", "pw"),
    [
        (["a", "a", "b"], ["x", "x", "y"], 1.0, 1.0),
        (["a", "a", "a"], ["x", "x", "y"], 2 * (5 / 9) / (5 / 9 + 1), 0.5),
        (["a", "b", "c"], ["x", "x", "x"], 0.5, 0.0),
    ],
)
def test_scorers(predicted: list[str], gold: list[str], b3: float, pw: float) -> None:
    assert bcubed(predicted, gold)[2] == pytest.approx(b3)
    assert pairwise(predicted, gold)[2] == pytest.approx(pw)


def test_ecb_plus_gate_on_dev_topics() -> None:
    if not (ECB / "ECBplus_xml.tar.xz").is_file():
        pytest.skip("../shared/datasets/ecb_plus is not present (evaluation data lives outside)")
    args = ["eval", "stories", "--ecb", str(ECB), "--json"]
    for topic in DEV_TOPICS:
        args += ["--topic", str(topic)]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    scores = json.loads(result.output)
    assert scores["gold_stories"] == 2 * len(DEV_TOPICS)
    for key, floor in FLOORS.items():
        assert scores[key] >= floor, scores


def test_a_missing_corpus_is_one_clear_line(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["eval", "stories", "--ecb", str(tmp_path)])
    assert result.exit_code == 2
    assert "no ECB+ XML or ECBplus_xml.tar.xz" in result.output
