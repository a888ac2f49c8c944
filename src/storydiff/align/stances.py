"""Stances: who is for or against the story's issue, per article, and who changed over time.

A rule-based pass over stored records (sentences, mentions, quotes with resolved speakers).
Each support/oppose cue near the issue casts a vote for the actor it belongs to:

1. the agent of a passive or prepositional frame ("a plan opposed by X and Y", "criticism from X");
2. inside reported speech: the speakers, and a subject named inside the quote ("Russia would
   not tolerate"); a cue inside a conditional threat flips ("would resign if MPs do not approve");
3. otherwise the subject named just before the cue ("The United States just announced support").

A person also votes for the country or organisation their role names ("NATO Secretary General").
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from itertools import pairwise

from storydiff.align.entities import EntityIndex
from storydiff.align.stance_affiliation import affiliations, group_of
from storydiff.align.stance_vocab import (
    AGENT_AFTER_CUE,
    AGENT_GAP_CHARS,
    COORDINATORS,
    ISSUE_ANAPHORA,
    ISSUE_WINDOW,
    NEGATION_WORDS,
    NEGATIONS,
    OPPOSE_CUES,
    OWNED_PROPOSALS,
    SUBJECT_GAP_MAX,
    SUBJECT_GAP_WORDS,
    SUPPORT_CUES,
    THREAT_WORDS,
)
from storydiff.align.terms import terms
from storydiff.model import (
    Analysis,
    Article,
    Citation,
    Mention,
    Quote,
    Stance,
    StanceChange,
    StanceValue,
)


def _cue_regex(cue: str) -> str:
    if cue.endswith("*"):
        return r"\b" + re.escape(cue[:-1]) + r"[\w-]*"
    return r"\b" + re.escape(cue) + r"\b"


_CUES = sorted(((c, 1) for c in SUPPORT_CUES), key=lambda x: -len(x[0])) + sorted(
    ((c, -1) for c in OPPOSE_CUES), key=lambda x: -len(x[0])
)
_CUE_PATTERN = re.compile(
    "|".join(
        f"(?P<c{n}>{_cue_regex(c)})"
        for n, (c, _) in enumerate(sorted(_CUES, key=lambda x: -len(x[0].rstrip("*"))))
    ),
    re.I,
)
_CUE_SIGN = [s for _, s in sorted(_CUES, key=lambda x: -len(x[0].rstrip("*")))]
_WORD = re.compile(r"[\w’'.-]+|,")
_CLAUSE_END = re.compile(r"[;:]|,\s+(?:but|while|whereas|although)\b|\bbut\b")


_NAME_TYPES = ("PERSON", "GPE", "NORP", "LOC")


@dataclass(frozen=True, slots=True)
class Vote:
    """One cue's verdict for one actor in one article."""

    actor: str
    article: str
    sign: int
    evidence: Citation


def detect_issue(articles: list[Article], index: EntityIndex) -> tuple[str | None, set[str]]:
    """The disputed question: the non-name terms most often found beside stance cues,
    preferring those that every source uses."""
    names = {
        t
        for e in index.entities
        for a in e.aliases
        for t in terms(a)
        if e.type in _NAME_TYPES or " " not in a
    }
    live = [a for a in articles if a.duplicate_of is None]
    if not live:
        return None, set()
    near_cue: Counter[str] = Counter()
    spread: Counter[str] = Counter()
    for article in live:
        for match in _CUE_PATTERN.finditer(article.text):
            window = article.text[max(0, match.start() - 60) : match.end() + 60]
            found = terms(window) - names - terms(match.group(0))
            near_cue.update(found)
        spread.update(terms(article.text) - names)
    common = max(1, len(live) - 1)
    ranked = sorted(near_cue, key=lambda w: (spread[w] < common, -near_cue[w], -spread[w], w))
    nouns = _nouns(" ".join(a.text for a in live))
    ranked = [w for w in ranked if len(w) > 3 and w in nouns][:3]
    if not ranked:
        return None, set()
    top_entity = index.entities[0].name if index.entities else ""
    return f"{top_entity} {ranked[0]}".strip(), set(ranked[:3])


_DETERMINED = re.compile(
    r"\b(?:[Aa]n?|[Tt]he|[Ii]ts|his|her|their|this|that|such)\s+(?:[a-z-]+\s+)?([a-z][\w-]+)"
)


def _nouns(text: str) -> set[str]:
    """Terms that stand after a determiner somewhere ("an army", "the lease"): nouns, roughly."""
    return {t for m in _DETERMINED.finditer(text) for t in terms(m.group(1))}


