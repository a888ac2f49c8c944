"""The flow's far end: a built dossier validated and written as dossier.json, .html and .md,
kept in the store as a finished story, and the run stamp that lets an unchanged re-run reuse
them.

The command line, corpus mode and the web app all write through here, so what counts as "the
same run" and what is written when the contract breaks is decided once.

The story kept in the store is the web app's kind (``store.stories``): its inputs (the articles
as this run read them, metadata included) and its finished dossier, so ``storydiff serve`` on
the same store lists it, opens its dossier without running it again, and can add articles to
it. It is named after the article that starts it, as corpus mode names its stories: the same
16 hex characters as every story id the store and the app take, and one story however often
its articles (or more after the same first one) are analysed again.
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from storydiff.codec import to_plain
from storydiff.errors import ContractError, InputError
from storydiff.model import Article
from storydiff.pipeline import Progress, RunStats, build_story
from storydiff.store import open_store
from storydiff.store.records import StoryInput


class RunStamp:
    """A note in the output folder of what its dossier was built from.

    A re-run on the same articles, options and code finds the same fingerprint there and
    reuses the dossier instead of aligning and rendering it again.
    """

    name = ".storydiff-run.json"
    outputs = ("dossier.json", "dossier.html", "dossier.md")

    def read(self, output: Path) -> str | None:
        try:
            stamp = json.loads((output / self.name).read_text("utf-8"))
        except (OSError, ValueError):
            return None
        if not all((output / name).is_file() for name in self.outputs):
            return None
        fingerprint = stamp.get("fingerprint") if isinstance(stamp, dict) else None
        return fingerprint if isinstance(fingerprint, str) else None

    def clear(self, output: Path) -> None:
        """Forget the old fingerprint before the files it vouches for are rewritten."""
        (output / self.name).unlink(missing_ok=True)

    def write(self, output: Path, fingerprint: str) -> None:
        (output / self.name).write_text(json.dumps({"fingerprint": fingerprint}), "utf-8")


RUN_STAMP = RunStamp()


def store_location(output: Path, db: str | None) -> str | Path:
    return db or output / "storydiff.db"


def story_id(articles: list[Article]) -> str:
    """The id of the story these articles are kept as: its first article's key."""
    return articles[0].key


def record_story(
    location: str | Path,
    articles: list[Article],
    doc: dict[str, Any],
    *,
    issue: str | None = None,
    summary: int = 8,
) -> str:
    """Keep the finished story in the store, with what the web app runs it again from: the
    articles as read, the issue the user gave and the summary's length. Returns its id."""
    inputs = [
        StoryInput(a.source, "article", json.dumps(to_plain(a), ensure_ascii=False))
        for a in articles
    ]
    found = story_id(articles)
    with open_store(location) as store:
        store.record_story(found, inputs, doc, issue=issue, summary_sentences=summary)
    return found


def _store_holds(location: str | Path, articles: list[Article]) -> bool:
    """Whether the store has every article's analysis and the finished story, as a run through
    it would leave them (a story deleted in the web app is kept again by building again)."""
    from storydiff.analyse import analyser_version

    version = analyser_version()
    with open_store(location) as store:
        row = store.get_story(story_id(articles))
        if row is None or row.status != "done":
            return False
        return all(store.get_analysis(a.key, version) is not None for a in articles)


def reusable_dossier(
    output: Path, fingerprint: str, store: str | Path, articles: list[Article]
) -> dict[str, Any] | None:
    """The dossier already in ``output`` when it was built from exactly this run's inputs.

    Only when the store given now holds the articles too: a new ``--db`` (or a deleted store)
    is filled by building again, with whatever the store already has reused.
    """
    if RUN_STAMP.read(output) != fingerprint:
        return None
    try:
        doc = json.loads((output / "dossier.json").read_text("utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(doc, dict) or not _store_holds(store, articles):
        return None
    return doc


def write_broken(doc: dict[str, Any], output: Path) -> str:
    """Write a dossier that fails its schema as it is, and the pages that still render.

    Returns what was written, for the error line; a page that cannot render is removed, so no
    page from an earlier run stands beside the new dossier.json.
    """
    from storydiff.report import render_html, render_markdown

    renderers: dict[str, Callable[[dict[str, Any]], str]] = {
        "dossier.html": render_html,
        "dossier.md": render_markdown,
    }
    try:
        output.mkdir(parents=True, exist_ok=True)
        text = json.dumps(doc, ensure_ascii=False, indent=1, default=repr)
        (output / "dossier.json").write_text(text, "utf-8")
    except (OSError, ValueError):
        return "nothing was written"
    written = [str(output / "dossier.json")]
    for name, render in renderers.items():
        try:
            (output / name).write_text(render(doc), "utf-8")
        except Exception:  # the broken value may break a page too; the JSON is what matters
            with contextlib.suppress(OSError):
                (output / name).unlink(missing_ok=True)
        else:
            written.append(name)
    return f"wrote {', '.join(written)} as they are"


def _unsaid(stage: str, done: int, total: int) -> None:
    """Progress nobody shows."""


def build_and_write(
    articles: list[Article],
    stats: RunStats,
    output: Path,
    db: str | None,
    *,
    summary: int = 8,
    issue: str | None = None,
    progress: Progress | None = None,
) -> dict[str, Any]:
    """Analyse what the store lacks, align, validate, write the three dossier files and keep
    the finished story in the store."""
    from jsonschema import ValidationError

    from storydiff.report import render_html, render_markdown, to_document, validate

    location = store_location(output, db)
    with open_store(location) as store:
        dossier = build_story(
            articles, store, stats, progress=progress, summary_sentences=summary, issue=issue
        )
    say = progress or _unsaid
    say("write", 0, 3)
    doc = to_document(dossier)
    try:
        validate(doc)
    except ValidationError as err:
        # A bug of ours, not the user's: keep what can be kept, then say where the value is.
        raise ContractError.from_validation(err, write_broken(doc, output)) from None
    try:
        output.mkdir(parents=True, exist_ok=True)
        with (output / "dossier.json").open("w", encoding="utf-8") as file:
            # Streamed: a big story's document is never held as one more string in memory.
            json.dump(doc, file, ensure_ascii=False, indent=1)
        say("write", 1, 3)
        (output / "dossier.html").write_text(render_html(doc), "utf-8")
        say("write", 2, 3)
        (output / "dossier.md").write_text(render_markdown(doc), "utf-8")
        say("write", 3, 3)
    except OSError as err:  # checked before the run, so the disk filled or the folder went
        reason = (err.strerror or type(err).__name__).lower()
        raise InputError(
            f"cannot write the dossier files in {output} ({reason}); free space or pass "
            "another -o, then run again (analysed articles are kept in the store)"
        ) from None
    record_story(location, articles, doc, issue=issue, summary=summary)
    return doc
