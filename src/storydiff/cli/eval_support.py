"""``storydiff eval support``: the support model on FNC-1's held-out bodies."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from storydiff.cli.app import eval_app, fail, user_errors
from storydiff.cli.evaluate import JsonFlag, emit


@eval_app.command("support")
def eval_support(
    fnc1: Annotated[
        Path, typer.Option(help="The fnc1 folder (train_stances.csv, train_bodies.csv).")
    ],
    limit: Annotated[
        int | None, typer.Option(help="Score only the first N dev pairs (whole bodies first).")
    ] = None,
    as_json: JsonFlag = False,
) -> None:
    """Agree / disagree / discuss / unrelated: FNC score and macro-F1 of the support model.

    Dev is a fixed fifth of FNC-1's training bodies (by a hash of the body id), none of them
    trained on; the published 82.02 (Talos) is on the competition test set, not used here.
    About 10,000 pairs: a few minutes, most of it embedding the dev bodies' sentences.

    Example:  storydiff eval support --fnc1 ../shared/datasets/fnc1 --limit 500
    """
    from storydiff.evaluate.fnc import evaluate_fnc

    if not (fnc1 / "train_stances.csv").is_file() or not (fnc1 / "train_bodies.csv").is_file():
        fail(f"{fnc1} has no train_stances.csv and train_bodies.csv; pass the fnc1 folder")
    with user_errors():
        result = evaluate_fnc(fnc1, limit=limit)
    emit(result, as_json, "FNC-1 dev bodies (held-out fifth of train)")
