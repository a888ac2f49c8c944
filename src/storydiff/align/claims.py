"""The claim ledger: one figure as each source reports it, with a verdict and its reason."""

from __future__ import annotations

from dataclasses import dataclass

from storydiff.align.claim_vocab import (
    APPROX_TOLERANCE,
    CONFLICT_SIMILARITY,
    LINK_SIMILARITY,
    PAST_MARKERS,
    PRESENT_MARKERS,
)
from storydiff.align.terms import jaccard, stem, terms, years
from storydiff.model import Article, Claim, ClaimMember, Quantity, QuantityRecord, Verdict

_WINDOW = 70  # characters either side of a figure that say when it held


@dataclass
class _Item:
    article: Article
    record: QuantityRecord
    quantity: Quantity
    sentence: str
    context: set[str]
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


def compare(a: Quantity, b: Quantity) -> Verdict:
    """agree when the figures are the same, compatible when one allows the other."""
    if a.value == b.value and a.bound == b.bound:
        return "agree"
    (alo, ahi), (blo, bhi) = _interval(a), _interval(b)
    if a.bound is None and b.bound is None and alo <= b.value <= ahi and blo <= a.value <= bhi:
        return "agree"
    if alo <= bhi and blo <= ahi:
        return "compatible"
    return "conflict"


def _similarity(x: _Item, y: _Item) -> float:
    score = jaccard(x.context, y.context)
    if x.concept and x.concept == y.concept:
        score += 0.2
    return score


def _times_differ(x: _Item, y: _Item) -> bool:
    return x.when is not None and y.when is not None and x.when != y.when


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
            head = (record.what or record.unit or "").split()
            items.append(
                _Item(
                    article,
                    record,
                    quantity,
                    sentence,
                    terms(sentence),
                    stem(head[-1]) if head else None,
                    _when(article, record),
                )
            )
    return items


def _cluster(items: list[_Item], independent: dict[str, str]) -> list[list[_Item]]:
    """Greedy linking, best pairs first, at most one figure per independent source."""
    pairs = []
    for i, x in enumerate(items):
        for y in items[i + 1 :]:
            if independent[x.article.key] == independent[y.article.key]:
                continue
            if (x.concept and y.concept and x.concept != y.concept) or _times_differ(x, y):
                continue
            score = _similarity(x, y)
            verdict = compare(x.quantity, y.quantity)
            needed = CONFLICT_SIMILARITY if verdict == "conflict" else LINK_SIMILARITY
            if score >= needed:
                pairs.append((verdict != "conflict", score, x, y))
    pairs.sort(key=lambda p: (p[0], p[1]), reverse=True)
    cluster_of: dict[int, list[_Item]] = {id(it): [it] for it in items}
    for _, _, x, y in pairs:
        cx, cy = cluster_of[id(x)], cluster_of[id(y)]
        if cx is cy:
            continue
        sources_x = {independent[m.article.key] for m in cx}
        if sources_x & {independent[m.article.key] for m in cy}:
            continue
        cx.extend(cy)
        for member in cy:
            cluster_of[id(member)] = cx
    unique = {id(c): c for c in cluster_of.values()}
    return list(unique.values())


def _verdict(cluster: list[_Item], independent: dict[str, str]) -> tuple[Verdict, str]:
    sources = {independent[m.article.key] for m in cluster}
    if len(sources) == 1:
        copies = len(cluster)
        note = f" (carried by {copies} copies of one report)" if copies > 1 else ""
        return "single-source", "only one independent source reports this figure" + note
    worst: Verdict = "agree"
    for i, x in enumerate(cluster):
        for y in cluster[i + 1 :]:
            verdict = compare(x.quantity, y.quantity)
            if verdict == "conflict" or (verdict == "compatible" and worst == "agree"):
                worst = verdict
    texts = " / ".join(f"“{m.record.text}”" for m in cluster)
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
    claims: list[Claim] = []
    for cluster in _cluster(items, independent):
        cluster.sort(key=lambda m: (m.quantity.article, m.quantity.start))
        verdict, reason = _verdict(cluster, independent)
        claims.append(
            Claim(
                id="",
                statement=cluster[0].sentence.strip(),
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
