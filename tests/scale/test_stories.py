"""Grouping a corpus of several events with wire copies (no spaCy: features are text-only)."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import pytest

from storydiff.clean import clean_document
from storydiff.ingest import read_paths
from storydiff.model import RawDocument
from storydiff.scale.features import signature, similarity, story_features
from storydiff.scale.stories import (
    Assignment,
    GroupingSettings,
    StoryGrouper,
    StoryInput,
    StorySummary,
    group,
)

from .corpus import event_corpus


def _inputs(folder: Path) -> list[StoryInput]:
    """Cleaned as the batch cleans them, so menus and share buttons are not features."""
    docs = [d for d in read_paths([folder]) if isinstance(d, RawDocument)]
    articles = [clean_document(d) for d in docs]
    return [
        StoryInput(
            Path(a.source).name,
            a.source,
            a.published,
            signature(a.text),
            story_features(a.text, a.title).vector(),
        )
        for a in articles
    ]


def test_copies_are_marked_and_each_event_is_its_own_story(tmp_path: Path) -> None:
    events = event_corpus(tmp_path / "in")
    out = list(group(_inputs(tmp_path / "in"), tmp_path / "work"))
    placed = {a.key: a for a in out if isinstance(a, Assignment)}
    copies = {k: a.duplicate_of for k, a in placed.items() if a.duplicate_of}
    assert sorted(copies) == ["03_port_copy_dailyecho.txt", "11_flood_copy_metro.txt"]
    assert copies["03_port_copy_dailyecho.txt"] == "00_01_wirewatch_vote.txt"
    stories: dict[str, set[str]] = defaultdict(set)
    for key, assignment in placed.items():
        stories[events[key]].add(assignment.story)
    assert all(len(ids) == 1 for ids in stories.values()), stories
    assert len({next(iter(ids)) for ids in stories.values()}) == 3
    summaries = [s for s in out if isinstance(s, StorySummary)]
    assert sorted(s.articles for s in summaries) == [3, 4, 5]
    assert sum(s.copies for s in summaries) == 2


def test_memory_is_bounded_by_retiring_quiet_stories(tmp_path: Path) -> None:
    event_corpus(tmp_path / "in")
    settings = GroupingSettings(max_active=1)
    out = list(group(_inputs(tmp_path / "in"), tmp_path / "work", settings))
    # with room for one story, interleaved events keep retiring each other: more stories,
    # but every article is still placed exactly once
    assert len([a for a in out if isinstance(a, Assignment)]) == 12
    assert len([s for s in out if isinstance(s, StorySummary)]) > 3


@pytest.mark.parametrize(
    ("text", "names", "not_names"),
    [
        ("Officials said so. The officials left Port Sallis.", {"port sallis"}, {"officials"}),
        ("Tessel Maritime's lease. On Tuesday Velmara voted.", {"tessel maritime", "velmara"},
         {"tuesday", "on"}),
    ],
)  # fmt: skip
def test_names_are_capitalised_runs_not_sentence_openers(
    text: str, names: set[str], not_names: set[str]
) -> None:
    found = set(story_features(text).names)
    assert names <= found
    assert not (not_names & found)


def test_signatures_are_stable_and_estimate_jaccard() -> None:
    text = " ".join(f"word{i}" for i in range(200))
    assert signature(text) == signature(text)
    assert similarity(signature(text), signature(text)) == 1.0
    assert similarity(signature(text), signature("something else entirely here")) < 0.1


@pytest.mark.parametrize("cut", [1, 5, 9])
def test_restoring_earlier_placements_then_adding_matches_one_pass(
    tmp_path: Path, cut: int
) -> None:
    event_corpus(tmp_path / "in")
    items = _inputs(tmp_path / "in")
    one_pass = StoryGrouper(tmp_path / "a", name_story=lambda item: f"story-of-{item.key}")
    expected = [one_pass.add(item) for item in items]
    one_pass.close()
    resumed = StoryGrouper(tmp_path / "b", name_story=lambda item: f"story-of-{item.key}")
    for item, placed in zip(items[:cut], expected[:cut], strict=True):
        resumed.restore(item, placed.story, placed.duplicate_of)
    assert [resumed.add(item) for item in items[cut:]] == expected[cut:]
    resumed.close()
    assert expected[0].story == f"story-of-{items[0].key}"
