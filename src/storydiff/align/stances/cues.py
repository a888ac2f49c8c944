"""One regular expression over every stance cue, and the sign each match carries."""

from __future__ import annotations

import re

from storydiff.align.stances.vocab import FALSE_CUES, NEGATIVE_ACTS, OPPOSE_CUES, SUPPORT_CUES


def _cue_regex(cue: str) -> str:
    """A trailing "*" lets the word take any ending ("support*" → "supportive"). The word
    boundary before the cue is the caller's."""
    if cue.endswith("*"):
        return re.escape(cue[:-1]) + r"[\w-]*"
    return re.escape(cue) + r"\b"


# Longest cues first, so "warned against" wins over "against".
_CUES = sorted(
    [(c, 1) for c in SUPPORT_CUES] + [(c, -1) for c in OPPOSE_CUES],
    key=lambda cue: -len(cue[0].rstrip("*")),
)
# Every cue starts at a word boundary with a letter. The cues are grouped by that letter, each
# group behind a lookahead for it, so at a word start only the cues that can match there are
# tried, still longest first: the same matches as one flat alternation, about forty times
# faster on a big story's text.
_BY_LETTER: dict[str, list[str]] = {}
for _n, (_cue, _) in enumerate(_CUES):
    _BY_LETTER.setdefault(_cue[0].lower(), []).append(f"(?P<c{_n}>{_cue_regex(_cue)})")
CUE_PATTERN = re.compile(
    r"\b(?:"
    + "|".join(
        f"(?={re.escape(letter)})(?:{'|'.join(alts)})" for letter, alts in _BY_LETTER.items()
    )
    + ")",
    re.I,
)


def cue_sign(match: re.Match[str]) -> int:
    """+1 for a support cue, -1 for an oppose cue; an oppose cue whose object is itself an
    act against something ("rejected Obama's veto of the bill") backs what that act was
    against."""
    group = match.lastgroup or "c0"
    sign = _CUES[int(group[1:])][1]
    if sign > 0:
        return sign
    text = match.string
    if _NEGATIVE_OBJECT.match(text, match.end()):
        return 1
    passive = _NEGATIVE_SUBJECT.search(text, 0, match.start())
    if passive and (passive.group("helper") or _BY_AGENT.match(text, match.end())):
        return 1
    return sign


def object_of_cue(sentence: str, previous_end: int, match: re.Match[str]) -> bool:
    """The cue word is an act the cue before it acts on ("reverse this veto", "rejected
    Obama's veto"): that cue's sign already reads it, so it is no stance of its own."""
    if previous_end < 0 or match.group(0).lower() not in NEGATIVE_ACTS:
        return False
    return _NEGATIVE_OBJECT.fullmatch(sentence, previous_end, match.end()) is not None


# The cue's object within three words ("rejected [President Obama's] veto"), or the thing a
# passive cue was done to ("a veto was overridden", "a veto overridden by Congress"). The acts
# match in lower case only: "rejected Ban Ki-moon's plan" names a man, not a ban.
_ACTS = r"(?-i:" + "|".join(NEGATIVE_ACTS) + r")"
_NEGATIVE_OBJECT = re.compile(r"\s+(?:[\w'’.-]+\s+){0,3}?" + _ACTS + r"\b", re.I)
_NEGATIVE_SUBJECT = re.compile(
    r"\b" + _ACTS + r"\s+(?P<helper>(?:(?:was|were|is|are|been|be|had|has)\s+)*)$", re.I
)
_BY_AGENT = re.compile(r"\s+by\b", re.I)


_FALSE = re.compile("|".join(r"\b" + re.escape(p) + r"\b" for p in FALSE_CUES), re.I)


def is_false_cue(text: str, start: int, end: int) -> bool:
    """The cue is part of a phrase that states no stance ("fires back", "signed up to")."""
    window = text[max(0, start - 20) : end + 20]
    offset = max(0, start - 20)
    return any(
        m.start() + offset <= start and end <= m.end() + offset for m in _FALSE.finditer(window)
    )


# "an estuary that already supports fewer boats", "a legislature that will not vote for the army":
# the cue is what the thing before "that" does, not the stance of whoever speaks.
_THING_CLAUSE = re.compile(
    r"\b(?:that|which)\s+(?:(?:already|still|also|will|would|can|could|does|did|do|has|have"
    r"|not|never|\w+ly)\s+){0,3}$",
    re.I,
)


def is_thing_clause(text: str, start: int) -> bool:
    """The cue opens a relative clause about a thing ("that supports", "which backs")."""
    return _THING_CLAUSE.search(text, max(0, start - 30), start) is not None
