"""The claim ledger: one figure as each source reports it, with a verdict and its reason."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import Any, TypeVar

from storydiff.align.claim_vocab import (
    AGGREGATE,
    AGGREGATE_SCOPE,
    APPROX_TOLERANCE,
    CONCEPT_BONUS,
    CONFLICT_SIMILARITY,
    DATED_ENTRY,
    LINK_SIMILARITY,
    PART_OF_WHOLE_AFTER,
    PART_OF_WHOLE_BEFORE,
    PAST_MARKERS,
    PRESENT_MARKERS,
    ROUNDING_DIGITS,
    ROUNDING_FROM,
    SAME_FIGURE_SIMILARITY,
    SENTENCE_YEAR,
)
from storydiff.align.facts_left_out import CLOCK, clock_interval
from storydiff.align.measure_vocab import ORDINAL_TOLL, PEOPLE
from storydiff.align.measures import (
    AGE,
    NOT_FACTS,
    TIME_OF_DAY,
    TOLLS,
    age_subject,
    measure_label,
    measure_of,
    same_person,
)
from storydiff.align.terms import (
    TermWeights,
    shared_topic,
    statement_text,
    stem,
    story_weights,
    terms,
    years,
)
from storydiff.align.totals import join_counts
from storydiff.analyse.quantity_tally import tally_counts
from storydiff.lexicon.numbers import DURATION_DAYS, TALLY_UNIT
from storydiff.model import (
    Article,
    Claim,
    ClaimMember,
    ClaimValue,
    Quantity,
    QuantityRecord,
    Verdict,
    article_date,
)

_AGE_UNITS = frozenset({"year", "years"})
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
    measure: str | None  # what it counts: "killed", "injured", "age"… (align/measures.py)
    claimant: str | None = None  # who the article says gave the figure ("police", "organisers")
    subject: str | None = None  # whose age an age is (a surname), when a name stands beside it

    @property
    def voice(self) -> str | None:
        """The claimant as one voice whatever the casing: "Police", "police", "the police"."""
        if self.claimant is None:
            return None
        name = self.claimant.casefold()
        return name.removeprefix("the ") or name


def _paragraph_part(text: str, record: QuantityRecord) -> str:
    """The figure's sentence as a statement, cut at a paragraph break the parser ran across
    ("… Harry Reid, D-Nev.\n\nWith elections just over a month away, …" is two statements);
    linking still reads the whole sentence's words."""
    start, end = record.sentence_start, record.sentence_end
    before = text.rfind(_PARAGRAPH_BREAK, start, record.start)
    after = text.find(_PARAGRAPH_BREAK, record.end, end)
    return text[
        before + len(_PARAGRAPH_BREAK) if before >= 0 else start : after if after >= 0 else end
    ]


_PARAGRAPH_BREAK = "\n\n"


def _when(article: Article, record: QuantityRecord) -> str | None:
    line_start = article.text.rfind("\n", 0, record.start) + 1
    entry = DATED_ENTRY.match(article.text, line_start, record.start) or SENTENCE_YEAR.match(
        article.text, record.sentence_start, record.start
    )
    if entry is not None:
        return entry.group("year")
    near = article.text[
        max(record.sentence_start, record.start - _WINDOW) : min(
            record.sentence_end, record.end + _WINDOW
        )
    ]
    if AGGREGATE_SCOPE.search(near):
        return AGGREGATE
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


def _significant_digits(value: float) -> int:
    digits = f"{value:.0f}".rstrip("0")
    return len(digits) if value == int(value) else 15


def rounds_to(precise: float, rounded: float) -> bool:
    """Whether ``rounded`` is ``precise`` rounded to ``rounded``'s own significant digits."""
    if rounded < ROUNDING_FROM or rounded == precise:
        return False
    digits = _significant_digits(rounded)
    if digits > ROUNDING_DIGITS:
        return False
    unit = float(10 ** (len(f"{rounded:.0f}") - digits))
    return abs(precise - rounded) <= unit / 2


