"""The claim ledger: one figure as each source reports it, with a verdict and its reason."""

from __future__ import annotations

from dataclasses import dataclass, replace

from storydiff.align.claim_vocab import (
    APPROX_TOLERANCE,
    CONCEPT_BONUS,
    CONFLICT_SIMILARITY,
    LINK_SIMILARITY,
    PAST_MARKERS,
    PRESENT_MARKERS,
    SAME_FIGURE_SIMILARITY,
)
from storydiff.align.terms import TermWeights, statement_text, stem, story_weights, terms, years
from storydiff.analyse.number_vocab import DURATION_DAYS
from storydiff.model import Article, Claim, ClaimMember, Quantity, QuantityRecord, Verdict

_WINDOW = 70  # characters either side of a figure that say when it held
_NEAR = 40  # characters either side of a figure that say what it counts


@dataclass
class _Item:
    article: Article
    record: QuantityRecord
    quantity: Quantity
    sentence: str
    context: set[str]
    near: set[str]  # terms right around the figure: "105 MPs voted", "the fund of 40 million"
    concept: str | None
    when: str | None  # "past", "present" or a year the figure is pinned to


def _when(article: Article, record: QuantityRecord) -> str | None:
    near = article.text[
        max(record.sentence_start, record.start - _WINDOW) : min(
            record.sentence_end, record.end + _WINDOW
        )
    ]
    near_terms = {w.lower().strip(",.") for w in near.split()}
    pinned = years(near)
    if pinned:
        return min(pinned)
    if near_terms & PAST_MARKERS:
        return "past"
    if near_terms & PRESENT_MARKERS:
        return "present"
    return None


def _interval(q: Quantity) -> tuple[float, float]:
    """The values a reported figure allows: "over 100" allows 100..∞, "some 4,500" ±10 %."""
    low = high = q.value
    if q.approx:
        low, high = q.value * (1 - APPROX_TOLERANCE), q.value * (1 + APPROX_TOLERANCE)
    if q.bound == "lower":
        high = float("inf")
    elif q.bound == "upper":
        low = 0.0
    return low, high


def _in_days(q: Quantity) -> Quantity:
    """A length of time in days, so "30 days" and "a month" compare; other figures as they are.

    Months and years vary in length, so a figure converted from them is approximate.
    """
    days = DURATION_DAYS.get(q.unit or "")
    if days is None:
        return q
    return replace(q, value=q.value * days, unit="day", approx=q.approx or q.unit != "day")


def compare(a: Quantity, b: Quantity) -> Verdict:
    """agree when the figures are the same, compatible when one allows the other."""
    if a.unit != b.unit:
        a, b = _in_days(a), _in_days(b)
    if a.value == b.value and a.bound == b.bound:
        return "agree"
    (alo, ahi), (blo, bhi) = _interval(a), _interval(b)
    if a.bound is None and b.bound is None and alo <= b.value <= ahi and blo <= a.value <= bhi:
        return "agree"
    if alo <= bhi and blo <= ahi:
        return "compatible"
    return "conflict"


def _similarity(x: _Item, y: _Item, weights: TermWeights) -> float:
    score = 0.5 * weights.similarity(x.context, y.context) + 0.5 * weights.similarity(
        x.near, y.near
    )
    if x.concept and x.concept == y.concept:
        score += CONCEPT_BONUS
    return score


def _times_differ(x: _Item, y: _Item) -> bool:
    return x.when is not None and y.when is not None and x.when != y.when


def _near(text: str, record: QuantityRecord) -> str:
    start = max(record.sentence_start, record.start - _NEAR)
    return text[start : min(record.sentence_end, record.end + _NEAR)]


def _items(
    articles: list[Article], records: dict[str, list[QuantityRecord]], ids: dict[str, str]
) -> list[_Item]:
    items: list[_Item] = []
    for article in articles:
        for record in records.get(article.key, []):
            quantity = Quantity(
                id=f"n{len(items) + 1}",
                article=ids[article.key],
                text=record.text,
                value=record.value,
                unit=record.unit,
                what=record.what,
                approx=record.approx,
                bound=record.bound,
                start=record.start,
                end=record.end,
            )
            sentence = article.text[record.sentence_start : record.sentence_end]
            # Lengths of time meet whatever their unit ("30 days", "a month").
            duration = record.unit in DURATION_DAYS
            head = ["duration"] if duration else (record.what or record.unit or "").split()
            items.append(
                _Item(
                    article,
                    record,
                    quantity,
                    sentence,
                    terms(sentence),
                    terms(_near(article.text, record)),
                    stem(head[-1]) if head else None,
                    _when(article, record),
                )
            )
    return items


