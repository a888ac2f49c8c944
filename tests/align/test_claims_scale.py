"""The figure clustering that scales (class pairs, sparse candidates) against the brute force it
replaced: every pair of figures scored in Python, sorted, then merged greedily."""

from __future__ import annotations

import random
from dataclasses import replace

import pytest

from storydiff.align import claims
from storydiff.align.terms import TermWeights, story_weights
from storydiff.model import Article, QuantityRecord

# Sentences with a slot for the figure: repeated across articles, so many figures are alike
# (wire copies, the same sentence in many sources) and many pairs tie on every sort key.
_SENTENCES = [
    "NATO still has some {n} troops in Kosovo to keep the peace.",
    "At the start of its mission NATO sent {n} soldiers to Kosovo in 1999.",
    "The contingent has dwindled to around {n} troops, officials said.",
    "Police said {n} people were killed and others were injured at the bar.",
    "{n} people were injured in the shooting on Sunday night.",
    "The assembly passed the lease by {n} votes after a long debate.",
    "Some {n} MPs voted for the port lease in 2024.",
    "The fund of {n} million will pay for dredging the harbour.",
    "Dredging will cover {n} hectares of the estuary, the ministry said.",
    "The strike by {n} dock workers entered its third day.",
    "The lease runs for {n} years from the signing.",
    "About {n} fishermen still protest at the port today.",
]
_WHAT = {
    "troops": "troops",
    "soldiers": "soldiers",
    "people": "people",
    "votes": "votes",
    "MPs": "MPs",
    "million": None,
    "hectares": "hectares",
    "dock": "dock workers",
    "years": None,
    "fishermen": "fishermen",
}
_VALUES = [3, 12, 30, 55, 105, 4500, 4600, 5000]


Figure = tuple[str, str, float, str | None, bool, str | None, str | None]


def _figure_sentence(rng: random.Random) -> Figure:
    """(sentence, number as written, value, what it counts, approximate, unit, bound)"""
    template = rng.choice(_SENTENCES)
    value = rng.choice(_VALUES)
    number = f"{value:,}"
    sentence = template.format(n=number)
    after = template.split("{n}")[1].split()
    what = _WHAT.get(after[0].strip(",.")) if after else None
    unit = "year" if "years" in after[:1] else None
    drawn = rng.choice([None, None, None, "lower", "upper"])  # drawn always: stable stories
    bound = None if unit else drawn
    return sentence, number, float(value), what, rng.random() < 0.3, unit, bound


Story = tuple[list[Article], dict[str, list[QuantityRecord]], dict[str, list[claims.ClaimantSpan]]]


def _story(seed: int, articles: int, quoted: float = 0.0) -> Story:
    """Articles of one to four figure sentences; some are wire copies of an earlier one.
    A ``quoted`` share of sentences are quotes of the police or the organisers."""
    rng = random.Random(seed)
    voices = random.Random(seed + 1000)  # its own draws: the stories are the same either way
    made: list[Article] = []
    records: dict[str, list[QuantityRecord]] = {}
    spans: dict[str, list[claims.ClaimantSpan]] = {}
    for n in range(articles):
        if made and rng.random() < 0.15:  # a wire copy: the same words, another key
            original = rng.choice([a for a in made if a.duplicate_of is None])
            key = f"k{n}"
            copy = Article(key=key, source=f"{key}.txt", text=original.text)
            made.append(replace(copy, duplicate_of=original.key))
            records[key] = list(records[original.key])
            spans[key] = list(spans.get(original.key, []))
            continue
        key = f"k{n}"
        text, found = "", []
        for _ in range(rng.randint(1, 4)):
            sentence, number, value, what, approx, unit, bound = _figure_sentence(rng)
            start = len(text) + sentence.index(number)
            found.append(
                QuantityRecord(
                    start,
                    start + len(number),
                    number,
                    value,
                    unit,
                    what,
                    approx,
                    bound,  # type: ignore[arg-type]
                    len(text),
                    len(text) + len(sentence),
                )
            )
            if voices.random() < quoted:
                who = voices.choice(["police", "organisers"])
                spans.setdefault(key, []).append((len(text), len(text) + len(sentence), who))
            text += sentence + " "
        made.append(Article(key=key, source=f"{key}.txt", text=text))
        records[key] = found
    return made, records, spans


