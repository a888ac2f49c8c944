"""Corpus mode: articles streamed into the store, grouped into stories as they arrive.

``ingest`` cleans each document and stores it once per content hash, with what grouping
reads (a MinHash signature, names and terms) so grouping never re-reads the text.
``group`` replays the placements an earlier run stored, which rebuilds the grouper's state
exactly (it is deterministic), then places only the new articles: they join a story or
start one, and no article placed before ever moves. A story is named after the article that
started it (its content key), so its id does not depend on when or where grouping ran.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from storydiff.errors import InputError
from storydiff.ingest import InputOptions, InputReader
from storydiff.ingest.sidecar import with_metadata
from storydiff.model import Article, Rejection
from storydiff.scale.stories import GroupingSettings, StoryGrouper, StoryInput
from storydiff.store.records import CorpusEntry, Placement
from storydiff.store.sql import SqlStore

PLACE_EVERY = 500  # placements written per transaction while grouping


@dataclass
class IngestReport:
    """What one ``ingest`` did: stored, already there, refused (each with its reason)."""

    stored: int = 0
    known: int = 0
    refused: list[Rejection] = field(default_factory=list)


@dataclass
class GroupReport:
    """What one ``group`` did: articles placed, stories started, copies marked."""

    placed: int = 0
    stories: int = 0
    copies: int = 0


def ingest(
    store: SqlStore,
    paths: Sequence[str | Path],
    *,
    inputs: InputOptions | None = None,
    on_document: Callable[[str], None] | None = None,
) -> IngestReport:
    """Stream everything under ``paths`` into the corpus; re-running stores nothing twice."""
    from storydiff.scale.features import signature, story_features
    from storydiff.scale.worker import clean_partition

    report = IngestReport()
    reader = InputReader(inputs or InputOptions())
    try:
        for item in reader.read(paths):
            if on_document is not None:
                on_document(item.source)
            if isinstance(item, Rejection):
                report.refused.append(item)
                continue
            cleaned, refused = clean_partition([item])
            report.refused.extend(refused)
            for article in cleaned:
                stated = reader.metadata.get(article.source)
                if stated is not None:
                    article = with_metadata(article, stated)
                features = story_features(article.text, article.title).vector()
                if store.add_to_corpus(article, signature(article.text), features):
                    report.stored += 1
                else:
                    report.known += 1
    finally:
        reader.close()
    return report


def _story_input(entry: CorpusEntry) -> StoryInput:
    return StoryInput(entry.key, entry.source, entry.published, entry.signature, entry.features)


def group(store: SqlStore, settings: GroupingSettings | None = None) -> GroupReport:
    """Place every article not yet in a story; earlier placements stay as they are."""
    report = GroupReport()
    pending: list[Placement] = []
    with tempfile.TemporaryDirectory(prefix="storydiff-group-") as workdir:
        grouper = StoryGrouper(Path(workdir), settings, name_story=lambda item: item.key)
        try:
            for entry, placed in store.corpus_entries():
                if placed is not None:
                    grouper.restore(_story_input(entry), placed.story, placed.duplicate_of)
                    continue
                found = grouper.add(_story_input(entry))
                pending.append(Placement(found.key, found.story, found.duplicate_of, found.score))
                report.placed += 1
                report.copies += found.duplicate_of is not None
                report.stories += found.story == found.key
                if len(pending) >= PLACE_EVERY:
                    store.place(pending)
                    pending = []
            store.place(pending)
        finally:
            grouper.close()
    return report


# Fewest characters of a story id that name it, as git takes a commit's prefix.
SHORTEST_PREFIX = 4


def resolve_story_id(store: SqlStore, given: str) -> str:
    """The story ``given`` names: its whole id, or a prefix only one story's id starts with."""
    if store.story_members(given):
        return given
    matches = [s.id for s in store.corpus_stories() if s.id.startswith(given)]
    if len(given) >= SHORTEST_PREFIX and len(matches) == 1:
        return matches[0]
    if len(given) >= SHORTEST_PREFIX and matches:
        shown = ", ".join(matches[:3])
        raise InputError(
            f"story {given!r} could be any of {len(matches)} stories ({shown}…); "
            "give more of its id"
        )
    raise InputError(
        f"no story {given!r} in the store; run storydiff stories --db DB --list for ids "
        f"(a prefix of {SHORTEST_PREFIX}+ characters will do)"
    )


def story_articles(store: SqlStore, story_id: str) -> list[Article]:
    """A corpus story's articles in arrival order, copies included: the dossier marks them.
    ``story_id`` may be a prefix of the id (``resolve_story_id``)."""
    members = store.story_members(resolve_story_id(store, story_id))
    articles = [store.get_article(entry.key) for entry, _ in members]
    return [a for a in articles if a is not None]
