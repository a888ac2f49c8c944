"""Crude but dependable sentence terms for cross-article matching (no model needed)."""

from __future__ import annotations

import re

from storydiff.align.claim_vocab import CONCEPTS, STOPWORDS

_WORD = re.compile(r"[A-Za-z][A-Za-z’'-]+|%")
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")


def stem(word: str) -> str:
    """Fold plural and tense endings so "troops"/"troop" and "recognized"/"recognize" meet."""
    word = word.lower().replace("’", "'").removesuffix("'s")
    for suffix, repl in (("ies", "y"), ("sses", "ss"), ("ing", ""), ("ed", "e"), ("es", "e")):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return CONCEPTS.get(word[: -len(suffix)] + repl, word[: -len(suffix)] + repl)
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        word = word[:-1]
    return CONCEPTS.get(word, word)


def terms(text: str) -> set[str]:
    """Content terms of a sentence, concepts folded."""
    found = set()
    for word in _WORD.findall(text):
        lower = word.lower()
        if lower in STOPWORDS or (len(lower) < 3 and lower != "%"):
            continue
        found.add(CONCEPTS.get(lower, stem(lower)))
    return found


def years(text: str) -> set[str]:
    return set(_YEAR.findall(text))


def jaccard(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0
