"""``storydiff eval extraction`` and ``storydiff eval cleaning``: ingest quality, scored."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from storydiff.cli.app import eval_app, user_errors
from storydiff.cli.evaluate import JsonFlag, emit
from storydiff.evaluate import DATASETS, Dataset

DatasetOption = Annotated[
    Dataset,
    typer.Option(metavar="NAME", help=f"The benchmark's layout: {', '.join(DATASETS)}."),
]
DataOption = Annotated[
    Path, typer.Option(help="The data set's folder (its .tar.xz is unpacked to ~/.cache).")
]
LimitOption = Annotated[int | None, typer.Option(help="Score only the first N pages.")]
WorkersOption = Annotated[int, typer.Option(help="Worker processes.")]


@eval_app.command("extraction")
def eval_extraction(
    dataset: DatasetOption,
    data: DataOption,
    limit: LimitOption = None,
    workers: WorkersOption = 2,
    as_json: JsonFlag = False,
) -> None:
    """Score HTML main-text extraction, ours next to trafilatura alone, in one run.

    Each benchmark's own metric: segment P/R/F1 (trafilatura), ROUGE-LSum (cleaneval,
    l3s-gn1), 4-gram shingle F1 (scrapinghub).

    Example:

      storydiff eval extraction --dataset trafilatura --data ../shared/datasets/trafilatura_eval
    """
    from storydiff.evaluate.extraction import evaluate_extraction

    with user_errors():
        result = evaluate_extraction(dataset, data, limit, workers)
    emit(result, as_json, f"extraction on {dataset}")


@eval_app.command("cleaning")
def eval_cleaning(
    dataset: DatasetOption,
    data: DataOption,
    limit: LimitOption = None,
    workers: WorkersOption = 2,
    as_json: JsonFlag = False,
) -> None:
    """Score the plain-text cleaner on naive-scraper text of a benchmark's pages.

    Line-level precision, recall and F1 of kept article lines; trafilatura on the original
    HTML is the reference row.

    Example:  storydiff eval cleaning --dataset l3s-gn1 --data ../shared/datasets/l3s_gn1
    """
    from storydiff.evaluate.cleaning import evaluate_cleaning

    with user_errors():
        result = evaluate_cleaning(dataset, data, limit, workers)
    emit(result, as_json, f"plain-text cleaning on {dataset}")
