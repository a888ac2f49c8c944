"""``storydiff batch`` (corpus → Parquet + stories on Dask) and ``storydiff eval stories``."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from storydiff.cli.app import app, console, err_console, eval_app, user_errors
from storydiff.errors import InputError
from storydiff.report.view import counted


@app.command()
def batch(
    inputs: Annotated[
        list[Path], typer.Argument(metavar="PATH", help="Article files or folders (.txt, .html).")
    ],
    output: Annotated[Path, typer.Option("-o", "--output", help="Folder for the Parquet tables.")],
    workers: Annotated[int, typer.Option(help="Local Dask worker processes.")] = 2,
    scheduler: Annotated[
        str | None, typer.Option(help="Use an existing Dask scheduler, tcp://HOST:PORT.")
    ] = None,
    partition_size: Annotated[int, typer.Option(help="Documents per partition.")] = 32,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Only errors.")] = False,
) -> None:
    """Analyse a corpus in parallel into Parquet tables, then group it into stories.

    Writes OUTPUT/<table>/part-NNNNNN.parquet for articles, features, mentions, quotes,
    quantities, times and rejections (flat rows: article key + character offsets), and
    OUTPUT/stories/assignments.parquet (story and duplicate_of per article) and
    OUTPUT/stories/stories.parquet. Run the same command again after an interruption:
    finished partitions (OUTPUT/manifest.json) are not analysed again.

    Examples:

      storydiff batch corpus/ -o out/corpus --workers 4

      storydiff batch corpus/ -o out/corpus --scheduler tcp://10.0.0.5:8786

      duckdb -c "SELECT story, count(*) FROM 'out/corpus/stories/assignments.parquet' GROUP BY 1"
    """
    from storydiff.scale.runner import BatchSettings, run_batch
    from storydiff.scale.source import file_documents

    with user_errors():
        if workers < 1 or partition_size < 1:
            raise InputError("--workers and --partition-size must be at least 1")
        settings = BatchSettings(
            workers=workers, scheduler=scheduler, partition_size=partition_size
        )

        def progress(event: str, index: int) -> None:
            if not quiet:
                err_console.print(f"partition {index}: {event}", highlight=False)

        report = run_batch(file_documents(inputs), output, settings, progress=progress)
    if not quiet:
        console.print(
            f"{counted(report.partitions, 'partition')} ({report.computed} analysed, "
            f"{report.resumed} already done), {counted(report.articles, 'article')}, "
            f"{counted(report.rejected, 'input')} skipped, "
            f"{counted(report.stories, 'story', 'stories')}, "
            f"{counted(report.copies, 'copy', 'copies')} marked; wrote {output}",
            highlight=False,
        )


@eval_app.command("stories")
def eval_stories(
    ecb: Annotated[Path, typer.Option(help="ECB+ folder (with ECBplus_xml.tar.xz or ECB+/).")],
    topic: Annotated[
        list[int] | None, typer.Option(help="Only these topics (repeatable); default all.")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object instead.")] = False,
) -> None:
    """Score story grouping against ECB+ sub-topics: B-cubed and pairwise F1.

    Example:  storydiff eval stories --ecb ../shared/datasets/ecb_plus
    """
    from storydiff.cli.evaluate import emit
    from storydiff.evaluate.stories import score_stories

    with user_errors():
        result = score_stories(ecb, topic or None)
    emit(result, as_json, f"story grouping vs ECB+ ({ecb})")
