"""Where each line sits in the page, and what that makes it.

Furniture lives at the edges: menus and captions before the first paragraph, credits, related
links, bios, comment forms and disclaimers after the last. So the pass finds the body's first
and last prose line, then judges each line by its shape *and* its position. Lines inside the
body are dropped only when a context-free rule in ``lines.shapes`` says so; that keeps real
sentences.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from storydiff.clean import metadata, vocab
from storydiff.clean.dates import date_line
from storydiff.clean.lines import article_lines, shapes
from storydiff.model import Removed

# Why a line left the body when it went into metadata rather than away: it was recognised and
# kept beside the text (the benchmark counts these lines as kept).
METADATA_REASONS = frozenset({"title", "byline", "publication date", "credit line"})


@dataclass(slots=True)
class _Line:
    block: int
    text: str
    reason: str | None = None


@dataclass(slots=True)
class Layout:
    """The kept body plus what the furniture said about the article."""

    text: str
    removed: list[Removed] = field(default_factory=list)
    title: str | None = None
    author: str | None = None
    outlet: str | None = None
    credit: str | None = None
    published: str | None = None
    dateline_date: str | None = None
    # Every non-empty input line with why it went (None: kept in the body), in input order.
    verdicts: list[tuple[str, str | None]] = field(default_factory=list)


def _split(text: str) -> list[_Line]:
    """Non-empty lines, each tagged with the blank-line-separated block it belongs to."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    out: list[_Line] = []
    for number, block in enumerate(re.split(r"\n[ \t\u00a0]*\n", text)):
        out.extend(_Line(number, line.strip()) for line in block.split("\n") if line.strip())
    return out


def _mark_bios(rows: list[_Line], found: Layout) -> None:
    """Name line + bio paragraph, or a bare "Jane Doe is a reporter…" paragraph near the end."""
    for i, row in enumerate(rows):
        # Bios close a page; a name-like subheading in the first half is the story's own.
        if row.reason is not None or i < len(rows) // 2:
            continue
        nxt = next((r for r in rows[i + 1 :] if r.reason is None), None)
        if shapes.is_name_line(row.text) and nxt and shapes.starts_bio(nxt.text, row.text):
            row.reason = "byline"
            nxt.reason = "author bio"
            found.author = found.author or row.text
            found.outlet = found.outlet or metadata.bio_outlet(nxt.text)
    prose = [r for r in rows if r.reason is None and shapes.is_sentence_like(r.text)]
    for row in prose[-2:]:
        if row is prose[0] or not shapes.starts_bio(row.text, None):
            continue
        # Without a name line, ask for more: the byline's name, or an outlet the bio works for.
        first = row.text.split()[0]
        if (found.author and first in found.author.split()) or metadata.bio_outlet(row.text):
            row.reason = "author bio"
            found.outlet = found.outlet or metadata.bio_outlet(row.text)


def _mark_metadata_lines(rows: list[_Line], found: Layout) -> None:
    """Credits, the byline and the date line: removed from the text, kept as metadata.

    Only the first byline and date line are the article's; later ones sign and date reader
    comments or teasers, and the line model judges them with the rest of the page.
    """
    for row in rows:
        if row.reason is not None:
            continue
        credit = metadata.credit_text(row.text)
        if credit is not None:
            row.reason = "credit line"
            found.credit = found.credit or credit
            continue
        author = metadata.byline_author(row.text)
        if author is not None and found.author is None:
            row.reason = "byline"
            found.author = author
            continue
        stated = date_line(row.text) if author is None else None
        if stated is not None and found.published is None:
            row.reason = "publication date"
            found.published = stated


def _mark_duplicates(rows: list[_Line]) -> set[int]:
    """A caption printed twice within a few lines: later copies go; return first copies' ids."""
    seen: dict[str, int] = {}
    firsts: set[int] = set()
    for i, row in enumerate(rows):
        if row.reason is not None or len(shapes.words(row.text)) < 4:
            continue
        key = shapes.normalise(row.text)
        if key in seen and i - seen[key] <= vocab.DUPLICATE_WINDOW:
            row.reason = "duplicated caption"
            firsts.add(seen[key])
        else:
            seen[key] = i
    return firsts


# Title candidates, most trusted first: lines the line model kept, then lines it dropped (it
# drops a headline along with the menus around it, but a menu line must not win over a kept
# headline).
_TITLE_TIERS = (frozenset({None}), frozenset({"not article text"}))


def _pick_title(rows: list[_Line], first_body: int, dup_firsts: set[int]) -> int | None:
    """The longest headline-like line before the body: mastheads and menus are shorter."""
    for eligible in _TITLE_TIERS:
        candidates = [
            i
            for i in range(first_body)
            if rows[i].reason in eligible
            and i not in dup_firsts
            and shapes.is_headline_like(rows[i].text)
        ]
        if candidates:  # max keeps the first of equally long lines
            return max(candidates, key=lambda i: len(shapes.words(rows[i].text)))
    return None


def _masthead_candidates(rows: list[_Line], before: int) -> list[str]:
    """Short title-case lines above the title that are not menu sections: maybe the outlet."""
    return [
        row.text.strip()
        for row in rows[:before]
        if row.reason in {None, "page header"}
        and 1 <= len(row.text.split()) <= 4
        and shapes.normalise(row.text) not in vocab.SECTION_NAMES
        and row.text.strip()[:1].isupper()
        and (shapes.is_title_case(row.text) or len(row.text.split()) == 1)
    ]


