"""Fuzz the dossier builder and its contract: any articles give a dossier the schema accepts.

Each input becomes one to three articles, dated or not, made of news fragments the
extractors act on (figures, dates down to seasons, quarters and decades, quotations) mixed
with arbitrary text. They go the whole way a story goes after ingest: cleaning, spaCy and
the extractors, alignment, the JSON document; a document the JSON Schema rejects is a
crash, as is one that is not plain JSON (NaN). spaCy loads once, before fuzzing starts.
"""

from __future__ import annotations

import calendar
import json
from dataclasses import replace

import atheris

with atheris.instrument_imports(include=["storydiff"]):
    from storydiff.align import build_dossier
    from storydiff.analyse.article import analyse_articles
    from storydiff.analyse.nlp import load_nlp
    from storydiff.clean import clean_document
    from storydiff.model import Article, RawDocument
    from storydiff.report import to_document, validate

from _harness import run

# What the extractors key on: figures with units and ranges, dates of every grain (seasons,
# quarters, decades, parts of day, relative ones), reporting verbs, quotation marks.
FRAGMENTS = (
    "The minister said",
    "police said",
    "according to the council,",
    "told reporters",
    "12 people were killed",
    "at least 30 were injured",
    "three men were arrested",
    "a 45-year-old man",
    "between 200 and 300 workers",
    "$4.5 million",
    "2.5 per cent",
    "nearly half of the 1,200 residents",
    "on Tuesday",
    "last autumn",
    "in the spring of 2025",
    "Q3 2019",
    "in the third quarter of 2019",
    "in the 1990s",
    "on the morning of March 3",
    "on 10 March 2017",
    "last year",
    "two weeks ago",
    "next month",
    "in 2014",
    "Tuesday night",
    "during the summer",
    "“We will not sign,”",
    '"The vote is delayed,"',
    "‘no comment’",
    "«Non»",
    "she said.",
    "he added.",
    ".",
    ",",
    "\n\n",
)


def _date(provider: atheris.FuzzedDataProvider) -> str | None:
    """No date, or a real YYYY, YYYY-MM or YYYY-MM-DD (what ingest lets through)."""
    grain = provider.ConsumeIntInRange(0, 3)
    if grain == 0:
        return None
    year = provider.ConsumeIntInRange(1990, 2030)
    month = provider.ConsumeIntInRange(1, 12)
    day = provider.ConsumeIntInRange(1, calendar.monthrange(year, month)[1])
    return [f"{year}", f"{year}-{month:02d}", f"{year}-{month:02d}-{day:02d}"][grain - 1]


def _text(provider: atheris.FuzzedDataProvider) -> str:
    parts = []
    for _ in range(provider.ConsumeIntInRange(1, 40)):
        choice = provider.ConsumeIntInRange(0, len(FRAGMENTS) + 1)
        if choice < len(FRAGMENTS):
            parts.append(FRAGMENTS[choice])
        elif choice == len(FRAGMENTS):
            parts.append(str(provider.ConsumeIntInRange(-10, 10**7)))
        else:
            parts.append(provider.ConsumeUnicodeNoSurrogates(12))
    return " ".join(parts)


def test_one_input(data: bytes) -> None:
    provider = atheris.FuzzedDataProvider(data)
    articles: dict[str, Article] = {}
    for n in range(provider.ConsumeIntInRange(1, 3)):
        article = clean_document(RawDocument(f"fuzz{n}.txt", _text(provider), "text"))
        published = _date(provider)
        if published is not None:  # as --published or a sidecar sets it
            article = replace(article, published=published, published_estimate=None)
        if article.text.strip():  # the pipeline skips an empty text and counts a copy once
            articles.setdefault(article.key, article)
    if not articles:
        return
    chosen = list(articles.values())
    analyses = {analysis.article_key: analysis for analysis in analyse_articles(chosen)}
    document = to_document(build_dossier(chosen, analyses, []))
    validate(document)  # raises jsonschema.ValidationError, naming the value
    json.dumps(document, allow_nan=False)


if __name__ == "__main__":
    load_nlp()  # once, not inside the first input's time
    run(test_one_input)
