"""Corpus mode: ``storydiff ingest`` and ``storydiff stories``, and ``analyze --story``'s work.

The store is the corpus: ``ingest`` adds articles to it, ``stories`` groups the new ones,
``analyze --db DB --story ID`` builds one story's dossier from what is stored.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any

import typer
from rich import box
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from storydiff.cli.app import app, check_output_folder, console, err_console, note, user_errors
from storydiff.errors import InputError
from storydiff.ingest import MAX_FILE_BYTES, InputOptions
from storydiff.report.view import counted
from storydiff.store import open_store
from storydiff.store.records import CorpusEntry, CorpusStory, Placement
from storydiff.store.sql import SqlStore

DbOption = Annotated[
    str,
    typer.Option(
        metavar="FILE|URL", help="The store: a SQLite file or a postgresql://USER@HOST/DB URL."
    ),
]


@app.command()
def ingest(
    paths: Annotated[
        list[str],
        typer.Argument(
            metavar="PATH",
            help="Article files or folders (.txt, .html, .json/.jsonl, .warc[.gz]), feeds, "
            "http(s) URLs, or - for stdin.",
        ),
    ],
    db: DbOption,
    allow_private: Annotated[
        bool,
        typer.Option(
            "--allow-private", help="Fetch URLs on private, loopback or link-local addresses too."
        ),
    ] = False,
    max_bytes: Annotated[
        int, typer.Option(help="Largest article (file, record or download) in bytes.")
    ] = MAX_FILE_BYTES,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Only refusals and errors.")] = False,
) -> None:
    """Stream articles into the store, cleaned, each text stored once.

    Re-running with the same inputs stores nothing new. Every input that cannot be used is
    listed with its reason; the rest go on. Group them with storydiff stories next.

    Examples:

      storydiff ingest corpus/ export.jsonl --db corpus.db

      storydiff ingest crawl.warc.gz feeds.txt --db postgresql://desk@db.local/news
    """
    from storydiff.scale.corpus import ingest as ingest_paths

    with user_errors():
        if max_bytes <= 0:
            raise InputError(f"--max-bytes {max_bytes} must be positive; e.g. --max-bytes 5000000")
        with (
            open_store(db) as store,
            Progress(
                SpinnerColumn(),
                TextColumn("{task.completed} documents"),
                TextColumn("{task.description}", style="dim", markup=False),
                TimeElapsedColumn(),
                console=err_console,
                disable=quiet,
                transient=True,
            ) as bar,
        ):
            task = bar.add_task("", total=None)
            report = ingest_paths(
                store,
                paths,
                inputs=InputOptions(max_bytes=max_bytes, allow_private=allow_private),
                on_document=lambda source: bar.update(task, advance=1, description=source[-60:]),
            )
        for refusal in report.refused:
            note("refused", "yellow", f"{refusal.source}: {refusal.reason}")
        if not report.stored and not report.known:
            raise InputError("nothing could be stored; see the refusals above")
    if not quiet:
        console.print(
            f"stored {counted(report.stored, 'new article')}, {report.known} already in the "
            f"store, {len(report.refused)} refused; group them with storydiff stories --db DB",
            highlight=False,
            soft_wrap=True,
        )


def _story_table(found: list[CorpusStory]) -> Table:
    title = counted(len(found), "story", "stories")
    table = Table(title=title, title_justify="left", box=box.SIMPLE_HEAD)
    table.add_column("story", min_width=16)  # ids are 16 hex: never cut, they are typed
    table.add_column("title", max_width=36, no_wrap=True, overflow="ellipsis")
    table.add_column("articles", justify="right")
    table.add_column("copies", justify="right")
    table.add_column("first", min_width=10)  # ISO dates
    table.add_column("last", min_width=10)
    table.add_column("outlets")
    for story in found:
        table.add_row(
            story.id,
            story.title or "",
            str(story.articles),
            str(story.copies),
            story.first or "",
            story.last or "",
            ", ".join(story.outlets),
        )
    return table


def stories_json(store: SqlStore) -> list[dict[str, Any]]:
    """Every story with its articles, in the order stories started and articles arrived."""
    found: dict[str, list[tuple[CorpusEntry, Placement]]] = {}
    for entry, placed in store.corpus_entries():
        if placed is not None:
            found.setdefault(placed.story, []).append((entry, placed))
    return [
        {
            "id": story_id,
            "articles": [
                {
                    "id": entry.key,
                    "source": entry.source,
                    "outlet": entry.outlet,
                    "published": entry.published,
                    "duplicate_of": placed.duplicate_of,
                }
                for entry, placed in members
            ],
        }
        for story_id, members in found.items()
    ]


@app.command()
def stories(
    db: DbOption,
    show: Annotated[bool, typer.Option("--list", help="Show every story as a table.")] = False,
    as_json: Annotated[
        bool, typer.Option("--json", help="Print the stories and their articles as JSON.")
    ] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Only errors.")] = False,
) -> None:
    """Group the stored articles that are in no story yet into stories; or, with --list or
    --json, show the stories as they are (then nothing is grouped or changed).

    A new article joins the story it shares names, terms and dates with, or starts one;
    a near-copy of a stored article (a wire story republished) is marked as its copy and
    follows it. Articles already placed never move, and a story keeps its id.

    Examples:

      storydiff stories --db corpus.db --list

      storydiff stories --db corpus.db --json | jq '.[0].articles'
    """
    from storydiff.scale.corpus import group

    with user_errors(), open_store(db) as store:
        if as_json:
            typer.echo(json.dumps(stories_json(store), ensure_ascii=False))
            return
        if show:
            console.print(_story_table(store.corpus_stories()))
            return
        report = group(store)
    if not quiet:
        err_console.print(
            f"placed {counted(report.placed, 'new article')}: "
            f"{counted(report.stories, 'new story', 'new stories')}, "
            f"{counted(report.copies, 'copy', 'copies')} marked",
            highlight=False,
            soft_wrap=True,
        )


def analyze_story(
    db: str | None,
    story_id: str | None,
    paths: list[str] | None,
    output: Path,
    *,
    summary: int,
    quiet: bool,
    issue: str | None = None,
) -> None:
    """``storydiff analyze --db DB --story ID``: one corpus story's dossier, from the store.

    Stored analyses are reused; the dossier is written to OUTPUT and kept in the store, where
    ``storydiff serve`` shows it and search and actor pages find its quotes.
    """
    from storydiff.cli.stages import stages
    from storydiff.outputs import build_and_write
    from storydiff.pipeline import RunStats
    from storydiff.scale.corpus import resolve_story_id, story_articles

    with user_errors():
        if story_id is None:
            raise InputError("give articles to analyse, or --db DB --story ID for a stored story")
        if db is None or paths:
            raise InputError(
                "--story reads a stored story: pass --db and no PATHS, "
                "e.g. storydiff analyze --db corpus.db --story ID -o out"
            )
        check_output_folder(output)
        with open_store(db) as store:
            story_id = resolve_story_id(store, story_id)
            articles = story_articles(store, story_id)
        stats = RunStats(read=len(articles))
        with stages(quiet) as progress:
            doc = build_and_write(
                articles, stats, output, db, summary=summary, issue=issue, progress=progress
            )
        with open_store(db) as store:
            store.save_dossier(story_id, doc)
    if not quiet:
        console.print(
            f"story {story_id}: {counted(len(articles), 'article')} ({stats.analysed} analysed, "
            f"{stats.cached} from the store); wrote {output / 'dossier.json'}, dossier.html, "
            "dossier.md",
            highlight=False,
            soft_wrap=True,
        )
