"""``storydiff eval attribution|timex|quantities``: the per-article extractors, scored."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from storydiff.cli.app import eval_app, fail
from storydiff.cli.evaluate import JsonFlag, emit

Limit = Annotated[int | None, typer.Option(help="Score only the first N documents.")]


def _folder(path: Path, what: str) -> Path:
    if not path.is_dir():
        fail(f"{path} is not a folder; pass the {what} folder")
    return path


@eval_app.command("attribution")
def eval_attribution(
    polnear: Annotated[Path, typer.Option(help="PolNeAR split folder (text/, attributions/).")],
    limit: Limit = None,
    as_json: JsonFlag = False,
) -> None:
    """Who said what: exact and overlap F1 for source, cue and content spans (PolNeAR).

    Example:  storydiff eval attribution --polnear ../shared/datasets/polnear/data/dev
    """
    from storydiff.evaluate.attribution import evaluate_polnear

    result = evaluate_polnear(_folder(polnear, "PolNeAR"), limit=limit)
    emit(dict(result), as_json, f"attribution on {polnear}")


@eval_app.command("timex")
def eval_timex(
    tempeval: Annotated[Path, typer.Option(help="Folder of TimeML (.tml) files.")],
    limit: Limit = None,
    as_json: JsonFlag = False,
) -> None:
    """Time expressions: strict and relaxed extent F1, type and value F1 (TempEval-3 rules).

    Example:  storydiff eval timex --tempeval ../shared/datasets/tempeval3
    """
    from storydiff.evaluate.timex import evaluate_timeml

    result = evaluate_timeml(_folder(tempeval, "TimeML"), limit=limit)
    emit(dict(result), as_json, f"time expressions on {tempeval}")


@eval_app.command("quantities")
def eval_quantities(
    path: Annotated[Path, typer.Argument(help="NewsQuant-style JSON file.")],
    as_json: JsonFlag = False,
) -> None:
    """Quantities: value F1 and value+unit F1 on a NewsQuant-style file.

    Example:  storydiff eval quantities tests/data/newsquant_dev.json
    """
    from storydiff.evaluate.quantities import evaluate_quantities

    if not path.is_file():
        fail(f"{path} does not exist; pass a NewsQuant-style JSON file")
    emit(dict(evaluate_quantities(path)), as_json, f"quantities on {path}")
