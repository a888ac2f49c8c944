"""Timeline and dated claims: dates resolved against each article's date, merged across sources."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import cached_property

from storydiff.align.claim_vocab import (
    MEANING_WEIGHT,
    RELATIVE_LINK_SCORE,
    RELATIVE_LINK_SIMILARITY,
    SAME_FIGURE_SIMILARITY,
)
from storydiff.align.closeness import Closeness
from storydiff.align.terms import (
    TermWeights,
    clause_topic,
    shared_topic,
    statement_text,
    story_weights,
    terms,
)
from storydiff.analyse.timex import resolve_time
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

# The dossier's dates are calendar forms (year, month, ISO week, day: DOSSIER_SCHEMA.md). TimeML
# values finer or coarser than those ("2025-FA", "2014-Q1", "2017-03-10TNI", the decade "201")
# keep their exact value as the event's ``period`` and give ``date`` the calendar part they hold.
_CALENDAR_PREFIX = re.compile(r"^\d{4}(?:-(?:\d{2}|W\d{2})(?:-\d{2})?)?")


def calendar_date(value: str | None) -> tuple[str | None, str | None]:
    """(date the schema can hold, the TimeML period when it says more or less than that)."""
    if value is None:
        return None, None
    match = _CALENDAR_PREFIX.match(value)
    date = match.group() if match else None
    return date, (None if date == value else value)


@dataclass
class _Dated:
    article: Article
    record: TimeRecord
    value: str | None
    why: str | None
    estimated: bool
    sentence: str
    context: frozenset[str]

    @cached_property
    def topic(self) -> str:
        """What the clause around the date is about, the date left out."""
        offset = self.record.sentence_start
        start, end = self.record.start - offset, self.record.end - offset
        return clause_topic(self.sentence, start, end)

    @cached_property
    def topic_terms(self) -> frozenset[str]:
        return frozenset(terms(self.topic))


def _event_text(sentence: str) -> str:
    return statement_text(sentence, _MAX_EVENT_CHARS)


def _resolve(article: Article, record: TimeRecord) -> tuple[str | None, str | None, bool]:
    """Resolve against the stated date, else the estimate (marked), else say why not."""
    if record.relative_unit is not None and _counted_from_event(record):
        return None, "counted from another event the text names, not from the article's date", False
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
            context = frozenset(terms(sentence))
            items.append(_Dated(article, record, value, why, estimated, sentence, context))
    return items


class _PairCache:
    """``weights.similarity`` of two term sets, each pair of sets scored once: a big story
    repeats its sentences (wire copies, one line in many reports). Exact, since the score
    depends on the two sets alone."""

    _MOST = 1_000_000  # pairs kept before the cache starts afresh: memory stays bounded

    def __init__(self, weights: TermWeights) -> None:
        self.weights = weights
        self._scores: dict[tuple[frozenset[str], frozenset[str]], float] = {}

    def similarity(self, a: frozenset[str], b: frozenset[str]) -> float:
        key = (a, b)
        score = self._scores.get(key)
        if score is None:
            if len(self._scores) >= self._MOST:
                self._scores.clear()
            score = self._scores[key] = self.weights.similarity(a, b)
        return score


def build_timeline(
    articles: list[Article], records: dict[str, list[TimeRecord]], ids: dict[str, str]
) -> tuple[list[TimelineEvent], list[Claim]]:
    """Timeline entries (one per event, citing every source) and the dated claims."""
    items = _dated(articles, records)
    weights = story_weights(a.text for a in articles)
    close = _PairCache(weights)
    # Only stated (not estimated) dates of the same value can be one event: each date is set
    # beside those alone, in item order, so a story of thousands of dates stays near-linear.
    same_value: dict[str, list[int]] = {}
    for j, other in enumerate(items):
        if other.value is not None and not other.estimated:
            same_value.setdefault(other.value, []).append(j)
    used: set[int] = set()
    grouped: set[frozenset[int]] = set()
    events: list[TimelineEvent] = []
    claims: list[Claim] = []
    for i, item in enumerate(items):
        if i in used:
            continue
        group = [item]
        sources = {item.article.key}
        if item.value is not None and not item.estimated:
            later = same_value[item.value]
            for j in later[bisect_right(later, i) :]:
                other = items[j]
                if j in used or other.article.key in sources:
                    continue
                if _same_event(close, item, other):
                    group.append(other)
                    sources.add(other.article.key)
                    used.add(j)
                    grouped.add(frozenset((i, j)))
        events.append(_event(item, group, ids))
        if len(group) > 1:
            claims.append(_claim(group, ids))
    claims.extend(_relative_claims(items, ids, weights, grouped))
    events.sort(key=lambda e: (e.date is None, e.date or "", e.article))
    for n, event in enumerate(events, start=1):
        event.id = f"t{n}"
    return events, claims


def _same_event(close: _PairCache, a: _Dated, b: _Dated) -> bool:
    """Two sources' equal dates are one event when their sentences are close and so are the
    clauses the dates stand in: in a story told in one day every event is "on Sunday", and
    the speech, the shooting and the statement sharing the story's names are not one."""
    if close.similarity(a.context, b.context) < SAME_FIGURE_SIMILARITY:
        return False
    return close.similarity(a.topic_terms, b.topic_terms) >= RELATIVE_LINK_SIMILARITY


