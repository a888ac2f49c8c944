"""Quantity scoring: the matcher on hand-built cases (ranges and the NewsQuant release's value
shapes among them) and a floor on the dev sentences."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from storydiff.errors import GoldError
from storydiff.evaluate.quantities import (
    evaluate_quantities,
    gold_value,
    load_sentences,
    score_sentence,
)
from storydiff.model import QuantityRecord

DEV = Path(__file__).resolve().parents[1] / "data" / "newsquant_dev.json"


def _q(
    value: float, unit: str | None = None, approx: bool = False, at: tuple[int, int] = (0, 1)
) -> QuantityRecord:
    return QuantityRecord(at[0], at[1], "x", value, unit, None, approx, None, 0, 1)


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


def test_load_sentences_reads_quantulum3_fixtures(tmp_path: Path) -> None:
    path = tmp_path / "g.json"
    rows = [{"req": "Two metres.", "res": [{"value": 2, "unit": "metre", "surface": "Two metres"}]}]
    path.write_text(json.dumps(rows), encoding="utf-8")
    assert load_sentences(path) == [{"text": "Two metres.", "quantities": rows[0]["res"]}]


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


@pytest.mark.parametrize(
    ("raw", "value"),
    [
        (5, 5.0),
        ("12.0", 12.0),
        ("-2.64", -2.64),
        ("1,500", 1500.0),
        ("1.5e6", 1_500_000.0),
        ("1/2", 0.5),
        ("2.5 million", 2_500_000.0),
        ("252.0-287.0", (252.0, 287.0)),
        ("-5.0--3.0", (-5.0, -3.0)),
        ("1,000-2,000", (1000.0, 2000.0)),
        ("5 to 10", (5.0, 10.0)),
        ("5\u201310", (5.0, 10.0)),
        ([5, 10], (5.0, 10.0)),
        ({"low": 5, "high": 10}, (5.0, 10.0)),
        ("", None),
        ("n/a", None),
        (None, None),
        (True, None),
        ("1,2", None),
    ],
)
def test_gold_values_of_the_release_format(raw: object, value: object) -> None:
    """NewsQuant's release writes values as strings and ranges as "low-high"."""
    assert gold_value(raw) == value


# "Between 252 and 287 people came." with our two figures at their offsets
RANGE_TEXT = "Between 252 and 287 people came."
RANGE_SYSTEM = [_q(252.0, at=(8, 11)), _q(287.0, at=(16, 19))]


@pytest.mark.parametrize(
    ("gold", "system", "text", "expected"),
    [
        # a predicted range (both ends, joined in the text) matches a gold range
        ([{"value": "252.0-287.0", "normalized_unit": "-"}], RANGE_SYSTEM, RANGE_TEXT, (1, 1, 1)),
        # one end wrong: no match
        ([{"value": "252.0-288.0"}], RANGE_SYSTEM, RANGE_TEXT, (0, 0, 0)),
        # a single predicted value never matches a range
        ([{"value": "252.0-287.0"}], [_q(252.0, at=(8, 11))], RANGE_TEXT, (0, 0, 0)),
        # without the text our two figures are never joined into a range
        ([{"value": "252.0-287.0"}], RANGE_SYSTEM, None, (0, 0, 0)),
        # single gold values still match the ends one by one
        ([{"value": "252"}, {"value": "287"}], RANGE_SYSTEM, RANGE_TEXT, (2, 2, 2)),
        # release units: "percentage" is percent, "-" a count, change "~" approximate
        (
            [{"value": "5.0", "normalized_unit": "percentage", "change": "~"}],
            [_q(5.0, "percent", approx=True)],
            None,
            (1, 1, 1),
        ),
        ([{"value": "not a number"}], [_q(5.0)], None, (0, 0, 0)),
    ],
)
def test_score_sentence_with_ranges(
    gold: list[dict[str, object]],
    system: list[QuantityRecord],
    text: str | None,
    expected: tuple[int, int, int],
) -> None:
    assert score_sentence(gold, system, text) == expected


# The NewsQuant release shape (string values, "normalized_unit", "change",
# "referred_concepts"), on sentences written for this test.
RELEASE_FIXTURE = [
    {
        "text": "Between 252 and 287 people were rescued from the flooded valley.",
        "quantities": [
            {
                "value": "252.0-287.0",
                "normalized_unit": "-",
                "change": "=",
                "referred_concepts": "people",
            }
        ],
    },
    {
        "text": "The index fell 2.64% on Friday, its third fall in a row.",
        "quantities": [
            {
                "value": "-2.64",
                "normalized_unit": "percentage",
                "change": "down",
                "referred_concepts": "index",
            }
        ],
    },
    {
        "text": "The council spent about $4.5 million on 120 new buses.",
        "quantities": [
            {"value": "4500000.0", "normalized_unit": "dollar", "change": "~"},
            {"value": "120.0", "normalized_unit": "-", "change": "=", "referred_concepts": "bus"},
        ],
    },
    {
        "text": "Turnout was 61-64 percent.",
        "quantities": [{"value": "61-64", "normalized_unit": "percentage"}],
    },
    {"text": "No figure here.", "quantities": [{"value": "", "normalized_unit": "-"}]},
]


@pytest.mark.slow
def test_release_format_is_read_without_crashing(tmp_path: Path) -> None:
    """A file in the release's shape, with ranges, negatives, "-" units and one unreadable
    value, is scored instead of stopping at float("252.0-287.0")."""
    path = tmp_path / "release.json"
    path.write_text(json.dumps(RELEASE_FIXTURE), encoding="utf-8")
    scores = evaluate_quantities(path)
    assert scores["n"] == 5
    assert scores["gold"] == 6
    assert scores["gold_ranges"] == 2
    assert scores["unreadable"] == 1
    # both ranges are read as ranges and the two figures of the third sentence match;
    # "-2.64" is a fall the sentence states as 2.64%, so it stays unmatched
    assert scores["recall"] == round(4 / 6, 4)