def compare(a: Quantity, b: Quantity) -> Verdict:
    """agree when the figures are the same, compatible when one allows the other (a bound,
    an approximation, or a rounding: "one million" of "1.04 million")."""
    if a.unit == TALLY_UNIT == b.unit:  # a vote's two counts, both as reported
        return "agree" if tally_counts(a.text) == tally_counts(b.text) else "conflict"
    if a.unit != b.unit:
        a, b = _in_days(a), _in_days(b)
    if a.value == b.value and a.bound == b.bound:
        return "agree"
    if a.unit == CLOCK == b.unit:  # times of day: their hedges' windows, never a rounding
        (alo, ahi), (blo, bhi) = clock_interval(a.value, a.text), clock_interval(b.value, b.text)
        return "compatible" if alo <= bhi and blo <= ahi else "conflict"
    (alo, ahi), (blo, bhi) = _interval(a), _interval(b)
    if a.bound is None and b.bound is None and alo <= b.value <= ahi and blo <= a.value <= bhi:
        return "agree"
    if alo <= bhi and blo <= ahi:
        return "compatible"
    if a.unit == b.unit and (rounds_to(a.value, b.value) or rounds_to(b.value, a.value)):
        return "compatible"
    return "conflict"


# Marks the kind of a figure named as a part of another ("including $281 million in cash").
_PART = ":part"
# Counted nouns that name no kind of their own: "1,200 people" may be the "1,200 workers".
_ANYONE = frozenset(stem(w) for w in ("people", "person", "individual"))
# The kind every length of time shares, so "30 days" meets "a month" whatever its unit.
_DURATION = "duration"


# Lengths of time further apart than this are two lengths, whatever bound allows the other.
_LENGTHS_APART = 1.5


def _similarity(x: _Item, y: _Item, weights: TermWeights) -> float:
    score = 0.5 * weights.similarity(x.context, y.context) + 0.5 * weights.similarity(
        x.near, y.near
    )
    if x.concept and x.concept == y.concept and (x.concept != _DURATION or _one_length(x, y)):
        score += CONCEPT_BONUS
    return score


def _one_length(x: _Item, y: _Item) -> bool:
    """Lengths of time share a kind only when they are about one length ("within 30 days",
    "within a month"): "about two weeks" ahead of a vote and "up to 48 years" in prison
    share a unit and a bound that allows the other, nothing more."""
    a, b = _in_days(x.quantity).value, _in_days(y.quantity).value
    return min(a, b) > 0 and max(a, b) / min(a, b) <= _LENGTHS_APART


def _times_differ(x: _Item, y: _Item) -> bool:
    return x.when is not None and y.when is not None and x.when != y.when


def _near(text: str, record: QuantityRecord) -> str:
    start = max(record.sentence_start, record.start - _NEAR)
    return text[start : min(record.sentence_end, record.end + _NEAR)]


# A quoted or reported statement's span in one article and the one who made it.
ClaimantSpan = tuple[int, int, str]


def _claimant(spans: list[ClaimantSpan], record: QuantityRecord) -> str | None:
    """Who gave a figure: the speaker of the narrowest quote holding it."""
    holding = [
        (end - start, name)
        for start, end, name in spans
        if start <= record.start and record.end <= end
    ]
    return min(holding)[1] if holding else None


