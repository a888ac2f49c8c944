"""The whole flow for one story: ingest → clean → analyse → align, with the store beside it."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from storydiff import codec
from storydiff.analyse import analyser_version
from storydiff.clean import clean_all
from storydiff.errors import InputError
from storydiff.ingest import InputOptions, InputReader, Sidecar
from storydiff.ingest.sidecar import exact_date, with_metadata
from storydiff.model import Analysis, Article, Dossier, RawDocument, Rejection
from storydiff.store import Store

# (stage, done, total): "read" (documents read and cleaned so far; total 0, not known before
# the end), "analyse" (articles through spaCy, of those the store lacks), "align" (total: the
# articles), and outputs' "write" (dossier files written).
Progress = Callable[[str, int, int], None]


@dataclass
class RunStats:
    """What a run did, for the terminal summary and for tests of the cache."""

    read: int = 0
    analysed: int = 0
    cached: int = 0
    rejected: list[Rejection] = field(default_factory=list)


def _clean_all(
    items: Iterable[RawDocument | Rejection], stats: RunStats, progress: Progress | None = None
) -> list[Article]:
    """Clean every document, counting what was read and recording what was left out."""

    def counted() -> None:
        stats.read += 1
        if progress:
            progress("read", stats.read, 0)

    articles, rejected = clean_all(items, on_read=counted)
    stats.rejected.extend(rejected)
    return articles


def _analyses(
    articles: list[Article], store: Store, stats: RunStats, progress: Progress | None
) -> dict[str, Analysis]:
    """Cached analyses from the store; only new or changed articles go through spaCy."""
    version = analyser_version()
    found: dict[str, Analysis] = {}
    todo: list[Article] = []
    for article in articles:
        cached = store.get_analysis(article.key, version)
        if cached is None:
            todo.append(article)
        else:
            found[article.key] = cached
    stats.cached = len(found)
    done = 0

    def tick(_: Article) -> None:
        nonlocal done
        done += 1
        if progress:
            progress("analyse", done, len(todo))

    if not todo:
        return found
    if progress:
        progress("analyse", 0, len(todo))  # named while spaCy loads
    from storydiff.analyse.article import analyse_articles  # loads spaCy: only when needed

    for analysis in analyse_articles(todo, on_done=tick):
        article = next(a for a in todo if a.key == analysis.article_key)
        store.put_article(article)
        store.put_analysis(analysis, version)
        found[analysis.article_key] = analysis
        stats.analysed += 1
    return found


def _stated_metadata(article: Article, reader: InputReader, sidecar: Sidecar | None) -> Article:
    """What the input states (JSONL fields, feed entries), then the user's sidecar, on top."""
    stated = reader.metadata.get(article.source)
    if stated is not None:
        article = with_metadata(article, stated)
    given = sidecar.lookup(article.source) if sidecar is not None else None
    return article if given is None else with_metadata(article, given)


def read_articles(
    paths: Sequence[str | Path],
    *,
    inputs: InputOptions | None = None,
    sidecar: Sidecar | None = None,
    progress: Progress | None = None,
) -> tuple[list[Article], RunStats]:
    """Ingest and clean everything under ``paths``, with stated and user-given metadata on top;
    what could not be used is in the stats' rejections (none found is no error here)."""
    stats = RunStats()
    reader = InputReader(inputs or InputOptions())
    try:
        articles = _clean_all(reader.read(paths), stats, progress)
    finally:
        reader.close()
    return [_stated_metadata(article, reader, sidecar) for article in articles], stats


def require_articles(articles: list[Article], stats: RunStats) -> None:
    """Refuse a story with no article left to analyse, naming the first reasons."""
    if not articles:
        reasons = "; ".join(f"{r.source}: {r.reason}" for r in stats.rejected[:3]) or "no files"
        raise InputError(f"nothing could be analysed ({reasons}); pass .txt or .html articles")


def gather_articles(
    paths: Sequence[str | Path],
    *,
    overrides: Callable[[Article], Article] | None = None,
    inputs: InputOptions | None = None,
    sidecar: Sidecar | None = None,
    progress: Progress | None = None,
) -> tuple[list[Article], RunStats]:
    """Ingest and clean everything under ``paths``, with stated and user-given metadata on top."""
    articles, stats = read_articles(paths, inputs=inputs, sidecar=sidecar, progress=progress)
    require_articles(articles, stats)
    if sidecar is not None:
        sidecar.check_used()
    if overrides is not None:
        articles = [overrides(article) for article in articles]
        if isinstance(overrides, PublishedDates):
            overrides.check_used(articles)
    return articles, stats


