"""The date grammar: regular expressions for TimeML-style temporal expressions, each with a
builder that reads the match into an anchor-free ``Timex``.

Extents follow TimeML: a leading preposition stays out ("on Friday" → "Friday"), a
determiner and approximation words stay in ("the past two months", "nearly two decades").
Values are written as far as the text fixes them; "XXXX" marks a year the article's date
must supply, and offsets ("three years ago") are kept as a unit and a delta.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from storydiff.analyse.quantity_parse import parse_number
from storydiff.analyse.timex.vocab import (
    ANCHOR_YEAR,
    DAY_PARTS,
    DAY_WORDS,
    MODIFIER_RE,
    MONTH_RE,
    MONTHS,
    NUMBER_RE,
    ORDINALS,
    REFERENCE_WORDS,
    SEASONS,
    SET_WORDS,
    SHIFT_WORDS,
    TIME_UNITS,
    UNIT_CODES,
    UNIT_RE,
    UNIT_YEARS_FACTOR,
    VAGUE_COUNTS,
    WEEKDAY_RE,
    WEEKDAYS,
)

TimexType = Literal["DATE", "TIME", "DURATION", "SET"]
OffsetUnit = Literal["day", "week", "month", "quarter", "year", "weekday"]


@dataclass(frozen=True, slots=True)
class Timex:
    """One temporal expression before the article's date is known.

    ``value`` is a TIMEX3 value with "XXXX" where the year is missing; for those, ``delta``
    says which year: -1 the latest such period before the anchor, 0 the anchor's year, +1 the
    next one after. Offsets have ``value=None`` and a ``unit`` and ``delta`` instead; weekdays
    use unit "weekday", delta = weekday index (0 = Monday) and ``direction`` (-1 the latest
    on or before the anchor, +1 the first on or after, 0 the nearest, ±2 strictly before or
    after: "last Friday" on a Friday is a week ago).
    ``suffix`` is appended after resolving ("TMO", "T10:00", "-WE"). ``signal`` keeps "after"
    or "before" when a duration measures the gap to an event ("two decades after …").
    """

    start: int
    end: int
    type: TimexType
    value: str | None = None
    unit: OffsetUnit | None = None
    delta: int = 0
    direction: int = 0
    suffix: str = ""
    signal: str | None = None


Builder = Callable[[re.Match[str]], Timex | None]

_L = r"(?<![\w$.,/-])"  # left edge: not inside a word, number or code
_R = r"(?![\w-]|\.\d)"  # right edge
_YEAR = r"(?:1[5-9]\d\d|20\d\d)"
_N = rf"(?i:{NUMBER_RE})"
_U = rf"(?i:{UNIT_RE})"
_MOD = rf"(?i:{MODIFIER_RE})"
_PART = r"(?i:morning|afternoon|evening|night)"
_EDGE_WORDS = r"(?i:early|late|mid-|mid|the end of|the beginning of|the start of|the middle of|the first half of|the second half of)"  # noqa: E501


def _span(m: re.Match[str], group: str | None = None) -> tuple[int, int]:
    return m.span(group) if group else m.span()


def unit_name(word: str) -> str:
    """Singular unit name: "centuries" → "century", "weeks" → "week"."""
    low = word.lower()
    if low == "centuries":
        return "century"
    return low[:-1] if low.endswith("s") and low[:-1] in UNIT_CODES else low


def _count(word: str | None) -> float | None:
    """Value of a count word; None for vague counts ("several"), 1 for "a"/"an"."""
    if word is None:
        return 1.0
    low = word.lower()
    if low in {"a", "an"}:
        return 1.0
    if low in VAGUE_COUNTS:
        return None
    return parse_number(low.replace("-", " ").split()) if "-" in low else parse_number([low])


def duration_value(count: float | None, unit: str) -> str:
    """TIMEX3 duration: P3Y, PT24H, PXM for a vague count; decades and centuries in years."""
    factor = UNIT_YEARS_FACTOR.get(unit, 1)
    code = UNIT_CODES[unit]
    if count is None:
        amount = "X"
    else:
        total = count * factor
        amount = str(int(total)) if total == int(total) else str(total)
    prefix = "PT" if unit in TIME_UNITS else "P"
    return f"{prefix}{amount}{code}"


def _offset(unit: str, amount: int) -> tuple[OffsetUnit, int]:
    """Offsets in the units TimeRecord knows; decades and centuries become years."""
    if unit in UNIT_YEARS_FACTOR:
        return "year", amount * UNIT_YEARS_FACTOR[unit]
    if unit in {"day", "week", "month", "quarter", "year"}:
        return unit, amount  # type: ignore[return-value]
    if unit == "weekend":
        return "week", amount
    return "day", 0


# --- builders -------------------------------------------------------------------------------


def _full_date(m: re.Match[str]) -> Timex:
    month = MONTHS[m["mon"]]
    day = int(m["day"])
    year = m["year"] or "XXXX"
    return Timex(*_span(m), "DATE", f"{year}-{month:02d}-{day:02d}")


def _iso_date(m: re.Match[str]) -> Timex:
    return Timex(*_span(m), "DATE", m.group(0))


def _month(m: re.Match[str]) -> Timex | None:
    name = m["mon"]
    if not (m["year"] or m["shift"] or m["edge"]) and (name == "May" or not name[-1].isalpha()):
        return None  # "may" at a sentence start, a lone "Jan." without a day
    if not (m["year"] or m["shift"] or m["edge"]) and len(name) < 4:
        return None
    year = m["year"] or "XXXX"
    shift_word = (m["shift"] or "").lower()
    delta = ANCHOR_YEAR if shift_word == "this" else SHIFT_WORDS.get(shift_word, 0)
    return Timex(*_span(m), "DATE", f"{year}-{MONTHS[name]:02d}", delta=delta)


def _season(m: re.Match[str]) -> Timex | None:
    if not (m["year"] or m["shift"]):
        return None
    year = m["year"] or "XXXX"
    shift = (m["shift"] or "this").lower()
    delta = SHIFT_WORDS.get(shift, 0)
    return Timex(*_span(m), "DATE", f"{year}-{SEASONS[m['season'].lower()]}", delta=delta)


def _year(m: re.Match[str]) -> Timex:
    year = m["year"]
    if m["decade"]:
        return Timex(*_span(m), "DATE", year[:3])
    return Timex(*_span(m), "DATE", year)


def _day_word(m: re.Match[str]) -> Timex:
    word = m["word"].lower()
    part = m["part"]
    if part is None and word == "tonight":
        part = "night"
    if word == "last night":
        return Timex(*_span(m), "TIME", unit="day", delta=-1, suffix="TNI")
    if word in {"this morning", "this afternoon", "this evening"}:
        return Timex(*_span(m), "TIME", unit="day", suffix="T" + DAY_PARTS[word.split()[1]])
    delta = DAY_WORDS[word]
    if part is not None:
        return Timex(*_span(m), "TIME", unit="day", delta=delta, suffix="T" + DAY_PARTS[part])
    return Timex(*_span(m), "DATE", unit="day", delta=delta)


def _weekday(m: re.Match[str]) -> Timex:
    """TimeBank values "Wednesday night" as the day, so the part of day is dropped."""
    shift = (m["shift"] or "").lower()
    direction = {"next": 2, "coming": 1, "last": -2}.get(shift, 0)
    index = WEEKDAYS[m["wd"].lower()]
    return Timex(*_span(m), "DATE", unit="weekday", delta=index, direction=direction)


def _shifted_unit(m: re.Match[str]) -> Timex:
    unit = m["unit"].lower()
    delta = SHIFT_WORDS.get((m["shift"] or "this").lower(), 0)
    off_unit, off = _offset(unit, delta)
    suffix = "-WE" if unit == "weekend" else ""
    return Timex(*_span(m), "DATE", unit=off_unit, delta=off, suffix=suffix)


def _ago(m: re.Match[str]) -> Timex | None:
    unit = unit_name(m["unit"])
    count = _count(m["num"])
    rel = m["rel"].lower()
    if rel in {"before", "after"}:
        start = m.start("num")
        return Timex(start, m.end("unit"), "DURATION", duration_value(count, unit), signal=rel)
    if count is None or unit in TIME_UNITS:
        return Timex(*_span(m), "DATE", "PAST_REF" if rel in {"ago", "earlier"} else "FUTURE_REF")
    sign = -1 if rel in {"ago", "earlier"} else 1
    off_unit, off = _offset(unit, sign * round(count))
    return Timex(*_span(m), "DATE", unit=off_unit, delta=off)


def _duration(m: re.Match[str]) -> Timex | None:
    unit = unit_name(m["unit"])
    num = m["num"]
    if unit == "second" and (num or "").lower() in {"a", "an", "one"}:
        return None  # "a second term"
    if m["tail"] and m["tail"].lower().endswith("old"):
        return None  # ages are not temporal expressions in TimeML
    if num is None and not m["unit"].lower().endswith("s"):
        return None
    start = m.start("num") if m["sep"] == "-" else m.start()
    return Timex(start, m.end(), "DURATION", duration_value(_count(num), unit))


def _past_units(m: re.Match[str]) -> Timex | None:
    unit = unit_name(m["unit"])
    plural = m["unit"].lower().endswith("s") and unit != m["unit"].lower()
    if not (m["the"] or m["num"] or plural) and m["shift"].lower() in {"last", "next", "this"}:
        return None  # "last year" is a date, handled by _shifted_unit
    if m["shift"].lower() == "latest" and not plural:
        return None  # "the latest quarter" is a date, handled by _period
    count = _count(m["num"]) if m["num"] or not plural else None
    return Timex(*_span(m), "DURATION", duration_value(count, unit))


def _vague_units(m: re.Match[str]) -> Timex:
    return Timex(*_span(m), "DURATION", duration_value(None, unit_name(m["unit"])))


def _quarter(m: re.Match[str]) -> Timex | None:
    which = (m["q"] or "").lower().replace("fiscal", "").strip()
    if not (m["the"] or which or m["yr"]):
        return None
    year = m["year"] or "XXXX"
    delta = 0
    if m["yr"]:
        delta = SHIFT_WORDS.get(m["yr"].split()[0].lower(), 0)
    if which in ORDINALS:
        return Timex(*_span(m), "DATE", f"{year}-Q{ORDINALS[which]}", delta=delta)
    if which in {"year-ago", "year-earlier"}:
        return Timex(*_span(m), "DATE", "XXXX-QX", delta=-5)
    return Timex(*_span(m), "DATE", "XXXX-QX", delta=-1)


def _reference(m: re.Match[str]) -> Timex:
    return Timex(*_span(m), "DATE", REFERENCE_WORDS[m["word"].lower()])


def _set(m: re.Match[str]) -> Timex:
    if m["word"]:
        return Timex(*_span(m), "SET", SET_WORDS[m["word"].lower()])
    unit = unit_name(m["unit"])
    return Timex(*_span(m), "SET", duration_value(1, unit) if unit in UNIT_CODES else "P1D")


def _clock(m: re.Match[str]) -> Timex:
    hour = int(m["hour"]) % 12
    if m["ampm"].lower().startswith("p"):
        hour += 12
    minute = int(m["minute"] or 0)
    return _at_time(m, f"T{hour:02d}:{minute:02d}")


def _noon(m: re.Match[str]) -> Timex:
    return _at_time(m, "T12:00" if m["word"].lower() == "noon" else "T24:00")


def _at_time(m: re.Match[str], suffix: str) -> Timex:
    """A clock time today, or on the weekday that follows it ("10 p.m. Wednesday")."""
    if m["wd"]:
        index = WEEKDAYS[m["wd"].lower()]
        return Timex(*_span(m), "TIME", unit="weekday", delta=index, suffix=suffix)
    return Timex(*_span(m), "TIME", unit="day", suffix=suffix)


def _edge_of(m: re.Match[str]) -> Timex:
    off_unit, off = _offset(m["unit"].lower(), SHIFT_WORDS.get(m["shift"].lower(), 0))
    return Timex(*_span(m), "DATE", unit=off_unit, delta=off)


def _year_shift(m: re.Match[str]) -> Timex:
    return Timex(*_span(m), "DATE", unit="year", delta=-1)


def _period(m: re.Match[str]) -> Timex:
    which = m["which"].lower()
    return Timex(*_span(m), "DATE", "XXXX-QX", delta=-1 if which == "latest" else -5)


def _the_year(m: re.Match[str]) -> Timex:
    return Timex(*_span(m), "DATE", unit="year", delta=0)


def _weekend(m: re.Match[str]) -> Timex:
    return Timex(*_span(m), "DATE", unit="week", delta=0, suffix="-WE")


# --- the grammar ----------------------------------------------------------------------------

_SHIFT = r"(?i:last|next|this|coming|previous)"
RULES: list[tuple[re.Pattern[str], Builder]] = [
    (re.compile(rf"{_L}\d{{4}}-\d\d-\d\d{_R}"), _iso_date),
    (
        re.compile(
            rf"{_L}(?:{WEEKDAY_RE},?\s+)?(?P<mon>{MONTH_RE})\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
            rf"(?:,?\s+(?P<year>{_YEAR}))?{_R}"
        ),
        _full_date,
    ),
    (
        re.compile(rf"{_L}(?P<day>[0-3]?\d)\s+(?P<mon>{MONTH_RE})(?:,?\s+(?P<year>{_YEAR}))?{_R}"),
        _full_date,
    ),
    (
        re.compile(
            rf"{_L}(?:(?P<edge>{_EDGE_WORDS})\s*)?(?:(?P<shift>{_SHIFT})\s+)?(?P<mon>{MONTH_RE})"
            rf"(?:,?\s+(?:of\s+)?(?P<year>{_YEAR}))?(?![\w-])"
        ),
        _month,
    ),
    (
        re.compile(
            rf"{_L}(?:(?P<shift>(?i:last|next|this|early|late))\s+)?"
            rf"(?P<season>(?i:spring|summer|fall|autumn|winter))"
            rf"(?:\s+(?:of\s+)?(?P<year>{_YEAR}))?{_R}"
        ),
        _season,
    ),
    (
        re.compile(
            rf"{_L}(?:(?:{_EDGE_WORDS}|(?i:fiscal|the fiscal year|calendar))\s*)?"
            rf"(?P<year>{_YEAR})(?:(?P<decade>s)|-\d\d(?!\d))?(?!\w|,\d|\.\d)"
        ),
        _year,
    ),
    (
        re.compile(
            rf"{_L}(?P<word>(?i:today|yesterday|tomorrow|tonight|last night|this morning|"
            rf"this afternoon|this evening))(?:\s+(?P<part>{_PART}))?{_R}"
        ),
        _day_word,
    ),
    (
        re.compile(
            rf"{_L}(?:(?P<shift>(?i:last|next|this|coming|early|late))\s+)?"
            rf"(?P<wd>{WEEKDAY_RE})(?:\s+(?P<part>{_PART}))?{_R}"
        ),
        _weekday,
    ),
    (
        re.compile(
            rf"{_L}(?:(?i:earlier|later|early|late)\s+)?(?P<shift>{_SHIFT})\s+"
            rf"(?P<unit>(?i:week|weekend|month|quarter|year|decade|century)){_R}"
        ),
        _shifted_unit,
    ),
    (
        re.compile(
            rf"{_L}(?i:the\s+)?(?i:end|beginning|start|middle)\s+of\s+(?P<shift>(?i:the|this|last|next))"
            rf"\s+(?P<unit>(?i:year|month|week)){_R}"
        ),
        _edge_of,
    ),
    (
        re.compile(
            rf"{_L}(?:{_MOD}\s+)?(?P<num>{_N})(?:\s+|-)(?:(?i:more|other|full)\s+)?"
            rf"(?P<unit>{_U})\s+(?P<rel>(?i:ago|earlier|later|from now|before|after)){_R}"
        ),
        _ago,
    ),
    (
        re.compile(
            rf"{_L}(?:(?P<the>(?i:the))\s+)?(?P<shift>(?i:past|last|next|coming|previous|first|"
            rf"final|latest|remaining|following))\s+(?:(?P<num>{_N})\s+)?(?P<unit>{_U}){_R}"
        ),
        _past_units,
    ),
    (
        re.compile(
            rf"{_L}(?:(?P<the>(?i:the))\s+)?(?P<num>{_N})(?P<sep>\s+|-)"
            rf"(?:(?i:more|other|full|straight|consecutive)\s+)?(?P<unit>{_U})"
            rf"(?P<tail>-(?i:long|old)|\s+old)?{_R}"
        ),
        _duration,
    ),
    (
        re.compile(
            rf"{_L}(?i:recent|coming|past)\s+(?P<unit>(?i:years|months|weeks|days|decades)){_R}"
        ),
        _vague_units,
    ),
    (
        re.compile(rf"(?<=(?i:for) )(?P<unit>(?i:years|months|weeks|decades|centuries)){_R}"),
        _vague_units,
    ),
    (
        re.compile(
            rf"{_L}(?:(?P<the>(?i:the))\s+)?(?:(?P<yr>(?i:this|last|next) year's)\s+)?"
            rf"(?:(?P<q>(?i:(?:fiscal\s+)?(?:first|second|third|fourth|1st|2nd|3rd|4th)|latest|"
            rf"current|year-ago|year-earlier))[\s-])?(?i:quarter)(?:\s+of\s+(?P<year>{_YEAR}))?{_R}"
        ),
        _quarter,
    ),
    (re.compile(rf"{_L}(?i:year-earlier|year-ago|a year earlier|a year ago){_R}"), _year_shift),
    (
        re.compile(
            rf"{_L}(?i:the\s+(?P<which>latest|year-earlier|year-ago)\s+(?:period|quarter)){_R}"
        ),
        _period,
    ),
    (re.compile(rf"{_L}(?i:the\s+(?:full\s+|fiscal\s+|calendar\s+)?year){_R}"), _the_year),
    (re.compile(rf"{_L}(?i:the weekend){_R}"), _weekend),
    (
        re.compile(
            rf"{_L}(?P<word>(?i:the past|the future|nowadays|currently|recently|now|current))"
            rf"{_R}"
        ),
        _reference,
    ),
    (
        re.compile(
            rf"{_L}(?:(?P<word>(?i:daily|weekly|monthly|annually|yearly|hourly|nightly))|"
            rf"(?i:every|each|per)\s+(?P<unit>(?i:day|week|month|year|hour|morning|night))){_R}"
        ),
        _set,
    ),
    (
        re.compile(
            rf"{_L}(?P<hour>[01]?\d)(?::(?P<minute>[0-5]\d))?\s*"
            rf"(?P<ampm>(?i:a\.m\.?|p\.m\.?|am\b|pm\b))(?:\s+[A-Z]{{3}}\b)?"
            rf"(?:,?\s+(?P<wd>{WEEKDAY_RE})\b)?"
        ),
        _clock,
    ),
    (re.compile(rf"{_L}(?P<word>(?i:noon|midnight))(?:,?\s+(?P<wd>{WEEKDAY_RE}))?{_R}"), _noon),
]


def find_timexes(text: str) -> list[Timex]:
    """All rule matches in ``text``, longest first where they overlap, in text order."""
    candidates: list[Timex] = []
    for pattern, build in RULES:
        for match in pattern.finditer(text):
            timex = build(match)
            if timex is not None and timex.end > timex.start:
                candidates.append(timex)
    candidates.sort(key=lambda t: (-(t.end - t.start), t.start))
    kept: list[Timex] = []
    for cand in candidates:
        if all(cand.end <= k.start or cand.start >= k.end for k in kept):
            kept.append(cand)
    return sorted(kept, key=lambda t: t.start)
