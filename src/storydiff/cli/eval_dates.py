"""``storydiff eval dates``: publication dates on real local news against each page's date."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.progress import Progress

from storydiff.cli.app import err_console, eval_app, fail
from storydiff.cli.evaluate import JsonFlag, emit


@eval_app.command("dates")
def eval_dates(
    gva: Annotated[
        Path, typer.Option(help="The gva_longtail folder (documents.jsonl with dct and url).")
    ],
    limit: Annotated[
        int | None, typer.Option(help="Score the first N documents only (default: all).")
    ] = None,
    examples: Annotated[
        int, typer.Option(help="List this many wrong stated dates and excluding estimates.")
    ] = 0,
    as_json: JsonFlag = False,
) -> None:
    """Publication dates: stated ones right to the day, estimates holding the gold date.

    Each document goes in as a user's JSONL record (its text and the page's address as the
    url field); the gold date (dct) is never shown. Reported: dated to the day, stated dates
    right and wrong, estimates whose interval holds or excludes the gold, interval widths.

    Example:  storydiff eval dates --gva ../shared/datasets/gva_longtail --limit 200
    """
    from storydiff.evaluate.dates import evaluate_dates

    if not (gva / "documents.jsonl").is_file():
        fail(f"{gva} has no documents.jsonl; pass the gva_longtail folder")
    with Progress(console=err_console, transient=True, disable=as_json) as bar:
        task = bar.add_task("documents", total=limit)
        result = evaluate_dates(
            gva, limit=limit, examples=examples, on_document=lambda _: bar.advance(task)
        )
    shown = f"first {limit}" if limit is not None else "all"
    emit(result, as_json, f"GVA publication dates ({shown} documents)")
