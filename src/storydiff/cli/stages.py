"""The flow on the terminal: a progress bar that names each stage (reading and cleaning,
grouping, analysing, aligning, writing) with its counts and the time so far, shared by
``analyze`` and ``analyze --story``; with -v each finished stage is logged with its time.

The dossier itself is the flow's (``outputs.build_and_write``); this module only shows it."""

from __future__ import annotations

import logging
import time
from collections.abc import Iterator
from contextlib import contextmanager

from rich.progress import BarColumn, Progress, TaskID, TextColumn, TimeElapsedColumn

from storydiff.cli.app import err_console
from storydiff.pipeline import Progress as Callback
from storydiff.report.view import counted

_log = logging.getLogger(__name__)


def stage_line(stage: str, done: int, total: int) -> str:
    """What the flow is doing, in words: ``analysing 2 of 14 articles``."""
    if stage == "read":
        return f"reading and cleaning: {counted(done, 'document')}"
    if stage == "group":
        return f"grouping {counted(total, 'article')} into stories"
    if stage == "analyse":
        return f"analysing {done} of {counted(total, 'article')}"
    if stage == "align":
        return f"aligning {counted(total, 'article')}: claims, quotes, stances, timeline"
    if stage == "write":
        return f"writing the dossier: {done} of {counted(total, 'file')}"
    return f"{stage}: {done} of {total}"


class _Stages:
    """The progress callback: the bar shows the stage in words; a stage's end is logged."""

    def __init__(self, bar: Progress, task: TaskID) -> None:
        self.bar, self.task = bar, task
        self.stage, self.line, self.started = "", "", time.monotonic()

    def __call__(self, stage: str, done: int, total: int) -> None:
        if stage != self.stage:
            self.finish()
            self.stage, self.started = stage, time.monotonic()
        self.line = stage_line(stage, done, total)
        counts = stage in ("analyse", "write")  # a bar that fills; the others pulse
        self.bar.update(
            self.task,
            description=self.line,
            completed=done if counts else 0,
            total=total if counts else None,
        )

    def finish(self) -> None:
        if self.stage:
            _log.info("%s (%.1f s)", self.line, time.monotonic() - self.started)


@contextmanager
def stages(quiet: bool) -> Iterator[Callback]:
    """A progress callback for the flow, drawn on stderr unless ``quiet``."""
    with Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        TimeElapsedColumn(),
        console=err_console,
        disable=quiet,
        transient=True,
    ) as bar:
        said = _Stages(bar, bar.add_task(stage_line("read", 0, 0), total=None))
        try:
            yield said
        finally:
            said.finish()
