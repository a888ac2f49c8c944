"""Streaming story grouping: wire copies marked, every other article joins a story or starts one.

One pass over the articles in corpus order (topic detection and tracking, single-pass):

1. Near-duplicates: a MinHash-LSH lookup against earlier originals, its buckets on disk
   (``lsh.DiskLSH``). A copy is marked ``duplicate_of`` its original and joins its story.
2. Story: the article's names and terms, IDF-weighted from a fixed-size sketch
   (``sketch.FrequencySketch``), are compared by cosine with the centroids of the *active*
   stories through an inverted index; the best one over ``threshold`` wins, else a new story.

Memory is bounded, not proportional to the corpus: at most ``max_active`` stories stay in
memory, each with at most ``max_story_features`` features; the story quiet for longest is
retired (its summary goes out, its index entries are dropped) when a new one needs room. News
stories have a lifetime, so a retired story is rarely the right home for a new article.
"""

from __future__ import annotations

import heapq
import math
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from storydiff.scale.lsh import DiskLSH
from storydiff.scale.sketch import FrequencySketch


@dataclass(frozen=True, slots=True)
class GroupingSettings:
    """The knobs, with the reason for each default."""

    threshold: float = 0.22  # cosine to join a story; best of 0.15–0.35 on ECB+ dev topics
    max_active: int = 2000  # stories held in memory at once
    max_story_features: int = 80  # a centroid's strongest features; the tail is noise
    max_posting: int = 100  # a feature shared by more active stories tells none apart
    window_days: int = 400  # a dispute runs for months (the example story: ten); not years


@dataclass(frozen=True, slots=True)
class StoryInput:
    """One article as grouping reads it (see ``features.story_features``)."""

    key: str
    source: str
    published: str | None
    signature: bytes
    features: dict[str, float]


@dataclass(frozen=True, slots=True)
class Assignment:
    """Where one article went: its story, and the original it copies if it is a copy."""

    key: str
    source: str
    story: str
    duplicate_of: str | None
    score: float  # similarity to the original (copies) or to the story centroid


@dataclass(frozen=True, slots=True)
class StorySummary:
    """A story once it is retired or the corpus ends."""

    id: str
    articles: int
    copies: int
    first: str | None
    last: str | None
    label: str  # its strongest names, for a human skimming a list


@dataclass(slots=True)
class _Story:
    id: str
    centroid: dict[str, float] = field(default_factory=dict)
    norm: float = 0.0
    articles: int = 0
    copies: int = 0
    first: str | None = None
    last: str | None = None
    last_day: int | None = None


def _day(published: str | None) -> int | None:
    """Day number of a full ISO date; partial dates do not gate anything."""
    if not published or len(published) < 10:
        return None
    try:
        return date.fromisoformat(published[:10]).toordinal()
    except ValueError:
        return None


