"""Scoring the quantity reader on NewsQuant-style sentences.

Input: a JSON list ``[{"text": …, "quantities": [{"value", "unit", "change", …}]}]`` (or an
object with that list under "sentences"; quantulum3's fixtures ``[{"req", "res"}]`` are read
as text and quantities), in this project's dev form or in the NewsQuant release form, whose
values are strings and whose unit is under "normalized_unit":

- a value is a number (``5``, ``"12.0"``, ``"-2.64"``, ``"1,500"``, ``"1.5e6"``, ``"1/2"``,
  ``"2.5 million"``) or a range (``"252.0-287.0"``, ``"-5--3"``, ``"5 to 10"``, ``[5, 10]``,
  ``{"low": 5, "high": 10}``); a value that is neither is counted as gold, never matched,
  and reported under ``unreadable`` instead of stopping the run;
- a unit of "-", "dimensionless" or "count" (or none) means a count; "percentage" is percent,
  and NewsQuant's currency names are read as ours ("pound sterling" is pound).

Per sentence, each gold quantity matches at most one system quantity of the same value.
A range matches a predicted range (two of our figures joined by "-", "to", or "between … and
…") when both ends match; a single predicted value never matches a range, nor a range a
single value. Each predicted range that matches counts as one prediction. ``value_f1`` counts
the matches, ``value_unit_f1`` also needs the unit to agree (a count has unit null).
``change_accuracy`` checks the hedge or bound over value matches: "~" approximate, ">" lower
bound, "<" upper bound, else exact.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from storydiff.analyse.nlp import load_nlp, spacy_view
from storydiff.analyse.quantities import extract_quantities
from storydiff.analyse.quantity_parse import parse_number
from storydiff.errors import GoldError
from storydiff.model import QuantityRecord

Value = float | tuple[float, float]

# NewsQuant and quantulum3 call a count "dimensionless" (the release writes "-"); we leave
# its unit empty.
_COUNT_UNITS = frozenset({None, "", "-", "dimensionless", "count"})
# NewsQuant's unit names where ours differ.
_UNIT_ALIASES = {
    "percentage": "percent",
    "pound sterling": "pound",
    "us dollar": "dollar",
    "united states dollar": "dollar",
    "japanese yen": "yen",
    "chinese yuan": "yuan",
    "russian ruble": "rouble",
    "metric ton": "tonne",
    "kilometer": "kilometre",
    "meter": "metre",
}
_NUMBER = r"[-+−]?(?:\d[\d,]*(?:\.\d+)?|\.\d+)(?:[eE][-+]?\d+)?"
_RANGE = re.compile(rf"^({_NUMBER})\s*(?:-|–|—|to)\s*({_NUMBER})$")
# One number: digits with thousands commas or none, a decimal part, an exponent.
_SINGLE = re.compile(r"[-+]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?:[eE][-+]?\d+)?|[-+]?\.\d+")
_FRACTION = re.compile(r"^(\d+)\s*/\s*(\d+)$")
# Text between two of our figures that makes them one range ("252-287", "5 to 10").
_RANGE_JOINERS = frozenset({"-", "–", "—", "to"})


@dataclass(frozen=True, slots=True)
class _Prediction:
    """One of our figures, or two joined as a range; ``members`` are indices into the
    system list."""

    value: Value
    unit: str | None
    change: str
    members: tuple[int, ...]


def load_sentences(path: Path) -> list[dict[str, Any]]:
    """The annotated sentences; a clear GoldError when the file is not in this format."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as err:
        raise GoldError(f"{path}: cannot read quantity gold ({err})") from err
    rows = data.get("sentences") if isinstance(data, dict) else data
    if isinstance(rows, list):  # quantulum3's fixtures: {"req": text, "res": quantities}
        rows = [
            {"text": r["req"], "quantities": r.get("res", [])}
            if isinstance(r, dict) and "text" not in r and "req" in r
            else r
            for r in rows
        ]
    if not isinstance(rows, list) or not all(isinstance(r, dict) and "text" in r for r in rows):
        raise GoldError(f'{path}: expected a list of {{"text", "quantities"}} objects')
    return rows


def _number(text: str) -> float | None:
    """One number written in a gold value: "12.0", "-2.64", "1,500", "1.5e6", "1/2"."""
    text = text.strip().replace("−", "-")
    if _SINGLE.fullmatch(text):
        return float(text.replace(",", ""))
    fraction = _FRACTION.match(text)
    if fraction is not None and int(fraction[2]) != 0:
        return int(fraction[1]) / int(fraction[2])
    words = text.split()
    return parse_number(words) if words else None


def gold_value(raw: object) -> Value | None:
    """A gold value as a number or a (low, high) range; None when it is neither."""
    if isinstance(raw, bool):
        return None
    if isinstance(raw, int | float):
        return float(raw) if math.isfinite(raw) else None
    if isinstance(raw, list | tuple) and len(raw) == 2:
        low, high = gold_value(raw[0]), gold_value(raw[1])
        if isinstance(low, float) and isinstance(high, float):
            return (low, high)
        return None
    if isinstance(raw, dict) and {"low", "high"} <= raw.keys():
        return gold_value([raw["low"], raw["high"]])
    if not isinstance(raw, str):
        return None
    single = _number(raw)
    if single is not None:
        return single
    match = _RANGE.match(raw.strip().replace("−", "-"))
    if match is not None:
        low, high = _number(match[1]), _number(match[2])
        if low is not None and high is not None:
            return (low, high)
    return None


