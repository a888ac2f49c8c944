"""The words around a number that say how to read it: hedge or bound before, unit after,
and the noun phrase it counts."""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from storydiff.lexicon.numbers import (
    APPROX_HEDGES,
    CURRENCY_SYMBOLS,
    CURRENCY_WORDS,
    HYPHEN_SIZE_WORDS,
    IDENTIFIER_WORDS,
    LOWER_BOUNDS,
    MEASURE_UNITS,
    PERCENT_WORDS,
    UPPER_BOUNDS,
)
from storydiff.model import Bound

_HEDGE_WORDS = APPROX_HEDGES | LOWER_BOUNDS | UPPER_BOUNDS
# Verbs of change whose "to"/"from" object is a new size of their subject: "dwindled to 4,500".
_LINK_PREPOSITIONS = frozenset({"to", "from", "at", "by"})
# Dependencies under which a noun's modifiers sit between the number and the noun.
_NOUN_POS = frozenset({"NOUN", "PROPN"})


@dataclass(frozen=True, slots=True)
class Hedge:
    """A hedge or bound phrase right before a number."""

    start: int
    approx: bool
    bound: Bound | None


def hedge_before(first: Token) -> Hedge | None:
    """The longest hedge or bound phrase (up to three words) ending right before ``first``."""
    doc = first.doc
    end = first.i
    if end > 0 and doc[end - 1].lower_ in CURRENCY_SYMBOLS:
        end -= 1  # "about $5 million"
    for size in (3, 2, 1):
        begin = end - size
        if begin < first.sent.start:
            continue
        phrase = " ".join(t.lower_ for t in doc[begin:end])
        if phrase in _HEDGE_WORDS:
            if begin > 0 and doc[begin - 1].lower_ in ("anything", "nothing"):
                return None  # "refused anything less than $5.7 billion": the demand itself
            bound: Bound | None = None
            if phrase in LOWER_BOUNDS:
                bound = "lower"
            elif phrase in UPPER_BOUNDS:
                bound = "upper"
            return Hedge(doc[begin].idx, phrase in APPROX_HEDGES, bound)
    return None


def identifier_before(first: Token) -> bool:
    """Whether the number names something ("Resolution 1244", "BY-SA 3.0") instead of
    counting it: a known identifier word, or a proper noun right before it."""
    if first.i == 0:
        return False
    before = first.nbor(-1)
    if before.lower_ in IDENTIFIER_WORDS:
        return True
    if before.text == "." and before.i > 0 and first.nbor(-2).text == "No":
        return True  # "the Senate's No. 2 Republican": a rank, split "No" "." "2" by spaCy
    if before.i == first.sent.start or before.lower_ in _HEDGE_WORDS:
        return False
    # "Boeing 787", "Trent 900 engines", "iOS 4": a name right before a number is a model
    capitalised = any(c.isupper() for c in before.text) and before.is_alpha
    return capitalised and before.pos_ == "PROPN"


# A unit per another ("miles per hour", "kilometres an hour"): a rate, not a length.
_RATE = re.compile(r"\s+(?:per|an?)\s+(?P<per>hour|second|minute|day|year)\b", re.IGNORECASE)


def unit_after(first: Token, last: Token) -> tuple[str | None, int]:
    """The unit and the end offset of its word; a currency symbol before counts too."""
    doc = first.doc
    nxt = last.i + 1
    if nxt + 1 < len(doc) and doc[nxt].text == "-" and not last.whitespace_:
        nxt += 1  # "8,000-point level", "two-percent decline"
    for size in (2, 1):
        if nxt + size > len(doc):
            continue
        words = doc[nxt : nxt + size]
        phrase = " ".join(t.lower_ for t in words)
        end = words[-1].idx + len(words[-1].text)
        if phrase in PERCENT_WORDS:
            return "percent", end
        if phrase in CURRENCY_WORDS:
            return CURRENCY_WORDS[phrase], end
        if phrase in MEASURE_UNITS and not (phrase == "m" and last.whitespace_):
            rate = _RATE.match(doc.text, end)  # "120 miles per hour" is a speed
            if rate is not None:
                return f"{MEASURE_UNITS[phrase]} per {rate['per']}", rate.end()
            return MEASURE_UNITS[phrase], end
    if first.i > 0 and first.nbor(-1).lower_ in CURRENCY_SYMBOLS:
        return CURRENCY_SYMBOLS[first.nbor(-1).lower_], 0
    return None, 0


