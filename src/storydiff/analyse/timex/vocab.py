"""Named word lists for dates and durations, following TimeML's TIMEX3 value conventions.

Each group is data so the grammar in ``grammar`` stays readable; the regular
expression fragments at the end are built from these lists.
"""

from __future__ import annotations

import re
from typing import Final

from storydiff.lexicon.numbers import TENS_WORDS, UNITS_WORDS

# Month names as written in news, with AP abbreviations. Matched case-sensitively so that
# "may" (the verb) and "march" (the verb) are not read as months.
MONTHS: Final[dict[str, int]] = {
    "January": 1, "Jan.": 1, "Jan": 1,
    "February": 2, "Feb.": 2, "Feb": 2,
    "March": 3, "Mar.": 3,
    "April": 4, "Apr.": 4,
    "May": 5,
    "June": 6, "Jun.": 6,
    "July": 7, "Jul.": 7,
    "August": 8, "Aug.": 8, "Aug": 8,
    "September": 9, "Sept.": 9, "Sep.": 9, "Sept": 9,
    "October": 10, "Oct.": 10, "Oct": 10,
    "November": 11, "Nov.": 11, "Nov": 11,
    "December": 12, "Dec.": 12, "Dec": 12,
}  # fmt: skip

WEEKDAYS: Final[dict[str, int]] = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
    "sunday": 6,
}  # fmt: skip

# Calendar units and their TIMEX3 duration letters; time-of-day units take the "PT" form.
# TimeBank writes decades and centuries in years ("past decade" = P10Y), so we do too.
UNIT_CODES: Final[dict[str, str]] = {
    "second": "S", "minute": "M", "hour": "H", "day": "D", "week": "W", "weekend": "WE",
    "month": "M", "quarter": "Q", "year": "Y", "decade": "Y", "century": "Y",
}  # fmt: skip
TIME_UNITS: Final[frozenset[str]] = frozenset({"second", "minute", "hour"})
UNIT_YEARS_FACTOR: Final[dict[str, int]] = {"decade": 10, "century": 100}

# Seasons and parts of day, TIMEX3 tokens ("1998-SU", "1998-01-08TNI").
SEASONS: Final[dict[str, str]] = {
    "spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI",
}  # fmt: skip
DAY_PARTS: Final[dict[str, str]] = {
    "morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "overnight": "NI",
}  # fmt: skip

# Single words whose value is a TIMEX3 reference token, not a date (PRESENT_REF = "now").
REFERENCE_WORDS: Final[dict[str, str]] = {
    "now": "PRESENT_REF",
    "currently": "PRESENT_REF",
    "current": "PRESENT_REF",
    "nowadays": "PRESENT_REF",
    "recently": "PAST_REF",
    "recent": "PAST_REF",
    "previously": "PAST_REF",
    "formerly": "PAST_REF",
    "the past": "PAST_REF",
    "the future": "FUTURE_REF",
    "future": "FUTURE_REF",
    "soon": "FUTURE_REF",
}

# Day-relative words and their offset in days.
DAY_WORDS: Final[dict[str, int]] = {"today": 0, "yesterday": -1, "tomorrow": 1, "tonight": 0}

# Adverbs of frequency: TIMEX3 type SET with a period value.
SET_WORDS: Final[dict[str, str]] = {
    "daily": "P1D", "weekly": "P1W", "monthly": "P1M", "annually": "P1Y", "yearly": "P1Y",
    "hourly": "PT1H", "nightly": "P1D",
}  # fmt: skip

# Words that move a unit relative to the article date: "last month", "next year".
# The delta of a month named with "this" ("voters this November", written in January): the
# anchor's own year on either side of it, where a bare "November" is the nearest one.
ANCHOR_YEAR: Final = 2

SHIFT_WORDS: Final[dict[str, int]] = {
    "last": -1, "previous": -1, "past": -1, "this": 0, "current": 0, "next": 1, "coming": 1,
}  # fmt: skip

# Vague counts: a duration of "several years" has value PXY.
VAGUE_COUNTS: Final[frozenset[str]] = frozenset(
    {"several", "a few", "few", "many", "a couple of", "couple of", "some", "a number of"}
)

# Ordinal words for quarters and halves.
ORDINALS: Final[dict[str, int]] = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4,
}  # fmt: skip

# Approximation and bound words TimeML keeps inside a duration's extent ("nearly two decades").
DURATION_MODIFIERS: Final[tuple[str, ...]] = (
    "about", "around", "nearly", "almost", "roughly", "approximately", "more than",
    "less than", "at least", "at most", "over", "under", "up to", "just", "only", "some",
    "barely", "well over", "fewer than",
)  # fmt: skip


def _alternation(words: list[str]) -> str:
    """A regex alternation, longest first so that "Sept." wins over "Sept"."""
    import re

    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_NUMBER_WORDS = [*UNITS_WORDS, *TENS_WORDS] + [
    f"{t}-{u}" for t in TENS_WORDS for u in UNITS_WORDS if 0 < UNITS_WORDS[u] < 10
]
MONTH_RE: Final[str] = _alternation(list(MONTHS))
WEEKDAY_RE: Final[str] = _alternation([w.capitalize() for w in WEEKDAYS])
NUMBER_RE: Final[str] = (
    r"(?:\d+(?:\.\d+)?|" + _alternation([*_NUMBER_WORDS, "a", "an", *VAGUE_COUNTS]) + ")"
)
UNIT_RE: Final[str] = (
    r"(?:second|minute|hour|day|weekend|week|month|quarter|year|decade|centur(?:y|ies))s?"
)
MODIFIER_RE: Final[str] = _alternation(list(DURATION_MODIFIERS))


# "9/11" and "Sept. 11" followed by what the attacks left ("hijackers", "families", "bill")
# name the 2001 attacks in news, not a date of the story's year.
NINE_ELEVEN_NUMERIC = re.compile(r"9/11")
# A month named in a possessive is an event or a name, not a date: "the Women's March",
# "the People’s March" (a lone month after "'s" is never a date in news).
MONTH_IN_A_NAME = re.compile(r"['’]s\s+$")
NINE_ELEVEN = re.compile(r"Sept(?:ember|\.)?\s+11(?:th)?", re.IGNORECASE)
NINE_ELEVEN_EVENT = re.compile(
    r"\s+(?:terror(?:ist)?\s+)?(?:attacks?|hijackers?|terrorists?|widows?|families|victims|"
    r"survivors|responders|commission|memorial|museum|bill|law|lawsuits?|plot|plotters?|era|"
    r"advocates|victims?'? families)\b",
    re.IGNORECASE,
)