def _unit(value: object) -> str | None:
    """A comparable unit name; every spelling of "no unit" becomes None."""
    if value in _COUNT_UNITS:
        return None
    name = str(value).strip().lower()
    if name in _COUNT_UNITS:
        return None
    return _UNIT_ALIASES.get(name, name)


def _gold_unit(gold: dict[str, Any]) -> str | None:
    return _unit(gold.get("unit", gold.get("normalized_unit")))


def _change(record: QuantityRecord) -> str:
    """Our hedge and bound in NewsQuant's change notation."""
    if record.bound == "lower":
        return ">"
    if record.bound == "upper":
        return "<"
    return "~" if record.approx else "="


def _same(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=1e-6, abs_tol=1e-9)


def _same_value(a: Value, b: Value) -> bool:
    if isinstance(a, tuple) and isinstance(b, tuple):
        return _same(a[0], b[0]) and _same(a[1], b[1])
    if isinstance(a, float) and isinstance(b, float):
        return _same(a, b)
    return False  # a single value never matches a range


def _predictions(system: list[QuantityRecord], text: str | None) -> list[_Prediction]:
    """Our figures one by one, then each pair that ``text`` joins into a range."""
    out = [_Prediction(s.value, _unit(s.unit), _change(s), (i,)) for i, s in enumerate(system)]
    if text is None:
        return out
    for i in range(len(system) - 1):
        a, b = system[i], system[i + 1]
        between = text[a.end : b.start].strip().lower() if a.end <= b.start else None
        before = text[max(0, a.start - 8) : a.start].strip().lower()
        joined = between in _RANGE_JOINERS or (between == "and" and before.endswith("between"))
        if joined:
            unit = _unit(b.unit or a.unit)
            out.append(_Prediction((a.value, b.value), unit, _change(a), (i, i + 1)))
    return out


def score_sentence(
    gold: list[dict[str, Any]], system: list[QuantityRecord], text: str | None = None
) -> tuple[int, int, int]:
    """(value matches, value+unit matches, change agreements) for one sentence; ``text``
    lets two of our figures joined by "-" or "to" stand for a range."""
    return _score(gold, system, text)[:3]


def _score(
    gold: list[dict[str, Any]], system: list[QuantityRecord], text: str | None
) -> tuple[int, int, int, int]:
    """``score_sentence`` plus how many predictions were ranges that matched (each counts
    as one prediction, not two)."""
    predictions = _predictions(system, text)
    used: set[int] = set()
    value_hits = unit_hits = change_hits = merged = 0
    values = [gold_value(g.get("value")) for g in gold]
    # ranges first, so that a range's two ends are not taken by single values
    order = sorted(range(len(gold)), key=lambda n: not isinstance(values[n], tuple))
    for n in order:
        value, g = values[n], gold[n]
        if value is None:
            continue
        candidates = [
            p
            for p in predictions
            if not used.intersection(p.members) and _same_value(p.value, value)
        ]
        if not candidates:
            continue
        same_unit = [p for p in candidates if p.unit == _gold_unit(g)]
        choice = (same_unit or candidates)[0]
        used.update(choice.members)
        merged += len(choice.members) - 1
        value_hits += 1
        unit_hits += bool(same_unit)
        change_hits += choice.change == str(g.get("change", "=")).strip()
    return value_hits, unit_hits, change_hits, merged


def evaluate_quantities(path: Path) -> dict[str, float | int]:
    """Value F1, value+unit F1, precision, recall and change accuracy over a gold file."""
    rows = load_sentences(path)
    nlp = load_nlp()
    n_gold = n_system = value_hits = unit_hits = change_hits = ranges = unreadable = 0
    for row in rows:
        text = str(row["text"])
        raw = row.get("quantities") or []
        gold = [g for g in raw if isinstance(g, dict)] if isinstance(raw, list) else []
        system = extract_quantities(nlp(spacy_view(text)), text)
        v, u, c, merged = _score(gold, system, text)
        values = [gold_value(g.get("value")) for g in gold]
        ranges += sum(isinstance(x, tuple) for x in values)
        unreadable += sum(x is None for x in values)
        n_gold += len(gold)
        n_system += len(system) - merged
        value_hits += v
        unit_hits += u
        change_hits += c
    total = n_gold + n_system
    return {
        "value_f1": round(2 * value_hits / total, 4) if total else 0.0,
        "value_unit_f1": round(2 * unit_hits / total, 4) if total else 0.0,
        "precision": round(value_hits / n_system, 4) if n_system else 0.0,
        "recall": round(value_hits / n_gold, 4) if n_gold else 0.0,
        "change_accuracy": round(change_hits / value_hits, 4) if value_hits else 0.0,
        "n": len(rows),
        "gold": n_gold,
        "gold_ranges": ranges,
        "unreadable": unreadable,
        "system": n_system,
    }
