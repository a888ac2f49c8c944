"""Who a stance cue belongs to, read from the words around it.

Each finder returns entity ids, nearest first, or nothing when its frame does not fit:

- the agent after the cue: "a plan opposed by X and Y", "criticism from X";
- the subject just before it: "The United States just announced support", joined subjects
  ("NATO and the United States said …") included;
- the subject of a relative clause: "Dellacourt, who spent the final week winning over …";
- the owner of a possessive pronoun: "Venn told a crowd … his party's challenge" → Venn;
- the asker, never the asked: "X asked Kalmere to halt the dredging" → X.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from storydiff.align.entities import EntityIndex
from storydiff.align.stances.vocab import (
    AGENT_AFTER_CUE,
    AGENT_GAP_CHARS,
    AGENT_LEAD_CHARS,
    ASKING_VERBS,
    COORDINATORS,
    OWNED_PROPOSALS,
    PRONOUN_OWNER_CHARS,
    RELATIVE_CLAUSE_CHARS,
    SENTENCE_SUBJECT_LEAD,
    SUBJECT_GAP_MAX,
    SUBJECT_GAP_WORDS,
)
from storydiff.model import Article, Mention, Quote

_WORD = re.compile(r"[\w’'.-]+|,")
_PLACE_PREPOSITION = re.compile(r"\b(?:in|at|on|into|across|near|for|with)\b", re.I)
_CLAUSE_END = re.compile(r"[;:]|,\s+(?:but|while|whereas|although)\b|\bbut\b")
_RELATIVE = re.compile(r"^\s*,\s+(?:who|whose|which)\b[^;:.!?“”\"]*$")
_OWNER_PRONOUN = re.compile(r"\b(?:his|her|their|its)\s+(?:[\w’'-]+\s+){0,2}$", re.I)
_ASIDE = re.compile(r"^\s*,[^,;:.!?]*,")
_CLAUSE_OPENER = re.compile(r"\b(?:that|if|unless|because|when|after|before|while)\b|[;:]", re.I)
_ASKING = r"\b(?:" + "|".join(ASKING_VERBS) + r")\s+"
_ASKED = re.compile(_ASKING + r"$", re.I)
_ASKED_TO = re.compile(_ASKING + r"(?:[^\s.;:]+\s+){0,6}to\s+$", re.I)


@dataclass
class Scope:
    """One article's records, with the lookups the rules need."""

    article: Article
    article_id: str
    index: EntityIndex
    mentions: list[tuple[Mention, str]]
    quotes: list[Quote]

    def entity_mentions(self, start: int, end: int) -> list[tuple[Mention, str]]:
        return [(m, e) for m, e in self.mentions if start <= m.start and m.end <= end]

    def is_person(self, entity_id: str) -> bool:
        return any(e.id == entity_id and e.type == "PERSON" for e in self.index.entities)


def agents_after(scope: Scope, cue_start: int, cue_end: int, limit: int) -> list[str]:
    """ "opposed by the country's Serb minority and its NATO and U.S. allies" → all three;
    "with the support of Republicans" → the Republicans, whose support it is."""
    text = scope.article.text
    tail = text[cue_end : min(limit, cue_end + AGENT_GAP_CHARS)]
    markers: tuple[str, ...] = AGENT_AFTER_CUE
    if _WITH_BEFORE.search(text, max(0, cue_start - 20), cue_start):
        markers = (*markers, "of")
    marker = re.search(r"\b(" + "|".join(markers) + r")\b", tail)
    if marker is None or re.search(r"[,;:.]", tail[: marker.start()]):
        return []
    begin = cue_end + marker.end()
    clause = _CLAUSE_END.search(text, begin, limit)
    stop = clause.start() if clause else limit
    comma = text.find(",", begin, stop)
    actors = [e for m, e in scope.entity_mentions(begin, stop if comma < 0 else comma + 1)]
    if comma >= 0 and not actors:
        actors = [e for m, e in scope.entity_mentions(begin, stop)]
    first = scope.entity_mentions(begin, stop)[:1]
    lead = text[begin : first[0][0].start] if first else ""
    if not first or len(lead) > AGENT_LEAD_CHARS or _PLACE_PREPOSITION.search(lead):
        return []  # "a sham by any honest measure in Kalmere": "by" names no agent
    return list(dict.fromkeys(actors))[:4]


# "with the support of X", "with the backing of X": the cue is X's.
_WITH_BEFORE = re.compile(r"\bwith\s+(?:the\s+|their\s+|its\s+)?(?:\w+\s+)?$", re.IGNORECASE)