def _items(
    articles: list[Article],
    records: dict[str, list[QuantityRecord]],
    ids: dict[str, str],
    claimants: dict[str, list[ClaimantSpan]] | None = None,
) -> list[_Item]:
    items: list[_Item] = []
    for article in articles:
        spans = (claimants or {}).get(article.key, [])
        for record in join_counts(article.text, records.get(article.key, [])):
            measure = (
                TIME_OF_DAY
                if record.unit == CLOCK
                else measure_of(
                    article.text, record.start, record.end, record.what, record.sentence_start
                )
            )
            if measure in TOLLS and record.unit is not None:
                measure = None  # "3 years' probation", "$75,000 bond" for a killing count no dead
            if measure in NOT_FACTS:  # a reference mark ("[40]"), an address ("300 block")
                continue
            quantity = Quantity(
                id=f"n{len(items) + 1}",
                article=ids[article.key],
                text=record.text,
                value=record.value,
                # An age is in years however written: "21-year-old Roof" is "Roof, 21".
                unit=None if measure == AGE and record.unit in _AGE_UNITS else record.unit,
                what=record.what,
                approx=record.approx,
                bound=record.bound,
                start=record.start,
                end=record.end,
            )
            sentence = article.text[record.sentence_start : record.sentence_end]
            # Lengths of time meet whatever their unit ("30 days", "a month").
            duration = record.unit in DURATION_DAYS
            head = [_DURATION] if duration else (record.what or record.unit or "").split()
            subject = (
                age_subject(article.text, record.start, record.end) if measure == AGE else None
            )
            # A toll's kind is its measure: "a man" and "two people" killed are one count.
            kind = measure if measure in TOLLS else (stem(head[-1]) if head else None)
            if _part_of_whole(article.text, record):
                kind = f"{kind or ''}{_PART}"  # "$281 million in cash" of the $334 million
            items.append(
                _Item(
                    article,
                    record,
                    quantity,
                    sentence,
                    terms(sentence),
                    terms(_near(article.text, record)),
                    kind,
                    # A named person's age holds for the story; a year nearby dates another fact
                    # ("Pinckney, 41, was elected in 1996").
                    None if subject else _when(article, record),
                    measure,
                    _claimant(spans, record),
                    subject,
                )
            )
    return items


def _is_part(item: _Item) -> bool:
    return (item.concept or "").endswith(_PART)


def _part_of_whole(text: str, record: QuantityRecord) -> bool:
    before = text[max(record.sentence_start, record.start - 40) : record.start]
    return bool(PART_OF_WHOLE_BEFORE.search(before) or PART_OF_WHOLE_AFTER.match(text, record.end))


def _link_threshold(x: _Item, y: _Item, verdict: Verdict) -> float | None:
    """How similar two figures' contexts must be to be one claim; None: never.

    The same figure in two sources needs least evidence; a conflict needs the most, and
    only figures of one kind ("MPs", "troops") counted at the same time can conflict.
    """
    kinds_differ = bool(x.concept and y.concept and x.concept != y.concept)
    if _times_differ(x, y) or (x.measure != y.measure and (x.measure and y.measure)):
        return None  # another time, or another measure: the dead are not the injured
    if x.measure == AGE:
        if x.subject and y.subject:  # one person's age in two sources, or two people's
            return 0.0 if same_person(x.subject, y.subject) else None
        if verdict != "agree":
            return None  # two ages of people unnamed are two people, not two readings
    if verdict == "conflict":  # a figure pinned to another time may simply be older
        if kinds_differ or x.when != y.when or _is_part(x) != _is_part(y):
            return None
        if x.quantity.unit == TALLY_UNIT:
            return None  # two tallies of a story are most often two votes (Senate, House)
        if x.measure == TIME_OF_DAY:
            # Times that cannot both hold are, far more often than a misreport, two moments of
            # one morning (shots heard at 6:12, police arriving at 6:32) that words do not
            # tell apart: they stay two facts.
            return None
        if x.measure in TOLLS and (_risen_to(x, y) or _risen_to(y, x)):
            return LINK_SIMILARITY
        # Tolls share their kind by measure alone, so their words must carry the whole match:
        # a story's background attack ("killing 12" in 2009) is not its event ("killing three").
        return CONFLICT_SIMILARITY + (CONCEPT_BONUS if x.measure in TOLLS else 0.0)
    if _toll_beside_a_thing(x, y) or _toll_beside_a_thing(y, x):
        return None  # "10 people killed" and "10 houses damaged" are two facts
    if verdict == "agree" and x.quantity.value == y.quantity.value:
        # an identical number is evidence in itself, unless the two count different kinds
        # ("a quarter of the power", "a 25% margin"): then their words must match as well
        other_kind = kinds_differ and not {x.concept, y.concept} & _ANYONE
        return LINK_SIMILARITY if other_kind else SAME_FIGURE_SIMILARITY
    return None if kinds_differ else LINK_SIMILARITY


def _toll_beside_a_thing(x: _Item, y: _Item) -> bool:
    """A count of people killed, hurt or held beside a count of things (houses, shells)."""
    what = (y.quantity.what or "").split()
    return x.measure in TOLLS and y.measure is None and bool(what) and not PEOPLE.match(what[-1])


