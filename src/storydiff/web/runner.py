"""Analyses run one at a time on a worker thread; progress and results go to the database.

One worker is enough: spaCy is CPU-bound and a second run would only halve the speed of
both. Requests never wait for it; they read progress from the stories table.
"""

from __future__ import annotations

import logging
import tempfile
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import Any

from storydiff.errors import StorydiffError
from storydiff.model import Article
from storydiff.pipeline import run_story
from storydiff.report import to_document, validate
from storydiff.store import open_store, stories

log = logging.getLogger("storydiff.web")

Analyse = Callable[[Path, str], dict[str, Any]]


def _rename(doc: dict[str, Any], names: dict[str, str]) -> None:
    """Show the names the user gave, never the temporary files they were written to."""
    for item in (*doc["articles"], *doc.get("rejected", [])):
        item["source"] = names.get(item["source"], item["source"])
        if "reason" in item:
            for temp, name in names.items():
                item["reason"] = item["reason"].replace(temp, name)


def analyse_story(db: Path, story_id: str) -> dict[str, Any]:
    """Run the real pipeline over a story's stored inputs; returns the validated document."""
    inputs = stories.story_inputs(db, story_id)
    names: dict[str, str] = {}

    def progress(stage: str, done: int, total: int) -> None:
        stories.set_progress(db, story_id, stage, done, total)

    def rename(article: Article) -> None:
        article.source = names.get(article.source, article.source)

    with tempfile.TemporaryDirectory(prefix="storydiff-web-") as tmp:
        for i, item in enumerate(inputs):
            # Our own file names: what the user called a file never becomes a path.
            file = Path(tmp) / f"{i:03d}.{'html' if item.kind == 'html' else 'txt'}"
            file.write_text(item.content, "utf-8")
            names[str(file)] = item.name
        progress("reading", 0, len(inputs))
        store = open_store(db)
        try:
            dossier, _ = run_story([Path(tmp)], store, progress=progress, overrides=rename)
        finally:
            store.close()
    progress("report", len(inputs), len(inputs))
    doc = to_document(dossier)
    _rename(doc, names)
    validate(doc)
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
        try:
            doc = self.analyse(self.db, story_id)
        except StorydiffError as err:
            stories.fail_story(self.db, story_id, str(err))
        except Exception as err:  # a crash fails this story, never the server
            log.exception("analysis of story %s failed", story_id)
            stories.fail_story(self.db, story_id, f"internal error ({type(err).__name__})")
        else:
            stories.finish_story(self.db, story_id, doc)

    def close(self) -> None:
        self._pool.shutdown(wait=False, cancel_futures=True)
