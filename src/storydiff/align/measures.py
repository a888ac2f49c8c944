"""Label each figure by what it measures (people killed, injured, arrested, shot).

Rules over the words around a figure in its sentence: an act right before it governs it
("killed two"), else the first act after it in its clause ("five people were injured"), else
one shortly before ("the death toll rose to 12"). Ages are attributes, never counts.
"""

from __future__ import annotations

import re

from storydiff.align.measure_vocab import (
    ADDRESS_AFTER,
    AGE_AFTER,
    AGE_BEFORE,
    AGE_BESIDE_NAME,
    AGE_BESIDE_PERSON,
    AGE_CLOSE,
    AGE_CLOSE_PERSON,
    AGE_NAME_AFTER,
    AGE_NAME_BEFORE,
    AGE_NAME_BEFORE_PLACE,
    AGE_UNIT_GLUED,
    BREAKS_GOVERNING,
    CONVERSION_BEFORE,
    DOERS_AFTER,
    GALLERY_COUNTER,
    GOVERNING_WORDS_BEFORE,
    INCLUDED_LIST,
    MEASURES,
    NO_COUNT_BEFORE,
    OF_WHOM_OUTCOME,
    PARENT_OF,
    PART_AFTER,
    PART_BEFORE,
    PART_OWN_CLAUSE,
    PEOPLE,
    REFERENCE_MARK,
    SHOT_WHO_DIED,
    SOURCES_AFTER,
    WINDOW_WORDS_AFTER,
    WINDOW_WORDS_BEFORE,
)

AGE = "age"
TIME_OF_DAY = "time of day"
REFERENCE = "reference"
ADDRESS = "address"
SOURCES = "sources"
CONVERSION = "conversion"
# Labels of figures that state no fact of the story: they stay out of the ledger.
NOT_FACTS = frozenset({REFERENCE, ADDRESS, SOURCES, CONVERSION})
# Counts that grow as a story develops (a toll), so a later higher figure is an update.
TOLLS = frozenset({"killed", "injured", "arrested", "shot"})
# Where the words before a figure stop being its clause: a sentence end or a line break.
_SENTENCE_BREAK = re.compile(r"[.!?]\s|\n")
_CLAUSE_END = re.compile(r"[;:.!?—–]|,\s+(?:and|but|while|after|as|who|which)\b")
_WORD = re.compile(r"[\w'’-]+")


# How a ledger row names what its figures measure, per measure.
_LABELS = {
    "killed": "people killed",
    "injured": "people injured",
    "arrested": "people arrested",
    "shot": "people shot",
    "missing": "people missing",
    "trapped": "people trapped",
    AGE: "age",
    TIME_OF_DAY: "time of day",
}


def measure_label(
    measure: str | None, counted: list[str | None], subject: str | None = None
) -> str | None:
    """The ledger's name for a fact: its measure ("people killed", "age of Dylann Roof"), else
    the thing its figures count most often ("UN member states"), else None."""
    if measure == AGE and subject:
        return f"age of {subject}"
    if measure in _LABELS:
        return _LABELS[measure]
    named = [c for c in counted if c]
    return max(dict.fromkeys(named), key=named.count) if named else None


def _act(text: str) -> str | None:
    """The measure whose act comes first in ``text`` (on a tie, the first in MEASURES)."""
    found = [
        (m.start(), rank, name)
        for rank, (name, pattern) in enumerate(MEASURES)
        if (m := pattern.search(text))
    ]
    return min(found)[2] if found else None


def _governing_act(near: str) -> str | None:
    """The act right before a figure ("killing 12"), unless a break stands between them."""
    found = [
        (m.end(), -rank, name)
        for rank, (name, pattern) in enumerate(MEASURES)
        for m in pattern.finditer(near)
    ]
    if not found:
        return None
    end, _, name = max(found)
    return None if BREAKS_GOVERNING.search(near[end:]) else name


