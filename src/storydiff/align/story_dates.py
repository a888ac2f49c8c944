"""Undated articles placed by the story they belong to.

A wire copy often carries only "PORT SALLIS, March 12 (Wirewatch)": a day without a year.
On its own the cleaner can only say "2019 or later". Beside other articles of the same story
whose dates are stated, the year is evident: the one that puts March 12 next to them. The
result stays an estimate (``published`` remains null) and its evidence says where it came from.
"""

from __future__ import annotations

import calendar
import re
from datetime import date

from storydiff.clean.metadata import dateline
from storydiff.model import Article, DateEstimate

# A dateline day read beside a stated date more than this far away is not the same news cycle.
_MAX_DAYS_APART = 31
_MONTHS = {name.lower(): n for n, name in enumerate(calendar.month_name) if name}
_MONTHS |= {name.lower(): n for n, name in enumerate(calendar.month_abbr) if name}
_MONTH_DAY = re.compile(r"(?P<month>[A-Za-z]{3,9})\.?\s+(?P<day>\d{1,2})\b")


def _stated_days(articles: list[Article]) -> list[tuple[date, Article]]:
    days = []
    for article in articles:
        if article.published and len(article.published) == len("2024-03-14"):
            try:
                days.append((date.fromisoformat(article.published), article))
            except ValueError:
                continue
    return days


def _dateline_month_day(article: Article) -> tuple[int, int, str] | None:
    """Month and day of a year-less dateline opening the body ("PORT SALLIS, March 12 …")."""
    first = article.text.lstrip().split("\n", 1)[0]
    found = dateline(first)
    if found is None or not found.date:
        return None
    match = _MONTH_DAY.search(found.date)
    month = _MONTHS.get(match["month"].lower()) if match else None
    if match is None or month is None:
        return None
    return month, int(match["day"]), found.date


def _window(estimate: DateEstimate | None) -> tuple[date, date]:
    """The days the article's own evidence allows (its estimate's window, else any day)."""
    low, high = date.min, date.max
    if estimate is None:
        return low, high
    try:
        if estimate.earliest:
            low = date.fromisoformat(estimate.earliest)
        if estimate.latest:
            high = date.fromisoformat(estimate.latest)
        if not (estimate.earliest or estimate.latest) and estimate.value[:4].isdigit():
            low = date(int(estimate.value[:4]), 1, 1)  # an older estimate: its year onwards
    except ValueError:
        return date.min, date.max
    return low, high


def _nearest(
    month: int, day: int, window: tuple[date, date], stated: list[tuple[date, Article]]
) -> tuple[date, date, Article] | None:
    """The dateline's day in the year that sets it closest to a stated date of the story,
    inside the window the article's own evidence allows."""
    best: tuple[int, date, date, Article] | None = None
    for known, other in stated:
        for year in (known.year - 1, known.year, known.year + 1):
            try:
                candidate = date(year, month, day)
            except ValueError:
                continue
            if not window[0] <= candidate <= window[1]:
                continue
            gap = abs((candidate - known).days)
            if gap <= _MAX_DAYS_APART and (best is None or gap < best[0]):
                best = (gap, candidate, known, other)
    return None if best is None else best[1:]


def story_estimates(articles: list[Article]) -> dict[str, DateEstimate]:
    """By article key, the day an undated article's year-less dateline falls on beside the
    story's stated dates."""
    stated = _stated_days(articles)
    if not stated:
        return {}
    estimates: dict[str, DateEstimate] = {}
    for article in articles:
        if article.published is not None:
            continue
        found = _dateline_month_day(article)
        if found is None:
            continue
        month, day, written = found
        placed = _nearest(month, day, _window(article.published_estimate), stated)
        if placed is None:
            continue
        when, known, other = placed
        estimates[article.key] = DateEstimate(
            when.isoformat(),
            f"Estimated {when.isoformat()}: the dateline gives “{written}” without a year; "
            f"{other.source} in the same story is dated {known.isoformat()}, which places it "
            f"in {when.year}.",
            earliest=when.isoformat(),
            latest=when.isoformat(),
        )
    return estimates
