"""Crude but dependable sentence terms for cross-article matching (no model needed).

Terms are folded word stems ("recognized" and "recognize" meet), mapped to concepts
("troops" and "soldiers" meet), and weighted by how rare they are in the story: "Kosovo"
in every sentence says little about which fact a sentence states; "dredging" says a lot.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable
from collections.abc import Set as AbstractSet
from functools import lru_cache
from typing import Protocol

from storydiff.align.claim_vocab import CONCEPTS, TIME_WORDS
from storydiff.lexicon.datelines import DATELINE
from storydiff.lexicon.words import STOPWORDS

_WORD = re.compile(r"[A-Za-z][A-Za-z’'-]+|%")
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
_SUFFIXES = (
    ("ies", "y"),
    ("sses", "ss"),
    ("ing", ""),
    ("ers", ""),
    ("er", ""),
    ("ed", ""),
    ("es", ""),
    ("s", ""),
)


def _base(word: str) -> str:
    word = word.lower().replace("’", "'").removesuffix("'s").removesuffix("'")
    for suffix, repl in _SUFFIXES:
        shortest = {"s": 2, "er": 4, "ers": 4}.get(suffix, 3)
        if word.endswith(suffix) and len(word) - len(suffix) >= shortest:
            if suffix == "s" and word.endswith("ss"):
                break
            word = word[: -len(suffix)] + repl
            break
    return word[:-1] if len(word) > 4 and word.endswith("e") else word


_CONCEPT_BY_BASE = {_base(word): concept for word, concept in CONCEPTS.items()}


@lru_cache(maxsize=1 << 16)  # a story repeats its words: each is folded once
def stem(word: str) -> str:
    """Fold plural and tense endings, then map to the concept the word belongs to."""
    lower = word.lower()
    if lower in CONCEPTS:
        return CONCEPTS[lower]
    base = _base(lower)
    return _CONCEPT_BY_BASE.get(base, base)


def terms(text: str) -> set[str]:
    """Content terms of a sentence, concepts folded."""
    found = set()
    for word in _WORD.findall(text):
        lower = word.lower()
        if lower in STOPWORDS or lower in TIME_WORDS or (len(lower) < 3 and lower != "%"):
            continue
        found.add(stem(lower))
    return found


def years(text: str) -> set[str]:
    return set(_YEAR.findall(text))


def jaccard(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+")


def story_weights(texts: Iterable[str]) -> TermWeights:
    """Term weights over every sentence of a story's articles."""
    return TermWeights(terms(s) for text in texts for s in _SENTENCE_END.split(text) if s)


class TermWeights:
    """Inverse document frequency of terms over a story's sentences."""

    def __init__(self, sentences: Iterable[set[str]]) -> None:
        counts: Counter[str] = Counter()
        total = 0
        for sentence in sentences:
            counts.update(sentence)
            total += 1
        self._idf = {t: math.log((1 + total) / (1 + n)) + 1 for t, n in counts.items()}
        self._default = math.log(1 + total) + 1

    def weight(self, term: str) -> float:
        return self._idf.get(term, self._default)

    def similarity(self, a: AbstractSet[str], b: AbstractSet[str]) -> float:
        """Weighted Jaccard: shared rare terms count more than shared common ones.

        The sums are exact (``math.fsum``), so the score does not depend on the order a set
        yields its terms in: the same two term sets always score the same, in either order.
        """
        if not a or not b:
            return 0.0
        union = math.fsum(self.weight(t) for t in a | b)
        return math.fsum(self.weight(t) for t in a & b) / union


# Marks that close the previous sentence's quote but land at the start of the next one when a
# sentence splitter cuts just before them ("…Serbs.”\n\nMitchell's statement …").
_STRAY_OPENING = "”’\"' \n\t"


# Where a clause ends inside a sentence: commas, semicolons, colons, dashes, brackets and quote
# marks. A time expression belongs to the clause around it ("The first dredger arrived off Port
# Sallis last month"), not to the rest of a long sentence about something else.
_CLAUSE_BREAK = re.compile(r"[,;:—–()\[\]\"“”]|\s-\s")


def clause_around(sentence: str, start: int, end: int) -> str:
    """The clause of ``sentence`` holding characters ``start:end`` (offsets in the sentence)."""
    left = max((m.end() for m in _CLAUSE_BREAK.finditer(sentence, 0, max(start, 0))), default=0)
    right = min((m.start() for m in _CLAUSE_BREAK.finditer(sentence, end)), default=len(sentence))
    return " ".join(sentence[left:right].split())


def clause_topic(sentence: str, start: int, end: int, *, fewest_words: int = 3) -> str:
    """What the clause around ``start:end`` is about, that span left out.

    Two date phrases ("On Tuesday", "March 12") say nothing about whether they date the same
    event; the words beside them do. When the clause is little more than the phrase itself,
    the whole sentence stands in for it.
    """
    clause = clause_around(sentence, start, end)
    span = sentence[start:end]
    topic = " ".join(clause.replace(span, " ", 1).split())
    if len(topic.split()) >= fewest_words:
        return topic
    return " ".join((sentence[:start] + " " + sentence[end:]).split())


# Words a fact's label may carry: enough to name it ("construction began terminal"), short
# enough to read in a ledger row.
_TOPIC_WORDS = 5


class Located(Protocol):
    """A figure or date record: where it stands in its article and where its sentence starts."""

    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def sentence_start(self) -> int: ...


def shared_topic(sentence: str, located: Located, others: Iterable[str]) -> str | None:
    """What several sources' sentences say about one figure or date: the words of the first
    member's clause around ``located`` (in ``sentence``) that every other member's sentence
    also has, in the first's order; None when they share none."""
    start = located.start - located.sentence_start
    end = located.end - located.sentence_start
    dateline = DATELINE.match(sentence)
    if dateline:  # blanked around the figure or date, so the offsets still hold
        cut = dateline.end()
        sentence = "".join(
            c if start <= n < end or n >= cut else " " for n, c in enumerate(sentence)
        )
    wanted = [terms(text) for text in others]
    words: dict[str, str] = {}  # folded term -> the word as first written
    for word in _WORD.findall(clause_topic(sentence, start, end)):
        found = terms(word)
        if found and all(found <= have for have in wanted):
            words.setdefault(min(found), word)
    return " ".join(list(words.values())[:_TOPIC_WORDS]) or None


def statement_text(sentence: str, limit: int | None = None) -> str:
    """A sentence as a reader should see it in a claim or an event: one line, no stray marks,
    no dateline ("SPRINGFIELD, March 6 (AP) —" is the outlet's, not the fact's)."""
    text = " ".join(sentence.lstrip(_STRAY_OPENING).split())
    text = DATELINE.sub("", text, count=1) or text
    if limit is not None and len(text) > limit:
        return text[: limit - 1] + "…"
    return text