def _link_threshold(x: _Item, y: _Item, verdict: Verdict) -> float | None:
    """How similar two figures' contexts must be to be one claim; None: never.

    The same figure in two sources needs least evidence; a conflict needs the most, and
    only figures of one kind ("MPs", "troops") counted at the same time can conflict.
    """
    kinds_differ = bool(x.concept and y.concept and x.concept != y.concept)
    if _times_differ(x, y):
        return None
    if verdict == "conflict":  # a figure pinned to another time may simply be older
        return None if kinds_differ or x.when != y.when else CONFLICT_SIMILARITY
    if verdict == "agree" and x.quantity.value == y.quantity.value:
        return SAME_FIGURE_SIMILARITY
    return None if kinds_differ else LINK_SIMILARITY


def _copies_figure(x: _Item, y: _Item) -> bool:
    """For two figures of one independent source: a wire copy repeating the report's figure in
    the same words, so one claim carried by both copies. (Within one article a repeated number
    may be another fact: "12 people died" and "12 people were arrested".)"""
    return (
        x.article.key != y.article.key
        and x.quantity.value == y.quantity.value
        and x.quantity.unit == y.quantity.unit
        and x.near == y.near
    )


def _cluster(
    items: list[_Item], independent: dict[str, str], weights: TermWeights
) -> list[list[_Item]]:
    """Greedy linking, best pairs first, at most one figure per independent source (its wire
    copies' identical figures ride along).

    Copies join first; then pairs that report the very same figure link before pairs that
    merely allow each other.
    """
    pairs = []
    for i, x in enumerate(items):
        for y in items[i + 1 :]:
            if independent[x.article.key] == independent[y.article.key]:
                if _copies_figure(x, y):
                    pairs.append((True, True, True, 1.0, x, y))
                continue
            verdict = compare(x.quantity, y.quantity)
            needed = _link_threshold(x, y, verdict)
            score = _similarity(x, y, weights)
            if needed is not None and score >= needed:
                same = x.quantity.value == y.quantity.value and x.quantity.unit == y.quantity.unit
                pairs.append((False, verdict != "conflict", same, score, x, y))
    pairs.sort(key=lambda p: p[:4], reverse=True)
    cluster_of: dict[int, list[_Item]] = {id(it): [it] for it in items}
    for copied, _, _, _, x, y in pairs:
        cx, cy = cluster_of[id(x)], cluster_of[id(y)]
        if cx is cy:
            continue
        shared = {independent[m.article.key] for m in cx} & {independent[m.article.key] for m in cy}
        if shared and not copied:  # copies link first, so both sides are still one source
            continue
        cx.extend(cy)
        for member in cy:
            cluster_of[id(member)] = cx
    unique = {id(c): c for c in cluster_of.values()}
    return list(unique.values())


def _verdict(cluster: list[_Item], independent: dict[str, str]) -> tuple[Verdict, str]:
    sources = {independent[m.article.key] for m in cluster}
    if len(sources) == 1:
        copies = len({m.article.key for m in cluster})
        note = f" (carried by {copies} copies of one report)" if copies > 1 else ""
        return "single-source", "only one independent source reports this figure" + note
    worst: Verdict = "agree"
    for i, x in enumerate(cluster):
        for y in cluster[i + 1 :]:
            verdict = compare(x.quantity, y.quantity)
            if verdict == "conflict" or (verdict == "compatible" and worst == "agree"):
                worst = verdict
    texts = " / ".join(f"“{text}”" for text in dict.fromkeys(m.record.text for m in cluster))
    reasons = {
        "agree": f"{len(sources)} sources give the same figure: {texts}",
        "compatible": f"the figures differ but one allows the other: {texts}",
        "conflict": f"the sources give figures that cannot both be true: {texts}",
    }
    return worst, reasons[worst]


def build_quantity_claims(
    articles: list[Article],
    records: dict[str, list[QuantityRecord]],
    ids: dict[str, str],
) -> tuple[list[Quantity], list[Claim]]:
    """Every figure in the story, grouped into claims across independent sources."""
    independent = {a.key: a.duplicate_of or a.key for a in articles}
    items = _items(articles, records, ids)
    weights = story_weights(a.text for a in articles)
    claims: list[Claim] = []
    for cluster in _cluster(items, independent, weights):
        cluster.sort(key=lambda m: (m.quantity.article, m.quantity.start))
        verdict, reason = _verdict(cluster, independent)
        claims.append(
            Claim(
                id="",
                statement=statement_text(cluster[0].sentence),
                verdict=verdict,
                reason=reason,
                members=[
                    ClaimMember(
                        m.quantity.article,
                        m.record.text,
                        m.record.start,
                        m.record.end,
                        m.quantity.id,
                    )
                    for m in cluster
                ],
            )
        )
    return [i.quantity for i in items], claims
