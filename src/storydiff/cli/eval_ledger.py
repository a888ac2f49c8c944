"""``storydiff eval gva``: the claim ledger on real multi-article coverage."""

from __future__ import annotations

import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated

import typer
from rich.progress import Progress

from storydiff.cli.app import err_console, eval_app, fail
from storydiff.cli.evaluate import JsonFlag, emit
from storydiff.model import Article, Dossier


@contextmanager
def _story_builder(
    db: Path | None, unit: str, total: int | None, *, quiet: bool
) -> Iterator[tuple[Callable[[list[Article]], Dossier], Callable[[object], None]]]:
    """The whole flow over one store (``db``, else a temporary one) and a progress bar that
    counts ``unit``: what every evaluation of whole stories needs."""
    from storydiff.pipeline import RunStats, build_story
    from storydiff.store import open_store

    with (
        tempfile.TemporaryDirectory() as tmp,
        open_store(db or Path(tmp) / "eval.db") as store,
        Progress(console=err_console, transient=True, disable=quiet) as bar,
    ):
        task = bar.add_task(unit, total=total)

        def build(articles: list[Article]) -> Dossier:
            return build_story(articles, store, RunStats())

        yield build, lambda _: bar.advance(task)


@eval_app.command("gva")
def eval_gva(
    data: Annotated[
        Path, typer.Option(help="The gva_longtail folder (incidents.jsonl, documents.jsonl).")
    ],
    limit: Annotated[int, typer.Option(help="Score this many multi-article incidents.")] = 100,
    offset: Annotated[int, typer.Option(help="Skip this many incidents first.")] = 0,
    db: Annotated[
        Path | None,
        typer.Option(
            help="SQLite store to keep analyses in between runs; default: a temporary one."
        ),
    ] = None,
    as_json: JsonFlag = False,
) -> None:
    """People killed and injured: the ledger's facts against the Gun Violence Archive's record.

    Per incident (2-17 local news articles), precision and recall of (measure, value) and
    false conflicts per incident. The first 100 multi-article incidents are the dev set.

    Example:  storydiff eval gva --data ../shared/datasets/gva_longtail --limit 20
    """
    from storydiff.evaluate.gva import evaluate_gva

    if not (data / "incidents.jsonl").is_file():
        fail(f"{data} has no incidents.jsonl; pass the gva_longtail folder")
    with _story_builder(db, "incidents", limit, quiet=as_json) as (build, advance):
        result = evaluate_gva(data, build, offset=offset, limit=limit, on_incident=advance)
    emit(result, as_json, f"GVA incidents {offset}-{offset + limit}")


@eval_app.command("dev-stories")
def eval_dev_stories(
    data: Annotated[
        Path,
        typer.Option(help="The datasets folder holding gva_longtail (or gva_longtail itself)."),
    ],
    gold: Annotated[
        Path | None,
        typer.Option(help="Gold file; default: the repository's tests/data/dev_stories.json."),
    ] = None,
    db: Annotated[
        Path | None,
        typer.Option(
            help="SQLite store to keep analyses in between runs; default: a temporary one."
        ),
    ] = None,
    as_json: JsonFlag = False,
) -> None:
    """The dossier on our dev set: ten GVA stories read by an analyst (offsets only).

    Facts found with the right verdict and measure label, false conflicts, quotes with the
    right speaker, stances and stated publication dates. --json adds each story's misses.

    Example:  storydiff eval dev-stories --data ../shared/datasets --json
    """
    from storydiff.evaluate.dev_stories import DEFAULT_GOLD, evaluate_dev_stories

    folder = data / "gva_longtail" if (data / "gva_longtail").is_dir() else data
    if not (folder / "documents.jsonl").is_file():
        fail(f"{data} has no gva_longtail/documents.jsonl; pass ../shared/datasets")
    gold = gold or DEFAULT_GOLD
    if not gold.is_file():
        fail(f"no gold file at {gold}; pass --gold tests/data/dev_stories.json")
    with _story_builder(db, "stories", None, quiet=as_json) as (build, advance):
        result = evaluate_dev_stories(folder, build, gold=gold, on_story=advance)
    if not as_json:
        result.pop("misses")
    emit(result, as_json, "Dev stories (10 GVA incidents, analyst's gold)")
