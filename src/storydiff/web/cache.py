"""Rendered dossiers, kept while their story is unchanged.

Callers ask only for finished stories, whose row no longer changes until a new run, so
``(story id, version)`` is a safe key: the version counts the story's dossiers and carries
their time, so a re-run's dossier is never served from its predecessor's pages. Rendering the
HTML page with its charts costs a second or more (matplotlib), serving it from here almost
nothing. Renders are single-flight: when many requests miss at once, one renders and the rest
wait for its result instead of each drawing the same charts and tying up the server's worker
threads."""

from __future__ import annotations

import json
import threading
from functools import lru_cache
from pathlib import Path
from typing import Literal

from storydiff.report import render_html, render_ledger_csv, render_markdown
from storydiff.store import stories
from storydiff.store.records import StoryRow

Kind = Literal["json", "md", "csv", "html", "page"]
EXPORTS = ("json", "md", "csv", "html")


def version(row: StoryRow) -> str:
    """What tells one finished dossier of a story from the next."""
    return f"{row.revision}/{row.updated_at}"


def page_links(story_id: str) -> list[tuple[str, str]]:
    """The app's navigation shown on a story's dossier page."""
    base = f"/stories/{story_id}"
    links = [("/", "← all stories"), (f"{base}/articles", "add articles · delete")]
    links += [(f"{base}/dossier.{x}", f"dossier.{x}") for x in EXPORTS]
    return [*links, (f"{base}/ledger.csv", "ledger.csv")]


_Key = tuple[Path, str, str, Kind]
_in_flight: dict[_Key, threading.Lock] = {}
_in_flight_guard = threading.Lock()


def rendered(db: Path, story_id: str, version: str, kind: Kind) -> str | None:
    """The dossier in one form, or ``None`` while the story has none."""
    key = (db, story_id, version, kind)
    with _in_flight_guard:
        lock = _in_flight.setdefault(key, threading.Lock())
    with lock:
        text = _render(*key)
    with _in_flight_guard:
        _in_flight.pop(key, None)  # later calls hit the cache; a lock per key stays no longer
    return text


@lru_cache(maxsize=128)
def _render(db: Path, story_id: str, version: str, kind: Kind) -> str | None:
    del version  # part of the key only
    text = stories.story_document_text(db, story_id)
    if text is None or kind == "json":
        return text
    doc = json.loads(text)
    if kind == "md":
        return render_markdown(doc)
    if kind == "csv":
        return render_ledger_csv(doc)
    return render_html(doc, links=page_links(story_id) if kind == "page" else ())