def what_of(run: list[Token], unit: str | None) -> str | None:
    """The noun phrase the number counts, or None when the sentence does not say."""
    last = run[-1]
    doc = last.doc
    if last.i + 2 < len(doc) and doc[last.i + 1].text == "-" and not doc[last.i + 2].like_num:
        return _hyphen_what(doc[last.i + 2])
    if unit == "percent":
        return _of_phrase(last.nbor(1) if last.i + 1 < len(doc) else last)
    if unit is not None:
        return None
    anchor = next((t for t in run if t.head not in run or t.head == t), last)
    head = anchor.head
    if (
        anchor.dep_ in {"nummod", "quantmod", "amod"}
        and head.i > anchor.i
        and head.pos_ in _NOUN_POS
    ):
        start = last.i + 1
        if doc[start].text in {"-", "–", "—", "to"} and doc[start + 1].like_num:
            start += 2  # "1000-1001 jobs": the range's other end is not what it counts
        return _phrase(doc, start, head.i + 1)
    return _of_phrase(anchor) or _conjunct_what(run) or _subject_what(anchor)


def _hyphen_what(word: Token) -> str | None:
    """A "2,500-strong force" counts the force; "120-seat parliament" counts its seats."""
    head = word.head if word.head != word else word
    if word.lower_ in HYPHEN_SIZE_WORDS or word.pos_ not in _NOUN_POS:
        return head.text if head.pos_ in _NOUN_POS and head.i > word.i else None
    plural = _plural(word.lower_)
    if head.i > word.i and head.pos_ in _NOUN_POS:
        return f"{plural} in {head.text}"
    return plural


def _of_phrase(token: Token) -> str | None:
    """The object of an "of" attached to ``token``: "95 percent of Crimeans"."""
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects:
                obj = objects[0]
                left = min(t.i for t in obj.subtree)
                while left < obj.i and obj.doc[left].dep_ in {"det", "poss", "case"}:
                    left += 1
                return _phrase(obj.doc, left, obj.i + 1)
    return None


def _conjunct_what(run: list[Token]) -> str | None:
    """For "5,000 active soldiers and 3,000 on reserve": the second number borrows the noun."""
    first, last = run[0], run[-1]
    doc = first.doc
    sent_start = first.sent.start
    if first.i < 2 or doc[first.i - 1].lower_ not in {"and", "or"}:
        return None
    noun = doc[first.i - 2]
    if noun.i < sent_start or noun.pos_ not in _NOUN_POS:
        return None
    has_number = any(c.dep_ == "nummod" for c in noun.children)
    if not has_number:
        return None
    preps = [c for c in last.children if c.dep_ == "prep" and c.i > last.i]
    if preps:
        tail = max(t.i for t in preps[0].subtree)
        return f"{noun.text} {_phrase(doc, preps[0].i, tail + 1)}"
    return noun.text


def _subject_what(anchor: Token) -> str | None:
    """For "its contingent has dwindled to around 4,500": the number measures the subject."""
    prep = anchor.head
    if anchor.dep_ != "pobj" or prep.lower_ not in _LINK_PREPOSITIONS:
        return None
    verb = prep.head
    if verb.pos_ not in {"VERB", "AUX"}:
        return None
    for child in verb.children:
        if child.dep_ in {"nsubj", "nsubjpass"} and child.pos_ in _NOUN_POS:
            return str(child.text)
    return None


def _phrase(doc: Doc, start: int, end: int) -> str | None:
    """Text of tokens ``start:end``, or None when empty."""
    if start >= end:
        return None
    return str(doc[start:end].text)


def _plural(noun: str) -> str:
    """A plain English plural, good enough for "seat" → "seats"."""
    if noun.endswith("s"):
        return noun
    if noun.endswith("y") and noun[-2:-1] not in set("aeiou"):
        return noun[:-1] + "ies"
    return noun + "s"
