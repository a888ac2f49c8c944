"""``storydiff analyze``: articles in, a cited dossier out."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.table import Table

from storydiff import outputs, sentence_model
from storydiff.clean.news_like import not_news_reason
from storydiff.cli.app import (
    app,
    check_output_folder,
    console,
    note,
    printable,
    user_errors,
)
from storydiff.cli.stages import stages
from storydiff.errors import ContractError, InputError
from storydiff.ingest import MAX_FILE_BYTES, InputOptions, load_sidecar
from storydiff.model import Article, Rejection
from storydiff.outputs import build_and_write
from storydiff.pipeline import (
    Progress,
    PublishedDates,
    RunStats,
    gather_articles,
    run_fingerprint,
    story_groups,
)
from storydiff.report.tables import write_tables
from storydiff.report.view import VERDICTS, counted
from storydiff.store.sqlite import check_location


def _linking_note() -> str:
    """Say whether the sentence model took part, and how to install it when it did not."""
    if sentence_model.installed():
        return "words + sentence model"
    return f"words only ({sentence_model.INSTALL_HINT})"


def _summary_table(doc: dict[str, Any], stats: RunStats) -> Table:
    table = Table(title=printable(doc["story"]["title"]), title_justify="left")
    table.add_column("what")
    table.add_column("value", justify="right")
    verdicts = [c["verdict"] for c in doc["claims"]]
    rows = [
        ("articles analysed / from cache", f"{stats.analysed} / {stats.cached}"),
        ("inputs skipped", str(len(stats.rejected))),
        ("entities", str(len(doc["entities"]))),
        ("quotes", str(len(doc["quotes"]))),
        *((f"claims: {v}", str(verdicts.count(v))) for v in VERDICTS),
        ("stances (changes)", f"{len(doc['stances'])} ({len(doc['stance_changes'])})"),
        ("stances are on", doc["story"].get("issue") or "no issue found (set one with --issue)"),
        ("timeline events", str(len(doc["timeline"]))),
        ("claims linked by", _linking_note()),
    ]
    for name, value in rows:
        table.add_row(name, value)
    return table


def _story_name(story: list[Article]) -> str:
    return next((a.title for a in story if a.title), None) or Path(story[0].source).name


def _largest_story(stories: list[list[Article]], stats: RunStats) -> list[Article]:
    """The largest story's articles; every other input is named as another story's."""
    main, others = stories[0], stories[1:]
    if others:
        note(
            "warning:",
            "yellow",
            f"the inputs are about {len(stories)} stories; analysing the largest "
            f"({counted(len(main), 'article')}, “{_story_name(main)}”) — pass --split for one "
            "dossier each, or --one-story to analyse them all together",
        )
    for story in others:
        for article in story:
            stats.rejected.append(
                Rejection(
                    article.source,
                    f"about another story (“{_story_name(story)}”) than the "
                    f"{counted(len(main), 'article')} analysed; analyse it on its own, or pass "
                    "--split or --one-story",
                )
            )
    return main


def _write_each_story(
    stories: list[list[Article]],
    stats: RunStats,
    output: Path,
    db: str | None,
    summary: int,
    quiet: bool,
    issue: str | None,
    progress: Progress,
) -> None:
    """``--split``: one dossier per story, in OUTPUT/story-1 (the largest), story-2, …"""
    _report_skipped(stats)
    for number, story in enumerate(stories, start=1):
        folder = output / f"story-{number}"
        check_output_folder(folder)
        story_stats = RunStats(read=len(story))
        build_and_write(
            story,
            story_stats,
            folder,
            db or str(output / "storydiff.db"),
            summary=summary,
            issue=issue,
            progress=progress,
        )
        if not quiet:
            console.print(
                printable(
                    f"story {number}: {counted(len(story), 'article')}, “{_story_name(story)}” "
                    f"→ {folder}"
                )
            )


class TableFormat(StrEnum):
    """The table formats ``--format`` writes."""

    csv = "csv"
    parquet = "parquet"


def _news_only(articles: list[Article], stats: RunStats) -> list[Article]:
    """Inputs that do not read as news are named and left out, so that a help page lends the
    dossier neither claims nor its title; when none reads as news, all are kept, with a
    warning (the user may know better)."""
    judged = [(article, not_news_reason(article.text)) for article in articles]
    news = [article for article, why in judged if why is None]
    if not news:
        note(
            "warning:",
            "yellow",
            f"none of the {counted(len(articles), 'input')} reads as a news article (nobody is "
            "reported as saying anything); analysing them anyway, the dossier may say little",
        )
        return articles
    left_out = [(article, why) for article, why in judged if why is not None]
    if left_out:
        note(
            "warning:",
            "yellow",
            f"{counted(len(left_out), 'input')} {'does' if len(left_out) == 1 else 'do'} not "
            f"read as news and {'is' if len(left_out) == 1 else 'are'} left out (see skipped)",
        )
    for article, why in left_out:
        stats.rejected.append(Rejection(article.source, f"{why}; left out of the story"))
    return news


def _stories(articles: list[Article], progress: Progress) -> list[list[Article]]:
    """The inputs grouped by the story each is about, the largest story first."""
    if len(articles) < 2:
        return [articles]
    progress("group", 0, len(articles))
    return story_groups(articles)


SKIPPED_EXIT = 3  # --strict: the dossier was written, but without some of the inputs


def _exit_if_skipped(stats: RunStats, strict: bool) -> None:
    """``--strict``: a run that left any input out ends with its own exit code."""
    if strict and stats.rejected:
        note(
            "error:",
            "red",
            f"{counted(len(stats.rejected), 'input')} skipped (see the skipped lines); "
            f"exit code {SKIPPED_EXIT} (--strict)",
        )
        raise typer.Exit(SKIPPED_EXIT)


def _report_skipped(stats: RunStats) -> None:
    for rejection in stats.rejected:
        note("skipped", "yellow", f"{rejection.source}: {rejection.reason}")


@app.command()
def analyze(
    paths: Annotated[
        list[str] | None,
        typer.Argument(
            metavar="PATH",
            help="Article files or folders (.txt, .html, .json/.jsonl, .warc[.gz]), feeds, "
            "http(s) URLs, or - for stdin.",
        ),
    ] = None,
    output: Annotated[
        Path,
        typer.Option("-o", "--output", metavar="FOLDER", help="Folder for the dossier files."),
    ] = Path("storydiff-out"),
    db: Annotated[
        str | None,
        typer.Option(metavar="FILE", help="SQLite store file; default: OUTPUT/storydiff.db."),
    ] = None,
    published: Annotated[
        list[str] | None,
        typer.Option(
            metavar="FILE=DATE", help="Set a publication date: FILE=YYYY[-MM[-DD]]. Repeatable."
        ),
    ] = None,
    sidecar: Annotated[
        Path | None,
        typer.Option(
            metavar="FILE",
            help="CSV or JSON of per-file metadata: file, published, outlet, title, author.",
        ),
    ] = None,
    allow_private: Annotated[
        bool,
        typer.Option(
            "--allow-private", help="Fetch URLs on private, loopback or link-local addresses too."
        ),
    ] = False,
    max_bytes: Annotated[
        int, typer.Option(help="Largest article (file, record or download) in bytes.")
    ] = MAX_FILE_BYTES,
    summary: Annotated[int, typer.Option(help="Sentences in the summary.")] = 8,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar or table.")] = False,
    story: Annotated[
        str | None,
        typer.Option(
            metavar="ID",
            help="With --db and no PATHs: a stored story, by its id or its first 4+ "
            "characters (storydiff stories --list).",
        ),
    ] = None,
    issue: Annotated[
        str | None,
        typer.Option(
            metavar="TEXT",
            help="The disputed question, in your words (e.g. 'the Port Sallis lease'); "
            "default: found from what the articles repeat.",
        ),
    ] = None,
    split: Annotated[
        bool,
        typer.Option(
            "--split",
            help="When the inputs are about several stories, write one dossier per story "
            "(OUTPUT/story-1, story-2, …) instead of the largest alone.",
        ),
    ] = False,
    strict: Annotated[
        bool,
        typer.Option(
            "--strict",
            help="Exit with code 3 when any input was skipped (unreadable, not news, another "
            "story); the dossier is still written. For scripts that must not lose an input.",
        ),
    ] = False,
    one_story: Annotated[
        bool,
        typer.Option(
            "--one-story",
            help="Analyse every input as one story, however little some share with the "
            "rest (by default an input about another story is named and left out).",
        ),
    ] = False,
    tables: Annotated[
        list[TableFormat] | None,
        typer.Option(
            "--format",
            metavar="csv|parquet",
            help="Also write the dossier as tables (claims, quotes, stances, timeline, "
            "sources) in OUTPUT/tables/, one file each. Repeatable. dossier.json, .html and "
            ".md are always written.",
        ),
    ] = None,
) -> None:
    """Build a cited dossier from articles about one story.

    Writes OUTPUT/dossier.json (the schema'd contract), OUTPUT/dossier.html (one
    self-contained page) and OUTPUT/dossier.md. Unchanged articles are read from the store
    instead of being analysed again.

    Exit codes: 0 written (any input left out is named on a "skipped" line), 2 bad input
    or options (one "error:" line), 3 written but inputs skipped, with --strict.

    Examples:

      storydiff analyze examples/story -o out

      storydiff analyze a.txt b.html --published a.txt=2017-03-10 -o out

      storydiff analyze examples/story --issue "the Port Sallis lease" -o out

      storydiff analyze inbox/ --one-story -o out

      storydiff analyze examples/story --format csv --format parquet -o out

      storydiff analyze https://example.org/feed.xml export.jsonl --sidecar meta.csv -o out

      storydiff analyze --db corpus.db --story 3f2a9c1d0b7e4a65 -o out
    """
    if story is not None or not paths:
        from storydiff.cli.corpus import analyze_story

        analyze_story(db, story, paths, output, summary=summary, quiet=quiet, issue=issue)
        return
    with user_errors():
        check_output_folder(output)
        check_location(outputs.store_location(output, db))
        overrides = PublishedDates(published or [])
        if split and one_story:
            raise InputError(
                "--split and --one-story ask for opposite things; pass one "
                "(--split: a dossier per story; --one-story: every input in one dossier)"
            )
        if max_bytes <= 0:
            raise InputError(f"--max-bytes {max_bytes} must be positive; e.g. --max-bytes 5000000")
        inputs = InputOptions(
            max_bytes=max_bytes,
            allow_private=allow_private,
            not_articles=frozenset({sidecar.resolve()}) if sidecar is not None else frozenset(),
        )
        stated = load_sidecar(sidecar) if sidecar is not None else None
        with stages(quiet) as progress:
            articles, stats = gather_articles(
                paths, overrides=overrides, inputs=inputs, sidecar=stated, progress=progress
            )
            news = _news_only(articles, stats)
            stories = [news] if one_story else _stories(news, progress)
            if len(stories) > 1 and split:
                _write_each_story(stories, stats, output, db, summary, quiet, issue, progress)
                _exit_if_skipped(stats, strict)
                return
            articles = _largest_story(stories, stats)
            fingerprint = run_fingerprint(
                articles,
                stats,
                summary_sentences=summary,
                issue=issue,
                sentence_model=sentence_model.installed(),
            )
            doc = outputs.reusable_dossier(
                output, fingerprint, outputs.store_location(output, db), articles
            )
            if doc is None:
                outputs.RUN_STAMP.clear(output)
                try:
                    doc = build_and_write(
                        articles, stats, output, db, summary=summary, issue=issue, progress=progress
                    )
                except ContractError:
                    _report_skipped(stats)  # every input is named, also when the dossier fails
                    raise
                outputs.RUN_STAMP.write(output, fingerprint)
            else:
                stats.cached = len(articles)
    _report_skipped(stats)
    written = [
        path.name
        for form in dict.fromkeys(tables or [])
        for path in write_tables(doc, output / "tables", form.value)
    ]
    if not quiet:
        console.print(_summary_table(doc, stats))
        unnamed = sum(1 for a in doc["articles"] if not a.get("outlet"))
        if unnamed:
            note(
                "tip:",
                "cyan",
                f"no outlet is known for {counted(unnamed, 'article')}; framing and sources "
                "name outlets given with --sidecar meta.csv (columns file,outlet)",
            )
        console.print(printable(f"wrote {output / 'dossier.json'}, dossier.html, dossier.md"))
        if written:
            console.print(printable(f"wrote {output / 'tables'}: {', '.join(written)}"))
    _exit_if_skipped(stats, strict)
