"""``storydiff eval sentiment``: the tone toward named targets on NewsMTSC's dev files."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.progress import Progress

from storydiff.cli.app import err_console, eval_app, fail, user_errors
from storydiff.cli.evaluate import JsonFlag, emit


@eval_app.command("sentiment")
def eval_sentiment(
    newsmtsc: Annotated[
        Path, typer.Option(help="The newsmtsc folder (dev_rw.jsonl and dev_mt.jsonl).")
    ],
    limit: Annotated[
        int | None, typer.Option(help="Score only the first N targets of each file.")
    ] = None,
    rules: Annotated[
        bool, typer.Option("--rules", help="Score the word lists alone (no sentence model).")
    ] = False,
    as_json: JsonFlag = False,
) -> None:
    """Negative / neutral / positive toward each target: macro-F1 and F1 per tone.

    Scores dev_rw (real-world distribution) and dev_mt (sentences with several targets).
    The published GRU-TSC figures (83.1 rw, 82.5 mt) are on the test files, never read here.
    About 800 targets: under a minute, most of it the sentence model reading the sentences.

    Example:  storydiff eval sentiment --newsmtsc ../shared/datasets/newsmtsc
    """
    from storydiff.evaluate.sentiment import (
        SPLITS,
        evaluate_newsmtsc,
        load_examples,
        minilm_token_states,
    )

    missing = [s for s in SPLITS if not (newsmtsc / f"{s}.jsonl").is_file()]
    if missing:
        fail(f"{newsmtsc} has no {missing[0]}.jsonl; pass the newsmtsc folder")
    with user_errors(), Progress(console=err_console, transient=True, disable=as_json) as bar:
        total = sum(len(load_examples(newsmtsc / f"{s}.jsonl")[:limit]) for s in SPLITS)
        task = bar.add_task("targets", total=total)
        result = evaluate_newsmtsc(
            newsmtsc,
            limit=limit,
            encode=None if rules else minilm_token_states,
            on_targets=lambda n: bar.advance(task, n),
        )
    shown = f"first {limit} targets of each" if limit is not None else "all targets"
    emit(result, as_json, f"NewsMTSC dev, target sentiment ({shown})")
