"""One actor, many names: canonical entities across every article of a story."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from storydiff.align.entity_vocab import (
    GENERIC_ORG_HEADS,
    KNOWN_ALIASES,
    SURNAME_SIMILARITY,
    TITLE_BEFORE_NAME,
    TYPE_PRIORITY,
)
from storydiff.lexicon.names import NAME_PARTICLES, NAME_SUFFIXES
from storydiff.model import Analysis, Article, Citation, Entity, Mention, Role

_ACRONYM_DEFINITION = re.compile(
    r"([A-Z][\w’'.-]*(?:\s+(?:of|for|and|the|[A-Z][\w’'.-]*))*)\s+\(([A-Z][A-Z.&]{1,9})\)"
)


def name_key(name: str) -> str:
    """A comparison key: case, curly marks, "the", possessives, middle initials and plurals
    folded."""
    key = name.replace("’", "'").replace("\u00a0", " ").strip().lower()
    key = re.sub(r"^the\s+", "", key)
    key = re.sub(r"'s\b", "", key)
    key = re.sub(r"\s+", " ", key)
    if re.fullmatch(r"(?:[a-z]\.){2,}", key):  # "U.C." and "UC" are one short form
        key = key.replace(".", "")
    words = key.split(" ")
    while len(words) > 2 and words[-1].rstrip(",") in NAME_SUFFIXES:
        words = words[:-1]  # "Theodore J. Boutrous Jr." is the "Theodore Boutrous" of another
    if len(words) > 2:  # "Donald J. Trump", "Robert J Pickell": a middle initial is dropped
        words = [words[0], *(w for w in words[1:-1] if not re.fullmatch(r"[a-z]\.?", w)), words[-1]]
    if (
        len(words) > 1
        and len(words[-1]) > 3
        and words[-1].endswith("s")
        and not words[-1].endswith("ss")
    ):
        words[-1] = words[-1][:-1]
    return " ".join(words)


def _initials(name: str) -> str:
    return "".join(w[0] for w in re.findall(r"[A-Za-z][\w-]*", name) if w[0].isupper())


@dataclass
class _Group:
    names: Counter[str] = field(default_factory=Counter)
    labels: Counter[str] = field(default_factory=Counter)
    mentions: list[tuple[str, Mention]] = field(default_factory=list)


@dataclass
class EntityIndex:
    """The canonical entities and a lookup from any name or mention to one of them."""

    entities: list[Entity]
    by_key: dict[str, str]  # name_key → entity id
    by_span: dict[tuple[str, int, int], str]  # (article key, start, end) → entity id

    def resolve(self, name: str | None, article: str | None = None) -> str | None:
        """The entity a name refers to; surnames and acronyms included."""
        if not name:
            return None
        key = name_key(name)
        if key in self.by_key:
            return self.by_key[key]
        key = name_key(KNOWN_ALIASES.get(key, name))
        if key in self.by_key:
            return self.by_key[key]
        if any(w[:1].islower() and w not in NAME_PARTICLES for w in name.split()):
            return None  # "authorities in Tulare" are not Tulare: a surname is a name's last word
        last = key.split(" ")[-1]
        return self.by_key.get(last)

    def name_of(self, entity_id: str | None) -> str | None:
        for entity in self.entities:
            if entity.id == entity_id:
                return entity.name
        return None


def _acronyms(articles: list[Article], known: set[str]) -> dict[str, str]:
    """ "Democratic League of Kosovo (LDK)": acronym keys mapped to the long name's key.

    The long name is the longest tail before the bracket that is itself a mention, else the
    tail with as many capitals as the acronym has letters.
    """
    found: dict[str, str] = {}
    for article in articles:
        for match in _ACRONYM_DEFINITION.finditer(article.text):
            words, short = match.group(1).split(), match.group(2)
            tails = [" ".join(words[i:]) for i in range(len(words)) if words[i][:1].isupper()]
            named = [t for t in tails if name_key(t) in known]
            sized = [t for t in tails if len(_initials(t)) == len(short.replace(".", ""))]
            if named or sized:
                found[name_key(short)] = name_key((named or sized)[0])
    return found


def _is_acronym(names: Iterable[str]) -> bool:
    return any(2 <= len(n.replace(".", "")) <= 8 and n.replace(".", "").isupper() for n in names)


def _canonical_key(
    key: str, names: list[str], acronyms: dict[str, str], long_keys: set[str]
) -> str:
    """Where a name's group belongs: known short forms, defined acronyms, "DMA Authority"."""
    if key in KNOWN_ALIASES:
        return name_key(KNOWN_ALIASES[key])
    if key in acronyms:
        return acronyms[key]
    first, _, rest = key.partition(" ")
    if rest and first in acronyms and acronyms[first].endswith(rest):
        return acronyms[first]
    if _is_acronym(names):
        spelled = [k for k in long_keys if _initials(k.title()).lower() == key.replace(".", "")]
        if len(spelled) == 1:
            return spelled[0]
    return key