def _risen_to(later: _Item, earlier: _Item) -> bool:
    """Whether ``later`` says the toll has risen to its count ("A third person has died")
    in an article dated after ``earlier``'s count of one fewer (the two before)."""
    dates = later.article.published, earlier.article.published
    return (
        ORDINAL_TOLL.match(later.record.text) is not None
        and dates[0] is not None
        and dates[1] is not None
        and dates[0] > dates[1]
        and later.quantity.value == earlier.quantity.value + 1
    )


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


# A class of figures: items alike in everything a link decision reads (context and near terms,
# kind, time, value, unit, approximation, bound, measure), so one decision serves every pair
# of members.
_ClassKey = tuple[
    frozenset[str],
    frozenset[str],
    str | None,
    str | None,
    float,
    str | None,
    bool,
    str | None,
    str | None,
    str | None,
]
_LinkKey = tuple[bool, bool, float]  # (not a conflict, the very same figure, similarity)

# Class pairs whose shared-word score the sparse product estimates; any pair within this much
# of the lowest link threshold is decided exactly, so float rounding never drops one.
_MARGIN = 1e-9
# Cells of the class × class score block computed at once: bounds memory on huge stories.
_BLOCK_CELLS = 4_000_000


def _class_key(item: _Item) -> _ClassKey:
    q = item.quantity
    return (
        frozenset(item.context),
        frozenset(item.near),
        item.concept,
        item.when,
        q.value,
        q.unit,
        q.approx,
        q.bound,
        item.measure,
        item.subject,
    )


def _link_key(x: _Item, y: _Item, weights: TermWeights) -> _LinkKey | None:
    """How two figures of different independent sources link, best first; None: they don't."""
    verdict = compare(x.quantity, y.quantity)
    needed = _link_threshold(x, y, verdict)
    if needed is None:
        return None
    score = _similarity(x, y, weights)
    if score < needed:
        return None
    same = x.quantity.value == y.quantity.value and x.quantity.unit == y.quantity.unit
    return verdict != "conflict", same, score


def _term_rows(sets: list[frozenset[str]], weights: TermWeights) -> tuple[Any, Any, Any]:
    """Term sets as a sparse weighted matrix, its 0/1 transpose, and each row's total weight."""
    import numpy as np
    from scipy.sparse import csr_matrix

    vocabulary: dict[str, int] = {}
    indptr, indices, data = [0], [], []
    for terms_ in sets:
        for term in terms_:
            indices.append(vocabulary.setdefault(term, len(vocabulary)))
            data.append(weights.weight(term))
        indptr.append(len(indices))
    shape = (len(sets), max(len(vocabulary), 1))
    weighted = csr_matrix((np.array(data, dtype=np.float64), indices, indptr), shape=shape)
    present = csr_matrix((np.ones(len(data)), indices, indptr), shape=shape)
    return weighted, present.T.tocsc(), np.asarray(weighted.sum(axis=1)).ravel()


def _overlap_block(rows: Any, present_t: Any, totals: Any, start: int, stop: int) -> Any:
    """Weighted Jaccard of rows ``start:stop`` with rows ``start:`` (columns offset by start)."""
    from scipy.sparse import csr_matrix

    shared = (rows[start:stop] @ present_t[:, start:]).tocoo()
    union = totals[shared.row + start] + totals[shared.col + start] - shared.data
    return csr_matrix((shared.data / union, (shared.row, shared.col)), shape=shared.shape)