def _event(item: _Dated, group: list[_Dated], ids: dict[str, str]) -> TimelineEvent:
    record = item.record
    date, period = calendar_date(item.value)
    why = item.why
    if date is None and period is not None:
        why = f"names a period ({period}) coarser than a year"
    return TimelineEvent(
        id="",
        event=_event_text(item.sentence),
        date=date,
        resolved=date is not None and not item.estimated,
        why_unresolved=why if (date is None or item.estimated) else None,
        article=ids[item.article.key],
        text=record.text,
        start=record.start,
        end=record.end,
        estimated=item.estimated,
        period=period,
        citations=[
            Citation(ids[g.article.key], g.record.start, g.record.end, g.record.text) for g in group
        ],
    )


def _date_label(group: list[_Dated]) -> str:
    """The ledger's name for a date fact: "date: construction began", the event words the
    sources share around their dates."""
    first = group[0]
    topic = shared_topic(first.sentence, first.record, (g.sentence for g in group[1:]))
    return f"date: {topic}" if topic else "date"


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
        measure=_date_label(group),
    )


# Relative units that name a day or a week: only a date at least as fine as a month can be
# the same moment ("on Friday" is never "in 2014", whatever the sentences share).
_DAY_SCALE_UNITS = frozenset({"day", "week", "weekday"})


def _fine_enough(value: str | None, record: TimeRecord) -> bool:
    if record.relative_unit not in _DAY_SCALE_UNITS:
        return True
    return value is not None and len(value) >= len("2017-03")


# Relative phrases anchored on another event ("a decade after the war", "two years later"):
# their offset does not run from the article's date, so they cannot be set beside a date.
_EVENT_ANCHORED = ("after", "before", "later", "earlier")


def _counted_from_event(record: TimeRecord) -> bool:
    """ "four days earlier", "two years later": an offset from an event, not from today."""
    return record.text.lower().rstrip(" .").endswith(_EVENT_ANCHORED)


def _candidates(item: _Dated, by_value: dict[str, list[int]], items: list[_Dated]) -> list[int]:
    """Absolute dates in other sources that ``item`` could be the same moment as, in item
    order; ``by_value`` holds the absolute dates' indices by their value. Whether a date can
    be a candidate depends on its value alone, so each value is judged once."""
    pinned = _pinned(item)
    runs = [
        found
        for value, found in by_value.items()
        if _fine_enough(value, item.record)
        and not (pinned and not _same_moment(item.value or "", value))
    ]
    ordered = runs[0] if len(runs) == 1 else sorted(j for run in runs for j in run)
    return [j for j in ordered if items[j].article.key != item.article.key]


def _pinned(item: _Dated) -> bool:
    """Whether ``item``'s value can rule candidates out: its article's date is stated, or
    estimated to the day (a year-less dateline placed by the story), not a guessed year."""
    if item.value is None:
        return False
    estimate = item.article.published_estimate
    return not item.estimated or (estimate is not None and len(estimate.value) >= len("2024-03-12"))


