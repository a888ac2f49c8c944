"""The Parquet tables: flat, one row per record, every row carrying its article key + offsets.

Flat tables (not nested analyses) so DuckDB, Spark or pandas can join and filter without
knowing our data model: ``SELECT * FROM 'OUT/quotes/*.parquet' WHERE speaker_text = …``.
Each table is a folder of ``part-NNNNNN.parquet`` files, one per input partition.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

import pyarrow as pa

from storydiff.model import Analysis, Article, Rejection
from storydiff.scale.features import StoryFeatures

_S = pa.string()
_I = pa.int32()

SCHEMAS: dict[str, pa.Schema] = {
    "articles": pa.schema(
        [
            ("key", _S), ("source", _S), ("title", _S), ("outlet", _S), ("author", _S),
            ("credit", _S), ("published", _S), ("published_estimate", _S),
            ("estimate_evidence", _S), ("language", _S), ("text", _S), ("chars", _I),
            ("sentences", _I),
        ]
    ),
    "features": pa.schema(
        [
            ("key", _S), ("source", _S), ("published", _S), ("signature", pa.binary()),
            ("features", pa.list_(_S)), ("weights", pa.list_(pa.float32())),
        ]
    ),
    "mentions": pa.schema(
        [("article_key", _S), ("start", _I), ("end", _I), ("text", _S), ("label", _S)]
    ),
    "quotes": pa.schema(
        [
            ("article_key", _S), ("start", _I), ("end", _I), ("text", _S), ("kind", _S),
            ("speaker_text", _S), ("speaker_start", _I), ("speaker_end", _I), ("cue", _S),
            ("channel", _S), ("co_speakers", pa.list_(_S)), ("warning", _S),
        ]
    ),
    "quantities": pa.schema(
        [
            ("article_key", _S), ("start", _I), ("end", _I), ("text", _S),
            ("value", pa.float64()), ("unit", _S), ("what", _S), ("approx", pa.bool_()),
            ("bound", _S), ("sentence_start", _I), ("sentence_end", _I),
        ]
    ),
    "times": pa.schema(
        [
            ("article_key", _S), ("start", _I), ("end", _I), ("text", _S), ("value", _S),
            ("relative_unit", _S), ("relative_delta", _I), ("sentence_start", _I),
            ("sentence_end", _I),
        ]
    ),
    "rejections": pa.schema([("source", _S), ("reason", _S)]),
}  # fmt: skip


def _rows(
    analyses: Iterable[Analysis], pick: Callable[[Analysis], Iterable[Any]], fields: list[str]
) -> list[dict[str, Any]]:
    """Flatten one record list of every analysis, each row tagged with its article key."""
    out = []
    for analysis in analyses:
        for record in pick(analysis):
            row = {"article_key": analysis.article_key}
            row.update({name: getattr(record, name) for name in fields if name != "article_key"})
            out.append(row)
    return out


def partition_tables(
    articles: list[Article],
    analyses: list[Analysis],
    features: list[tuple[bytes, StoryFeatures]],
    rejections: list[Rejection],
) -> dict[str, pa.Table]:
    """The tables of one partition; ``articles``, ``analyses`` and ``features`` align."""
    names = {name: SCHEMAS[name].names for name in SCHEMAS}
    sentence_counts = {a.article_key: len(a.sentences) for a in analyses}
    article_rows = [
        {
            "key": a.key, "source": a.source, "title": a.title, "outlet": a.outlet,
            "author": a.author, "credit": a.credit, "published": a.published,
            "published_estimate": a.published_estimate.value if a.published_estimate else None,
            "estimate_evidence": a.published_estimate.evidence if a.published_estimate else None,
            "language": a.language, "text": a.text, "chars": len(a.text),
            "sentences": sentence_counts.get(a.key, 0),
        }
        for a in articles
    ]  # fmt: skip
    feature_rows = []
    for article, (sig, feats) in zip(articles, features, strict=True):
        vector = feats.vector()
        feature_rows.append(
            {
                "key": article.key,
                "source": article.source,
                "published": article.published
                or (article.published_estimate.value if article.published_estimate else None),
                "signature": sig,
                "features": list(vector),
                "weights": list(vector.values()),
            }
        )
    rows: dict[str, list[dict[str, Any]]] = {
        "articles": article_rows,
        "features": feature_rows,
        "mentions": _rows(analyses, lambda a: a.mentions, names["mentions"]),
        "quotes": _rows(analyses, lambda a: a.quotes, names["quotes"]),
        "quantities": _rows(analyses, lambda a: a.quantities, names["quantities"]),
        "times": _rows(analyses, lambda a: a.times, names["times"]),
        "rejections": [{"source": r.source, "reason": r.reason} for r in rejections],
    }
    return {
        name: pa.Table.from_pylist(rows[name], schema=schema) for name, schema in SCHEMAS.items()
    }
