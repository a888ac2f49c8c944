"""Publication dates on real local news: the GVA long-tail pool against each document's date.

Each document goes in as a user gives an exported record: its text, and the page's address in
a ``url`` field (the original address, not the archive.org copy's; the copy's timestamp is when
it was archived). The gold date (``dct``) is never shown to the cleaner. Scored per document:

- stated: the cleaner read a date the page states (``Article.published``); right to the day,
  right at a coarser precision (a stated month holding the gold day), or wrong;
- estimated: no stated date, an estimate instead; its interval (``earliest``–``latest``, or the
  period its value names) holds the gold date or excludes it; estimates to the day are counted;
- undated: neither.

``excluded_share`` (estimates whose interval excludes the gold, over all estimates) is the
figure to keep low: an estimate may be coarse, but it must not be wrong.
"""

from __future__ import annotations

import calendar
import json
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from storydiff.clean.vocab import ARCHIVED_URL
from storydiff.model import Article, DateEstimate, RawDocument

_MAX_CHARS = 8 * 1_048_576


def original_url(url: str) -> str:
    """The page's own address behind an archive.org copy's ("http://web.archive.org/web/
    20140215012040/http://news.example/…"): the copy's timestamp says when it was archived."""
    match = ARCHIVED_URL.match(url.strip())
    return match.group("url") if match else url.strip()


def load_documents(folder: Path, *, limit: int | None = None) -> list[dict[str, Any]]:
    """The pool's documents in file order (a stable subset for ``limit``)."""
    docs: list[dict[str, Any]] = []
    with (folder / "documents.jsonl").open(encoding="utf-8") as lines:
        for line in lines:
            if limit is not None and len(docs) >= limit:
                break
            if line.strip():
                docs.append(json.loads(line))
    return docs


def clean_record(doc: dict[str, Any], number: int) -> Article | None:
    """The document cleaned as a user's JSONL record ``{"text": …, "url": …}`` would be."""
    from storydiff.clean import clean_document
    from storydiff.ingest.records import from_record

    record = {"text": doc["content"], "url": original_url(doc.get("url") or "")}
    raw, _ = from_record(record, f"documents.jsonl:{number}", _MAX_CHARS)
    if not isinstance(raw, RawDocument):
        return None  # rejected (empty or binary text): counted as undated
    return clean_document(raw)


def _bounds(iso: str) -> tuple[date, date] | None:
    """First and last day of the period an ISO date names ("2016" → the whole year)."""
    parts = iso.strip().split("-")
    try:
        numbers = [int(p) for p in parts]
        if len(numbers) == 3:
            day = date(*numbers)
            return day, day
        if len(numbers) == 2:
            year, month = numbers
            return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])
        if len(numbers) == 1 and len(parts[0]) == 4:
            return date(numbers[0], 1, 1), date(numbers[0], 12, 31)
    except ValueError:
        return None
    return None


def estimate_interval(estimate: DateEstimate) -> tuple[date, date] | None:
    """The days an estimate allows: its stated bounds, else the period its value names."""
    period = _bounds(estimate.value)
    low = _bounds(estimate.earliest) if estimate.earliest else None
    high = _bounds(estimate.latest) if estimate.latest else None
    if low is None and high is None:
        return period
    start = low[0] if low else (period[0] if period else date.min)
    end = high[1] if high else (period[1] if period else date.max)
    return start, end


@dataclass(frozen=True, slots=True)
class Dated:
    """One document's outcome."""

    kind: str  # "stated-day", "stated-coarse", "stated-wrong", "est-in", "est-out", "undated"
    days: int | None = None  # width of an estimate's interval in days


def judge(article: Article | None, gold: str) -> Dated:
    """How an article's date compares with the gold day."""
    truth = date.fromisoformat(gold)
    if article is None:
        return Dated("undated")
    if article.published:
        span = _bounds(article.published)
        if span is None or not span[0] <= truth <= span[1]:
            return Dated("stated-wrong")
        return Dated("stated-day" if span[0] == span[1] else "stated-coarse")
    if article.published_estimate is not None:
        interval = estimate_interval(article.published_estimate)
        if interval is None:
            return Dated("est-out")
        width = (interval[1] - interval[0]).days + 1
        inside = interval[0] <= truth <= interval[1]
        return Dated("est-in" if inside else "est-out", width)
    return Dated("undated")


def _width_band(days: int) -> str:
    if days <= 1:
        return "day"
    if days <= 31:
        return "month"
    if days <= 366:
        return "year"
    return "wider"


def evaluate_dates(
    folder: Path,
    *,
    limit: int | None = None,
    on_document: Callable[[int], None] | None = None,
    examples: int = 0,
) -> dict[str, Any]:
    """Score publication dates on the pool (first ``limit`` documents)."""
    counts: Counter[str] = Counter()
    widths: Counter[str] = Counter()
    wrong: list[str] = []
    docs = load_documents(folder, limit=limit)
    for number, doc in enumerate(docs):
        article = clean_record(doc, number)
        outcome = judge(article, doc["dct"])
        counts[outcome.kind] += 1
        if outcome.days is not None:
            widths[_width_band(outcome.days)] += 1
            if outcome.kind == "est-in" and outcome.days == 1:
                counts["est-day"] += 1
        if outcome.kind in {"stated-wrong", "est-out"} and len(wrong) < examples:
            found = article.published if article and article.published else None
            if found is None and article and article.published_estimate:
                found = article.published_estimate.value
            wrong.append(f"{doc['doc_id']}: {outcome.kind} {found} (gold {doc['dct']})")
        if on_document is not None:
            on_document(number)
    total = len(docs)
    stated = counts["stated-day"] + counts["stated-coarse"] + counts["stated-wrong"]
    estimated = counts["est-in"] + counts["est-out"]
    result: dict[str, Any] = {
        "documents": total,
        "dated_to_day": counts["stated-day"] + counts["est-day"],
        "stated": {
            "total": stated,
            "right_to_day": counts["stated-day"],
            "right_coarser": counts["stated-coarse"],
            "wrong": counts["stated-wrong"],
        },
        "estimated": {
            "total": estimated,
            "gold_inside": counts["est-in"],
            "gold_excluded": counts["est-out"],
            "to_day_right": counts["est-day"],
            "interval": {band: widths[band] for band in ("day", "month", "year", "wider")},
        },
        "undated": counts["undated"],
        "day_share": round((counts["stated-day"] + counts["est-day"]) / total, 3) if total else 0,
        "stated_wrong_share": round(counts["stated-wrong"] / stated, 3) if stated else 0.0,
        "excluded_share": round(counts["est-out"] / estimated, 3) if estimated else 0.0,
    }
    if examples:
        result["wrong_examples"] = wrong
    return result
