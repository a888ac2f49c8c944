"""Per-article analysis: one spaCy pass, then every extractor reads the same Doc."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from storydiff.analyse.entities import extract_mentions, extract_roles
from storydiff.analyse.nlp import load_nlp, spacy_view
from storydiff.analyse.quantities import read_quantities
from storydiff.analyse.quantity_singular import singular_counts
from storydiff.analyse.quotes import extract_quotes
from storydiff.analyse.timex import extract_times
from storydiff.model import Analysis, Article, SentenceRecord

BATCH_SIZE = 16


def analyse_articles(
    articles: Iterable[Article], *, on_done: Callable[[Article], None] | None = None
) -> Iterator[Analysis]:
    """Analyse articles in one streamed spaCy pass; the Doc is dropped after each article."""
    nlp = load_nlp()
    pairs = ((spacy_view(a.text), a) for a in articles)
    for doc, article in nlp.pipe(pairs, as_tuples=True, batch_size=BATCH_SIZE):
        text = article.text
        mentions = extract_mentions(doc, text)
        quantities, left_out = read_quantities(doc, text)
        sentences = [(s.start_char, s.end_char) for s in doc.sents]
        quantities += singular_counts(text, sentences, quantities)
        quantities.sort(key=lambda q: q.start)
        analysis = Analysis(
            article_key=article.key,
            sentences=[SentenceRecord(start, end) for start, end in sentences],
            mentions=mentions,
            roles=extract_roles(doc, text, mentions),
            quotes=extract_quotes(doc, text),
            quantities=quantities,
            times=extract_times(doc, text),
            quantities_left_out=left_out,
        )
        if on_done is not None:
            on_done(article)
        yield analysis
