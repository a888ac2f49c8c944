"""``storydiff analyze``: articles in, a cited dossier out."""

from __future__ import annotations

import contextlib
import json
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from storydiff import sentence_model
from storydiff.cli.app import (
    app,
    check_output_folder,
    console,
    err_console,
    note,
    printable,
    user_errors,
)
from storydiff.errors import ContractError, InputError
from storydiff.ingest import MAX_FILE_BYTES, InputOptions, load_sidecar
from storydiff.ingest.sidecar import exact_date
from storydiff.model import Article
from storydiff.pipeline import RunStats, build_story, gather_articles, run_fingerprint
from storydiff.store import open_store
from storydiff.store.sqlite import check_location


def _published_overrides(values: list[str]) -> Callable[[Article], None]:
    """``--published FILE=DATE``: the user knows the date better than any estimate.

    FILE is matched as a path: ``a/x.txt`` dates ``a/x.txt`` (or ``in/a/x.txt``), never
    ``b/x.txt``; a bare ``x.txt`` dates the one input of that name, and naming two is an error.
    """
    dates: dict[str, str] = {}
    for value in values:
        name, _, date = value.rpartition("=")  # a date has no "=", a file name may
        if not name or not date:
            raise InputError(
                f"--published {value!r} is not FILE=DATE; write e.g. --published a.txt=2017-03-10"
            )
        if exact_date(date) is None:
            raise InputError(
                f"--published {value!r}: {date!r} is not a real date from year 1000 on; "
                "write FILE=DATE with DATE as YYYY-MM-DD, YYYY-MM or YYYY, e.g. a.txt=2017-03-10"
            )
        dates[name] = date.strip()
    matched: dict[str, str] = {}

    def apply(article: Article) -> None:
        for name, date in dates.items():
            if not _names(article.source, name):
                continue
            if name in matched and matched[name] != article.source:
                raise InputError(
                    f"--published {name}={date} matches both {matched[name]} and "
                    f"{article.source}; write the path, e.g. --published {article.source}={date}"
                )
            matched[name] = article.source
            article.published = date

    return apply


def _names(source: str, name: str) -> bool:
    """Whether ``--published`` FILE names the input ``source``: the same text, or the same
    path's last parts (``a/x.txt`` names ``in/a/x.txt``), or the same file once resolved."""
    if source == name:
        return True
    if "://" in source or "://" in name:
        return False
    given, actual = Path(name), Path(source)
    parts = given.parts
    if ".." not in parts and not given.is_absolute() and actual.parts[-len(parts) :] == parts:
        return True
    try:
        return given.resolve() == actual.resolve()
    except (OSError, RuntimeError):
        return False


def _linking_note() -> str:
    """Say whether the sentence model took part, and how to install it when it did not."""
    if sentence_model.installed():
        return "words + sentence model"
    return f"words only ({sentence_model.INSTALL_HINT})"


def _summary_table(doc: dict[str, Any], stats: RunStats) -> Table:
    table = Table(title=printable(doc["story"]["title"]), title_justify="left")
    table.add_column("what")
    table.add_column("count", justify="right")
    verdicts = [c["verdict"] for c in doc["claims"]]
    rows = [
        ("articles analysed / from cache", f"{stats.analysed} / {stats.cached}"),
        ("inputs skipped", str(len(stats.rejected))),
        ("entities", str(len(doc["entities"]))),
        ("quotes", str(len(doc["quotes"]))),
        *(
            (f"claims: {v}", str(verdicts.count(v)))
            for v in ("agree", "compatible", "conflict", "single-source", "unresolved")
        ),
        ("stances (changes)", f"{len(doc['stances'])} ({len(doc['stance_changes'])})"),
        ("timeline events", str(len(doc["timeline"]))),
        ("claims linked by", _linking_note()),
    ]
    for name, value in rows:
        table.add_row(name, value)
    return table


