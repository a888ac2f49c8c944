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

_QUOTE_MARKS = '"“”‘’'


def _inside_quotes(text: str, start: int, quotes: list[Quote]) -> bool:
    """Inside someone's own words: a direct or partial quote, or a pair of quotation marks
    that opens before and closes after the term in the same paragraph. Indirect speech is the
    outlet's paraphrase, so its words stay the outlet's; an unclosed mark (seed 001) does not
    swallow the rest of the paragraph."""
    if any(q.start <= start < q.end and q.kind != "indirect" for q in quotes):
        return True
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", start)
    line_end = len(text) if line_end < 0 else line_end
    before, after = text[line_start:start], text[start:line_end]
    opened = max(before.rfind("\u201c"), before.rfind('"'))
    straight_closed = before.count('"') % 2 == 0 and opened == before.rfind('"')
    if opened < 0 or "\u201d" in before[opened:] or straight_closed:
        return False
    closing = min((i for i in (after.find("\u201d"), after.find('"')) if i >= 0), default=-1)
    if closing < 0:
        return False
    reopened = after.find("\u201c")
    return not 0 <= reopened < closing


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
            LoadedTerm(
                m.group(0), m.start(), m.end(), _inside_quotes(article.text, m.start(), own_quotes)
            )
            for m in _LOADED.finditer(article.text)
        ]
        omits = [
            c.id
            for c in multi_source
            if article_id not in {m.article for m in c.members} and article.duplicate_of is None
        ]
        framings.append(
            Framing(
                article=article_id,
                voices=[Voice(s, n, k) for (s, n), k in voices.most_common()],
                loaded_terms=loaded,
                omits=omits,
            )
        )
    return framings
