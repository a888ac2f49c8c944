"""Headlines that attribute by a colon: "Graham: Trump's Rhetoric Destroying GOP's Chance".

News sites title an article with the speaker, a colon and the gist of what was said; the colon
is the cue. Only the article's first paragraph is read, and only a short name-like prefix with
no verb counts, so a title such as "Analysis: the vote" or a dateline is not taken for one.
"""

from __future__ import annotations

from spacy.tokens import Doc

from storydiff.analyse import speech_vocab as vocab
from storydiff.analyse.quotes_speaker import Speaker

# Longest prefix, in words, that can name a speaker before a headline colon.
MAX_SPEAKER_WORDS = 5


def headline_attribution(doc: Doc, text: str) -> tuple[Speaker, int, int, int] | None:
    """(speaker, colon offset, content start, content end) for a "Name: gist" first line."""
    start = len(text) - len(text.lstrip())
    end = text.find("\n", start)
    end = len(text) if end < 0 else end
    colon = text.find(":", start, end)
    if colon <= start:
        return None
    prefix = text[start:colon].strip()
    words = prefix.split()
    if not words or len(words) > MAX_SPEAKER_WORDS or prefix.lower() in vocab.HEADLINE_LABELS:
        return None
    span = doc.char_span(start, colon, alignment_mode="contract")
    if span is None or not any(t.pos_ == "PROPN" for t in span) \
            or any(t.pos_ in ("VERB", "AUX") or t.like_num for t in span):
        return None
    c_start = colon + 1
    while c_start < end and text[c_start].isspace():
        c_start += 1
    c_end = len(text[:end].rstrip())
    if c_end > c_start and text[c_end - 1] == ".":
        c_end -= 1  # the title's own full stop; a quote's closing mark keeps its stop inside
    if c_end - c_start < 2:
        return None
    p_start = start + text[start:colon].find(prefix)
    speaker = Speaker(prefix, p_start, p_start + len(prefix), p_start, p_start + len(prefix))
    return speaker, colon, c_start, c_end