def _brute_force(
    items: list[claims._Item], independent: dict[str, str], weights: TermWeights
) -> list[list[claims._Item]]:
    """The quadratic clustering this module used before it scaled, kept as the reference:
    every pair scored, sorted, merged greedily. One source's figures never meet in one claim,
    unless they are its wire copies' or two named claimants' figures that conflict (the
    police's count and the organisers')."""

    def voice(m: claims._Item) -> tuple[str, str | None]:
        return independent[m.article.key], m.claimant

    def may_join(cx: list[claims._Item], cy: list[claims._Item]) -> bool:
        shared = {voice(m)[0] for m in cx} & {voice(m)[0] for m in cy}
        for base in shared:
            xs = [m for m in cx if voice(m)[0] == base]
            ys = [m for m in cy if voice(m)[0] == base]
            named_x, named_y = {m.claimant for m in xs}, {m.claimant for m in ys}
            if None in named_x or None in named_y or named_x & named_y:
                return False
            if any(claims.compare(x.quantity, y.quantity) != "conflict" for x in xs for y in ys):
                return False
        return True

    pairs = []
    for i, x in enumerate(items):
        for y in items[i + 1 :]:
            if voice(x)[0] == voice(y)[0] and claims._copies_figure(x, y):
                pairs.append((True, True, True, 1.0, x, y))
            if voice(x) == voice(y):
                continue
            verdict = claims.compare(x.quantity, y.quantity)
            needed = claims._link_threshold(x, y, verdict)
            score = claims._similarity(x, y, weights)
            if needed is not None and score >= needed:
                same = x.quantity.value == y.quantity.value and x.quantity.unit == y.quantity.unit
                pairs.append((False, verdict != "conflict", same, score, x, y))
    pairs.sort(key=lambda p: p[:4], reverse=True)
    cluster_of: dict[int, list[claims._Item]] = {id(it): [it] for it in items}
    for copied, _, _, _, x, y in pairs:
        cx, cy = cluster_of[id(x)], cluster_of[id(y)]
        if cx is cy:
            continue
        if not copied and not may_join(cx, cy):
            continue
        cx.extend(cy)
        for member in cy:
            cluster_of[id(member)] = cx
    return list({id(c): c for c in cluster_of.values()}.values())


@pytest.mark.parametrize(
    ("seed", "articles", "quoted"),
    [(1, 12, 0.0), (2, 40, 0.0), (3, 90, 0.0), (4, 150, 0.0), (6, 60, 0.5), (7, 150, 0.3)],
)
def test_clustering_equals_the_brute_force(seed: int, articles: int, quoted: float) -> None:
    made, records, spans = _story(seed, articles, quoted)
    ids = {a.key: f"a{n}" for n, a in enumerate(made, start=1)}
    independent = {a.key: a.duplicate_of or a.key for a in made}
    items = claims._items(made, records, ids, spans)
    weights = story_weights(a.text for a in made)
    fast = claims._cluster(items, independent, weights)
    slow = _brute_force(items, independent, weights)
    assert [[id(m) for m in c] for c in fast] == [[id(m) for m in c] for c in slow]
    assert any(len(c) > 2 for c in fast)  # the generated story does link figures


def test_sparse_blocks_give_the_same_clusters(monkeypatch: pytest.MonkeyPatch) -> None:
    """Row blocks of one class each (the memory bound on huge stories) change nothing."""
    made, records, spans = _story(5, 80, 0.3)
    ids = {a.key: f"a{n}" for n, a in enumerate(made, start=1)}
    independent = {a.key: a.duplicate_of or a.key for a in made}
    items = claims._items(made, records, ids, spans)
    weights = story_weights(a.text for a in made)
    whole = claims._cluster(items, independent, weights)
    monkeypatch.setattr(claims, "_BLOCK_CELLS", 1)
    blocked = claims._cluster(items, independent, weights)
    assert [[id(m) for m in c] for c in whole] == [[id(m) for m in c] for c in blocked]


def test_similarity_is_symmetric_and_order_free() -> None:
    weights = story_weights(["Kosovo troops remain.", "Dredging began.", "Troops left Kosovo."])
    a, b = {"kosovo", "troop", "remain", "dredg"}, {"troop", "dredg", "left"}
    assert weights.similarity(a, b) == weights.similarity(b, a)
    assert weights.similarity(a, a) == 1.0
    assert weights.similarity(set(), b) == 0.0
