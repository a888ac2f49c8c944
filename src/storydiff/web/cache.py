"""Rendered dossiers, kept while their story is unchanged.

Callers ask only for finished stories, whose row no longer changes, so
``(story id, updated_at)`` is a safe key; rendering the HTML page costs ~15 ms,
serving it from here almost nothing.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Literal

from storydiff.report import render_html, render_ledger_csv, render_markdown
from storydiff.store import stories

Kind = Literal["json", "md", "csv", "html", "page"]
EXPORTS = ("json", "md", "csv", "html")


def page_links(story_id: str) -> list[tuple[str, str]]:
    """The app's navigation shown on a story's dossier page."""
    base = f"/stories/{story_id}"
    links = [("/", "← all stories")]
    links += [(f"{base}/dossier.{x}", f"dossier.{x}") for x in EXPORTS]
    return [*links, (f"{base}/ledger.csv", "ledger.csv")]


@lru_cache(maxsize=128)
def rendered(db: Path, story_id: str, updated_at: str, kind: Kind) -> str | None:
    """The dossier in one form, or ``None`` while the story has none."""
    del updated_at  # part of the key only
    text = stories.story_document_text(db, story_id)
    if text is None or kind == "json":
        return text
    doc = json.loads(text)
    if kind == "md":
        return render_markdown(doc)
    if kind == "csv":
        return render_ledger_csv(doc)
    return render_html(doc, links=page_links(story_id) if kind == "page" else ())
