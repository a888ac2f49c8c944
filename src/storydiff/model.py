"""The typed records every stage shares.

Data moves ingest → clean → analyse → align → report. Each stage takes and returns these
records; nothing here depends on spaCy, so a ``Doc`` never leaves the analysis stage. All
offsets are character offsets (code points, end exclusive) into ``Article.text``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

QuoteKind = Literal["direct", "indirect", "partial"]
Verdict = Literal[
    "agree", "compatible", "conflict", "disputed", "updated", "single-source", "unresolved"
]
StanceValue = Literal["support", "oppose", "neutral", "mixed"]
Bound = Literal["lower", "upper"]


# --- ingest -----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class RawDocument:
    """One input as read from disk or the network, decoded to text but not yet cleaned."""

    source: str
    content: str
    kind: Literal["text", "html"]
    encoding: str = "utf-8"


@dataclass(frozen=True, slots=True)
class Rejection:
    """An input that could not be used, with a one-line reason a user can act on."""

    source: str
    reason: str


# --- clean ------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Removed:
    """A piece of input that cleaning dropped, and why."""

    text: str
    reason: str


@dataclass(frozen=True, slots=True)
class DateEstimate:
    """A publication date inferred, not stated; ``evidence`` says from what.

    ``value`` is written at the precision the evidence supports (a day, a month, a year; a
    best-guess year when the evidence allows several). ``earliest`` and ``latest`` are the first
    and last day (ISO) the evidence allows; None where older records did not say.
    """

    value: str
    evidence: str
    earliest: str | None = None
    latest: str | None = None


@dataclass(frozen=True, slots=True)
class Article:
    """A cleaned article: the body every offset points into, plus its metadata.

    Frozen: a later stage that knows more (stated metadata, a story's dates, which articles are
    copies) builds a new record with ``dataclasses.replace`` instead of patching this one.
    """

    key: str  # content hash of the cleaned text; the store's primary key
    source: str
    text: str
    title: str | None = None
    outlet: str | None = None
    author: str | None = None
    credit: str | None = None
    published: str | None = None
    published_estimate: DateEstimate | None = None
    language: str = "en"
    removed: tuple[Removed, ...] = ()
    duplicate_of: str | None = None  # key of the article this one copies


def article_date(article: Article) -> str | None:
    """The stated date, else the estimate: what ordering over time can rely on."""
    if article.published:
        return article.published
    return article.published_estimate.value if article.published_estimate else None


# --- analyse (per article) ----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Mention:
    """A named-entity mention in one article."""

    start: int
    end: int
    text: str
    label: str  # spaCy label: PERSON, ORG, GPE, NORP, …


@dataclass(frozen=True, slots=True)
class RoleMention:
    """A title or role attached to a person in one article ("Serbian Prime Minister")."""

    person: str  # surface name of the person it is attached to
    role: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class QuoteRecord:
    """Reported speech in one article. ``start``/``end`` cover the quoted words only."""

    start: int
    end: int
    text: str
    kind: QuoteKind
    speaker_text: str | None  # the name the speaker resolves to inside this article
    speaker_start: int | None  # the mention that names the speaker (after pronoun resolution)
    speaker_end: int | None
    cue: str | None
    channel: str | None = None
    co_speakers: tuple[str, ...] = ()  # further names when a group speaks ("the ministers")
    warning: str | None = None


@dataclass(frozen=True, slots=True)
class QuantityRecord:
    """A number stated about the world, with what it counts."""

    start: int
    end: int
    text: str
    value: float
    unit: str | None
    what: str | None  # the noun phrase it counts ("NATO troops")
    approx: bool
    bound: Bound | None
    sentence_start: int
    sentence_end: int


@dataclass(frozen=True, slots=True)
class QuantityLeftOut:
    """A figure stated in the text that is not reported as a quantity, and why ("a year",
    "part of a date", "an ordinal", "a phone number", …)."""

    start: int
    end: int
    text: str
    reason: str


@dataclass(frozen=True, slots=True)
class TimeRecord:
    """A date expression. Absolute ones carry ``value``; relative ones carry an offset
    that the align stage resolves against the article's date."""

    start: int
    end: int
    text: str
    value: str | None  # ISO date, month or year when the text fixes it
    relative_unit: Literal["day", "week", "month", "year", "weekday"] | None = None
    relative_delta: int = 0  # e.g. -3 years for "three years ago"; weekday index for weekdays
    sentence_start: int = 0
    sentence_end: int = 0


@dataclass(frozen=True, slots=True)
class SentenceRecord:
    start: int
    end: int


@dataclass(slots=True)
class Analysis:
    """Everything the per-article stage reads out of one article."""

    article_key: str
    sentences: list[SentenceRecord] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    roles: list[RoleMention] = field(default_factory=list)
    quotes: list[QuoteRecord] = field(default_factory=list)
    quantities: list[QuantityRecord] = field(default_factory=list)
    times: list[TimeRecord] = field(default_factory=list)
    quantities_left_out: list[QuantityLeftOut] = field(default_factory=list)