class _RunStamp:
    """A note in the output folder of what its dossier was built from.

    A re-run on the same articles, options and code finds the same fingerprint there and
    reuses the dossier instead of aligning and rendering it again.
    """

    name = ".storydiff-run.json"
    outputs = ("dossier.json", "dossier.html", "dossier.md")

    def read(self, output: Path) -> str | None:
        try:
            stamp = json.loads((output / self.name).read_text("utf-8"))
        except (OSError, ValueError):
            return None
        if not all((output / name).is_file() for name in self.outputs):
            return None
        fingerprint = stamp.get("fingerprint") if isinstance(stamp, dict) else None
        return fingerprint if isinstance(fingerprint, str) else None

    def clear(self, output: Path) -> None:
        """Forget the old fingerprint before the files it vouches for are rewritten."""
        (output / self.name).unlink(missing_ok=True)

    def write(self, output: Path, fingerprint: str) -> None:
        (output / self.name).write_text(json.dumps({"fingerprint": fingerprint}), "utf-8")


_RUN_STAMP = _RunStamp()


def _store_location(output: Path, db: str | None) -> str | Path:
    return db or output / "storydiff.db"


def _store_holds(location: str | Path, articles: list[Article]) -> bool:
    """Whether the store has every article's analysis, as a run through it would leave it."""
    from storydiff.analyse import analyser_version

    version = analyser_version()
    store = open_store(location)
    try:
        return all(store.get_analysis(a.key, version) is not None for a in articles)
    finally:
        store.close()


