"""The story's disputed question: what the actors are for or against.

The issue is what stance cues point at. Cues take it as their object ("voted for the lease",
"support for a Kosovo army"), while the actors stand before them ("parliament approved"), so
terms after a cue count and terms before one do not.
"""

from __future__ import annotations

import re
from collections import Counter

from storydiff.align.entities import EntityIndex
from storydiff.align.stances.cues import CUE_PATTERN
from storydiff.align.stances.vocab import (
    ISSUE_ANAPHORA,
    ISSUE_NAME_TERMS,
    ISSUE_OBJECT_CHARS,
    ISSUE_PRONOUNS,
    ISSUE_RIVAL_SHARE,
    ISSUE_TERMS_KEPT,
    ISSUE_TITLE_WEIGHT,
    ISSUE_WINDOW,
)
from storydiff.align.terms import stem, terms
from storydiff.lexicon.words import STOPWORDS
from storydiff.model import Article

_NAME_TYPES = ("PERSON", "GPE", "NORP", "LOC")
_DETERMINED = re.compile(
    r"\b(?:[Aa]n?|[Tt]he|[Ii]ts|his|her|their|this|that|such)\s+(?:[a-z-]+\s+)?([a-z][\w-]+)"
)
# "Port Sallis lease", "Kosovo’s army", "U.S. 99-year lease": a name, then the issue's noun.
_NAMED_NOUN = re.compile(
    r"((?:[A-Z][\w.-]*\s+){0,2}[A-Z][\w.-]*)(?:’s|'s)?\s+(?:[\d-]+\w*\s+)?([a-z][\w-]+)"
)


def _nouns(text: str) -> set[str]:
    """Terms that stand after a determiner somewhere ("an army", "the lease"): nouns, roughly."""
    return {t for m in _DETERMINED.finditer(text) for t in terms(m.group(1))}


def _name_terms(index: EntityIndex) -> set[str]:
    """Terms of names: an actor or a place is never the question itself."""
    return {
        t
        for e in index.entities
        for a in e.aliases
        for t in terms(a)
        if e.type in _NAME_TYPES or " " not in a
    }


def detect_issue(
    articles: list[Article], index: EntityIndex, given: str | None = None
) -> tuple[str | None, set[str]]:
    """The issue's name and terms: the user's wording when given, else the nouns that stance
    cues most often take as their object, preferring those that every source uses."""
    if given and given.strip():
        return given.strip(), terms(given) - _name_terms(index)
    live = [a for a in articles if a.duplicate_of is None]
    if not live:
        return None, set()
    names = _name_terms(index)
    as_object: Counter[str] = Counter()
    spread: Counter[str] = Counter()
    for article in live:
        for match in CUE_PATTERN.finditer(article.text):
            after = article.text[match.end() : match.end() + ISSUE_OBJECT_CHARS]
            as_object.update(terms(after) - names - terms(match.group(0)))
        spread.update(terms(article.text) - names)
    common = max(1, len(live) - 1)
    nouns = _nouns(" ".join(a.text for a in live))
    ranked = sorted(
        (w for w in as_object if len(w) > 3 and w in nouns),
        key=lambda w: (spread[w] < common, -as_object[w], -spread[w], w),
    )
    if not ranked:
        return None, set()
    floor = as_object[ranked[0]] * ISSUE_RIVAL_SHARE
    ranked = [w for w in ranked if as_object[w] >= floor][:ISSUE_TERMS_KEPT]
    headline = _headline_phrase(live, names)
    if headline is not None:  # the headlines' words, not the looser objects of cues
        return headline, terms(headline)
    return _issue_name(live, index, ranked[:ISSUE_NAME_TERMS]), set(ranked)


def _proper_name(gram: tuple[str, ...], texts: list[str]) -> bool:
    """The words are a name in the articles' own text: every time they are written there,
    each is capitalised ("Supreme Court"), while "gun control" and "national emergency" are
    written in lower case somewhere. Headlines capitalise everything, so they do not count."""
    pattern = re.compile(r"\b" + r"\s+".join(map(re.escape, gram)) + r"\b", re.IGNORECASE)
    found = [m.group() for text in texts for m in pattern.finditer(text)]
    return bool(found) and all(w[:1].isupper() for f in found for w in f.split())


