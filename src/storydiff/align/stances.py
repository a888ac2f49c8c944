"""A first stance pass: who is for or against the story's issue, per article, over time."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass

from storydiff.align.entities import EntityIndex
from storydiff.align.stance_vocab import (
    AGENT_AFTER_CUE,
    NEGATION_WINDOW,
    NEGATIONS,
    OPPOSE_CUES,
    SUPPORT_CUES,
)
from storydiff.align.terms import terms
from storydiff.model import Analysis, Article, Citation, Quote, Stance, StanceChange, StanceValue

_CUE_PATTERN = re.compile(
    "|".join(re.escape(c) for c in sorted(SUPPORT_CUES + OPPOSE_CUES, key=len, reverse=True)),
    re.I,
)


@dataclass
class _Vote:
    actor: str
    article: str
    sign: int
    evidence: Citation


def detect_issue(articles: list[Article], index: EntityIndex) -> tuple[str | None, set[str]]:
    """The question every source discusses: its most shared non-name terms."""
    names = {t for e in index.entities for a in e.aliases for t in terms(a)}
    per_article = [terms(a.text) - names for a in articles if a.duplicate_of is None]
    if not per_article:
        return None, set()
    counts: Counter[str] = Counter()
    for article in articles:
        counts.update(w for w in terms(article.text) if w not in names)
    shared = set.intersection(*per_article) if len(per_article) > 1 else per_article[0]
    ranked = [w for w, _ in counts.most_common() if w in shared][:3]
    if not ranked:
        return None, set()
    top_entity = index.entities[0].name if index.entities else ""
    return f"{top_entity} {ranked[0]}".strip(), set(ranked[:2])


def _polarity(sentence: str, cue: re.Match[str]) -> int:
    word = cue.group(0).lower()
    sign = 1 if any(word == c.lower() for c in SUPPORT_CUES) else -1
    before = sentence[max(0, cue.start() - NEGATION_WINDOW) : cue.start()].lower()
    if any(re.search(rf"(^|\W){re.escape(n)}(\W|$)", before) for n in NEGATIONS):
        sign = -sign
    return sign


def _sentence_votes(
    article: Article, analysis: Analysis, article_id: str, index: EntityIndex, issue: set[str],
    quotes: list[Quote],
) -> list[_Vote]:
    votes: list[_Vote] = []
    text = article.text
    for sent in analysis.sentences:
        sentence = text[sent.start : sent.end]
        if not (terms(sentence) & issue):
            continue
        speakers = [
            q.speaker for q in quotes
            if q.speaker and q.start < sent.end and q.end > sent.start
        ]
        mentions = [
            (m, index.by_span.get((article.key, m.start, m.end)))
            for m in analysis.mentions if sent.start <= m.start < sent.end
        ]
        for cue in _CUE_PATTERN.finditer(sentence):
            sign = _polarity(sentence, cue)
            cue_at = sent.start + cue.start()
            after = sentence[cue.end() : cue.end() + 6]
            if any(after.startswith(marker) for marker in AGENT_AFTER_CUE):
                actors = [e for m, e in mentions if m.start > cue_at and e][:3]
            elif speakers:
                actors = speakers[:1]
            else:
                actors = [e for m, e in mentions if m.start < cue_at and e][-1:]
            for actor in actors:
                if actor is None:
                    continue
                votes.append(_Vote(actor, article_id, sign, Citation(
                    article_id, sent.start, sent.end, sentence.strip())))
    return votes


def _value(signs: list[int]) -> StanceValue:
    pro, con = signs.count(1), signs.count(-1)
    if pro and con:
        return "support" if pro >= 2 * con else "oppose" if con >= 2 * pro else "mixed"
    return "support" if pro else "oppose" if con else "neutral"


def build_stances(
    articles: list[Article], analyses: dict[str, Analysis], ids: dict[str, str],
    dates: dict[str, str | None], index: EntityIndex, issue_name: str | None,
    issue: set[str], quotes: list[Quote],
) -> tuple[list[Stance], list[StanceChange]]:
    """Stances per actor and article, and the actors whose stance changed over time."""
    votes: list[_Vote] = []
    for article in articles:
        article_quotes = [q for q in quotes if q.article == ids[article.key]]
        votes += _sentence_votes(
            article, analyses[article.key], ids[article.key], index, issue, article_quotes
        )
    grouped: dict[tuple[str, str], list[_Vote]] = defaultdict(list)
    for vote in votes:
        grouped[(vote.actor, vote.article)].append(vote)
    date_of = {ids[k]: v for k, v in dates.items()}
    stances = [
        Stance(
            actor=actor, actor_name=index.name_of(actor) or actor, issue=issue_name or "",
            article=article, date=date_of.get(article), stance=_value([v.sign for v in vs]),
            evidence=list({v.evidence: None for v in vs})[:3],
        )
        for (actor, article), vs in grouped.items()
    ]
    return stances, _changes(stances)


def _changes(stances: list[Stance]) -> list[StanceChange]:
    by_actor: dict[str | None, list[Stance]] = defaultdict(list)
    for stance in stances:
        if stance.date and stance.stance in ("support", "oppose"):
            by_actor[stance.actor].append(stance)
    changes = []
    for actor, items in by_actor.items():
        items.sort(key=lambda s: s.date or "")
        for before, after in zip(items, items[1:], strict=False):
            if before.stance != after.stance and before.date != after.date:
                changes.append(StanceChange(actor, after.actor_name, before, after))
    return changes
