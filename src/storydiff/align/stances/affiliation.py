"""Whom a person speaks for: the country or organisation named in their role."""

from __future__ import annotations

import re
from bisect import bisect_right

from storydiff.align.entities import EntityIndex, name_key
from storydiff.align.stances.vocab import IRREGULAR_DEMONYMS, ROLE_NOUNS, ROLE_PREFIX_CHARS
from storydiff.model import Analysis, Article, Entity, Mention

# Between group and person: "’s fisheries minister, ", " Defense Minister ", "n counterpart".
_ROLE_AFTER = re.compile(
    r"^(?:’s|'s)?\s*(?:[\w.-]+\s+){0,2}(?:" + "|".join(re.escape(r) for r in ROLE_NOUNS) + r")\b",
    re.I,
)
_SUBJECT_MATTER = re.compile(r"\b(?:for|on|about|against)\s+(?:the\s+)?$", re.I)
_GROUP_TYPES = ("GPE", "ORG", "NORP", "LOC")


def country_for_demonym(word: str, index: EntityIndex) -> str | None:
    """ "Albanian" → the story's GPE entity "Albania"; "American" → "United States"."""
    key = name_key(word)
    irregular = IRREGULAR_DEMONYMS.get(key)
    if irregular is not None:
        return index.resolve(irregular)
    for entity in index.entities:
        if entity.type != "GPE":
            continue
        for alias in entity.aliases:
            stem = name_key(alias)
            if " " in stem or len(stem) < 4 or stem == key:
                continue
            if key.startswith(stem[:-1]) and len(key) - len(stem) <= 3:
                return entity.id
    return None


def group_of(entity_id: str, index: EntityIndex) -> str | None:
    """A group-like entity as itself; a demonym (NORP "Croatian") as its country."""
    entity = _entity(index, entity_id)
    if entity is None or entity.type not in _GROUP_TYPES:
        return None
    if entity.type == "NORP":
        return country_for_demonym(entity.name, index) or entity_id
    return entity_id


def _entity(index: EntityIndex, entity_id: str) -> Entity | None:
    return next((e for e in index.entities if e.id == entity_id), None)


def _groups_in(text: str, index: EntityIndex) -> list[str]:
    """Groups named in a role string: "NATO Secretary General" → NATO."""
    found: list[str] = []
    for found_at in re.finditer(r"[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*)*", text):
        word = found_at.group(0)
        if _SUBJECT_MATTER.search(text[: found_at.start()]):
            continue  # "Committee for Kosovo": what the body deals with, not whom it serves
        candidates = [word, *word.split()]
        for candidate in candidates:
            entity_id = index.by_key.get(name_key(candidate))
            group = group_of(entity_id, index) if entity_id else None
            if group is None:
                group = country_for_demonym(candidate, index)
            if group is not None:
                found.append(group)
                break
    return found


# Per article id: each person entity's roles there, in the entities' order ("Dr Amara Osei,
# the union's spokeswoman" in a2 -> e3: ["the union's spokeswoman"]).
RolesByArticle = dict[str, dict[str, list[str]]]


def roles_by_article(index: EntityIndex) -> RolesByArticle:
    """Every person's roles, by article: built once, so a story of thousands of articles does
    not walk every entity's roles in every article."""
    found: RolesByArticle = {}
    for entity in index.entities:
        if entity.type != "PERSON":
            continue
        for role in entity.roles:
            found.setdefault(role.article, {}).setdefault(entity.id, []).append(role.role)
    return found


def affiliations(
    article: Article,
    analysis: Analysis,
    article_id: str,
    index: EntityIndex,
    roles: RolesByArticle | None = None,
) -> dict[str, list[str]]:
    """Person entity → the groups it speaks for in this article (``roles``: the story's
    ``roles_by_article``, when the caller asks for many articles)."""
    result: dict[str, list[str]] = {}
    here = (roles if roles is not None else roles_by_article(index)).get(article_id, {})
    for entity_id, held in here.items():
        groups = [g for role in held for g in _groups_in(role, index)]
        if groups:
            result[entity_id] = groups
    mentions = sorted(analysis.mentions, key=lambda m: m.start)
    starts = sorted(s.start for s in analysis.sentences)
    for n, mention in enumerate(mentions):
        person = index.by_span.get((article.key, mention.start, mention.end))
        if person is None or mention.label != "PERSON":
            continue
        # "the massacre at Sandy Hook. President Obama": a role stops at its sentence's start
        at = bisect_right(starts, mention.start) - 1
        floor = starts[at] if at >= 0 else 0
        earlier = [m for m in mentions[:n] if m.start >= floor]
        for group in _prefix_groups(article, earlier, mention, index):
            if group != person:
                result.setdefault(person, []).append(group)
    return {k: list(dict.fromkeys(v)) for k, v in result.items()}


def _prefix_groups(
    article: Article,
    before: list[Mention],
    person: Mention,
    index: EntityIndex,
) -> list[str]:
    """ "her Croatian counterpart, Damir K." / "The U.S. ambassador to Kosovo, Greg D."."""
    floor = max(0, person.start - ROLE_PREFIX_CHARS)
    groups: list[str] = []
    for mention in reversed(before):
        if mention.end <= floor or "\n" in article.text[mention.end : person.start]:
            break
        if mention.label == "PERSON":
            break
        if not _ROLE_AFTER.match(article.text[mention.end : person.start]):
            continue
        entity_id = index.by_span.get((article.key, mention.start, mention.end))
        group = group_of(entity_id, index) if entity_id else None
        if group is None and mention.label == "NORP":
            group = country_for_demonym(mention.text, index)
        if group is not None:
            groups.append(group)
    return groups