def _close_class_pairs(reps: list[_Item], weights: TermWeights) -> set[tuple[int, int]]:
    """Class pairs (a < b) that could reach a link threshold: a shared kind (its bonus alone
    reaches every threshold but a conflict's) or shared words scoring near the lowest one.

    The words score is estimated with sparse products, in row blocks so memory stays bounded;
    the caller decides every pair exactly.
    """
    floor = min(SAME_FIGURE_SIMILARITY, LINK_SIMILARITY, CONFLICT_SIMILARITY) - _MARGIN
    found: set[tuple[int, int]] = set()
    by_concept: dict[str, list[int]] = {}
    for n, rep in enumerate(reps):
        if rep.concept:
            by_concept.setdefault(rep.concept, []).append(n)
        if rep.subject:  # one person's ages link whatever words stand around them
            surname = rep.subject.split()[-1].lower()
            by_concept.setdefault(f"\x1fage of {surname}", []).append(n)
    for members in by_concept.values():
        found.update((a, b) for i, a in enumerate(members) for b in members[i + 1 :])
    count = len(reps)
    if count < 2:
        return found
    context = _term_rows([frozenset(r.context) for r in reps], weights)
    near = _term_rows([frozenset(r.near) for r in reps], weights)
    step = max(1, _BLOCK_CELLS // count)
    for start in range(0, count, step):
        stop = min(count, start + step)
        score = (
            _overlap_block(*context, start, stop) * 0.5 + _overlap_block(*near, start, stop) * 0.5
        ).tocoo()
        rows, cols = score.row + start, score.col + start
        keep = (cols > rows) & (score.data >= floor)
        found.update(zip(rows[keep].tolist(), cols[keep].tolist(), strict=True))
    return found


_T = TypeVar("_T")


def _joined(a: set[_T], b: set[_T]) -> set[_T]:
    """The union, the smaller set added to the larger in place."""
    big, small = (a, b) if len(a) >= len(b) else (b, a)
    big |= small
    return big


class _Clusters:
    """Clusters of item indices, merged greedily, with the independent sources each holds."""

    def __init__(self, sources: list[tuple[str, str | None]], quantities: list[Quantity]) -> None:
        self.quantities = quantities
        self.label = list(range(len(sources)))
        self.members: dict[int, list[int]] = {n: [n] for n in range(len(sources))}
        # cluster -> independent source -> the claimants it holds figures of (None: its own)
        self.sources: dict[int, dict[str, set[str | None]]] = {
            n: {base: {claimant}} for n, (base, claimant) in enumerate(sources)
        }
        # cluster -> the sources it holds a figure of in their own voice, and the (source,
        # claimant) pairs of its named claimants' figures (most clusters: none)
        self.unnamed: dict[int, set[str]] = {
            n: {base} if c is None else set() for n, (base, c) in enumerate(sources)
        }
        self.named: dict[int, set[tuple[str, str]]] = {
            n: set() if c is None else {(base, c)} for n, (base, c) in enumerate(sources)
        }
        # cluster -> independent source -> its members from that source
        self.from_source: dict[int, dict[str, list[int]]] = {
            n: {base: [n]} for n, (base, _) in enumerate(sources)
        }

    def link(self, pairs: Iterable[tuple[int, int]], *, copied: bool) -> None:
        """Take ``pairs`` in order; a pair joins two clusters unless they share a source (wire
        copies' pairs join regardless: both sides are still that one source). One source may
        give one figure per named claimant: the police's and the organisers' counts."""
        label, members, sources = self.label, self.members, self.sources
        for i, j in pairs:
            cx, cy = label[i], label[j]
            if cx == cy:
                continue
            sx, sy = sources[cx], sources[cy]
            # Clusters of no common source always join; one sharing a source with a cluster
            # of unnamed voices only never does (that source's own figure twice). Only the
            # rest, named claimants on both sides, need the full test.
            if (
                not copied
                and not sx.keys().isdisjoint(sy.keys())
                and (
                    not (self.named[cx] and self.named[cy])
                    or self._same_voice(cx, cy)
                    or not self._sides_differ(cx, cy)
                )
            ):
                continue
            # The smaller cluster is relabelled, so all merges cost O(n log n); members keep
            # the order of x's cluster, then y's.
            mx, my = members.pop(cx), members.pop(cy)
            keep, moved = (cx, my) if len(mx) >= len(my) else (cy, mx)
            for m in moved:
                label[m] = keep
            del sources[cx], sources[cy]
            big, small = (sx, sy) if len(sx) >= len(sy) else (sy, sx)
            for base, claimants in small.items():
                big.setdefault(base, set()).update(claimants)
            sources[keep] = big
            self.unnamed[keep] = _joined(self.unnamed.pop(cx), self.unnamed.pop(cy))
            self.named[keep] = _joined(self.named.pop(cx), self.named.pop(cy))
            fx, fy = self.from_source.pop(cx), self.from_source.pop(cy)
            many, few = (fx, fy) if len(fx) >= len(fy) else (fy, fx)
            for base, found in few.items():
                many.setdefault(base, []).extend(found)
            self.from_source[keep] = many
            mx.extend(my)
            members[keep] = mx

    def _same_voice(self, cx: int, cy: int) -> bool:
        """Whether two clusters hold a figure of one source in one voice (its own, or one
        claimant's): such a pair would set a source against itself. Set tests that run over
        the smaller side, not a Python loop over a cluster of thousands of sources."""
        sx, sy = self.sources[cx], self.sources[cy]
        return (
            not sy.keys().isdisjoint(self.unnamed[cx])
            or not sx.keys().isdisjoint(self.unnamed[cy])
            or not self.named[cx].isdisjoint(self.named[cy])
        )

    def _sides_differ(self, cx: int, cy: int) -> bool:
        """Where both clusters hold one source's figures (in two claimants' voices), whether
        those figures conflict: a source reports both sides of a dispute, not a figure twice."""
        sx, sy = self.sources[cx], self.sources[cy]
        shared = sx.keys() & sy.keys() if len(sx) <= len(sy) else sy.keys() & sx.keys()
        for base in shared:
            xs = [self.quantities[m] for m in self.from_source[cx][base]]
            ys = [self.quantities[m] for m in self.from_source[cy][base]]
            if any(compare(x, y) != "conflict" for x in xs for y in ys):
                return False
        return True

    def clusters(self) -> list[list[int]]:
        """Every cluster, in the order of its first item."""
        seen: dict[int, list[int]] = {}
        for cluster in self.label:
            if cluster not in seen:
                seen[cluster] = self.members[cluster]
        return list(seen.values())


def _copy_pairs(items: list[_Item], independent: dict[str, str]) -> list[tuple[int, int]]:
    """Pairs (i < j) of one independent source's copies repeating a figure in the same words."""
    groups: dict[tuple[str, float, str | None, frozenset[str]], list[int]] = {}
    for n, x in enumerate(items):
        key = (independent[x.article.key], x.quantity.value, x.quantity.unit, frozenset(x.near))
        groups.setdefault(key, []).append(n)
    pairs = [
        (i, j)
        for members in groups.values()
        for k, i in enumerate(members)
        for j in members[k + 1 :]
        if _copies_figure(items[i], items[j])
    ]
    pairs.sort()
    return pairs


def _class_pair_items(a: list[int], b: list[int], same_class: bool, source: Any) -> tuple[Any, Any]:
    """Item pairs (i < j) of two classes' members (sorted index arrays) from different sources."""
    import numpy as np

    if same_class:
        first, second = np.triu_indices(len(a), 1)
        low, high = np.asarray(a)[first], np.asarray(a)[second]
    else:
        x, y = np.repeat(np.asarray(a), len(b)), np.tile(np.asarray(b), len(a))
        low, high = np.minimum(x, y), np.maximum(x, y)
    keep = source[low] != source[high]
    return low[keep], high[keep]


def _cluster(
    items: list[_Item], independent: dict[str, str], weights: TermWeights
) -> list[list[_Item]]:
    """Greedy linking, best pairs first, at most one figure per independent source (its wire
    copies' identical figures ride along).

    Copies join first; then pairs that report the very same figure link before pairs that
    merely allow each other; pairs of equal rank go in item order. Figures alike in all a
    link reads form one class, decided once per class pair; only class pairs that share a kind
    or enough words are decided at all (``_close_class_pairs``), so a story of thousands of
    articles never scores every pair of figures in Python.
    """
    import numpy as np

    voices = [(independent[x.article.key], x.voice) for x in items]
    sources = [f"{base}\x1f{claimant}" if claimant else base for base, claimant in voices]
    source_ids = {s: n for n, s in enumerate(dict.fromkeys(sources))}
    source = np.array([source_ids[s] for s in sources], dtype=np.int64)
    classes: dict[_ClassKey, list[int]] = {}
    for n, x in enumerate(items):
        classes.setdefault(_class_key(x), []).append(n)
    members = list(classes.values())
    reps = [items[m[0]] for m in members]
    candidates = _close_class_pairs(reps, weights)
    candidates.update((a, a) for a, m in enumerate(members) if len(m) > 1)
    ranked: dict[_LinkKey, list[tuple[int, int]]] = {}
    for a, b in candidates:
        key = _link_key(reps[a], reps[b], weights)
        if key is not None:
            ranked.setdefault(key, []).append((a, b))
    clusters = _Clusters(voices, [x.quantity for x in items])
    clusters.link(_copy_pairs(items, independent), copied=True)
    for key in sorted(ranked, reverse=True):
        lows, highs = zip(
            *(_class_pair_items(members[a], members[b], a == b, source) for a, b in ranked[key]),
            strict=True,
        )
        low, high = np.concatenate(lows), np.concatenate(highs)
        order = np.lexsort((high, low))
        clusters.link(zip(low[order].tolist(), high[order].tolist(), strict=True), copied=False)
    return [[items[n] for n in cluster] for cluster in clusters.clusters()]


def _developing(cluster: list[_Item]) -> tuple[Verdict, str] | None:
    """A toll reported later with a higher value: ``updated``, with the sequence.

    Only counts of people killed, injured, arrested or shot, only from articles whose dates
    are stated (an estimate cannot order reports a day apart), and only when every later
    report gives at least the earlier figure.
    """
    if cluster[0].measure not in TOLLS or any(m.article.published is None for m in cluster):
        return None
    by_date: dict[str, list[_Item]] = {}
    for member in sorted(cluster, key=lambda m: m.article.published or ""):
        by_date.setdefault(member.article.published or "", []).append(member)
    if len(by_date) < 2:
        return None
    steps = [(day, {m.quantity.value for m in group}) for day, group in by_date.items()]
    if any(len(values) > 1 for _, values in steps):
        return None  # two figures on one day: not a sequence
    values = [next(iter(v)) for _, v in steps]
    if values != sorted(values) or values[0] == values[-1]:
        return None
    sequence = " → ".join(
        f"{g[0].record.text} ({', '.join(m.quantity.article for m in g)}, {day})"
        for day, g in by_date.items()
    )
    return "updated", f"a developing figure, reported higher as the story went on: {sequence}"


def _articles_of(group: list[_Item]) -> str:
    return ", ".join(dict.fromkeys(m.quantity.article for m in group))


def _disputed(cluster: list[_Item]) -> tuple[Verdict, str] | None:
    """Named claimants giving figures that cannot both hold, each claimant's figure reported
    alike: the sources agree on who said what, the claimants disagree."""
    by_claimant: dict[str, list[_Item]] = {}
    for member in cluster:
        if member.voice:
            by_claimant.setdefault(member.voice, []).append(member)
    if len(by_claimant) < 2:
        return None
    voices_in: dict[str, set[str]] = {}
    for voice, group in by_claimant.items():
        for member in group:
            voices_in.setdefault(member.article.key, set()).add(voice)
    if all(len(voices) < 2 for voices in voices_in.values()):
        return None  # each outlet cites another claimant: the outlets disagree, not a dispute
    for group in by_claimant.values():
        if any(compare(x.quantity, y.quantity) == "conflict" for x in group for y in group):
            return None  # a claimant reported two ways: a conflict between the outlets
    firsts = [group[0] for group in by_claimant.values()]
    if not any(compare(x.quantity, y.quantity) == "conflict" for x in firsts for y in firsts):
        return None
    sides = " · ".join(
        f"{group[0].claimant}: “{group[0].record.text}” ({_articles_of(group)})"
        for group in by_claimant.values()
    )
    return "disputed", f"named claimants disagree, the sources agree on who said what: {sides}"


def _verdict(cluster: list[_Item], independent: dict[str, str]) -> tuple[Verdict, str]:
    sources = {independent[m.article.key] for m in cluster}
    if len(sources) == 1:
        copies = len({m.article.key for m in cluster})
        note = f" (carried by {copies} copies of one report)" if copies > 1 else ""
        return "single-source", "only one independent source reports this figure" + note
    worst: Verdict = "agree"
    # compare reads a figure's value, unit, approximation and bound alone, and two alike
    # agree: each distinct figure meets the others once (a big story's claim has thousands).
    distinct = {
        (m.quantity.value, m.quantity.unit, m.quantity.approx, m.quantity.bound): m.quantity
        for m in cluster
    }
    figures = list(distinct.values())
    for i, x in enumerate(figures):
        for y in figures[i + 1 :]:
            verdict = compare(x, y)
            if verdict == "conflict" or (verdict == "compatible" and worst == "agree"):
                worst = verdict
    if worst != "agree":
        developing = _disputed(cluster) or _developing(cluster)
        if developing is not None:
            return developing
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
    claimants: dict[str, list[ClaimantSpan]] | None = None,
) -> tuple[list[Quantity], list[Claim]]:
    """Every figure in the story, grouped into claims across independent sources.

    ``claimants`` (article key → quote spans and their speakers) tells whose figure each is,
    so one outlet can report both sides of a dispute."""
    independent = {a.key: a.duplicate_of or a.key for a in articles}
    items = _items(articles, records, ids, claimants)
    weights = story_weights(a.text for a in articles)
    first_year = min((y for a in articles if (y := _year_of(a)) is not None), default=None)
    claims: list[Claim] = []
    for cluster in _cluster(items, independent, weights):
        cluster.sort(key=lambda m: (m.quantity.article, m.quantity.start))
        verdict, reason = _verdict(cluster, independent)
        claims.append(
            Claim(
                id="",
                statement=statement_text(
                    _paragraph_part(cluster[0].article.text, cluster[0].record)
                ),
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
                measure=_dated_label(
                    measure_label(
                        cluster[0].measure,
                        [m.quantity.what for m in cluster],
                        max((m.subject for m in cluster if m.subject), key=len, default=None),
                    ),
                    cluster,
                    first_year,
                )
                or _topic_label(cluster),
                values=_values(cluster, verdict),
            )
        )
    return [i.quantity for i in items], claims


