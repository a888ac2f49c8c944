"""The outlet's own stance, read from the judgements it makes in its own voice.

A report that calls the issue "the reckless lease" or its consultation "so-called" outside any
quote takes a side itself. One loaded word can slip in; several, all one way, make a stance.
"""

from __future__ import annotations

from storydiff.align.framing import loaded_terms
from storydiff.align.stances.issue import near_issue
from storydiff.align.stances.vocab import OUTLET_JUDGEMENTS, OUTLET_MIN_JUDGEMENTS
from storydiff.model import Analysis, Article, Citation, Quote, Stance


def outlet_stance(
    article: Article,
    analysis: Analysis,
    article_id: str,
    date: str | None,
    issue: tuple[str | None, set[str]],
    quotes: list[Quote],
) -> Stance | None:
    """The outlet's stance on the issue, when its own judging words near it all agree."""
    if not article.outlet:
        return None
    issue_name, issue_terms = issue
    judged = [
        (term, OUTLET_JUDGEMENTS[term.text.lower()])
        for term in loaded_terms(article, quotes)
        if not term.quoted
        and term.text.lower() in OUTLET_JUDGEMENTS
        and near_issue(article.text, term.start, term.end, issue_terms)
    ]
    signs = {sign for _, sign in judged}
    if len(judged) < OUTLET_MIN_JUDGEMENTS or len(signs) != 1:
        return None
    evidence = [
        Citation(article_id, s.start, s.end, article.text[s.start : s.end].strip())
        for s in analysis.sentences
        if any(s.start <= term.start < s.end for term, _ in judged)
    ]
    return Stance(
        actor=None,
        actor_name=article.outlet,
        issue=issue_name or "",
        article=article_id,
        date=date,
        stance="support" if signs == {1} else "oppose",
        evidence=evidence[:3],
    )
