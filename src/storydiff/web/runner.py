"""Analyses run one at a time on a worker thread; progress and results go to the database.

One worker is enough: spaCy is CPU-bound and a second run would only halve the speed of
both. Requests never wait for it; they read progress from the stories table.
"""

from __future__ import annotations

import json
import logging
import tempfile
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import replace
from pathlib import Path
from typing import Any

from storydiff.codec import from_plain
from storydiff.errors import ContractError, InputError, StorydiffError
from storydiff.model import Article
from storydiff.pipeline import RunStats, build_story, read_articles, require_articles
from storydiff.report import to_document, validate
from storydiff.store import open_store, stories
from storydiff.store.records import StoryInput

log = logging.getLogger("storydiff.web")

Analyse = Callable[[Path, str], dict[str, Any]]


class _Names:
    """The names the user gave (an upload's file name, "pasted article") for the temporary
    files their articles are written to: what every message shows instead of the paths."""

    def __init__(self, folder: str) -> None:
        self.folder = folder
        self.files: dict[str, str] = {}

    def source(self, source: str) -> str:
        return self.files.get(source, source)

    def text(self, text: str) -> str:
        for temp in sorted(self.files, key=len, reverse=True):  # 010.txt before 01.txt
            text = text.replace(temp, self.files[temp])
        return text.replace(self.folder, "the story's articles")

    def document(self, doc: dict[str, Any]) -> None:
        for item in (*doc["articles"], *doc.get("rejected", [])):
            item["source"] = self.source(item["source"])
            if "reason" in item:
                item["reason"] = self.text(item["reason"])


def _story_articles(
    inputs: list[StoryInput], folder: Path, names: _Names
) -> tuple[list[Article], RunStats]:
    """The story's articles in the order they were given: the text and HTML users sent, read
    and cleaned from our own files in ``folder``, and the articles ``storydiff analyze`` kept
    as it had read them (metadata included)."""
    placed: dict[int, Article] = {}
    for i, item in enumerate(inputs):
        if item.kind == "article":
            placed[i] = from_plain(Article, json.loads(item.content))
        else:  # our own file names: what the user called a file never becomes a path
            file = folder / f"{i:03d}.{'html' if item.kind == 'html' else 'txt'}"
            file.write_text(item.content, "utf-8")
            names.files[str(file)] = item.name
    stats = RunStats()
    if names.files:
        read, stats = read_articles([folder])
        for article in read:
            position = int(Path(article.source).stem)
            placed[position] = replace(article, source=names.source(article.source))
    articles = [placed[i] for i in sorted(placed)]
    require_articles(articles, stats)
    return articles, stats


def analyse_story(db: Path, story_id: str) -> dict[str, Any]:
    """Run the real pipeline over a story's stored inputs, with its options (the issue, the
    summary's length); returns the validated document.

    A story that fails says why in the user's names for its articles, never the server's paths.
    """
    from jsonschema import ValidationError  # loaded with the validator, on first use

    row = stories.get_story(db, story_id)
    inputs = stories.story_inputs(db, story_id)
    if row is None:
        raise InputError("the story was deleted before its analysis")

    def progress(stage: str, done: int, total: int) -> None:
        stories.set_progress(db, story_id, stage, done, total)

    with tempfile.TemporaryDirectory(prefix="storydiff-web-") as tmp:
        names = _Names(tmp)
        progress("reading", 0, len(inputs))
        store = open_store(db)
        try:
            articles, stats = _story_articles(inputs, Path(tmp), names)
            dossier = build_story(
                articles,
                store,
                stats,
                progress=progress,
                summary_sentences=row.summary_sentences,
                issue=row.issue,
            )
        except StorydiffError as err:
            raise type(err)(names.text(str(err))) from None
        finally:
            store.close()
    progress("report", len(inputs), len(inputs))
    doc = to_document(dossier)
    names.document(doc)
    try:
        validate(doc)
    except ValidationError as err:  # a bug of ours: the story fails naming the broken value
        raise ContractError(names.text(str(ContractError.from_validation(err)))) from None
    return doc


class Runner:
    """Queue of story ids; each is analysed on the worker and its row updated."""

    def __init__(self, db: Path, analyse: Analyse = analyse_story) -> None:
        self.db = db
        self.analyse = analyse
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="storydiff-analyse")

    def submit(self, story_id: str) -> Future[None]:
        return self._pool.submit(self._run, story_id)

    def resume(self) -> None:
        """Stories a previous server left unfinished run again."""
        for story_id in stories.unfinished_stories(self.db):
            self.submit(story_id)

    def _run(self, story_id: str) -> None:
        row = stories.get_story(self.db, story_id)
        if row is None or row.status not in ("queued", "running"):
            return  # deleted while it waited, or queued twice and already run
        try:
            doc = self.analyse(self.db, story_id)
        except StorydiffError as err:
            if isinstance(err, ContractError):  # the server's log keeps the bug, too
                log.error("story %s: %s", story_id, err)
            stories.fail_story(self.db, story_id, str(err))
        except Exception as err:  # a crash fails this story, never the server
            log.exception("analysis of story %s failed", story_id)
            stories.fail_story(self.db, story_id, f"internal error ({type(err).__name__})")
        else:
            stories.finish_story(self.db, story_id, doc)

    def close(self) -> None:
        self._pool.shutdown(wait=False, cancel_futures=True)