def _sign_at(match: re.Match[str]) -> int:
    group = match.lastgroup or "c0"
    return _CUE_SIGN[int(group[1:])]


def _negated(text: str, cue_start: int) -> bool:
    """A negation among the few words before the cue, within its clause."""
    before = text[max(0, cue_start - 60) : cue_start]
    before = re.split(r"[,;:.!?]", before)[-1].lower()
    words = before.replace("n’t", " n’t").replace("n't", " n't").split()[-NEGATION_WORDS:]
    joined = " ".join(words)
    return any(n in words or (" " in n and n in joined) for n in NEGATIONS)


def _if_clause(sentence: str, at: int) -> bool:
    """The cue stands in an "if"/"unless" clause of its sentence."""
    head = sentence[:at].lower()
    opener = max(
        head.rfind(" if "),
        head.rfind("“if "),
        head.rfind('"if '),
        1 if head.startswith("if ") else -1,
        head.rfind(" unless "),
    )
    return opener >= 0 and not re.search(r"[;.]", head[opener:])


def _threat(sentence: str) -> bool:
    lower = sentence.lower()
    return any(w in lower for w in THREAT_WORDS)


def _near_issue(text: str, start: int, end: int, issue: set[str]) -> bool:
    window = text[max(0, start - ISSUE_WINDOW) : end + ISSUE_WINDOW]
    if terms(window) & issue:
        return True
    lower = window.lower()
    return any(a in lower for a in ISSUE_ANAPHORA)


@dataclass
class _Scope:
    """One article's records, with the lookups the rules need."""

    article: Article
    article_id: str
    index: EntityIndex
    mentions: list[tuple[Mention, str]]
    quotes: list[Quote]

    def entity_mentions(self, start: int, end: int) -> list[tuple[Mention, str]]:
        return [(m, e) for m, e in self.mentions if start <= m.start and m.end <= end]


def _agents_after(scope: _Scope, cue_end: int, limit: int) -> list[str]:
    """ "opposed by the country's Serb minority and its NATO and U.S. allies" → all three."""
    text = scope.article.text
    tail = text[cue_end : min(limit, cue_end + AGENT_GAP_CHARS)]
    marker = re.search(r"\b(" + "|".join(AGENT_AFTER_CUE) + r")\b", tail)
    if marker is None or re.search(r"[,;:.]", tail[: marker.start()]):
        return []
    begin = cue_end + marker.end()
    clause = _CLAUSE_END.search(text, begin, limit)
    stop = clause.start() if clause else limit
    comma = text.find(",", begin, stop)
    actors = [e for m, e in scope.entity_mentions(begin, stop if comma < 0 else comma + 1)]
    if comma >= 0 and not actors:
        actors = [e for m, e in scope.entity_mentions(begin, stop)]
    return list(dict.fromkeys(actors))[:4]


def _subjects_before(scope: _Scope, floor: int, cue_start: int) -> list[str]:
    """The actor(s) named just before the cue, joined by "and"; possessives excluded."""
    text = scope.article.text
    before = [(m, e) for m, e in scope.entity_mentions(floor, cue_start)]
    if not before:
        return []
    last, entity = before[-1]
    gap = _WORD.findall(text[last.end : cue_start])
    if text[last.end : last.end + 2] in ("’s", "'s"):
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
    actors = [entity]
    for m, e in reversed(before[:-1]):
        joint = _WORD.findall(text[m.end : last.start])
        if text[m.end : m.end + 2] in ("’s", "'s"):
            break
        if joint and all(w.lower() in COORDINATORS for w in joint):
            actors.append(e)
            last = m
        else:
            break
    return actors


def _cue_actors(
    scope: _Scope,
    sent_start: int,
    sent_end: int,
    match: re.Match[str],
    sign: int,
) -> list[tuple[str, int]]:
    """Who holds the stance a cue expresses, and with which sign."""
    text = scope.article.text
    sentence = text[sent_start:sent_end]
    cue_start, cue_end = sent_start + match.start(), sent_start + match.end()
    agents = _agents_after(scope, cue_end, sent_end)
    if agents:  # reporting a stance, never conditional
        return [(a, sign) for a in agents]
    if _negated(text, cue_start):
        sign = -sign
    if _if_clause(sentence, match.start()):
        if not _threat(sentence):
            return []
        sign = -sign
        holders = [q for q in scope.quotes if q.start <= cue_start < q.end]
        head = sentence[: match.start()].lower()
        cut = sent_start + max(head.rfind(" if "), head.rfind(" unless "), 0)
        if holders:
            return [(s, sign) for q in holders for s in q.speakers]
        return [(a, sign) for a in _subjects_before(scope, sent_start, cut)]
    quote = next((q for q in scope.quotes if q.start <= cue_start < q.end), None)
    if quote is not None:
        inner = _subjects_before(scope, max(quote.start, sent_start), cue_start)
        return [(a, sign) for a in dict.fromkeys([*quote.speakers, *inner])]
    return [(a, sign) for a in _subjects_before(scope, sent_start, cue_start)]


