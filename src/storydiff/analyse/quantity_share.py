"""Shares written in words: "two-thirds of voters", "a two-thirds majority", "a quarter of".

Read word by word, "two-thirds" is the count 2 of something called "thirds": it met every
other "two" of a story and never the "67 percent" another outlet printed. Read whole, it is a
share, stated as the percent a reader compares it with, and approximate because a fraction
in words is a rounding.
"""

from __future__ import annotations

import re

from storydiff.lexicon.numbers import SHARE_DENOMINATORS, TIME_UNIT_WORDS, UNITS_WORDS

_NUMERATORS = "|".join(sorted((w for w, v in UNITS_WORDS.items() if 1 <= v <= 9), key=len))
_DENOMINATORS = "|".join(sorted(SHARE_DENOMINATORS, key=len, reverse=True))
# "two-thirds", "three quarters", "one-half": a numerator in words and a denominator; "a third
# of", "a quarter of" only before "of", where "a quarter" is not three months.
_SHARE = re.compile(
    rf"\b(?:(?P<num>{_NUMERATORS})[- ]|(?P<article>an? )(?=(?:{_DENOMINATORS}) of\b))"
    rf"(?P<den>{_DENOMINATORS})\b(?!-(?:old|year|mile|hour|inch|century|point))",
    re.IGNORECASE,
)
# What the share is of: "of (the) voters", or the noun it qualifies ("majority", "stake").
_OF_WHAT = re.compile(
    r"\s+of\s+(?:(?:the|all|its|their|his|her|an?|[\d,]+)\s+)*([A-Za-z]+)", re.IGNORECASE
)
# A share of these is no fact of its own ("a third of them" names its whole elsewhere).
_PRONOUNS = frozenset({"them", "us", "those", "these", "it", "you"})
_QUALIFIED = re.compile(r"\s+(majority|stake|share|vote)\b", re.IGNORECASE)
# "cut by two-thirds" is a change; ``quantities`` reads those.
_CHANGE_BEFORE = re.compile(r"\bby\s+$", re.IGNORECASE)


def share_spans(sentence: str, offset: int) -> list[tuple[int, int, float, str | None]]:
    """(start, end, percent, what it is a share of) of each share in one sentence's text."""
    spans: list[tuple[int, int, float, str | None]] = []
    for match in _SHARE.finditer(sentence):
        if _CHANGE_BEFORE.search(sentence, 0, match.start()):
            continue
        numerator = 1 if match["article"] else UNITS_WORDS[match["num"].lower()]
        denominator = SHARE_DENOMINATORS[match["den"].lower()]
        if numerator >= denominator:
            continue  # "two halves", "four quarters": parts, not a share
        after = sentence[match.end() :]
        found = _QUALIFIED.match(after) or _OF_WHAT.match(after)
        what = found[1].lower() if found else None
        if what in TIME_UNIT_WORDS:
            continue  # "a quarter of an hour", "three quarters of a century": a length
        if what in _PRONOUNS:
            what = None
        percent = round(100 * numerator / denominator, 1)
        spans.append((offset + match.start(), offset + match.end(), percent, what))
    return spans