def _dated_label(label: str | None, cluster: list[_Item], first_year: int | None) -> str | None:
    """A toll pinned to a year before the story's first report ("the 2009 Fort Hood shooting
    that killed 13", "August 1982: Eight people killed") is an earlier event the story
    recalls, so its label says when: "people killed in 2009", not the story's "people killed".
    (A year the first report shares is the story's own: a trial a year on recalls it.)
    A tally of many incidents ("in separate shootings across the city") is labelled apart too:
    "people killed across incidents"."""
    if label is None or cluster[0].measure not in TOLLS:
        return label
    years = {m.when for m in cluster}
    year = years.pop() if len(years) == 1 else None
    if year == AGGREGATE:
        return f"{label} across incidents"
    if year and year.isdigit() and first_year is not None and int(year) < first_year:
        return f"{label} in {year}"
    return label


def _year_of(article: Article) -> int | None:
    """The year an article was published in: stated, else estimated."""
    date = article_date(article)
    return int(date[:4]) if date and date[:4].isdigit() else None


def _topic_label(cluster: list[_Item]) -> str | None:
    """A name for a fact whose figures count nothing named ("30 days", "3.2 percent"): the
    words its sources share around the figure, "length of time: …" for a duration. A figure
    of one source keeps none: words shared by nobody would be half its sentence."""
    if len(cluster) < 2:
        return None
    first = cluster[0]
    topic = shared_topic(first.sentence, first.record, (m.sentence for m in cluster[1:]))
    if first.quantity.unit in DURATION_DAYS:
        return f"length of time: {topic}" if topic else "length of time"
    return topic


def _values(cluster: list[_Item], verdict: Verdict) -> list[ClaimValue]:
    """The competing values side by side, each with the articles that give it (and, in a
    dispute, the claimant whose value it is)."""
    by_value: dict[tuple[float, str | None, str | None], list[_Item]] = {}
    for member in cluster:
        q = member.quantity
        voice = member.voice if verdict == "disputed" else None
        by_value.setdefault((q.value, q.bound, voice), []).append(member)
    groups = list(by_value.items())
    if verdict == "updated":  # the sequence as it developed, earliest report first
        groups.sort(key=lambda kv: min(m.article.published or "" for m in kv[1]))
    return [
        ClaimValue(
            group[0].record.text,
            value,
            list(dict.fromkeys(m.quantity.article for m in group)),
            group[0].claimant if voice else None,
        )
        for (value, _, voice), group in groups
    ]