def _article_votes(
    article: Article,
    analysis: Analysis,
    article_id: str,
    index: EntityIndex,
    issue: set[str],
    quotes: list[Quote],
) -> list[Vote]:
    mentions = [
        (m, e)
        for m in sorted(analysis.mentions, key=lambda m: m.start)
        if (e := index.by_span.get((article.key, m.start, m.end))) is not None
    ]
    scope = _Scope(article, article_id, index, mentions, quotes)
    speaks_for = affiliations(article, analysis, article_id, index)
    text = article.text
    votes: list[Vote] = []
    for sent in analysis.sentences:
        sentence = text[sent.start : sent.end]
        for match in _CUE_PATTERN.finditer(sentence):
            at, to = sent.start + match.start(), sent.start + match.end()
            if text[to : to + 3] == " up":  # "signed up to", "backed up": not a stance
                continue
            quote = next((q for q in quotes if q.start <= at < q.end), None)
            scope_text = quote.text if quote is not None else ""
            if not (
                _near_issue(text, at, to, issue)
                or (quote is not None and terms(scope_text) & issue)
            ):
                continue
            evidence = Citation(article_id, sent.start, sent.end, sentence.strip())
            for actor, sign in _cue_actors(scope, sent.start, sent.end, match, _sign_at(match)):
                for holder in dict.fromkeys([actor, *speaks_for.get(actor, [])]):
                    votes.append(Vote(holder, article_id, sign, evidence))
    return votes


def _value(signs: list[int]) -> StanceValue:
    pro, con = signs.count(1), signs.count(-1)
    if pro > con:
        return "support"
    if con > pro:
        return "oppose"
    return "mixed" if pro else "neutral"


def build_stances(
    articles: list[Article],
    analyses: dict[str, Analysis],
    ids: dict[str, str],
    dates: dict[str, str | None],
    index: EntityIndex,
    issue_name: str | None,
    issue: set[str],
    quotes: list[Quote],
) -> tuple[list[Stance], list[StanceChange]]:
    """Stances per actor and article, and the actors whose stance changed over time."""
    votes: list[Vote] = []
    for article in articles:
        if article.duplicate_of is not None:
            continue
        article_quotes = [q for q in quotes if q.article == ids[article.key]]
        votes += _article_votes(
            article, analyses[article.key], ids[article.key], index, issue, article_quotes
        )
    grouped: dict[tuple[str, str], list[Vote]] = defaultdict(list)
    for vote in votes:
        if group_of(vote.actor, index) is None and not _is_person(vote.actor, index):
            continue
        grouped[(vote.actor, vote.article)].append(vote)
    date_of = {ids[k]: v for k, v in dates.items()}
    stances: list[Stance] = []
    for (actor, article_id), vs in grouped.items():
        value = _value([v.sign for v in vs])
        if value == "neutral":
            continue
        leading = [v for v in vs if value == "mixed" or v.sign == (1 if value == "support" else -1)]
        stances.append(
            Stance(
                actor=actor,
                actor_name=index.name_of(actor) or actor,
                issue=issue_name or "",
                article=article_id,
                date=date_of.get(article_id),
                stance=value,
                evidence=list(dict.fromkeys(v.evidence for v in leading))[:3],
            )
        )
    return stances, _changes(stances)


def _is_person(entity_id: str, index: EntityIndex) -> bool:
    return any(e.id == entity_id and e.type == "PERSON" for e in index.entities)


def _changes(stances: list[Stance]) -> list[StanceChange]:
    by_actor: dict[str | None, list[Stance]] = defaultdict(list)
    for stance in stances:
        if stance.date and stance.stance in ("support", "oppose"):
            by_actor[stance.actor].append(stance)
    changes = []
    for items in by_actor.values():
        items.sort(key=lambda s: s.date or "")
        for before, after in pairwise(items):
            if before.stance != after.stance and before.date != after.date:
                changes.append(StanceChange(after.actor, after.actor_name, before, after))
    return changes
