"""What the readable pages show of a story too big to print whole.

A story of thousands of articles has thousands of claims, quotes, positions and events; a
page listing them all is tens of megabytes and unreadable. The HTML and Markdown pages show
at most ``ROWS`` rows of each long table, chosen by how many sources stand behind them, and
say on the page how many more dossier.json holds (the CSV ledger has every claim member).
The HTML page carries the text of the articles its rows cite, up to ``TEXT_CHARS``
characters. Below these limits the pages are exactly what they always were.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from storydiff.report import view

T = TypeVar("T")

ROWS = 150  # rows of one long table (claims, positions, events, framing, sources)
GRID_SOURCES = 12  # up to this many sources the ledger is a claims × sources grid
MEMBERS = 12  # sources shown per claim once the ledger lists them instead
CITATIONS = 12  # citations shown per summary sentence
SPEAKERS = 40  # speakers in "who said what"
QUOTES = 8  # quotes shown per speaker
PER_ACTOR = 5  # positions shown per actor at least once the positions table is cut
OMITS = 20  # omitted claims named per article in the framing table
TEXT_CHARS = 1_500_000  # characters of article text the HTML page carries at most
# With these limits a page stays near 2 MB, whatever the number of articles (README: Big stories).


@dataclass(frozen=True, slots=True)
class Part(Generic[T]):
    """The rows a page shows of ``total``; ``left_out`` are only in dossier.json."""

    rows: list[T]
    total: int

    @property
    def left_out(self) -> int:
        return self.total - len(self.rows)


@dataclass(slots=True)
class ClaimRow:
    """One ledger row. In the grid, ``cells`` line up with the page's sources; in the list
    (many sources), each cell is one reporting source's members, ``articles`` names them."""

    claim: dict[str, Any]
    cells: list[list[dict[str, Any]]]
    articles: list[str] = field(default_factory=list)
    more: int = 0  # reporting sources not shown
    members: list[dict[str, Any]] = field(default_factory=list)  # the spans shown


@dataclass(slots=True)
class FramingRow:
    frame: dict[str, Any]
    omits: list[str]
    more_omits: int


@dataclass(slots=True)
class Page:
    """Everything the HTML and Markdown pages list, cut to the limits above."""

    grid: bool
    summary: list[dict[str, Any]]  # citations cut to CITATIONS; "more" says how many were cut
    claims: Part[ClaimRow]
    speakers: Part[view.SpeakerQuotes]
    more_quotes: list[int]  # per speaker shown: quotes not shown
    stances: Part[dict[str, Any]]
    changes: Part[dict[str, Any]]
    timeline: Part[dict[str, Any]]
    framing: Part[FramingRow]
    sources: Part[dict[str, Any]]
    rejected: Part[dict[str, Any]]
    texts: Part[dict[str, Any]]  # the articles whose text the HTML page carries

    @property
    def cut(self) -> bool:
        """Whether anything at all is left out of the page."""
        parts: Sequence[Part[Any]] = (
            self.claims,
            self.speakers,
            self.stances,
            self.changes,
            self.timeline,
            self.framing,
            self.sources,
            self.rejected,
            self.texts,
        )
        return any(p.left_out for p in parts) or any(s.get("more") for s in self.summary)

    @property
    def text_ids(self) -> set[str]:
        return {a["id"] for a in self.texts.rows}


def _top(rows: list[T], limit: int, weight: Callable[[T], float]) -> Part[T]:
    """The ``limit`` heaviest rows (earlier first on a tie), kept in their own order."""
    if len(rows) <= limit:
        return Part(rows, len(rows))
    picked = sorted(range(len(rows)), key=lambda n: -weight(rows[n]))[:limit]
    return Part([rows[n] for n in sorted(picked)], len(rows))


def _first(rows: list[T], limit: int) -> Part[T]:
    return Part(rows[:limit], len(rows))


def _claims(doc: dict[str, Any], grid: bool) -> Part[ClaimRow]:
    """The claims most sources report; a grid row per claim, or each claim's sources."""
    chosen = _top(doc["claims"], ROWS, lambda c: len({m["article"] for m in c["members"]}))
    # Contested facts first (disputes, conflicts, updates), single-source trivia last.
    chosen = Part(sorted(chosen.rows, key=view.reading_rank), chosen.total)
    if grid:
        rows = view.ledger({"articles": doc["articles"], "claims": chosen.rows})
        return Part(
            [ClaimRow(r.claim, r.cells, members=r.claim["members"]) for r in rows], chosen.total
        )
    found = []
    for claim in chosen.rows:
        by_article: dict[str, list[dict[str, Any]]] = {}
        for m in claim["members"]:
            by_article.setdefault(m["article"], []).append(m)
        shown = list(by_article.items())[:MEMBERS]
        found.append(
            ClaimRow(
                claim,
                [members for _, members in shown],
                [article for article, _ in shown],
                len(by_article) - len(shown),
                [m for _, members in shown for m in members],
            )
        )
    return Part(found, chosen.total)


