"""Timeline and dated claims: dates resolved against each article's date, merged across sources."""

from __future__ import annotations

from dataclasses import dataclass

from storydiff.align.claim_vocab import (
    LINK_SIMILARITY,
    RELATIVE_LINK_SIMILARITY,
    SAME_FIGURE_SIMILARITY,
)
from storydiff.align.terms import TermWeights, statement_text, story_weights, terms
from storydiff.analyse.timex_resolve import resolve_time
from storydiff.model import (
    Article,
    Citation,
    Claim,
    ClaimMember,
    TimelineEvent,
    TimeRecord,
    Verdict,
)

_MAX_EVENT_CHARS = 160


@dataclass
class _Dated:
    article: Article
    record: TimeRecord
    value: str | None
    why: str | None
    estimated: bool
    sentence: str
    context: set[str]


def _event_text(sentence: str) -> str:
    return statement_text(sentence, _MAX_EVENT_CHARS)


def _resolve(article: Article, record: TimeRecord) -> tuple[str | None, str | None, bool]:
    """Resolve against the stated date, else the estimate (marked), else say why not."""
    value, why = resolve_time(record, article.published)
    if value is not None or article.published is not None:
        return value, why, False
    if article.published_estimate is not None:
        estimate, coarse = resolve_time(record, article.published_estimate.value)
        if estimate is None:
            return (
                None,
                (
                    f"relative to the article's date, which is not stated; its estimated date "
                    f"({article.published_estimate.value}) is not precise enough: {coarse}"
                ),
                False,
            )
        if estimate is not None:
            reason = (
                f"relative to the article's date, which is not stated; placed at {estimate} "
                f"from its estimated date ({article.published_estimate.value})"
            )
            return estimate, reason, True
    return None, why, False


def _dated(articles: list[Article], records: dict[str, list[TimeRecord]]) -> list[_Dated]:
    items = []
    for article in articles:
        for record in records.get(article.key, []):
            value, why, estimated = _resolve(article, record)
            sentence = article.text[record.sentence_start : record.sentence_end]
            items.append(_Dated(article, record, value, why, estimated, sentence, terms(sentence)))
    return items


def build_timeline(
    articles: list[Article], records: dict[str, list[TimeRecord]], ids: dict[str, str]
) -> tuple[list[TimelineEvent], list[Claim]]:
    """Timeline entries (one per event, citing every source) and the dated claims."""
    items = _dated(articles, records)
    weights = story_weights(a.text for a in articles)
    used: set[int] = set()
    events: list[TimelineEvent] = []
    claims: list[Claim] = []
    for i, item in enumerate(items):
        if i in used:
            continue
        group = [item]
        for j in range(i + 1, len(items)):
            other = items[j]
            if j in used or other.article.key in {g.article.key for g in group}:
                continue
            same_date = (
                other.value is not None
                and other.value == item.value
                and not (item.estimated or other.estimated)
            )
            if (
                same_date
                and weights.similarity(item.context, other.context) >= SAME_FIGURE_SIMILARITY
            ):
                group.append(other)
                used.add(j)
        events.append(_event(item, group, ids))
        if len(group) > 1:
            claims.append(_claim(group, ids))
    claims.extend(_relative_claims(items, ids, weights))
    events.sort(key=lambda e: (e.date is None, e.date or "", e.article))
    for n, event in enumerate(events, start=1):
        event.id = f"t{n}"
    return events, claims


def _event(item: _Dated, group: list[_Dated], ids: dict[str, str]) -> TimelineEvent:
    record = item.record
    return TimelineEvent(
        id="",
        event=_event_text(item.sentence),
        date=item.value,
        resolved=item.value is not None and not item.estimated,
        why_unresolved=item.why if (item.value is None or item.estimated) else None,
        article=ids[item.article.key],
        text=record.text,
        start=record.start,
        end=record.end,
        estimated=item.estimated,
        citations=[
            Citation(ids[g.article.key], g.record.start, g.record.end, g.record.text) for g in group
        ],
    )


def _claim(group: list[_Dated], ids: dict[str, str]) -> Claim:
    dates = " / ".join(f"“{g.record.text}”" for g in group)
    return Claim(
        id="",
        statement=_event_text(group[0].sentence),
        verdict="agree",
        reason=f"{len(group)} sources date this the same ({group[0].value}): {dates}",
        members=[
            ClaimMember(ids[g.article.key], g.record.text, g.record.start, g.record.end)
            for g in group
        ],
    )


# Relative units that name a day or a week: only a date at least as fine as a month can be
# the same moment ("on Friday" is never "in 2014", whatever the sentences share).
_DAY_SCALE_UNITS = frozenset({"day", "week", "weekday"})


def _fine_enough(value: str | None, record: TimeRecord) -> bool:
    if record.relative_unit not in _DAY_SCALE_UNITS:
        return True
    return value is not None and len(value) >= len("2017-03")


def _relative_claims(items: list[_Dated], ids: dict[str, str], weights: TermWeights) -> list[Claim]:
    """A relative date set beside the absolute date in another source it seems to describe.

    With the article's date stated, the relative date must land on the same year and the
    sentences share a topic: the claim agrees. With the date unknown or only estimated, the
    topically closest absolute date is shown beside it as unresolved, with the reason.
    """
    claims = []
    absolute = [o for o in items if o.record.relative_unit is None and o.value is not None]
    for item in items:
        if item.record.relative_unit is None:
            continue
        others = [
            o
            for o in absolute
            if o.article.key != item.article.key and _fine_enough(o.value, item.record)
        ]
        stated = item.value is not None and not item.estimated
        if stated:
            others = [o for o in others if o.value and o.value[:4] == (item.value or "")[:4]]
        if not others:
            continue
        best = max(others, key=lambda o: weights.similarity(item.context, o.context))
        overlap = weights.similarity(item.context, best.context)
        if overlap < RELATIVE_LINK_SIMILARITY or (stated and overlap >= LINK_SIMILARITY):
            continue  # unrelated, or already merged as an agreeing date
        claims.append(_relative_claim(item, best, ids, stated))
    return claims


def _relative_claim(item: _Dated, best: _Dated, ids: dict[str, str], stated: bool) -> Claim:
    verdict: Verdict = "agree" if stated else "unresolved"
    if stated:
        reason = (
            f"“{item.record.text}”, read against the article's date "
            f"({item.article.published}), is {item.value}, as “{best.record.text}” says"
        )
    else:
        estimate = item.article.published_estimate
        guess = (
            f"; from its estimated date ({estimate.value}) it would be {item.value}"
            if estimate and item.value
            else ""
        )
        reason = (
            f"“{item.record.text}” cannot be placed beside “{best.record.text}”: the article's "
            f"date is not stated{guess}"
        )
    return Claim(
        id="",
        statement=_event_text(best.sentence),
        verdict=verdict,
        reason=reason,
        members=[
            ClaimMember(
                ids[item.article.key], item.record.text, item.record.start, item.record.end
            ),
            ClaimMember(
                ids[best.article.key], best.record.text, best.record.start, best.record.end
            ),
        ],
    )
