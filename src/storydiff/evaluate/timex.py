"""TempEval-3 Task A scoring of our date reader on TimeML files (TimeBank, AQUAINT).

Scored as the TempEval-3 scorer does: a system expression matches a gold one strictly when
the extents are identical and relaxed when they overlap; precision and recall count relaxed
matches. Attribute F1 (type, value) is the relaxed F1 times the attribute's accuracy over the
relaxed matches, which is the same as counting a match only when the attribute is right. The
document creation time (DCT) is the anchor for relative values.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from storydiff.analyse.nlp import load_nlp, spacy_view
from storydiff.analyse.timex import extract_timexes, timex3_value
from storydiff.errors import GoldError

_TAG = re.compile(r"<(/?)(\w+)([^>]*)>")
_ATTR = re.compile(r'(\w+)="([^"]*)"')


@dataclass(frozen=True, slots=True)
class GoldTimex:
    start: int
    end: int
    type: str
    value: str


@dataclass(frozen=True, slots=True)
class TimeMLDoc:
    """The plain text of a TimeML ``<TEXT>`` element, its gold TIMEX3s and its DCT."""

    name: str
    text: str
    dct: str | None
    timexes: list[GoldTimex]


def read_timeml(path: Path) -> TimeMLDoc:
    """Parse one .tml file; tags are stripped and offsets point into the plain text."""
    raw = path.read_text(encoding="utf-8")
    dct_match = re.search(r'functionInDocument="CREATION_TIME"[^>]*>', raw)
    dct = None
    if dct_match is not None:
        tag = raw[raw.rfind("<TIMEX3", 0, dct_match.end()) : dct_match.end()]
        dct = dict(_ATTR.findall(tag)).get("value")
    body_start, body_end = raw.find("<TEXT>"), raw.find("</TEXT>")
    if body_start < 0 or body_end < 0:
        raise GoldError(f"{path}: no <TEXT> element; is this a TimeML file?")
    body = raw[body_start + len("<TEXT>") : body_end]
    parts: list[str] = []
    length = 0
    open_timex: tuple[int, dict[str, str]] | None = None
    timexes: list[GoldTimex] = []
    pos = 0
    for m in _TAG.finditer(body):
        chunk = html.unescape(body[pos : m.start()])
        parts.append(chunk)
        length += len(chunk)
        pos = m.end()
        if m.group(2) != "TIMEX3":
            continue
        if m.group(1) == "":
            open_timex = (length, dict(_ATTR.findall(m.group(3))))
        elif open_timex is not None:
            start, attrs = open_timex
            timexes.append(GoldTimex(start, length, attrs.get("type", ""), attrs.get("value", "")))
            open_timex = None
    parts.append(html.unescape(body[pos:]))
    return TimeMLDoc(path.name, "".join(parts), dct, timexes)


@dataclass(slots=True)
class Tally:
    """Counts the TempEval-3 formulas need."""

    gold: int = 0
    system: int = 0
    strict: int = 0
    relaxed: int = 0
    type_ok: int = 0
    value_ok: int = 0

    def add(self, other: Tally) -> None:
        for name in ("gold", "system", "strict", "relaxed", "type_ok", "value_ok"):
            setattr(self, name, getattr(self, name) + getattr(other, name))


@dataclass(frozen=True, slots=True)
class SystemTimex:
    start: int
    end: int
    type: str
    value: str | None


def score_document(gold: list[GoldTimex], system: list[SystemTimex]) -> Tally:
    """Match each gold expression to at most one overlapping system one (exact first)."""
    tally = Tally(gold=len(gold), system=len(system))
    used: set[int] = set()
    for g in gold:
        exact = [
            i
            for i, s in enumerate(system)
            if i not in used and (s.start, s.end) == (g.start, g.end)
        ]
        overlap = [
            i for i, s in enumerate(system) if i not in used and s.start < g.end and g.start < s.end
        ]
        choice = exact[0] if exact else (overlap[0] if overlap else None)
        if choice is None:
            continue
        used.add(choice)
        s = system[choice]
        tally.relaxed += 1
        tally.strict += bool(exact)
        tally.type_ok += s.type == g.type
        tally.value_ok += s.value == g.value
    return tally


def _f1(hits: int, gold: int, system: int) -> float:
    """F1 from matched, gold and system counts."""
    return 2 * hits / (gold + system) if gold + system else 0.0


def summarise(tally: Tally, n_docs: int) -> dict[str, float | int]:
    """The headline numbers of TempEval-3 Task A."""
    return {
        "strict_f1": round(_f1(tally.strict, tally.gold, tally.system), 4),
        "relaxed_f1": round(_f1(tally.relaxed, tally.gold, tally.system), 4),
        "type_f1": round(_f1(tally.type_ok, tally.gold, tally.system), 4),
        "value_f1": round(_f1(tally.value_ok, tally.gold, tally.system), 4),
        "precision": round(tally.relaxed / tally.system, 4) if tally.system else 0.0,
        "recall": round(tally.relaxed / tally.gold, 4) if tally.gold else 0.0,
        "n": n_docs,
        "gold": tally.gold,
        "system": tally.system,
    }


def timeml_files(data_dir: Path) -> list[Path]:
    """Every .tml file under ``data_dir``, in a stable order."""
    files = sorted(data_dir.rglob("*.tml"))
    if not files:
        raise GoldError(f"{data_dir}: no .tml files found; point --tempeval at a TimeML folder")
    return files


def system_timexes(doc: TimeMLDoc) -> list[SystemTimex]:
    """Our expressions for one TimeML document, valued against its DCT."""
    nlp = load_nlp()
    parsed = nlp(spacy_view(doc.text))
    return [
        SystemTimex(t.start, t.end, t.type, timex3_value(t, doc.dct))
        for t in extract_timexes(parsed, doc.text)
    ]


def evaluate_timeml(
    data_dir: Path,
    *,
    limit: int | None = None,
    progress: Callable[[Iterable[Path]], Iterable[Path]] | None = None,
) -> dict[str, float | int]:
    """TempEval-3 Task A scores (strict/relaxed extent F1, type and value F1) over a folder."""
    files = timeml_files(data_dir)[:limit]
    total = Tally()
    for path in progress(files) if progress else files:
        doc = read_timeml(path)
        total.add(score_document(doc.timexes, system_timexes(doc)))
    return summarise(total, len(files))