# --- align (across articles) ---------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Citation:
    """A span of an article's text that supports a statement."""

    article: str
    start: int
    end: int
    text: str = ""


@dataclass(slots=True)
class Role:
    role: str
    article: str
    start: int
    end: int
    date: str | None = None


@dataclass(slots=True)
class Entity:
    id: str
    name: str
    type: str
    aliases: list[str] = field(default_factory=list)
    roles: list[Role] = field(default_factory=list)
    mentions: list[Citation] = field(default_factory=list)


@dataclass(slots=True)
class Quote:
    id: str
    article: str
    speaker: str | None
    speaker_name: str | None
    kind: QuoteKind
    text: str
    start: int
    end: int
    cue: str | None
    channel: str | None
    speakers: list[str] = field(default_factory=list)
    warning: str | None = None


@dataclass(slots=True)
class Quantity:
    id: str
    article: str
    text: str
    value: float
    unit: str | None
    what: str | None
    approx: bool
    bound: Bound | None
    start: int
    end: int


@dataclass(slots=True)
class ClaimMember:
    article: str
    text: str
    start: int
    end: int
    quantity: str | None = None


@dataclass(frozen=True, slots=True)
class ClaimValue:
    """One value a fact is reported with, and who reports it (a claimant when one is named)."""

    text: str
    value: float
    articles: list[str]
    claimant: str | None = None


def value_sides(values: Sequence[ClaimValue], *, updated: bool) -> str:
    """Each value with the articles (and claimant) giving it, "police: 300,000 (a1) · 1 million
    (a2)"; an update reads as its sequence, "2 (a1) → 4 (a2)". The summary and the report
    both show a fact's sides this way."""
    joiner = " → " if updated else " · "
    return joiner.join(
        f"{v.claimant + ': ' if v.claimant else ''}{v.text} ({', '.join(v.articles)})"
        for v in values
    )


@dataclass(slots=True)
class Claim:
    id: str
    statement: str
    verdict: Verdict
    reason: str
    members: list[ClaimMember] = field(default_factory=list)
    measure: str | None = None  # what the fact measures: "people killed", "MPs"
    values: list[ClaimValue] = field(default_factory=list)  # the competing values, side by side


@dataclass(slots=True)
class Stance:
    actor: str | None
    actor_name: str
    issue: str
    article: str
    date: str | None
    stance: StanceValue
    evidence: list[Citation] = field(default_factory=list)


@dataclass(slots=True)
class StanceChange:
    """An actor whose stance differs between two dated articles."""

    actor: str | None
    actor_name: str
    before: Stance
    after: Stance


@dataclass(slots=True)
class TimelineEvent:
    id: str
    event: str
    date: str | None
    resolved: bool
    why_unresolved: str | None
    article: str
    text: str
    start: int
    end: int
    estimated: bool = False
    period: str | None = None  # the TimeML value ("2025-FA", "2014-Q1") when ``date`` is coarser
    citations: list[Citation] = field(default_factory=list)


@dataclass(slots=True)
class Voice:
    speaker: str | None
    speaker_name: str
    quotes: int


@dataclass(slots=True)
class LoadedTerm:
    text: str
    start: int
    end: int
    quoted: bool = False  # inside someone else's words, not the outlet's own


@dataclass(slots=True)
class Framing:
    article: str
    voices: list[Voice] = field(default_factory=list)
    loaded_terms: list[LoadedTerm] = field(default_factory=list)
    omits: list[str] = field(default_factory=list)
    # Voice names by side of the issue: "support", "oppose", "unplaced" (no known stance).
    sides: dict[str, list[str]] = field(default_factory=dict)
    one_sided: bool = False  # two or more placed voices, all on one side


@dataclass(slots=True)
class SummarySentence:
    sentence: str
    citations: list[Citation] = field(default_factory=list)


@dataclass(slots=True)
class Story:
    id: str
    title: str
    issue: str | None


@dataclass(slots=True)
class Dossier:
    """The cross-article result the report stage renders."""

    story: Story
    articles: list[Article]
    article_ids: dict[str, str]  # article key → dossier id ("a1")
    entities: list[Entity] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    stances: list[Stance] = field(default_factory=list)
    stance_changes: list[StanceChange] = field(default_factory=list)
    timeline: list[TimelineEvent] = field(default_factory=list)
    framing: list[Framing] = field(default_factory=list)
    summary: list[SummarySentence] = field(default_factory=list)
    rejections: list[Rejection] = field(default_factory=list)
    # article key → the figures its text states that are not quantities, with why
    quantities_left_out: dict[str, list[QuantityLeftOut]] = field(default_factory=dict)
