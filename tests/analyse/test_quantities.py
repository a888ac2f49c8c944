"""Quantities: hand-built (text, expected) tables and the seed gold."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from spacy.language import Language

from storydiff.analyse.nlp import load_nlp, spacy_view
from storydiff.analyse.quantities import extract_quantities
from storydiff.analyse.quantity_parse import parse_number
from storydiff.model import QuantityRecord

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_nlp()


def _read(nlp: Language, text: str) -> list[QuantityRecord]:
    return extract_quantities(nlp(spacy_view(text)), text)


@pytest.mark.parametrize(
    ("words", "value"),
    [
        (["4,500"], 4500.0),
        (["2.5", "million"], 2_500_000.0),
        (["twenty-six"], 26.0),
        (["three", "hundred"], 300.0),
        (["dozen"], 12.0),
        (["1,2"], None),
    ],
)
def test_parse_number(words: list[str], value: float | None) -> None:
    assert parse_number(words) == value


# (text, value, unit, what, approx, bound)
CASES = [
    ("NATO still has some 4,500 troops there.", 4500, None, "troops", True, None),
    (
        "It is recognised by over 100 UN member states.",
        100,
        None,
        "UN member states",
        False,
        "lower",
    ),
    (
        "They want 5,000 active soldiers and 3,000 reservists.",
        3000,
        None,
        "reservists",
        False,
        None,
    ),
    ("The KSF is a lightly armed, 2,500-strong force.", 2500, None, "force", False, None),
    ("It needs the 120-seat parliament's support.", 120, None, "seats in parliament", False, None),
    ("The conflict claimed 13,500 lives.", 13500, None, "lives", False, None),
    ("He said 95 percent of Crimeans voted yes.", 95, "percent", "Crimeans", False, None),
    ("Three ministers resigned on the spot.", 3, None, "ministers", False, None),
    ("Police arrested a dozen protesters.", 12, None, "protesters", False, None),
    ("Fewer than 20 people came.", 20, None, "people", False, "upper"),
    ("The deal is worth about $2.5 million.", 2_500_000, "dollar", None, True, None),
    ("The road runs for 40\u00a0km along the border.", 40, "kilometre", None, False, None),
    ("Its contingent has dwindled to around 4,500.", 4500, None, "contingent", True, None),
    ("They posted gains of eight and fourteen percent.", 8, "percent", None, False, None),
    ("The plan covers three years.", 3, "year", None, False, None),
    ("The parliament approved a 99-year lease.", 99, "year", None, False, None),
    ("It promised to publish the text within a month.", 1, "month", None, False, None),
    ("The herring run has fallen by a third since 2022.", 33.3, "percent", None, True, None),
]


@pytest.mark.slow
@pytest.mark.parametrize(("text", "value", "unit", "what", "approx", "bound"), CASES)
def test_quantity_table(
    nlp: Language,
    text: str,
    value: float,
    unit: str | None,
    what: str | None,
    approx: bool,
    bound: str | None,
) -> None:
    found = [q for q in _read(nlp, text) if q.value == value]
    assert found, f"no {value} in {_read(nlp, text)}"
    q = found[0]
    assert (q.unit, q.approx, q.bound) == (unit, approx, bound)
    if what is not None:
        assert q.what == what
    assert text[q.start : q.end] == q.text
    assert q.sentence_start <= q.start < q.end <= q.sentence_end


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        "NATO should respect UN Security Council Resolution 1244.",
        "Photo by SUHEJLO [CC BY-SA 3.0 (https://creativecommons.org/licenses/by-sa/3.0)]",
        "Kosovo proclaimed independence in 2008.",
        "It was the second time, on March 10, 2017, at 10:30 a.m.",
        "The army was created three years ago.",
        "He is 70 years old.",
        "The index hit a 12-year low.",
        "Call 555-1234 for details.",
        "Boeing ordered the Trent 900 engines for its iPhone 4.",
    ],
)
def test_not_quantities(nlp: Language, text: str) -> None:
    assert [q.text for q in _read(nlp, text)] == []


def _seed_gold() -> dict[str, object]:
    path = SHARED / "gold" / "seeds.json"
    if not path.is_file():
        pytest.skip("../shared/gold/seeds.json is absent (gold data lives outside the repo)")
    data: dict[str, object] = json.loads(path.read_text(encoding="utf-8"))
    return data


@pytest.mark.slow
def test_seed_quantities(nlp: Language) -> None:
    """At least 13 of the 14 gold figures, with value, hedge/bound and the noun they count."""
    gold = _seed_gold()
    found = 0
    misses = []
    texts: dict[str, str] = {}
    records: dict[str, list[QuantityRecord]] = {}
    for item in gold["quantities"]:  # type: ignore[attr-defined]
        name = item["file"]
        if name not in texts:
            texts[name] = (SHARED / "seeds" / name).read_text(encoding="utf-8")
            records[name] = _read(nlp, texts[name])
        at = texts[name].find(item["text"])
        hits = [
            q
            for q in records[name]
            if q.value == item["value"]
            and at <= q.start < at + len(item["text"])
            and q.approx == item.get("approx", False)
            and q.bound == item.get("bound")
            and q.unit == item.get("unit")
            and q.what is not None
        ]
        if hits:
            found += 1
        else:
            misses.append(item["text"])
    assert found >= 13, misses


@pytest.mark.slow
def test_seed_not_claims(nlp: Language) -> None:
    """The licence "CC BY-SA 3.0" is never a quantity."""
    gold = _seed_gold()
    for item in gold["not_claims"]:  # type: ignore[attr-defined]
        if "languages" in item["text"] or "countries" in item["text"]:
            continue  # publisher boilerplate: the cleaner removes it before analysis
        text = (SHARED / "seeds" / item["file"]).read_text(encoding="utf-8")
        at = text.find(item["text"])
        inside = [q for q in _read(nlp, text) if at <= q.start < at + len(item["text"])]
        assert inside == [], item["text"]
