"""The Python entry points: articles in (paths, URLs or texts in memory), a dossier out.

The command line, the web app and notebooks all reach the same flow; this module is the
small, stable surface a script imports (``storydiff.analyze``), the rest is internal.
"""

from __future__ import annotations

import tempfile
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any, Literal

from storydiff.errors import ContractError, InputError
from storydiff.ingest.decode import noted, one_line, scrub
from storydiff.model import Article, Dossier, RawDocument

# Where a text given in memory looks like a page rather than plain text.
_HTML_START = ("<!doctype", "<html", "<head", "<body", "<article", "<div", "<p>")


def _from_memory(texts: Mapping[str, str]) -> list[Article]:
    """Clean texts given in memory, keyed by the name the dossier should show for each."""
    from storydiff.clean import clean_document

    articles: dict[str, Article] = {}
    for name, content in texts.items():
        if not isinstance(content, str):
            raise InputError(f"text {name!r} is {type(content).__name__}, not str; pass str")
        # Text enters here as it does through ingest: no NUL, no lone surrogate, one-line name.
        content, note = scrub(content)
        is_html = content.lstrip()[:20].lower().startswith(_HTML_START)
        kind: Literal["text", "html"] = "html" if is_html else "text"
        article = clean_document(RawDocument(one_line(name), content, kind, noted("utf-8", note)))
        if article.text.strip():
            articles.setdefault(article.key, article)
    if not articles:
        raise InputError("no article text in the texts given; pass news articles as str")
    return list(articles.values())


def analyze(
    inputs: Sequence[str | Path] | Mapping[str, str],
    *,
    db: str | Path | None = None,
    issue: str | None = None,
    summary_sentences: int = 8,
) -> Dossier:
    """Build one story's dossier.

    ``inputs`` is either paths, folders, URLs and feeds (as on the command line), or a mapping
    of names to article texts (plain text or HTML) held in memory. ``db`` keeps analyses in a
    store between calls (a SQLite path or a postgresql:// URL); by default a temporary one.
    """
    from storydiff.pipeline import RunStats, build_story, gather_articles
    from storydiff.store import open_store

    if isinstance(inputs, Mapping):
        articles, stats = _from_memory(inputs), RunStats()
        stats.read = len(articles)
    else:
        articles, stats = gather_articles(list(inputs))
    with (
        tempfile.TemporaryDirectory() as tmp,
        open_store(db if db is not None else Path(tmp) / "storydiff.db") as store,
    ):
        return build_story(articles, store, stats, summary_sentences=summary_sentences, issue=issue)


def to_json(dossier: Dossier) -> dict[str, Any]:
    """The dossier as the public JSON contract (``storydiff schema``), validated."""
    from jsonschema import ValidationError

    from storydiff.report import to_document, validate

    document = to_document(dossier)
    try:
        validate(document)
    except ValidationError as err:  # a bug of ours: say where, never a jsonschema traceback
        raise ContractError.from_validation(err) from None
    return document