def _words_before(text: str, count: int) -> str:
    words = list(_WORD.finditer(text))
    return text[words[-count].start() :] if len(words) >= count else text


def _words_after(text: str, count: int) -> str:
    words = list(_WORD.finditer(text))
    return text[: words[count - 1].end()] if len(words) >= count else text


def measure_of(
    text: str, start: int, end: int, what: str | None, sentence_start: int
) -> str | None:
    """What the figure at ``text[start:end]`` counts: "killed", "injured", "arrested", "shot",
    "age", "address", "reference", or None when its words name no such act."""
    after = text[end : end + 80]
    before = text[max(sentence_start, start - 80) : start]
    breaks = list(_SENTENCE_BREAK.finditer(before))
    if breaks:
        before = before[breaks[-1].end() :]
    if (REFERENCE_MARK[0].search(before) and REFERENCE_MARK[1].match(after)) or (
        GALLERY_COUNTER[0].search(before)
        or (GALLERY_COUNTER[1].search(before) and GALLERY_COUNTER[2].match(after))
    ):
        return REFERENCE
    if ADDRESS_AFTER.match(after):
        return ADDRESS
    if SOURCES_AFTER.match(after):
        return SOURCES
    if CONVERSION_BEFORE.search(before):
        return CONVERSION
    figure = text[start:end]
    if (
        AGE_AFTER.match(after)
        or AGE_BEFORE.search(before)
        or (AGE_UNIT_GLUED.search(figure) and after.startswith("-old"))
        or (AGE_BESIDE_NAME.search(before) and AGE_CLOSE.match(after))
        or (AGE_BESIDE_PERSON.search(before) and AGE_CLOSE_PERSON.match(after))
    ):
        return AGE
    outcome = OF_WHOM_OUTCOME.match(after)
    if outcome is not None:
        rest = after[outcome.end() :]
        still = PART_AFTER.match(" " + rest)  # "two of whom remain hospitalized": a part
        return None if still else _act(_CLAUSE_END.split(rest, maxsplit=1)[0])
    if SHOT_WHO_DIED.match(after):
        return "killed"
    if what is not None and not PEOPLE.match(what.split()[-1] if what.split() else ""):
        return None
    if PARENT_OF.search(before) or DOERS_AFTER.match(after) or PART_AFTER.match(after):
        return None
    if NO_COUNT_BEFORE.search(before):
        return None
    if PART_BEFORE.search(before) and not PART_OWN_CLAUSE.match(after):
        return None
    governing = _governing_act(_words_before(before, GOVERNING_WORDS_BEFORE))
    if governing is not None:
        return governing
    listed = INCLUDED_LIST.sub(" ", text[end : end + 200], count=1)[:80]
    clause = _CLAUSE_END.split(listed, maxsplit=1)[0] if after else ""
    # An act further before reaches the figure only within its clause: "killed him while the
    # two were playing" does not count the two.
    return _act(_words_after(clause, WINDOW_WORDS_AFTER)) or _governing_act(
        _words_before(before, WINDOW_WORDS_BEFORE)
    )


def age_subject(text: str, start: int, end: int) -> str | None:
    """The name of the person an age belongs to, as written, when a name stands beside it:
    two sources' ages of one person are one fact (and can conflict); of two people, never."""
    before = text[max(0, start - 60) : start]
    found = (
        AGE_NAME_AFTER.match(text[end : end + 60])
        or AGE_NAME_BEFORE_PLACE.search(before)
        or AGE_NAME_BEFORE.search(before)
    )
    if found is None:
        return None
    name = " ".join(found.group(1).split()).strip(".'’")
    return name if name[:1].isupper() else None


def same_person(a: str, b: str) -> bool:
    """Two names of one person as news writes them: the same surname ("Dylann Roof", "Roof"),
    and the same first name when both give one (a couple shares a surname)."""
    x, y = a.lower().split(), b.lower().split()
    if x[-1] != y[-1]:
        return False
    return len(x) < 2 or len(y) < 2 or x[0] == y[0]