def _same_moment(a: str, b: str) -> bool:
    """One date holds the other: 2014 and 2014-03, not 2024-03-13 and 2024-09."""
    return a.startswith(b) or b.startswith(a)


def _relative_claims(
    items: list[_Dated], ids: dict[str, str], weights: TermWeights, grouped: set[frozenset[int]]
) -> list[Claim]:
    """A relative date set beside the absolute date in another source it seems to describe.

    With the article's date stated, the relative date must land on the candidate's date and
    the clauses around them share a topic: the claim agrees. With the date unknown or only
    estimated, the topically closest absolute date is shown beside it as unresolved, with the
    reason. Closeness is judged on the clause around each date, not the whole sentence: a long
    sentence about a letter may date, in passing, the dredging another source describes.
    """
    by_value: dict[str, list[int]] = {}
    for j, o in enumerate(items):
        if (
            o.record.relative_unit is None
            and o.value is not None
            and not _counted_from_event(o.record)
        ):
            by_value.setdefault(o.value, []).append(j)
    pending = {
        i: _candidates(item, by_value, items)
        for i, item in enumerate(items)
        if item.record.relative_unit is not None and not _counted_from_event(item.record)
    }
    absolute = [j for found in by_value.values() for j in found]
    topics = {i: items[i].topic for i in {*pending, *absolute}}
    terms_of = {text: frozenset(terms(text)) for text in set(topics.values())}
    close = _PairCache(weights)
    pending = {
        i: _shortlist(
            {j: close.similarity(terms_of[topics[i]], terms_of[topics[j]]) for j in found}
        )
        for i, found in pending.items()
        if found
    }
    involved = sorted({i for i in pending} | {j for found in pending.values() for j in found})
    position = {index: n for n, index in enumerate(involved)}
    closeness = Closeness([topics[i] for i in involved], weights, meaning_weight=MEANING_WEIGHT)
    threshold = RELATIVE_LINK_SCORE if closeness.uses_meaning else RELATIVE_LINK_SIMILARITY
    claims = []
    for i, found in pending.items():
        item = items[i]
        scores = {j: closeness.score(position[i], position[j]) for j in found}
        tied = [j for j in found if scores[j] >= max(scores.values()) - _TIE]
        meaning = {j: closeness.meaning(position[i], position[j]) for j in tied}
        best = _closest(item, meaning, items)
        if scores[best] < threshold or frozenset((i, best)) in grouped:
            continue  # unrelated, or already merged as an agreeing date
        stated = item.value is not None and not item.estimated
        claims.append(_relative_claim(item, items[best], ids, stated))
    return claims


# Candidates per relative date that the sentence model rereads, best by shared words first:
# a story of many articles holds hundreds of dates, and embedding each costs ~20 ms.
_SHORTLIST = 8


def _shortlist(words: dict[int, float]) -> list[int]:
    """The candidates (index: shared-word score) sharing the most words, in their order."""
    kept = set(sorted(words, key=lambda j: -words[j])[:_SHORTLIST])
    return [j for j in words if j in kept]


# Scores this close are a tie: one clause often dates two things ("in 2014 … by 2019").
_TIE = 0.02


def _closest(item: _Dated, meaning: dict[int, float], items: list[_Dated]) -> int:
    """Of tied candidates (index: meaning similarity), the one nearest in time to where
    ``item`` lands; with no date to go by, the closest in meaning (without the model, the
    first)."""
    year = _year(item.value)
    if year is None:
        return max(meaning, key=lambda j: (meaning[j], -j))
    return min(meaning, key=lambda j: (abs((_year(items[j].value) or year) - year), j))


def _year(value: str | None) -> int | None:
    return int(value[:4]) if value and value[:4].isdigit() else None


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
        measure=_date_label([best, item]),
        members=[
            ClaimMember(
                ids[item.article.key], item.record.text, item.record.start, item.record.end
            ),
            ClaimMember(
                ids[best.article.key], best.record.text, best.record.start, best.record.end
            ),
        ],
    )