def build_story(
    articles: list[Article],
    store: Store,
    stats: RunStats,
    *,
    progress: Progress | None = None,
    summary_sentences: int = 8,
    issue: str | None = None,
) -> Dossier:
    """Analyse what the store lacks, then align the articles into one dossier."""
    from storydiff.align import build_dossier  # not needed on a cached run

    analyses = _analyses(articles, store, stats, progress)
    if progress:
        progress("align", 0, len(articles))
    return build_dossier(
        articles, analyses, stats.rejected, summary_sentences=summary_sentences, issue=issue
    )


def run_story(
    paths: Sequence[str | Path],
    store: Store,
    *,
    progress: Progress | None = None,
    overrides: Callable[[Article], Article] | None = None,
    summary_sentences: int = 8,
    inputs: InputOptions | None = None,
    sidecar: Sidecar | None = None,
    issue: str | None = None,
) -> tuple[Dossier, RunStats]:
    """Build the dossier for the articles under ``paths`` (files, folders, URLs, feeds, -)."""
    articles, stats = gather_articles(paths, overrides=overrides, inputs=inputs, sidecar=sidecar)
    dossier = build_story(
        articles, store, stats, progress=progress, summary_sentences=summary_sentences, issue=issue
    )
    return dossier, stats


class PublishedDates:
    """``--published FILE=DATE``: the user knows the date better than any estimate.

    FILE is matched as a path: ``a/x.txt`` dates ``a/x.txt`` (or ``in/a/x.txt``), never
    ``b/x.txt``; a bare ``x.txt`` dates the one input of that name, and naming two is an error,
    as is naming none (a typo would otherwise leave the article undated without a word).
    """

    def __init__(self, values: list[str]) -> None:
        self.dates: dict[str, str] = {}
        for value in values:
            name, _, date = value.rpartition("=")  # a date has no "=", a file name may
            if not name or not date:
                raise InputError(
                    f"--published {value!r} is not FILE=DATE; write e.g. "
                    "--published a.txt=2017-03-10"
                )
            if exact_date(date) is None:
                raise InputError(
                    f"--published {value!r}: {date!r} is not a real date from year 1000 on; write "
                    "FILE=DATE with DATE as YYYY-MM-DD, YYYY-MM or YYYY, e.g. a.txt=2017-03-10"
                )
            self.dates[name] = date.strip()
        self.matched: dict[str, str] = {}

    def __call__(self, article: Article) -> Article:
        for name, date in self.dates.items():
            if not _names(article.source, name):
                continue
            if name in self.matched and self.matched[name] != article.source:
                raise InputError(
                    f"--published {name}={date} matches both {self.matched[name]} and "
                    f"{article.source}; write the path, e.g. --published {article.source}={date}"
                )
            self.matched[name] = article.source
            article = replace(article, published=date, published_estimate=None)
        return article

    def check_used(self, articles: list[Article]) -> None:
        missing = [name for name in self.dates if name not in self.matched]
        if missing:
            inputs = ", ".join(a.source for a in articles[:3])
            raise InputError(
                f"--published {missing[0]}={self.dates[missing[0]]} names no input "
                f"(the inputs include {inputs}); write an input's file name or path"
            )


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


def story_groups(articles: list[Article]) -> list[list[Article]]:
    """The inputs split by the story each is about, the largest story first: a dossier is
    about one story, and a stray article would set its issue (``scale.gathered``)."""
    from storydiff.scale.features import story_features
    from storydiff.scale.gathered import linked_groups

    vectors = [story_features(a.text, a.title).vector() for a in articles]
    return [[articles[i] for i in group] for group in linked_groups(vectors)]


def _code_fingerprint() -> str:
    """Names, sizes and times of storydiff's own files: any code change makes a new dossier."""
    root = Path(__file__).parent
    files = sorted(p for p in root.rglob("*") if p.suffix in {".py", ".json", ".html", ".css"})
    return "\n".join(
        f"{p.relative_to(root)} {p.stat().st_size} {p.stat().st_mtime_ns}" for p in files
    )


def run_fingerprint(articles: list[Article], stats: RunStats, **options: object) -> str:
    """Everything a dossier depends on: the articles, what was skipped, options, code and model.

    Two runs with the same fingerprint produce the same dossier, so the second can reuse it.
    """
    parts = {
        "articles": [codec.to_plain(a) for a in articles],
        "rejected": [(r.source, r.reason) for r in stats.rejected],
        "options": options,
        "analyser": analyser_version(),
        "code": _code_fingerprint(),
    }
    blob = json.dumps(parts, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()