def _speakers(doc: dict[str, Any]) -> tuple[Part[view.SpeakerQuotes], list[int]]:
    """The most quoted speakers, each with their first quotes."""
    groups = view.quotes_by_speaker(doc)
    shown = groups[:SPEAKERS]
    more = [max(0, len(g.quotes) - QUOTES) for g in shown]
    cut = [
        view.SpeakerQuotes(g.name, g.quotes[:QUOTES]) if n else g
        for g, n in zip(shown, more, strict=True)
    ]
    return Part(cut, len(groups)), more


def per_actor(doc: dict[str, Any]) -> int:
    """Positions shown per actor once the table is cut: ROWS shared out, PER_ACTOR at least."""
    return max(PER_ACTOR, ROWS // max(1, len({s["actor_name"] for s in doc["stances"]})))


def _stances(doc: dict[str, Any]) -> Part[dict[str, Any]]:
    """By actor name, as always; past ROWS, the most reported actors' first ``per_actor``."""
    # Jinja's sort, which the page used before: case-insensitive and stable.
    ordered = sorted(doc["stances"], key=lambda s: s["actor_name"].lower())
    if len(ordered) <= ROWS:
        return Part(ordered, len(ordered))
    counts = Counter(s["actor_name"] for s in ordered)
    most = per_actor(doc)
    kept: Counter[str] = Counter()
    picked: list[int] = []
    ranked = sorted(range(len(ordered)), key=lambda n: -counts[ordered[n]["actor_name"]])
    for n in ranked:
        name = ordered[n]["actor_name"]
        if kept[name] < most and len(picked) < ROWS:
            kept[name] += 1
            picked.append(n)
    return Part([ordered[n] for n in sorted(picked)], len(ordered))


def _framing(doc: dict[str, Any]) -> Part[FramingRow]:
    rows = [
        FramingRow(f, f["omits"][:OMITS], max(0, len(f["omits"]) - OMITS)) for f in doc["framing"]
    ]
    return _first(rows, ROWS)


def _texts(doc: dict[str, Any], page: Page) -> Part[dict[str, Any]]:
    """Every article's text when they fit in TEXT_CHARS; else those the page's rows cite,
    in the order the sections come (summary, ledger, quotes, ...), while they fit."""
    articles = doc["articles"]
    if sum(len(a["text"]) for a in articles) <= TEXT_CHARS:
        return Part(articles, len(articles))
    wanted = dict.fromkeys(
        [
            *(c["article"] for s in page.summary for c in s["citations"]),
            *(m["article"] for row in page.claims.rows for m in row.members),
            *(q["article"] for g in page.speakers.rows for q in g.quotes),
            *(c["article"] for s in page.stances.rows for c in s["evidence"]),
            *(t["article"] for t in page.timeline.rows),
            *(row.frame["article"] for row in page.framing.rows),
            *(a["id"] for a in page.sources.rows),
        ]
    )
    by_id = {a["id"]: a for a in articles}
    chosen: set[str] = set()
    used = 0
    for article_id in wanted:
        size = len(by_id[article_id]["text"]) if article_id in by_id else 0
        if article_id in by_id and used + size <= TEXT_CHARS:
            chosen.add(article_id)
            used += size
    return Part([a for a in articles if a["id"] in chosen], len(articles))


def _summary(doc: dict[str, Any]) -> list[dict[str, Any]]:
    found = []
    for s in doc["summary"]:
        if len(s["citations"]) <= CITATIONS:
            found.append(s)
        else:
            cut = len(s["citations"]) - CITATIONS
            found.append({**s, "citations": s["citations"][:CITATIONS], "more": cut})
    return found


def page(doc: dict[str, Any]) -> Page:
    """What the pages show of ``doc``: all of it, unless the story is too big to print."""
    grid = len(doc["articles"]) <= GRID_SOURCES
    shown = Page(
        grid=grid,
        summary=_summary(doc),
        claims=_claims(doc, grid),
        speakers=Part([], 0),
        more_quotes=[],
        stances=_stances(doc),
        changes=_first(doc.get("stance_changes", []), ROWS),
        timeline=_top(doc["timeline"], ROWS, lambda t: len(t.get("citations") or [])),
        framing=_framing(doc),
        sources=_first(doc["articles"], ROWS),
        rejected=_first(doc.get("rejected") or [], ROWS),
        texts=Part([], 0),
    )
    shown.speakers, shown.more_quotes = _speakers(doc)
    shown.texts = _texts(doc, shown)
    return shown
