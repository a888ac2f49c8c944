"""Quantity scoring: the matcher on hand-built cases and a floor on the dev sentences."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from storydiff.errors import GoldError
from storydiff.evaluate.quantities import evaluate_quantities, load_sentences, score_sentence
from storydiff.model import QuantityRecord

DEV = Path(__file__).resolve().parents[1] / "data" / "newsquant_dev.json"


def _q(value: float, unit: str | None = None, approx: bool = False) -> QuantityRecord:
    return QuantityRecord(0, 1, "x", value, unit, None, approx, None, 0, 1)


@pytest.mark.parametrize(
    ("gold", "system", "expected"),
    [
        ([{"value": 5, "unit": "percent"}], [_q(5.0, "percent")], (1, 1, 1)),
        ([{"value": 5, "unit": "dimensionless"}], [_q(5.0)], (1, 1, 1)),
        ([{"value": 5, "unit": "percent"}], [_q(5.0)], (1, 0, 1)),
        ([{"value": 5, "change": "~"}], [_q(5.0, approx=True)], (1, 1, 1)),
        ([{"value": 5}], [_q(6.0)], (0, 0, 0)),
        ([{"value": 5}, {"value": 5}], [_q(5.0)], (1, 1, 1)),
    ],
)
def test_score_sentence(
    gold: list[dict[str, object]], system: list[QuantityRecord], expected: tuple[int, int, int]
) -> None:
    assert score_sentence(gold, system) == expected


def test_load_sentences_accepts_a_plain_list(tmp_path: Path) -> None:
    path = tmp_path / "g.json"
    path.write_text(json.dumps([{"text": "a", "quantities": []}]), encoding="utf-8")
    assert load_sentences(path) == [{"text": "a", "quantities": []}]


def test_load_sentences_rejects_other_shapes(tmp_path: Path) -> None:
    path = tmp_path / "g.json"
    path.write_text(json.dumps({"req": "x"}), encoding="utf-8")
    with pytest.raises(GoldError):
        load_sentences(path)


@pytest.mark.slow
def test_dev_floor() -> None:
    """47 hand-annotated MEANTIME sentences; measured value F1 0.97, value+unit F1 0.97."""
    scores = evaluate_quantities(DEV)
    assert scores["n"] == 47
    assert scores["value_f1"] >= 0.93
    assert scores["value_unit_f1"] >= 0.90
