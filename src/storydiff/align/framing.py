"""How each outlet frames the story: whom it lets speak, its loaded words, what it leaves out."""

from __future__ import annotations

import re
from collections import Counter

from storydiff.align.framing_vocab import LOADED_TERMS
from storydiff.model import Article, Claim, Framing, LoadedTerm, Quote, Voice

_LOADED = re.compile(
    r"\b(" + "|".join(re.escape(t) for t in sorted(LOADED_TERMS, key=len, reverse=True)) + r")\b",
    re.I,
)

_QUOTE_MARKS = "\"“”‘’"


def _inside_quotes(text: str, start: int, quotes: list[Quote]) -> bool:
    """Inside a reported quote, or inside quotation marks on the same line."""
    if any(q.start <= start < q.end for q in quotes):
        return True
    line_start = text.rfind("\n", 0, start) + 1
    before = text[line_start:start]
    opening = sum(before.count(m) for m in "\"“") - before.count("”")
    return opening % 2 == 1


def build_framing(
    articles: list[Article], ids: dict[str, str], quotes: list[Quote], claims: list[Claim]
) -> list[Framing]:
    """Per article: voices quoted, loaded terms (own voice vs quoted), claims it omits."""
    framings = []
    multi_source = [c for c in claims if len({m.article for m in c.members}) > 1]
    for article in articles:
        article_id = ids[article.key]
        own_quotes = [q for q in quotes if q.article == article_id]
        voices: Counter[tuple[str | None, str]] = Counter(
            (q.speaker, q.speaker_name or "unknown") for q in own_quotes
        )
        loaded = [
            LoadedTerm(m.group(0), m.start(), m.end(),
                       _inside_quotes(article.text, m.start(), own_quotes))
            for m in _LOADED.finditer(article.text)
        ]
        omits = [
            c.id for c in multi_source
            if article_id not in {m.article for m in c.members} and article.duplicate_of is None
        ]
        framings.append(Framing(
            article=article_id,
            voices=[Voice(s, n, k) for (s, n), k in voices.most_common()],
            loaded_terms=loaded, omits=omits,
        ))
    return framings