def _reusable_dossier(
    output: Path, fingerprint: str, store: str | Path, articles: list[Article]
) -> dict[str, Any] | None:
    """The dossier already in ``output`` when it was built from exactly this run's inputs.

    Only when the store given now holds the articles too: a new ``--db`` (or a deleted store)
    is filled by building again, with whatever the store already has reused.
    """
    if _RUN_STAMP.read(output) != fingerprint:
        return None
    try:
        doc = json.loads((output / "dossier.json").read_text("utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(doc, dict) or not _store_holds(store, articles):
        return None
    return doc


def _write_broken(doc: dict[str, Any], output: Path) -> str:
    """Write a dossier that fails its schema as it is, and the pages that still render.

    Returns what was written, for the error line; a page that cannot render is removed, so no
    page from an earlier run stands beside the new dossier.json.
    """
    from storydiff.report import render_html, render_markdown

    renderers: dict[str, Callable[[dict[str, Any]], str]] = {
        "dossier.html": render_html,
        "dossier.md": render_markdown,
    }
    try:
        output.mkdir(parents=True, exist_ok=True)
        text = json.dumps(doc, ensure_ascii=False, indent=1, default=repr)
        (output / "dossier.json").write_text(text, "utf-8")
    except (OSError, ValueError):
        return "nothing was written"
    written = [str(output / "dossier.json")]
    for name, render in renderers.items():
        try:
            (output / name).write_text(render(doc), "utf-8")
        except Exception:  # the broken value may break a page too; the JSON is what matters
            with contextlib.suppress(OSError):
                (output / name).unlink(missing_ok=True)
        else:
            written.append(name)
    return f"wrote {', '.join(written)} as they are"


def build_and_write(
    articles: list[Article],
    stats: RunStats,
    output: Path,
    db: str | None,
    summary: int,
    quiet: bool,
    issue: str | None = None,
) -> dict[str, Any]:
    """Analyse what the store lacks, align, validate and write the three dossier files."""
    from jsonschema import ValidationError

    from storydiff.report import render_html, render_markdown, to_document, validate

    store = open_store(_store_location(output, db))
    try:
        with Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            console=err_console,
            disable=quiet,
            transient=True,
        ) as bar:
            task = bar.add_task("analysing articles", total=None)

            def progress(stage: str, done: int, total: int) -> None:
                bar.update(task, completed=done, total=total)

            dossier = build_story(
                articles, store, stats, progress=progress, summary_sentences=summary, issue=issue
            )
    finally:
        store.close()
    doc = to_document(dossier)
    try:
        validate(doc)
    except ValidationError as err:
        # A bug of ours, not the user's: keep what can be kept, then say where the value is.
        raise ContractError.from_validation(err, _write_broken(doc, output)) from None
    try:
        output.mkdir(parents=True, exist_ok=True)
        with (output / "dossier.json").open("w", encoding="utf-8") as file:
            # Streamed: a big story's document is never held as one more string in memory.
            json.dump(doc, file, ensure_ascii=False, indent=1)
        (output / "dossier.html").write_text(render_html(doc), "utf-8")
        (output / "dossier.md").write_text(render_markdown(doc), "utf-8")
    except OSError as err:  # checked before the run, so the disk filled or the folder went
        reason = (err.strerror or type(err).__name__).lower()
        raise InputError(
            f"cannot write the dossier files in {output} ({reason}); free space or pass "
            "another -o, then run again (analysed articles are kept in the store)"
        ) from None
    return doc


def _report_skipped(stats: RunStats) -> None:
    for rejection in stats.rejected:
        note("skipped", "yellow", f"{rejection.source}: {rejection.reason}")


@app.command()
def analyze(
    paths: Annotated[
        list[str] | None,
        typer.Argument(
            help="Article files or folders (.txt, .html, .json/.jsonl, .warc[.gz]), feeds, "
            "http(s) URLs, or - for stdin."
        ),
    ] = None,
    output: Annotated[
        Path, typer.Option("-o", "--output", help="Folder for the dossier files.")
    ] = Path("storydiff-out"),
    db: Annotated[
        str | None, typer.Option(help="SQLite store file; default: OUTPUT/storydiff.db.")
    ] = None,
    published: Annotated[
        list[str] | None,
        typer.Option(help="Set a publication date: FILE=YYYY[-MM[-DD]]. Repeatable."),
    ] = None,
    sidecar: Annotated[
        Path | None,
        typer.Option(
            help="CSV or JSON of per-file metadata: file, published, outlet, title, author."
        ),
    ] = None,
    allow_private: Annotated[
        bool,
        typer.Option(help="Fetch URLs on private, loopback or link-local addresses too."),
    ] = False,
    max_bytes: Annotated[
        int, typer.Option(help="Largest article (file, record or download) in bytes.")
    ] = MAX_FILE_BYTES,
    summary: Annotated[int, typer.Option(help="Sentences in the summary.")] = 8,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar or table.")] = False,
    story: Annotated[
        str | None,
        typer.Option(help="With --db and no PATHS: a stored story (storydiff stories --list)."),
    ] = None,
    issue: Annotated[
        str | None,
        typer.Option(
            help="The disputed question, in your words (e.g. 'the Port Sallis lease'); "
            "default: found from what the articles repeat."
        ),
    ] = None,
) -> None:
    """Build a cited dossier from articles about one story.

    Writes OUTPUT/dossier.json (the schema'd contract), OUTPUT/dossier.html (one
    self-contained page) and OUTPUT/dossier.md. Unchanged articles are read from the store
    instead of being analysed again.

    Examples:

      storydiff analyze examples/story -o out

      storydiff analyze a.txt b.html --published a.txt=2017-03-10 -o out

      storydiff analyze examples/story --issue "the Port Sallis lease" -o out

      storydiff analyze https://example.org/feed.xml export.jsonl --sidecar meta.csv -o out

      storydiff analyze --db corpus.db --story 3f2a9c1d0b7e4a65 -o out
    """
    if story is not None or not paths:
        from storydiff.cli.corpus import analyze_story

        analyze_story(db, story, paths, output, summary=summary, quiet=quiet, issue=issue)
        return
    with user_errors():
        check_output_folder(output)
        check_location(_store_location(output, db))
        overrides = _published_overrides(published or [])
        if max_bytes <= 0:
            raise InputError(f"--max-bytes {max_bytes} must be positive; e.g. --max-bytes 5000000")
        inputs = InputOptions(max_bytes=max_bytes, allow_private=allow_private)
        stated = load_sidecar(sidecar) if sidecar is not None else None
        articles, stats = gather_articles(paths, overrides=overrides, inputs=inputs, sidecar=stated)
        fingerprint = run_fingerprint(
            articles,
            stats,
            summary_sentences=summary,
            issue=issue,
            sentence_model=sentence_model.installed(),
        )
        doc = _reusable_dossier(output, fingerprint, _store_location(output, db), articles)
        if doc is None:
            _RUN_STAMP.clear(output)
            try:
                doc = build_and_write(articles, stats, output, db, summary, quiet, issue)
            except ContractError:
                _report_skipped(stats)  # every input is named, also when the dossier fails
                raise
            _RUN_STAMP.write(output, fingerprint)
        else:
            stats.cached = len(articles)
    _report_skipped(stats)
    if not quiet:
        console.print(_summary_table(doc, stats))
        console.print(printable(f"wrote {output / 'dossier.json'}, dossier.html, dossier.md"))
