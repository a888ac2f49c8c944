"""How each outlet frames the story: whom it lets speak, its loaded words, what it leaves out."""

from __future__ import annotations

import re
from collections import Counter

from storydiff.align.framing_vocab import LOADED_TERMS, SCARE_QUOTE_WORDS, SPEECH_WORDS
from storydiff.model import Article, Claim, Framing, LoadedTerm, Quote, Voice

_LOADED = re.compile(
    r"\b(" + "|".join(re.escape(t) for t in sorted(LOADED_TERMS, key=len, reverse=True)) + r")\b",
    re.I,
)
_SPEECH = re.compile(r"(?<![\w-])(?:" + "|".join(SPEECH_WORDS) + r")\w*", re.I)  # not "so-called"
_SENTENCE_BREAK = re.compile(r"[.!?]\s|\n")


def enclosing_marks(text: str, start: int) -> tuple[int, int] | None:
    """The pair of quotation marks around ``start`` within its paragraph, if any. An unclosed
    mark (seed 001) does not swallow the rest of the paragraph."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", start)
    line_end = len(text) if line_end < 0 else line_end
    before, after = text[line_start:start], text[start:line_end]
    opened = max(before.rfind("\u201c"), before.rfind('"'))
    straight_closed = before.count('"') % 2 == 0 and opened == before.rfind('"')
    if opened < 0 or "\u201d" in before[opened:] or straight_closed:
        return None
    closing = min((i for i in (after.find("\u201d"), after.find('"')) if i >= 0), default=-1)
    if closing < 0:
        return None
    reopened = after.find("\u201c")
    if 0 <= reopened < closing:
        return None
    return line_start + opened, start + closing


def _scare_quotes(text: str, opened: int, closed: int) -> bool:
    """A word or two in marks with no one said to speak them ("a "sham" by any honest
    measure"): the writer's own distance from a word, not someone else's words."""
    if len(text[opened + 1 : closed].split()) > SCARE_QUOTE_WORDS:
        return False
    breaks = [m.end() for m in _SENTENCE_BREAK.finditer(text, 0, opened)]
    sentence_start = breaks[-1] if breaks else 0
    return _SPEECH.search(text, sentence_start, opened) is None


def inside_quotes(text: str, start: int, quotes: list[Quote]) -> bool:
    """Inside someone's own words: a direct or partial quote, a short fragment in marks inside
    reported speech ("argue the vote was a “sham”"), or a longer pair of marks. Indirect
    speech is otherwise the outlet's paraphrase, so its words stay the outlet's."""
    if any(q.start <= start < q.end and q.kind != "indirect" for q in quotes):
        return True
    marks = enclosing_marks(text, start)
    if marks is None:
        return False
    if any(q.start <= start < q.end for q in quotes):
        return True
    return not _scare_quotes(text, *marks)


def loaded_terms(article: Article, quotes: list[Quote]) -> list[LoadedTerm]:
    """Every loaded word in the article, marked as the outlet's own or as quoted."""
    return [
        LoadedTerm(m.group(0), m.start(), m.end(), inside_quotes(article.text, m.start(), quotes))
        for m in _LOADED.finditer(article.text)
    ]


def _reported(claims: list[Claim], copies: set[str]) -> list[tuple[str, set[str]]]:
    """Claims that two or more independent sources report, with those sources; a copy of
    another article is no independent source."""
    found = []
    for claim in claims:
        reporting = {m.article for m in claim.members} - copies
        if len(reporting) >= 2:
            found.append((claim.id, reporting))
    return found


def _omitted(article_id: str, reported: list[tuple[str, set[str]]]) -> list[str]:
    """Claims that two or more other independent sources report and this one does not."""
    return [claim_id for claim_id, reporting in reported if article_id not in reporting]


def build_framing(
    articles: list[Article], ids: dict[str, str], quotes: list[Quote], claims: list[Claim]
) -> list[Framing]:
    """Per article: voices quoted, loaded terms (own voice vs quoted), claims it omits."""
    copies = {ids[a.key] for a in articles if a.duplicate_of is not None}
    reported = _reported(claims, copies)  # once, not once per article
    quotes_in: dict[str, list[Quote]] = {}
    for quote in quotes:
        quotes_in.setdefault(quote.article, []).append(quote)
    framings = []
    for article in articles:
        article_id = ids[article.key]
        own_quotes = quotes_in.get(article_id, [])
        voices: Counter[tuple[str | None, str]] = Counter(
            (q.speaker, q.speaker_name or "unknown") for q in own_quotes
        )
        framings.append(
            Framing(
                article=article_id,
                voices=[Voice(s, n, k) for (s, n), k in voices.most_common()],
                loaded_terms=loaded_terms(article, own_quotes),
                omits=[] if article_id in copies else _omitted(article_id, reported),
            )
        )
    return framings