def _is_possessive(text: str, end: int) -> bool:
    return text[end : end + 2] in ("’s", "'s")


def subjects_before(scope: Scope, floor: int, cue_start: int) -> list[str]:
    """The actor(s) named just before the cue, joined by "and"; possessives excluded."""
    text = scope.article.text
    before = scope.entity_mentions(floor, cue_start)
    if not before:
        return []
    last, entity = before[-1]
    if _ASKED.search(text[floor : last.start]):
        return []  # "asked Kalmere to halt": Kalmere is asked, not asking
    gap = _WORD.findall(text[last.end : cue_start])
    if _is_possessive(text, last.end):
        owned = gap[1:2] if gap and gap[0] in ("’s", "'s") else gap[:1]
        if not owned or owned[0].lower().lstrip("’'s") not in OWNED_PROPOSALS:
            return []
        gap = gap[2:] if gap[0] in ("’s", "'s") else gap[1:]
    if len(gap) > SUBJECT_GAP_MAX:
        return []
    if any(
        w.lower() not in SUBJECT_GAP_WORDS and not w.lower().endswith("ly") and w != ","
        for w in gap
    ):
        return []
    return _joined(scope, before, entity)


def _joined(scope: Scope, before: list[tuple[Mention, str]], entity: str) -> list[str]:
    """The subject and those coordinated with it: "NATO and the United States"."""
    text = scope.article.text
    last = before[-1][0]
    actors = [entity]
    for m, e in reversed(before[:-1]):
        joint = _WORD.findall(text[m.end : last.start])
        if _is_possessive(text, m.end):
            break
        if joint and all(w.lower() in COORDINATORS for w in joint):
            actors.append(e)
            last = m
        else:
            break
    return actors


def relative_subject(scope: Scope, floor: int, cue_start: int) -> list[str]:
    """ "Mira Dellacourt, who spent the final week winning over deputies": the cue stands in a
    relative clause that opens right after the name, with no other actor in between."""
    text = scope.article.text
    before = scope.entity_mentions(max(floor, cue_start - RELATIVE_CLAUSE_CHARS), cue_start)
    if before and _RELATIVE.match(text[before[-1][0].end : cue_start]):
        return _joined(scope, before, before[-1][1])
    return []


def sentence_subject(scope: Scope, sent_start: int, cue_start: int) -> list[str]:
    """ "Opposition leader Oskar Venn, whose party led the walkout, called the deal reckless":
    the actor that opens the sentence, when only its own aside (between commas) and a few
    words without another actor stand between it and the cue."""
    text = scope.article.text
    before = scope.entity_mentions(sent_start, cue_start)
    if not before:
        return []
    first, entity = before[0]
    if len(_WORD.findall(text[sent_start : first.start])) > SENTENCE_SUBJECT_LEAD:
        return []
    if _is_possessive(text, first.end):
        return []
    segment = text[first.end : cue_start]
    aside = _ASIDE.match(segment)
    main_from = aside.end() if aside else 0
    rest = segment[main_from:]
    if len(_WORD.findall(rest)) > SUBJECT_GAP_MAX or _CLAUSE_OPENER.search(rest):
        return []
    if any(m.start >= first.end + main_from for m, _ in before[1:]):
        return []
    return [entity]


def pronoun_owner(scope: Scope, floor: int, cue_start: int) -> list[str]:
    """ "his party's challenge", "her plan": the owner is the person named last before it."""
    text = scope.article.text
    if not _OWNER_PRONOUN.search(text[max(floor, cue_start - 40) : cue_start]):
        return []
    window = max(0, cue_start - PRONOUN_OWNER_CHARS)
    people = [e for m, e in scope.entity_mentions(window, cue_start) if scope.is_person(e)]
    return people[-1:]


def asker(scope: Scope, floor: int, cue_start: int) -> list[str]:
    """ "Kroll and her counterpart, Fane, asked Kalmere to halt": the people of the subject
    phrase before the verb, else the actor named last before it."""
    text = scope.article.text
    asked = _ASKED_TO.search(text, floor, cue_start)
    if asked is None:
        return []
    breaks = [floor + m.end() for m in re.finditer(r"[.;:]", text[floor : asked.start()])]
    subject_from = max([floor, *breaks])
    before = scope.entity_mentions(subject_from, asked.start())
    people = [e for m, e in before if scope.is_person(e)]
    if people:
        return list(dict.fromkeys(people))
    named = [e for m, e in before if not _is_possessive(text, m.end)]
    return named[-1:]
