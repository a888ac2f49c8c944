"""One partition, on a Dask worker: clean, analyse, read grouping features, return tables.

The worker returns Arrow tables instead of writing files, so a remote cluster needs no
filesystem shared with the machine that started the batch; the driver writes each partition
and only then records it as finished. spaCy loads once per worker process (``load_nlp`` is
cached), on the first partition it gets.
"""

from __future__ import annotations

from collections.abc import Sequence

import pyarrow as pa

from storydiff.model import Analysis, Article, Rejection
from storydiff.scale.features import StoryFeatures, signature, story_features
from storydiff.scale.source import Document
from storydiff.scale.tables import partition_tables


def clean_partition(documents: Sequence[Document]) -> tuple[list[Article], list[Rejection]]:
    """Cleaned articles, and the inputs that could not be used, each with its reason."""
    from storydiff.clean import clean_all

    return clean_all(documents)


def _analyse(articles: list[Article], rejected: list[Rejection]) -> list[Analysis]:
    """One streamed spaCy pass; if it breaks, analyse one by one to isolate the culprit."""
    from storydiff.analyse.article import analyse_articles

    try:
        return list(analyse_articles(articles))
    except Exception:
        pass
    done: list[Analysis] = []
    for article in list(articles):
        try:
            done.extend(analyse_articles([article]))
        except Exception as err:
            articles.remove(article)
            rejected.append(Rejection(article.source, f"could not be analysed ({err!r})"))
    return done


def analyse_partition(documents: Sequence[Document]) -> dict[str, pa.Table]:
    """Everything the batch stores about one partition, as flat Arrow tables."""
    articles, rejected = clean_partition(documents)
    analyses = _analyse(articles, rejected) if articles else []
    features: list[tuple[bytes, StoryFeatures]] = [
        (signature(a.text), story_features(a.text, a.title)) for a in articles
    ]
    return partition_tables(articles, analyses, features, rejected)


def warm_up() -> str:
    """Load spaCy in this worker now (benchmarks time work, not start-up)."""
    from storydiff.analyse.nlp import load_nlp

    nlp = load_nlp()
    return str(nlp.meta.get("name", ""))
