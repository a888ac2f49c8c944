"""Text density: which lines of scraped text read like running prose and which do not.

Menus, teasers, footers and comment chrome survive in plain text as lines that are short or
have few function words ("the", "of", "und", "le"). jusText (Pomikálek 2011) showed that
length plus stop-word density, then smoothing over neighbours, separates them well. Without
markup there is no link density, so only these two signals are computed here; the smoothing
over neighbours is learnt (``lines.features`` and ``lines.model`` read these classes).
"""

from __future__ import annotations

import re
from collections import Counter
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
# A line naming the copyright holder is the page's footer, however wordy.
COPYRIGHT = re.compile(r"©|\bcopyright\b|\(c\)\s*\d{4}", re.I)
_WORD = re.compile(r"\w+")


@cache
def _stoplist(language: str) -> frozenset[str]:
    import justext

    return frozenset(w.lower() for w in justext.get_stoplist(language))


def pick_stoplist(lines: list[str]) -> frozenset[str]:
    """The stop list matching most words of the document."""
    words = Counter(w.lower() for line in lines for w in _WORD.findall(line))
    best = max(LANGUAGES, key=lambda lang: sum(c for w, c in words.items() if w in _stoplist(lang)))
    return _stoplist(best)


def initial_class(line: str, stops: frozenset[str]) -> Density:
    """jusText's context-free class of one line: length, then stop-word share."""
    if COPYRIGHT.search(line):
        return "bad"
    words = _WORD.findall(line)
    if len(line) < LENGTH_LOW:
        return "short"
    share = sum(1 for w in words if w.lower() in stops) / max(len(words), 1)
    if share >= STOPWORDS_HIGH:
        return "good" if len(line) > LENGTH_HIGH else "near"
    return "near" if share >= STOPWORDS_LOW else "bad"
