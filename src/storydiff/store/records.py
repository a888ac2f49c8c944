"""The rows the store hands out beyond articles and analyses, one record per table view.

Both backends return exactly these, so callers (CLI, web) never see a driver's row type.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Status = Literal["queued", "running", "done", "failed"]


InputKind = Literal["text", "html", "article"]


@dataclass(frozen=True, slots=True)
class StoryInput:
    """One article as the user gave it: a display name, text or HTML, and its content.

    ``article``: an article already read and cleaned (``storydiff analyze`` keeps the ones it
    built a dossier from, metadata included, as the JSON of their ``Article`` record).
    """

    name: str
    kind: InputKind
    content: str


@dataclass(frozen=True, slots=True)
class StoryRow:
    """A story's state without its (large) dossier document."""

    id: str
    title: str
    status: Status
    stage: str
    done: int
    total: int
    error: str | None
    created_at: str
    updated_at: str
    inputs: int
    issue: str | None = None  # the disputed question a re-run is given (``--issue``)
    summary_sentences: int = 8
    revision: int = 0  # how many dossiers the story has had: one more with each finished run


@dataclass(frozen=True, slots=True)
class CorpusEntry:
    """An article in corpus mode: what listing and story grouping read without its text."""

    key: str
    source: str
    outlet: str | None
    published: str | None
    title: str | None
    signature: bytes
    features: dict[str, float]


@dataclass(frozen=True, slots=True)
class Placement:
    """Where story grouping put one corpus article; copies name their original."""

    key: str
    story: str
    duplicate_of: str | None
    score: float


@dataclass(frozen=True, slots=True)
class CorpusStory:
    """A story found in the corpus, for ``storydiff stories --list``."""

    id: str
    articles: int
    copies: int
    first: str | None
    last: str | None
    outlets: tuple[str, ...]
    title: str | None = None  # its first article's, as a reader recognises the story


@dataclass(frozen=True, slots=True)
class SearchHit:
    """One match: an article (``story_id`` None) or a quote in a finished dossier."""

    kind: Literal["article", "quote"]
    article_key: str | None
    story_id: str | None
    source: str
    speaker: str | None
    snippet: str


@dataclass(frozen=True, slots=True)
class ActorQuote:
    """A quote a dossier attributes to an actor."""

    story_id: str
    story_title: str
    source: str
    text: str


@dataclass(frozen=True, slots=True)
class ActorStance:
    """A stance a dossier found for an actor, with the sentence it rests on."""

    story_id: str
    story_title: str
    issue: str
    stance: str
    date: str | None
    source: str
    evidence: str
