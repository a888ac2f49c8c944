"""Facts the per-article quantity reader sets aside that a ledger still compares: a named
person's age ("Pinckney, 41,") and the time of day an event happened ("about 10:45 p.m.").

Neither counts anything, so the analysis stage leaves them out of its quantities (with the
reason); across sources they are facts like any figure: two outlets giving one man two ages,
or the shooting two times, disagree.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from storydiff.align.measure_vocab import CLOCK_QUALIFIERS
from storydiff.align.measures import AGE, age_subject, measure_of
from storydiff.model import Analysis, QuantityRecord

# The unit of a time of day: minutes after midnight.
CLOCK = "minutes after midnight"
_CLOCK_TEXT = re.compile(r"(\d{1,2})(?::(\d{2}))?\s*([ap])\.?\s?m\b\.?", re.IGNORECASE)
_QUALIFIER = re.compile(
    r"\b(" + "|".join(sorted(CLOCK_QUALIFIERS, key=len, reverse=True)) + r")\s+(?:at\s+)?$",
    re.IGNORECASE,
)
# Reasons the analysis stage gives for what it left out (analyse/quantities.py).
_AGE = "an age"
_TIME_OF_DAY = "a time of day"


def facts_left_out(text: str, analysis: Analysis) -> list[QuantityRecord]:
    """Named people's ages and times of day among ``analysis``'s left-out figures."""
    found = []
    starts = [s.start for s in analysis.sentences]
    for item in analysis.quantities_left_out:
        bounds = _sentence(analysis, starts, item.start, len(text))
        if item.reason == _TIME_OF_DAY:
            record = _clock(text, item.start, bounds)
        elif item.reason == _AGE:
            record = _age(text, item.start, item.end, bounds)
        else:
            continue
        if record is not None:
            found.append(record)
    return found


def clock_interval(value: float, text: str) -> tuple[float, float]:
    """The minutes a reported time allows (``text`` as recorded, its hedge first): "just
    before 10:30 p.m." allows 10:10-10:30, "10:45 p.m." that minute alone."""
    lower = text.lower()
    for qualifier, (early, late) in CLOCK_QUALIFIERS.items():
        if lower.startswith(qualifier):
            return value + early, value + late
    return value, value


def _sentence(analysis: Analysis, starts: list[int], start: int, length: int) -> tuple[int, int]:
    """The bounds of the sentence holding ``start`` (``starts``: the sentences' starts)."""
    k = bisect_right(starts, start) - 1
    if k < 0:
        return 0, length
    return analysis.sentences[k].start, analysis.sentences[k].end


def _clock(text: str, start: int, bounds: tuple[int, int]) -> QuantityRecord | None:
    """ "about 10:45 p.m." as 1365 minutes, its hedge kept in its text; None when the words
    are no clock time."""
    found = _CLOCK_TEXT.match(text, start)
    if found is None:
        return None
    hour, minute = int(found[1]), int(found[2] or 0)
    if not (1 <= hour <= 12 and minute < 60):
        return None
    minutes = (hour % 12 + (12 if found[3].lower() == "p" else 0)) * 60 + minute
    hedge = _QUALIFIER.search(text, max(bounds[0], start - 25), start)
    first = hedge.start() if hedge else start
    return QuantityRecord(
        start=first,
        end=found.end(),
        text=text[first : found.end()],
        value=float(minutes),
        unit=CLOCK,
        what="time of day",
        approx=hedge is not None,
        bound=None,
        sentence_start=bounds[0],
        sentence_end=bounds[1],
    )


def _age(text: str, start: int, end: int, bounds: tuple[int, int]) -> QuantityRecord | None:
    """A person's age when a name stands beside it: ages of people unnamed are not one fact."""
    figure = text[start:end]
    if not figure.isdigit() or age_subject(text, start, end) is None:
        return None
    if measure_of(text, start, end, None, bounds[0]) != AGE:
        return None
    return QuantityRecord(
        start=start,
        end=end,
        text=figure,
        value=float(figure),
        unit=None,
        what=None,
        approx=False,
        bound=None,
        sentence_start=bounds[0],
        sentence_end=bounds[1],
    )