class StoryGrouper:
    """Feed articles in corpus order with ``add``; collect retired stories with ``drain``.

    ``name_story`` names a story after the article that starts it (default: a counter).
    ``restore`` replays a decision made by an earlier run, so a store can keep grouping
    where it stopped without moving any article it has already placed.
    """

    def __init__(
        self,
        workdir: Path,
        settings: GroupingSettings | None = None,
        *,
        name_story: Callable[[StoryInput], str] | None = None,
    ) -> None:
        workdir.mkdir(parents=True, exist_ok=True)
        self.settings = settings or GroupingSettings()
        self._name_story = name_story
        self._lsh = DiskLSH(workdir / "lsh.sqlite")
        self._df = FrequencySketch()
        self._active: OrderedDict[str, _Story] = OrderedDict()  # least recently updated first
        self._postings: dict[str, set[str]] = {}
        self._retired: list[StorySummary] = []
        self._made = 0

    # --- stories --------------------------------------------------------------------------

    def _new_story(self, founder: StoryInput, story_id: str | None = None) -> _Story:
        self._made += 1
        if story_id is None:
            story_id = self._name_story(founder) if self._name_story else f"s{self._made:07d}"
        story = _Story(id=story_id)
        self._active[story.id] = story
        while len(self._active) > self.settings.max_active:
            _, old = self._active.popitem(last=False)
            self._retire(old)
        return story

    def _retire(self, story: _Story) -> None:
        for feature in story.centroid:
            posting = self._postings.get(feature)
            if posting is not None:
                posting.discard(story.id)
                if not posting:
                    del self._postings[feature]
        self._retired.append(_summary(story))

    def _update(self, story: _Story, vector: dict[str, float], published: str | None) -> None:
        """Add a unit article vector to the centroid and keep only its strongest features."""
        merged = dict(story.centroid)
        for feature, weight in vector.items():
            merged[feature] = merged.get(feature, 0.0) + weight
        limit = self.settings.max_story_features
        if len(merged) > limit:
            merged = dict(heapq.nlargest(limit, merged.items(), key=lambda kv: (kv[1], kv[0])))
        for feature in story.centroid.keys() - merged.keys():
            posting = self._postings.get(feature)
            if posting is not None:
                posting.discard(story.id)
                if not posting:
                    del self._postings[feature]
        for feature in merged.keys() - story.centroid.keys():
            self._postings.setdefault(feature, set()).add(story.id)
        story.centroid = merged
        story.norm = math.sqrt(sum(w * w for w in merged.values()))
        story.articles += 1
        if published:
            story.first = min(story.first or published, published)
            story.last = max(story.last or published, published)
            story.last_day = _day(story.last)
        self._active.move_to_end(story.id)

    def _vector(self, features: dict[str, float]) -> dict[str, float]:
        """IDF-weighted, unit-length; the sketch then counts this article."""
        names = list(features)
        idf = self._df.add_document(names)
        weighted = {f: features[f] * w for f, w in zip(names, idf, strict=True)}
        norm = math.sqrt(sum(w * w for w in weighted.values())) or 1.0
        return {f: w / norm for f, w in weighted.items()}

    def _best(self, vector: dict[str, float], published: str | None) -> tuple[_Story | None, float]:
        """The active story with the highest cosine over the threshold, if any."""
        dots: dict[str, float] = {}
        for feature, weight in vector.items():
            posting = self._postings.get(feature)
            if not posting or len(posting) > self.settings.max_posting:
                continue
            for story_id in posting:
                centroid = self._active[story_id].centroid
                dots[story_id] = dots.get(story_id, 0.0) + weight * centroid[feature]
        day = _day(published)
        best: tuple[_Story | None, float] = (None, 0.0)
        for story_id in sorted(dots):
            story = self._active[story_id]
            score = dots[story_id] / story.norm if story.norm else 0.0
            last = story.last_day
            if day is not None and last is not None and abs(day - last) > self.settings.window_days:
                continue
            if score > best[1]:
                best = (story, score)
        found, score = best
        if found is None or score < self.settings.threshold:
            return None, 0.0
        return found, score

    # --- the stream -----------------------------------------------------------------------

    def add(self, item: StoryInput) -> Assignment:
        """Place one article; copies of an earlier original follow that original."""
        copy = self._lsh.match(item.signature)
        if copy is not None:
            original, story_id, score = copy
            story = self._active.get(story_id)
            if story is not None:
                story.copies += 1
                story.articles += 1
                self._active.move_to_end(story_id)
            return Assignment(item.key, item.source, story_id, original, round(score, 4))
        vector = self._vector(item.features)
        found, score = self._best(vector, item.published)
        story = found or self._new_story(item)
        self._update(story, vector, item.published)
        self._lsh.add(item.key, item.signature, story.id)
        return Assignment(item.key, item.source, story.id, None, round(score, 4))

    def restore(self, item: StoryInput, story_id: str, duplicate_of: str | None) -> None:
        """Replay an earlier ``add`` that placed ``item`` in ``story_id``: same state after."""
        if duplicate_of is not None:
            copied = self._active.get(story_id)
            if copied is not None:
                copied.copies += 1
                copied.articles += 1
                self._active.move_to_end(story_id)
            return
        vector = self._vector(item.features)
        story = self._active.get(story_id) or self._new_story(item, story_id)
        self._update(story, vector, item.published)
        self._lsh.add(item.key, item.signature, story.id)

    def drain(self) -> list[StorySummary]:
        """Stories retired since the last call."""
        out, self._retired = self._retired, []
        return out

    def close(self) -> list[StorySummary]:
        """Retire every active story and release the disk index."""
        while self._active:
            _, story = self._active.popitem(last=False)
            self._retire(story)
        self._lsh.close()
        return self.drain()


def _summary(story: _Story) -> StorySummary:
    names = sorted(
        ((w, f[2:]) for f, w in story.centroid.items() if f.startswith("n:")), reverse=True
    )
    label = ", ".join(name for _, name in names[:4])
    return StorySummary(story.id, story.articles, story.copies, story.first, story.last, label)


def group(
    items: Iterable[StoryInput],
    workdir: Path,
    settings: GroupingSettings | None = None,
) -> Iterator[Assignment | StorySummary]:
    """Assignments in input order, retired story summaries as they retire."""
    grouper = StoryGrouper(workdir, settings)
    for item in items:
        yield grouper.add(item)
        yield from grouper.drain()
    yield from grouper.close()