def _join_short_org_names(groups: dict[str, _Group]) -> dict[str, str]:
    """ "Tessel" for "Tessel Maritime Holdings", "the Institute" for "Saltmarsh Institute":
    a one-word organisation name that starts exactly one longer name, or is the generic head
    of exactly one, is that organisation."""
    longer = [k for k, g in groups.items() if " " in k and g.labels["ORG"] > 0]
    # "Corvania" ends the country "United Corvania" as much as it starts "Corvania Shipping
    # Group": a word that also ends a place's name is left alone.
    place_tails = {k.split(" ")[-1] for k, g in groups.items() if " " in k and g.labels["GPE"]}
    joined: dict[str, str] = {}
    for key, group in groups.items():
        if " " in key or group.labels["ORG"] < sum(group.labels.values()) / 2:
            continue
        if group.labels["GPE"] or group.labels["NORP"] or key in place_tails:
            continue
        heads = (
            {k for k in longer if k.split(" ")[-1] == key} if key in GENERIC_ORG_HEADS else set()
        )
        starts = {k for k in longer if k.split(" ")[0] == key}
        matches = heads or starts
        if len(matches) == 1:
            joined[key] = matches.pop()
    return joined


def _merge(groups: dict[str, _Group], joins: dict[str, str]) -> None:
    for short, full in joins.items():
        if short not in groups or full not in groups:
            continue
        source = groups.pop(short)
        target = groups[full]
        target.names.update(source.names)
        target.labels.update(source.labels)
        target.mentions.extend(source.mentions)


def _is_misspelling(surname: str, key: str) -> bool:
    """ "Michell" for "Mitchell": same first letter, nearly the same letters."""
    return surname[0] == key[0] and fuzz.ratio(surname, key) >= SURNAME_SIMILARITY


def _join_titled_names(groups: dict[str, _Group]) -> dict[str, str]:
    """Map a person's name written with a title or office before it ("superintendent michael
    harrison") to the plain name it ends with ("michael harrison")."""
    people = [k for k, g in groups.items() if " " in k and g.labels["PERSON"] > 0]
    joined: dict[str, str] = {}
    for key in people:
        plain = [
            p
            for p in people
            if p != key
            and key.endswith(" " + p)
            and key[: -len(p)].split()[-1] in TITLE_BEFORE_NAME
        ]
        if plain:
            joined[key] = min(plain, key=len)  # the plainest: every titled form meets there
    return joined


def _join_surnames(groups: dict[str, _Group]) -> dict[str, str]:
    """Map single-word person keys to the full name they shorten (or misspell)."""
    full = [k for k, g in groups.items() if " " in k and g.labels["PERSON"] > 0]
    joined: dict[str, str] = {}
    for key, group in groups.items():
        if " " in key:
            continue
        matches = {f for f in full if f.split(" ")[-1] == key}
        if not matches and (group.labels["PERSON"] or group.labels["ORG"]):
            matches = {f for f in full if _is_misspelling(f.split(" ")[-1], key)}
        if len(matches) == 1:
            joined[key] = matches.pop()
    return joined


