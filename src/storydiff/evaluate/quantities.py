"""Scoring the quantity reader on NewsQuant-style sentences.

Input: a JSON list ``[{"text": …, "quantities": [{"value", "unit", "change", …}]}]`` (or an
object with that list under "sentences"). Per sentence, each gold quantity matches at most
one system quantity of the same value; ``value_f1`` counts those matches, ``value_unit_f1``
also needs the unit to agree (a count has unit null). ``change_accuracy`` checks the hedge or
bound over value matches: "~" approximate, ">" lower bound, "<" upper bound, else exact.
"""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

from storydiff.analyse.nlp import load_nlp, spacy_view
from storydiff.analyse.quantities import extract_quantities
from storydiff.errors import GoldError
from storydiff.model import QuantityRecord

# NewsQuant and quantulum3 call a count "dimensionless"; we leave its unit empty.
_COUNT_UNITS = frozenset({None, "", "dimensionless", "count"})


def load_sentences(path: Path) -> list[dict[str, Any]]:
    """The annotated sentences; a clear GoldError when the file is not in this format."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as err:
        raise GoldError(f"{path}: cannot read quantity gold ({err})") from err
    rows = data.get("sentences") if isinstance(data, dict) else data
    if not isinstance(rows, list) or not all(isinstance(r, dict) and "text" in r for r in rows):
        raise GoldError(f'{path}: expected a list of {{"text", "quantities"}} objects')
    return rows


def _unit(value: object) -> str | None:
    """A comparable unit name; every spelling of "no unit" becomes None."""
    if value in _COUNT_UNITS:
        return None
    return str(value).lower()


def _change(record: QuantityRecord) -> str:
    """Our hedge and bound in NewsQuant's change notation."""
    if record.bound == "lower":
        return ">"
    if record.bound == "upper":
        return "<"
    return "~" if record.approx else "="


def _same(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=1e-6, abs_tol=1e-9)


def score_sentence(
    gold: list[dict[str, Any]], system: list[QuantityRecord]
) -> tuple[int, int, int]:
    """(value matches, value+unit matches, change agreements) for one sentence."""
    used: set[int] = set()
    value_hits = unit_hits = change_hits = 0
    for g in gold:
        gold_value = float(g["value"])
        candidates = [
            i for i, s in enumerate(system) if i not in used and _same(s.value, gold_value)
        ]
        if not candidates:
            continue
        same_unit = [i for i in candidates if _unit(system[i].unit) == _unit(g.get("unit"))]
        choice = (same_unit or candidates)[0]
        used.add(choice)
        value_hits += 1
        unit_hits += bool(same_unit)
        change_hits += _change(system[choice]) == g.get("change", "=")
    return value_hits, unit_hits, change_hits


def evaluate_quantities(path: Path) -> dict[str, float | int]:
    """Value F1, value+unit F1, precision, recall and change accuracy over a gold file."""
    rows = load_sentences(path)
    nlp = load_nlp()
    n_gold = n_system = value_hits = unit_hits = change_hits = 0
    for row in rows:
        text = str(row["text"])
        gold = list(row.get("quantities", []))
        system = extract_quantities(nlp(spacy_view(text)), text)
        v, u, c = score_sentence(gold, system)
        n_gold += len(gold)
        n_system += len(system)
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
        "system": n_system,
    }