def _outlet(
    rows: list[_Line], title_at: int, dateline: metadata.Dateline | None, bio: str | None
) -> str | None:
    """The publishing outlet, from the strongest clue the page gives.

    A masthead line above the title wins when furniture below repeats it (a disclaimer, a
    credit, the dateline's agency); then the writer's bio, a disclaimer's subject, the
    dateline's agency, and last an unconfirmed multi-word masthead.
    """
    candidates = _masthead_candidates(rows, title_at)
    furniture = " ".join(row.text for row in rows[title_at + 1 :] if row.reason is not None)
    furniture += " " + (dateline.prefix if dateline else "")
    for name in candidates:
        if re.search(rf"(?<!\w){re.escape(name)}(?!\w)", furniture):
            return name
    multi = [name for name in candidates if len(name.split()) >= 2]
    return (
        bio
        or _outlet_from_removed(rows)
        or (dateline.outlet if dateline else None)
        or (multi[0] if multi else None)
    )


def _mark_head(
    rows: list[_Line], first_body: int, dup_firsts: set[int], found: Layout, judged: bool
) -> None:
    """Before the first paragraph: one title, the rest is masthead, menus and captions."""
    title_at = _pick_title(rows, first_body, dup_firsts) if found.title is None else None
    if title_at is not None:
        found.title = rows[title_at].text
    for i in range(first_body):
        row = rows[i]
        if i == title_at:
            row.reason = "title"
        elif row.reason is not None:
            continue
        elif i in dup_firsts:
            row.reason = "duplicated caption"
        elif found.title is not None and shapes.normalise(row.text) == shapes.normalise(
            found.title
        ):
            row.reason = "title"
        elif not judged and (len(shapes.words(row.text)) <= 6 or i < vocab.HEAD_LINES):
            row.reason = "page header"


def _mark_tail(rows: list[_Line], last_body: int, found: Layout, judged: bool) -> None:
    """After the last paragraph: related links, publisher voice, leftover UI."""
    for row in rows[last_body + 1 :]:
        if row.reason is not None:
            continue
        outlet = metadata.disclaimer_outlet(row.text)
        if shapes.is_sentence_like(row.text):
            if (
                outlet
                or vocab.PUBLISHER_VOICE.search(row.text)
                or (found.outlet and found.outlet in row.text)
            ):
                row.reason = "publisher disclaimer"
        elif judged:
            continue  # the line model already judged short lines by their surroundings
        elif (
            shapes.is_headline_like(row.text)
            and len(shapes.words(row.text)) <= vocab.MAX_RELATED_WORDS
        ):
            row.reason = "related link"
        elif len(shapes.words(row.text)) <= 6:
            row.reason = "site menu"


def _outlet_from_removed(rows: list[_Line]) -> str | None:
    """An outlet named by a removed disclaimer or copyright line."""
    for row in rows:
        if row.reason in {"publisher disclaimer", "site menu"}:
            outlet = metadata.disclaimer_outlet(row.text)
            if outlet:
                return outlet
    return None


def _read_dateline(rows: list[_Line], first_body: int) -> metadata.Dateline | None:
    """A wire dateline ("HARBOURTON, March 3 (Reuters) -") opening the body.

    It is read into metadata but left in the text: it is the first words of the story.
    """
    if first_body >= len(rows):
        return None
    return metadata.dateline(rows[first_body].text)


def _mark_not_article(rows: list[_Line]) -> bool:
    """Lines the learned line model does not take for article text (menus, teasers, comments).

    Only pages long enough to have navigation are judged this way: a short pasted article
    has no menu, and its subheadings must not be mistaken for one.
    """
    if len(rows) < vocab.MIN_LINES_FOR_DENSITY:
        return False
    for row, keep in zip(rows, article_lines([r.text for r in rows]), strict=True):
        if row.reason is None and not keep:
            row.reason = "not article text"
    return True


def lay_out(text: str, *, title: str | None = None) -> Layout:
    """Split ``text`` into body and furniture; ``title`` is a known title (from HTML)."""
    rows = _split(text)
    found = Layout(text="", title=title)
    for row in rows:
        row.reason = shapes.furniture_reason(row.text)
    # Bylines and date lines are read before the line model drops what is not article text.
    _mark_metadata_lines(rows, found)
    judged = _mark_not_article(rows)
    _mark_bios(rows, found)
    dup_firsts = _mark_duplicates(rows)

    def is_prose(i: int) -> bool:
        row = rows[i]
        return row.reason is None and i not in dup_firsts and shapes.is_sentence_like(row.text)

    first_body = next((i for i in range(len(rows)) if is_prose(i)), len(rows))
    if first_body == len(rows):
        # No prose at all: judge lines one by one, never by position.
        first_body = 0
    hard_end = next(
        (i for i in range(first_body, len(rows)) if rows[i].reason == "credit line"), len(rows)
    )
    last_body = max((i for i in range(first_body, hard_end) if is_prose(i)), default=first_body)
    _mark_head(rows, first_body, dup_firsts, found, judged)
    title_at = next((i for i, row in enumerate(rows) if row.reason == "title"), first_body)
    dateline = _read_dateline(rows, first_body)
    bio = found.outlet
    found.outlet = _outlet(rows, title_at, dateline, bio)
    _mark_tail(rows, last_body, found, judged)
    found.outlet = _outlet(rows, title_at, dateline, bio)
    found.dateline_date = dateline.date if dateline else None

    blocks: dict[int, list[str]] = {}
    for row in rows:
        if row.reason is None and row.text.strip():
            blocks.setdefault(row.block, []).append(row.text.strip())
    found.text = "\n\n".join("\n".join(lines) for lines in blocks.values())
    found.removed = [Removed(row.text, row.reason) for row in rows if row.reason is not None]
    found.verdicts = [(row.text, row.reason) for row in rows]
    return found
