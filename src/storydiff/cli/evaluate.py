"""``storydiff eval …``: every scored capability, as a table or as one JSON object."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.table import Table

from storydiff.cli.app import console, eval_app, user_errors

JsonFlag = Annotated[bool, typer.Option("--json", help="Print one JSON object instead.")]


def emit(result: dict[str, Any], as_json: bool, title: str) -> None:
    """Print figures as a table (nested sections flattened) or as JSON on stdout."""
    if as_json:
        typer.echo(json.dumps(result, ensure_ascii=False))
        return
    table = Table(title=title, title_justify="left")
    table.add_column("measure")
    table.add_column("value", justify="right")

    def rows(prefix: str, value: Any) -> None:
        if isinstance(value, dict):
            for key, inner in value.items():
                rows(f"{prefix}.{key}" if prefix else str(key), inner)
        elif isinstance(value, list):
            if value and all(isinstance(v, str) for v in value):
                table.add_row(prefix, "; ".join(value))
            elif value:
                table.add_row(prefix, f"{len(value)} items")
        else:
            table.add_row(prefix, f"{value:.3f}" if isinstance(value, float) else str(value))

    rows("", result)
    console.print(table)


@eval_app.command("dossier")
def eval_dossier(
    paths: Annotated[
        list[Path], typer.Argument(metavar="PATH", help="The articles the gold file describes.")
    ],
    gold: Annotated[Path, typer.Option(help="Gold file in the form of seeds.json.")],
    published: Annotated[
        list[str] | None, typer.Option(help="FILE=DATE, as for analyze. Repeatable.")
    ] = None,
    as_json: JsonFlag = False,
) -> None:
    """Analyse the articles and score their dossier against a gold file.

    The gold file names, per article, its body bounds, metadata, entities, quotes, quantities
    and the verdicts its claims should get; examples/gold.json is the example story's.

    Example:  storydiff eval dossier --gold examples/gold.json examples/story
    """
    from storydiff.evaluate.dossier import load_gold, score_dossier
    from storydiff.pipeline import PublishedDates, run_story
    from storydiff.report import to_document
    from storydiff.store import open_store

    with user_errors():
        gold_doc = load_gold(gold)
        overrides = PublishedDates(published or [])
        with tempfile.TemporaryDirectory() as tmp, open_store(Path(tmp) / "eval.db") as store:
            dossier, _ = run_story(paths, store, overrides=overrides)
        result = score_dossier(to_document(dossier), gold_doc)
    emit(result, as_json, f"dossier vs {gold}")
