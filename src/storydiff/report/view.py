"""What the readable reports show, computed once from the JSON document.

HTML and Markdown both need the same derived views (the at-a-glance counts, the ledger as a
claims × sources grid, quotes grouped by speaker); computing them here keeps the templates
free of logic and the two formats in agreement.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from storydiff.model import ClaimValue, value_sides

VERDICTS = ("agree", "compatible", "conflict", "disputed", "updated", "single-source", "unresolved")


@dataclass(frozen=True, slots=True)
class Glance:
    """The header a reader scans first: how many sources, which dates, how claims split."""

    sources: int
    copies: int
    first_date: str | None
    last_date: str | None
    undated: int
    verdicts: dict[str, int]
    quotes: int
    speakers: int


@dataclass(slots=True)
class LedgerRow:
    """One claim, with what each source says about it (``None`` where a source is silent)."""

    claim: dict[str, Any]
    cells: list[list[dict[str, Any]]]


@dataclass(slots=True)
class SpeakerQuotes:
    """Every quote attributed to one speaker, in article order."""

    name: str
    quotes: list[dict[str, Any]] = field(default_factory=list)


def _date(article: dict[str, Any]) -> str | None:
    if article.get("published"):
        return str(article["published"])
    estimate = article.get("published_estimate")
    return str(estimate["value"]) if estimate else None


def glance(doc: dict[str, Any]) -> Glance:
    """Counts for the header; dates from stated or estimated publication dates."""
    dates = sorted(d for d in (_date(a) for a in doc["articles"]) if d)
    counts = Counter(c["verdict"] for c in doc["claims"])
    return Glance(
        sources=len(doc["articles"]),
        copies=sum(1 for a in doc["articles"] if a.get("duplicate_of")),
        first_date=dates[0] if dates else None,
        last_date=dates[-1] if dates else None,
        undated=sum(1 for a in doc["articles"] if not _date(a)),
        verdicts={v: counts.get(v, 0) for v in VERDICTS},
        quotes=len(doc["quotes"]),
        speakers=len({q["speaker"] or q["speaker_name"] for q in doc["quotes"]}),
    )


def ledger(doc: dict[str, Any]) -> list[LedgerRow]:
    """The claim ledger as a grid: one row per claim, one column per article."""
    order = [a["id"] for a in doc["articles"]]
    rows = []
    for claim in doc["claims"]:
        cells: list[list[dict[str, Any]]] = [[] for _ in order]
        for member in claim["members"]:
            if member["article"] in order:
                cells[order.index(member["article"])].append(member)
        rows.append(LedgerRow(claim, cells))
    return rows


def quotes_by_speaker(doc: dict[str, Any]) -> list[SpeakerQuotes]:
    """Quotes grouped by speaker, the most quoted first; unknown speakers last."""
    groups: dict[str, SpeakerQuotes] = {}
    for quote in doc["quotes"]:
        key = quote["speaker"] or quote["speaker_name"] or ""
        name = quote["speaker_name"] or "unknown speaker"
        groups.setdefault(key, SpeakerQuotes(name)).quotes.append(quote)
    return sorted(groups.values(), key=lambda g: (g.name == "unknown speaker", -len(g.quotes)))


# The order a journalist reads the ledger in: what is contested first, trivia last.
READING_ORDER = ("disputed", "conflict", "updated", "compatible", "agree", "unresolved")


def reading_rank(claim: dict[str, Any]) -> int:
    verdict = claim["verdict"]
    return READING_ORDER.index(verdict) if verdict in READING_ORDER else len(READING_ORDER)


def sides(claim: dict[str, Any]) -> str:
    """What a fact measures and its values with their sources: "MPs: 105 (a1) · 107 (a2,
    a4)"; an update as its sequence, "people killed: 2 (a1) → 4 (a2)"; a date fact by its
    label alone. Empty when the claim names no measure and has one value or none."""
    values = claim.get("values") or []
    measure = claim.get("measure")
    if not values or (len(values) < 2 and not measure):
        return measure or ""
    shown = value_sides(
        [
            ClaimValue(v["text"], v.get("value", 0.0), v["articles"], v.get("claimant"))
            for v in values
        ],
        updated=claim["verdict"] == "updated",
    )
    return f"{measure or 'values'}: {shown}"


def counted(count: int, noun: str, plural: str | None = None) -> str:
    """ "1 quote", "2 quotes", "1 copy", "3 copies": a count with its noun agreeing."""
    return f"{count} {noun if count == 1 else plural or noun + 's'}"


def spans(citations: list[dict[str, Any]]) -> str:
    """Citations as the ``data-spans`` value the page script reads: ``a1:10:20 a2:5:9``."""
    return " ".join(f"{c['article']}:{int(c['start'])}:{int(c['end'])}" for c in citations)
