"""Publication dates: read a stated one, or estimate one from clues and say which.

A stated date comes from a short date-like line or the page's metadata and becomes
``Article.published``. Otherwise the body is searched for clues — years it mentions, years it
treats as still ahead, spans after a year, office holders whose terms are public record — and
the result is a ``DateEstimate`` whose evidence names them, so downstream stages can tell an
estimate from a fact.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from storydiff.clean import vocab
from storydiff.model import DateEstimate


def parse_stated_date(text: str) -> str | None:
    """ISO date ("YYYY-MM-DD" or "YYYY-MM") written in ``text``, or None."""
    for form in vocab.DATE_FORMS:
        match = form.search(text)
        if not match:
            continue
        groups = match.groupdict()
        year = int(groups["year"])
        if groups.get("mnum"):
            month = int(groups["mnum"])
        else:
            month = vocab.MONTHS[groups["month"].lower().rstrip(".")]
        if not 1 <= month <= 12:
            continue
        day = groups.get("day")
        if day is None:
            return f"{year:04d}-{month:02d}"
        if not 1 <= int(day) <= 31:
            continue
        return f"{year:04d}-{month:02d}-{int(day):02d}"
    return None


def date_line(line: str) -> str | None:
    """The date a short line states when the line is nothing but a (labelled) date."""
    if len(line.split()) > vocab.MAX_DATE_LINE_WORDS:
        return None
    stated = parse_stated_date(line)
    if stated is None:
        return None
    rest = vocab.DATE_LINE_LEAD.sub("", line)
    for form in vocab.DATE_FORMS:
        rest = form.sub("", rest)
    # Left over: times, zones, weekdays and separators only — no words of a sentence.
    leftovers = re.findall(r"[A-Za-z]{4,}", rest)
    weekdays = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
    if any(
        word.lower() not in weekdays | {"updated", "published", "gmt", "utc"} for word in leftovers
    ):
        return None
    return stated


@dataclass(frozen=True, slots=True)
class _Window:
    """Months (as year*12+month) an article may have been written in, with why."""

    low: int | None
    high: int | None
    clues: tuple[str, ...]


def _month_index(iso: str) -> int:
    year, month = iso.split("-")
    return int(year) * 12 + int(month) - 1


def _year_clues(text: str) -> tuple[int | None, int | None, list[str]]:
    """Latest past year mentioned, earliest year still ahead, and evidence phrases."""
    past: list[int] = []
    ahead: list[int] = []
    for match in vocab.YEAR.finditer(text):
        before = text[max(0, match.start() - 40) : match.start()]
        if vocab.YEAR_NOT_DATE_BEFORE.search(before):
            continue
        year = int(match.group("year"))
        (ahead if vocab.FUTURE_YEAR_BEFORE.search(before) else past).append(year)
    clues: list[str] = []
    latest = max(past) if past else None
    if latest is not None:
        clues.append(f"the latest year the body mentions is {latest}")
    for match in vocab.SPAN_AFTER_YEAR.finditer(text):
        unit = 10 if match.group("unit").lower().startswith("decade") else 1
        count = match.group("n").lower()
        n = vocab.NUMBER_WORDS.get(count) or int(count)
        years = int(match.group("year")) + n * unit - (1 if match.group("hedge") else 0)
        clues.append(f"“{match.group(0).strip()}” puts it around {years}")
        latest = years if latest is None else max(latest, years)
    first_ahead = min((y for y in ahead if latest is None or y > latest), default=None)
    if first_ahead is not None:
        clues.append(f"{first_ahead} is still ahead (“by {first_ahead}”)")
    return latest, first_ahead, clues


def _tenure_pattern(name: str, role: str) -> re.Pattern[str]:
    """A role attached to a name: "Prime Minister Isa Mustafa", "Thaci, the president"."""
    gap = r"(?:[\s,]+[\w’'.-]+){0,10}?[\s,]+"
    return re.compile(
        rf"\b(?:(?:{role}){gap}(?:{name})\b|(?:{name})[\w’']*,?\s+(?:the\s+|a\s+|as\s+)?"
        rf"(?:[\w’'.-]+\s+){{0,4}}?(?:{role})\b)",
        re.IGNORECASE,
    )


def _tenure_window(text: str) -> _Window:
    """The months consistent with every office holder the text names in office."""
    low: int | None = None
    high: int | None = None
    clues: list[str] = []
    for sentence in re.split(r"(?<=[.!?”])\s+", text):
        for name, role, start, end, label in vocab.TENURES:
            if label in clues or not _tenure_pattern(name, role).search(sentence):
                continue
            clues.append(label)
            low = max(low or 0, _month_index(start))
            if end is not None:
                high = _month_index(end) if high is None else min(high, _month_index(end))
    return _Window(low, high, tuple(clues))


# A window this narrow is set by the most recent reference, so its far edge is the best guess;
# a wider one (an office held for a decade) says little, and news mostly reports recent
# events, so its near edge (the latest year the text mentions, or the term's start) is closer.
NARROW_WINDOW_YEARS = 2


def _pick_year(low: int | None, high: int | None) -> int:
    if high is None:
        return (low or 0) // 12
    if low is None or (high - low) // 12 <= NARROW_WINDOW_YEARS:
        return high // 12
    return low // 12


def estimate_date(text: str) -> DateEstimate | None:
    """Best-guess year of writing from the body's clues, or None when nothing points anywhere."""
    latest, ahead, year_clues = _year_clues(text)
    tenure = _tenure_window(text)
    low = tenure.low
    if latest is not None:
        low = max(low or 0, latest * 12)
    high = tenure.high
    if ahead is not None:
        cap = (ahead - 1) * 12 + 11
        high = cap if high is None else min(high, cap)
    if low is not None and high is not None and low > high:
        # Clues disagree (a term ended before a year the text mentions): trust the people.
        low, high = tenure.low, tenure.high
    relative = sorted({m.group(0).lower() for m in vocab.RELATIVE_HINTS.finditer(text)})
    if low is None and high is None:
        return None
    value = _pick_year(low, high)
    clues = list(tenure.clues) + year_clues
    evidence = f"Estimated {value}: not stated in the text; " + "; ".join(clues)
    if low is not None and high is not None and low // 12 != high // 12:
        side = "latest" if (high - low) // 12 <= NARROW_WINDOW_YEARS else "earliest"
        evidence += f" (clues allow {low // 12}–{high // 12}; the {side} is taken)"
    if relative:
        shown = ", ".join(f"“{hint}”" for hint in relative[:4])
        evidence += f". Relative dates ({shown}) stay unresolved without the article's date"
    return DateEstimate(value=str(value), evidence=evidence + ".")
