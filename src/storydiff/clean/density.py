"""Text density: which lines of scraped text read like running prose and which do not.

Menus, teasers, footers and comment chrome survive in plain text as lines that are short or
have few function words ("the", "of", "und", "le"). jusText (Pomikálek 2011) showed that
length plus stop-word density, then smoothing over neighbours, separates them well. Without
markup there is no link density, so only these two signals and the context pass are used.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Final, Literal

Density = Literal["good", "bad", "short", "near"]

# jusText's published defaults (characters and stop-word share).
LENGTH_LOW: Final = 70
LENGTH_HIGH: Final = 200
STOPWORDS_LOW: Final = 0.30
STOPWORDS_HIGH: Final = 0.32
# Languages tried when picking a stop list: the ones news in our sets is written in.
LANGUAGES: Final = (
    "English",
    "German",
    "French",
    "Spanish",
    "Italian",
    "Portuguese",
    "Dutch",
    "Polish",
    "Russian",
    "Swedish",
    "Danish",
    "Finnish",
    "Czech",
    "Turkish",
)
# This many short lines in a row are navigation.
MENU_RUN: Final = 4
# A line naming the copyright holder is the page's footer, however wordy.
_COPYRIGHT = re.compile(r"©|\bcopyright\b|\(c\)\s*\d{4}", re.I)
_WORD = re.compile(r"\w+")


@cache
def _stoplist(language: str) -> frozenset[str]:
    import justext

    return frozenset(w.lower() for w in justext.get_stoplist(language))


def pick_stoplist(lines: list[str]) -> frozenset[str]:
    """The stop list matching most words of the document."""
    words = [w.lower() for line in lines for w in _WORD.findall(line)][:3000]
    best = max(LANGUAGES, key=lambda lang: sum(1 for w in words if w in _stoplist(lang)))
    return _stoplist(best)


def _initial(line: str, stops: frozenset[str]) -> Density:
    if _COPYRIGHT.search(line):
        return "bad"
    words = _WORD.findall(line)
    if len(line) < LENGTH_LOW:
        return "short"
    share = sum(1 for w in words if w.lower() in stops) / max(len(words), 1)
    if share >= STOPWORDS_HIGH:
        return "good" if len(line) > LENGTH_HIGH else "near"
    return "near" if share >= STOPWORDS_LOW else "bad"


def _neighbour(classes: list[Density], i: int, step: int, skip_near: bool) -> Density:
    """The first non-short class from ``i`` in direction ``step``; edges count as bad."""
    j = i + step
    while 0 <= j < len(classes):
        if classes[j] == "good" or classes[j] == "bad":
            return classes[j]
        if classes[j] == "near" and not skip_near:
            return "near"
        j += step
    return "bad"


def classify(lines: list[str]) -> list[Density]:
    """jusText's context-free then context-sensitive classes, one per line."""
    stops = pick_stoplist(lines)
    first = [_initial(line, stops) for line in lines]
    # A run of short lines is a menu or a link list, not a subheading inside the story.
    i = 0
    while i < len(first):
        j = i
        while j < len(first) and first[j] == "short":
            j += 1
        if j - i >= MENU_RUN:
            first[i:j] = ["bad"] * (j - i)
        i = max(j, i + 1)
    # Short lines take the class of their surroundings (near-good counts only beside good).
    out = list(first)
    for i, cls in enumerate(first):
        if cls != "short":
            continue
        before = _neighbour(first, i, -1, True)
        after = _neighbour(first, i, 1, True)
        if before == after:
            out[i] = before
        else:
            near_b = _neighbour(first, i, -1, False)
            near_a = _neighbour(first, i, 1, False)
            out[i] = "good" if "near" in (near_b, near_a) and "good" in (before, after) else "bad"
    # Near-good lines are good when a good line is beside them.
    final = list(out)
    for i, cls in enumerate(out):
        if cls == "near":
            before = _neighbour(out, i, -1, True)
            after = _neighbour(out, i, 1, True)
            final[i] = "bad" if before == after == "bad" else "good"
    return final