def _entity_type(group: _Group) -> str:
    multiword_person = any(m.label == "PERSON" and " " in m.text.strip() for _, m in group.mentions)
    if multiword_person:
        return "PERSON"
    top = max(group.labels.values())
    candidates = [label for label, n in group.labels.items() if n == top]
    return min(candidates, key=lambda lbl: TYPE_PRIORITY.index(lbl) if lbl in TYPE_PRIORITY else 99)


def _display_name(group: _Group, key: str) -> str:
    if key in {name_key(v) for v in KNOWN_ALIASES.values()}:
        for canonical in KNOWN_ALIASES.values():
            if name_key(canonical) == key:
                return canonical
    longest = max(group.names, key=lambda n: (len(n.split()), group.names[n], len(n)))
    return re.sub(r"^[Tt]he\s+", "", longest).replace("’s", "").replace("'s", "")


def build_entities(
    articles: list[Article],
    analyses: dict[str, Analysis],
    article_ids: dict[str, str],
    article_dates: dict[str, str | None],
) -> EntityIndex:
    """Group every actor mention of the story into canonical entities."""
    raw: dict[str, list[tuple[str, Mention]]] = defaultdict(list)
    for article in articles:
        for mention in analyses[article.key].mentions:
            raw[name_key(mention.text)].append((article.key, mention))
    acronyms = _acronyms(articles, set(raw))
    long_keys = {k for k in raw if " " in k}
    groups: dict[str, _Group] = defaultdict(_Group)
    for key, items in raw.items():
        names = [m.text for _, m in items]
        group = groups[_canonical_key(key, names, acronyms, long_keys)]
        for article_key, mention in items:
            group.names[mention.text.strip()] += 1
            group.labels[mention.label] += 1
            group.mentions.append((article_key, mention))
    _merge(groups, _join_titled_names(groups))
    _merge(groups, _join_surnames(groups))
    _merge(groups, _join_short_org_names(groups))

    ordered = sorted(groups.items(), key=lambda kv: -len(kv[1].mentions))
    entities: list[Entity] = []
    by_key: dict[str, str] = {}
    by_span: dict[tuple[str, int, int], str] = {}
    for n, (key, group) in enumerate(ordered, start=1):
        entity = Entity(
            id=f"e{n}",
            name=_display_name(group, key),
            type=_entity_type(group),
            aliases=sorted(group.names),
            mentions=[Citation(article_ids[a], m.start, m.end, m.text) for a, m in group.mentions],
        )
        entities.append(entity)
        for name in group.names:
            by_key.setdefault(name_key(name), entity.id)
        by_key[key] = entity.id
        for article_key, mention in group.mentions:
            by_span[(article_key, mention.start, mention.end)] = entity.id
    index = EntityIndex(entities, by_key, by_span)
    _attach_roles(index, articles, analyses, article_ids, article_dates)
    return index


def _attach_roles(
    index: EntityIndex,
    articles: list[Article],
    analyses: dict[str, Analysis],
    article_ids: dict[str, str],
    article_dates: dict[str, str | None],
) -> None:
    """Dated roles per person; a title written right before a name is also an alias of it."""
    by_id = {e.id: e for e in index.entities}
    for article in articles:
        analysis = analyses[article.key]
        seen: set[tuple[str, str]] = set()
        for role in analysis.roles:
            entity_id = index.resolve(role.person)
            if entity_id is None:
                continue
            entity = by_id[entity_id]
            titled = next(
                (
                    m
                    for m in analysis.mentions
                    if m.start - role.end in (0, 1)
                    and index.by_span.get((article.key, m.start, m.end)) == entity_id
                ),
                None,
            )
            if titled is not None:
                alias = article.text[role.start : titled.end]
                if alias not in entity.aliases and "\n" not in alias:
                    entity.aliases.append(alias)
                    index.by_key.setdefault(name_key(alias), entity_id)
            if (entity_id, role.role.lower()) in seen:
                continue
            seen.add((entity_id, role.role.lower()))
            entity.roles.append(
                Role(
                    role.role,
                    article_ids[article.key],
                    role.start,
                    role.end,
                    article_dates.get(article.key),
                )
            )