_TITLE_WORD = re.compile(r"[A-Za-z0-9][\w/'’-]*")


def _headline_phrase(articles: list[Article], names: set[str]) -> str | None:
    """The words two or more headlines share, names left out: "gun control" from "… as part
    of gun control plan" and "Obama Gun Control Proposals Unveiled". What the outlets put in
    their headlines is what the story is about; the objects of stance cues in the text had
    named this one "Obama administration". None when no two headlines share such words."""
    seen: Counter[tuple[str, ...]] = Counter()
    for article in articles:
        words = [w.lower() for w in _TITLE_WORD.findall(article.title or "")]
        grams: set[tuple[str, ...]] = set()
        for n in (3, 2):
            for k in range(len(words) - n + 1):
                gram = tuple(words[k : k + n])
                if all(w not in STOPWORDS and not terms(w) & names for w in gram):
                    grams.add(gram)
        seen.update(grams)
    texts = [a.text for a in articles]
    shared = [g for g, count in seen.items() if count >= 2 and not _proper_name(g, texts)]
    if not shared:
        return None
    best = max(shared, key=lambda g: (len(g), seen[g], g))
    return " ".join(best)


def _issue_name(articles: list[Article], index: EntityIndex, ranked: list[str]) -> str:
    """The phrase the sources use most for the issue ("Port Sallis lease", "Kosovo army"),
    else the leading term after the story's most named entity."""
    phrases: Counter[str] = Counter()
    for article in articles:
        for match in _NAMED_NOUN.finditer(article.text):
            name, noun = match.group(1), match.group(2)
            if stem(noun) in ranked and index.resolve(name) is not None:
                phrases[f"{index.name_of(index.resolve(name))} {noun}"] += 1
    if phrases:
        return phrases.most_common(1)[0][0]
    surfaces = Counter(
        w.lower()
        for a in articles
        for w in re.findall(r"[A-Za-z][\w-]+", a.text)
        if stem(w) == ranked[0]
    )
    word = surfaces.most_common(1)[0][0] if surfaces else ranked[0]
    return _modified(articles, word) or word


def _modified(articles: list[Article], word: str) -> str | None:
    """The word with the modifier the sources give it most, headlines counting most: "9/11
    bill" (from "Congress rejects Obama veto of 9/11 bill"), not the story's most named
    entity glued to it ("Barack Obama bill"). None when no modifier is given twice."""
    pattern = re.compile(rf"([\w/.-]+)\s+{re.escape(word)}s?\b", re.IGNORECASE)
    counts: Counter[str] = Counter()
    for article in articles:
        for text, weight in ((article.title or "", ISSUE_TITLE_WEIGHT), (article.text, 1)):
            for match in pattern.finditer(text):
                modifier = match.group(1).strip(".")
                if modifier and modifier.lower() not in STOPWORDS and not modifier.isdigit():
                    counts[modifier.lower()] += weight
    if not counts:
        return None
    # On a tie the longer modifier: "leadership election", not "win election"
    modifier, count = max(counts.items(), key=lambda item: (item[1], len(item[0])))
    return f"{modifier} {word}" if count >= 2 else None


def names_issue(text: str, issue: set[str]) -> bool:
    """The text names the issue or refers back to it ("the plan")."""
    if terms(text) & issue:
        return True
    lower = text.lower()
    return any(a in lower for a in ISSUE_ANAPHORA)


def near_issue(text: str, start: int, end: int, issue: set[str]) -> bool:
    """The issue is named close to a span."""
    return names_issue(text[max(0, start - ISSUE_WINDOW) : end + ISSUE_WINDOW], issue)


def object_names_issue(text: str, cue_end: int, issue: set[str]) -> bool:
    """What the cue acts on names the issue: "not against ships" does not, "would not
    tolerate the creation of a Kosovo army" does."""
    tail = re.split(r"[.,;:!?]", text[cue_end : cue_end + ISSUE_OBJECT_CHARS], maxsplit=1)[0]
    first = tail.split()[:1]
    return bool(first and first[0].lower() in ISSUE_PRONOUNS) or names_issue(tail, issue)
