"""Align: everything the articles say, set side by side across sources."""

from __future__ import annotations

import hashlib
from dataclasses import replace

from storydiff.align.claims import ClaimantSpan, build_quantity_claims
from storydiff.align.duplicates import duplicate_links
from storydiff.align.entities import EntityIndex, build_entities
from storydiff.align.facts_left_out import facts_left_out
from storydiff.align.framing import build_framing
from storydiff.align.framing_sides import sides_by_article
from storydiff.align.stances import build_stances, detect_issue
from storydiff.align.story_dates import story_estimates
from storydiff.align.summary import build_summary
from storydiff.align.timeline import build_timeline
from storydiff.model import (
    Analysis,
    Article,
    Claim,
    Dossier,
    Framing,
    QuantityLeftOut,
    QuantityRecord,
    Quote,
    Rejection,
    Stance,
    Story,
    article_date,
)


def _with_story_facts(articles: list[Article]) -> list[Article]:
    """New records with what only the whole story tells: which articles copy another, and the
    day an undated one's dateline falls on."""
    copies = duplicate_links(articles)
    estimates = story_estimates(articles)
    return [
        replace(
            article,
            duplicate_of=copies.get(article.key),
            published_estimate=estimates.get(article.key, article.published_estimate),
        )
        for article in articles
    ]


def _quotes(
    articles: list[Article],
    analyses: dict[str, Analysis],
    ids: dict[str, str],
    index: EntityIndex,
) -> list[Quote]:
    quotes: list[Quote] = []
    for article in articles:
        for record in analyses[article.key].quotes:
            span_id = None
            if record.speaker_start is not None and record.speaker_end is not None:
                span_id = index.by_span.get((article.key, record.speaker_start, record.speaker_end))
            speaker = span_id or index.resolve(record.speaker_text)
            names = [record.speaker_text, *record.co_speakers]
            speakers = [s for s in (index.resolve(n) for n in names if n) if s]
            name = "; ".join(n for n in names if n) or None
            quotes.append(
                Quote(
                    id=f"q{len(quotes) + 1}",
                    article=ids[article.key],
                    speaker=speaker,
                    speaker_name=index.name_of(speaker)
                    if speaker and not record.co_speakers
                    else name,
                    kind=record.kind,
                    text=record.text,
                    start=record.start,
                    end=record.end,
                    cue=record.cue,
                    channel=record.channel,
                    speakers=list(dict.fromkeys(speakers)),
                    warning=record.warning,
                )
            )
    return quotes


def _figures(
    articles: list[Article], analyses: dict[str, Analysis]
) -> dict[str, list[QuantityRecord]]:
    """Per article key, the figures the ledger compares: its quantities, and the named ages
    and times of day the quantity reader set aside."""
    text = {a.key: a.text for a in articles}
    return {
        key: analysis.quantities + facts_left_out(text[key], analysis)
        if key in text
        else analysis.quantities
        for key, analysis in analyses.items()
    }


def _claimants(
    quotes: list[Quote], ids: dict[str, str], index: EntityIndex
) -> dict[str, list[ClaimantSpan]]:
    """Per article key, each quote's span and who gave it (by the name a reader sees, one
    name per entity): whose figure a quoted count is."""
    key_of = {article_id: key for key, article_id in ids.items()}
    spans: dict[str, list[ClaimantSpan]] = {}
    for quote in quotes:
        who = index.name_of(quote.speaker) or quote.speaker_name
        if who:
            spans.setdefault(key_of[quote.article], []).append((quote.start, quote.end, who))
    return spans


def _with_sides(
    framing: list[Framing], quotes: list[Quote], stances: list[Stance], dates: dict[str, str | None]
) -> list[Framing]:
    """Each article's voices by side of the issue, and whether only one side speaks."""
    by_article = sides_by_article([f.article for f in framing], quotes, stances, dates)
    for frame in framing:
        sides = by_article[frame.article]
        frame.sides = {"support": sides.support, "oppose": sides.oppose, "unplaced": sides.unplaced}
        frame.one_sided = sides.one_sided
    return framing


def build_dossier(
    articles: list[Article],
    analyses: dict[str, Analysis],
    rejections: list[Rejection],
    *,
    summary_sentences: int = 8,
    issue: str | None = None,
) -> Dossier:
    """Join per-article analyses into one cited dossier."""
    articles = _with_story_facts(articles)
    ids = {a.key: f"a{n}" for n, a in enumerate(articles, start=1)}
    dates = {a.key: article_date(a) for a in articles}
    index = build_entities(articles, analyses, ids, dates)
    quotes = _quotes(articles, analyses, ids, index)
    quantities, claims = build_quantity_claims(
        articles,
        _figures(articles, analyses),
        ids,
        _claimants(quotes, ids, index),
    )
    timeline, dated_claims = build_timeline(
        articles, {k: a.times for k, a in analyses.items()}, ids
    )
    claims += dated_claims
    for n, claim in enumerate(claims, start=1):
        claim.id = f"c{n}"
    issue_name, issue_terms = detect_issue(articles, index, given=issue)
    stances, changes = build_stances(
        articles, analyses, ids, dates, index, issue_name, issue_terms, quotes
    )
    dates_by_id = {ids[key]: date for key, date in dates.items()}
    digest = hashlib.sha256("".join(sorted(ids)).encode()).hexdigest()[:12]
    title = next((a.title for a in articles if a.title), None) or (issue_name or "Story")
    return Dossier(
        story=Story(id=f"s-{digest}", title=title, issue=issue_name),
        articles=articles,
        article_ids=ids,
        entities=index.entities,
        quotes=quotes,
        quantities=quantities,
        claims=claims,
        stances=stances,
        stance_changes=changes,
        timeline=timeline,
        framing=_with_sides(
            build_framing(articles, ids, quotes, claims), quotes, stances, dates_by_id
        ),
        summary=build_summary(claims, changes, max_sentences=summary_sentences),
        rejections=rejections,
        quantities_left_out=_still_left_out(analyses, claims, ids),
    )


def _still_left_out(
    analyses: dict[str, Analysis], claims: list[Claim], ids: dict[str, str]
) -> dict[str, list[QuantityLeftOut]]:
    """The figures each article's reader left out, less those the ledger compares after all
    (a named person's age, a time of day): one figure is either a claim or left out."""
    cited: dict[str, list[tuple[int, int]]] = {}
    for claim in claims:
        for m in claim.members:
            cited.setdefault(m.article, []).append((m.start, m.end))
    return {
        key: [
            x
            for x in analysis.quantities_left_out
            if not any(a < x.end and x.start < b for a, b in cited.get(ids.get(key, ""), []))
        ]
        for key, analysis in analyses.items()
    }
