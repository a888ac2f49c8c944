"""Clean many documents at once: each used once, every one left out named with its reason.

The one loop both the story flow (``pipeline``) and the Dask workers (``scale.worker``) run,
so the two never drift (a text-size check one had and the other lacked).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from storydiff.clean.clean import clean_document
from storydiff.ingest.decode import MAX_TEXT_CHARS
from storydiff.model import Article, RawDocument, Rejection


def _reason_not_used(article: Article, seen: dict[str, Article]) -> str | None:
    if not article.text.strip():
        return "no article text left after cleaning"
    if len(article.text) > MAX_TEXT_CHARS:
        return (
            f"article text is {len(article.text):,} characters after cleaning, over the "
            f"{MAX_TEXT_CHARS:,} one article can have; split it into articles"
        )
    if article.key in seen:
        return f"same text as {seen[article.key].source}; counted once"
    return None


def clean_all(
    items: Iterable[RawDocument | Rejection], on_read: Callable[[], None] | None = None
) -> tuple[list[Article], list[Rejection]]:
    """Cleaned articles (one per distinct text) and the inputs left out, each with why.

    A document that breaks the cleaner is reported, not fatal. ``on_read`` is called once per
    document read (not for inputs already rejected)."""
    articles: dict[str, Article] = {}
    rejected: list[Rejection] = []
    for item in items:
        if isinstance(item, Rejection):
            rejected.append(item)
            continue
        if on_read is not None:
            on_read()
        try:
            article = clean_document(item)
        except Exception as err:
            # The error's own text only: an exception's repr can hold the whole article.
            detail = " ".join(str(err).split())[:160] or "no detail"
            rejected.append(
                Rejection(item.source, f"could not be cleaned ({type(err).__name__}: {detail})")
            )
            continue
        reason = _reason_not_used(article, articles)
        if reason is None:
            articles[article.key] = article
        else:
            rejected.append(Rejection(item.source, reason))
    return list(articles.values()), rejected
