"""Vote tallies and scores: "voted 97-1", "a 5-4 ruling", "won 24 to 10".

Two numbers joined by a dash read as a range ("10-15 people"), but a range goes up; "97-1"
after a vote is one result, the yeas and the nays. Read as two figures, the tally's "1" meets
every other lone "1" of the story and "97" looks like a count of something; read as one, it
is a fact sources report alike ("97-1", "97 to 1") or differently.
"""

from __future__ import annotations

import re

# "97-1", "348–77", "97 to 1": two small counts, the first at least the second.
_TALLY = re.compile(
    r"(?<![\w.,$/-])(\d{1,3})(?:\s?[-–—]\s?|\s+to\s+|-to-)(\d{1,3})(?![\w%/]|[.,]\d|-)"
)
# Words that make a pair of numbers a result: a vote, a ruling, a game. A pair going down
# ("97-1") needs none of them for a dash; "97 to 1" and a tie ("50-50") need one within reach.
_RESULT_WORDS = re.compile(
    r"\b(?:vot(?:e|es|ed|ing)|passed|approved|confirmed|rejected|overrode|override|won|lost|"
    r"beat|defeated|ruled|ruling|decision|margin|majority|victory|tally|split|score[ds]?)\b",
    re.IGNORECASE,
)
_VOTE = re.compile(r"\bvot(?:e|es|ed|ing)\b", re.IGNORECASE)
# What a result word makes the pair: a court's split is a ruling, a game's a score; the rest
# (and a pair with no word near it, "voted 97-1" being the common case) a vote.
_RESULT_KINDS = (
    (re.compile(r"\b(?:ruled|ruling|decision|justices|court)\b", re.IGNORECASE), "ruling"),
    (re.compile(r"\b(?:won|lost|beat|defeated|victory|score[ds]?|game|inning)\b", re.I), "score"),
)
_REACH = 30  # characters either side of the pair where a result word counts


def tally_counts(text: str) -> tuple[int, int] | None:
    """Both counts of a tally as written ("97-1", "97 to 1"), to compare two reports of it."""
    match = _TALLY.search(text)
    return (int(match[1]), int(match[2])) if match else None


def tally_spans(sentence: str, offset: int) -> list[tuple[int, int, int, str]]:
    """(start, end, larger count, what it is: vote, ruling or score) of each tally in one
    sentence's text, offset by ``offset``."""
    spans: list[tuple[int, int, int, str]] = []
    for match in _TALLY.finditer(sentence):
        first, second = int(match[1]), int(match[2])
        if first < second:
            continue  # a range: "10-15 people", "ages 18 to 38"
        around = sentence[max(0, match.start() - _REACH) : match.end() + _REACH]
        dashed = "to" not in match[0]
        if (first == second or not dashed) and _RESULT_WORDS.search(around) is None:
            continue
        kind = "vote"
        if _VOTE.search(around) is None:
            kind = next((k for pattern, k in _RESULT_KINDS if pattern.search(around)), kind)
        spans.append((offset + match.start(), offset + match.end(), first, kind))
    return spans
