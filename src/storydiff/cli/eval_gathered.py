"""``storydiff eval gathered``: a gathered story's articles kept together, a stray set apart."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from storydiff.cli.app import eval_app, fail
from storydiff.cli.evaluate import JsonFlag, emit


@eval_app.command("gathered")
def eval_gathered(
    gva: Annotated[
        Path, typer.Option(help="The gva_longtail folder (documents.jsonl, incidents.jsonl).")
    ],
    limit: Annotated[
        int | None, typer.Option(help="Score the first N trials only (default: all, 491).")
    ] = None,
    as_json: JsonFlag = False,
) -> None:
    """How `analyze` splits hand-gathered inputs: GVA incidents, each with a stray.

    Each trial is one shooting's local reports plus a report of another shooting. Reported:
    incidents kept whole, reports kept, strays set apart (the stray is another story).

    Example:  storydiff eval gathered --gva ../shared/datasets/gva_longtail --limit 200
    """
    from storydiff.evaluate.gathered import evaluate_gathered
    from storydiff.pipeline import story_groups

    if not (gva / "incidents.jsonl").is_file():
        fail(f"{gva} has no incidents.jsonl; pass the gva_longtail folder")
    result = evaluate_gathered(gva, story_groups, limit=limit)
    shown = f"first {limit}" if limit is not None else "all"
    emit(result, as_json, f"gathered inputs split into stories, GVA ({shown} trials)")
