"""The flow's build-and-write with a progress bar: shared by ``analyze`` and ``analyze --story``."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from storydiff import outputs
from storydiff.cli.app import err_console
from storydiff.model import Article
from storydiff.pipeline import RunStats


def build_and_write(
    articles: list[Article],
    stats: RunStats,
    output: Path,
    db: str | None,
    summary: int,
    quiet: bool,
    issue: str | None = None,
) -> dict[str, Any]:
    """The flow's build-and-write, with a progress bar on the terminal."""
    with Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=err_console,
        disable=quiet,
        transient=True,
    ) as bar:
        task = bar.add_task("analysing articles", total=None)

        def progress(stage: str, done: int, total: int) -> None:
            bar.update(task, completed=done, total=total)

        return outputs.build_and_write(
            articles, stats, output, db, summary=summary, issue=issue, progress=progress
        )
