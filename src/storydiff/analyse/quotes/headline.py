"""Attribution by layout: "Graham: Trump's Rhetoric Destroying GOP's Chance", "“…” ― Name".

News sites title an article with the speaker, a colon and the gist of what was said; the colon
is the cue. Transcripts ("TAPPER: Do you think …", also inside a quotation running over
paragraphs: "\"PENCE: Well, …") and poll digests ("Iowa polls - Carl Bialik: “…”") give the
speaker the same way inside the text. Only a short name-like prefix with no verb counts, so a
title such as "Analysis: the vote" or a dateline is not taken for one. A quotation signed with
a dash and a name after it ("“…” ― Adriana Rodarte", an embedded tweet's "— Paul Ryan
(@SpeakerRyan)") is that name's, the dash its cue.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from storydiff.analyse.quotes import vocab
from storydiff.analyse.quotes.marks import QuoteSpan
from storydiff.analyse.quotes.speaker import Speaker

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
    if span is None:
        return None
    if not (len(words) == 1 and words[0][:1].isupper()) and (
        not any(t.pos_ == "PROPN" for t in span)
        or any(t.pos_ in ("VERB", "AUX") or t.like_num for t in span)
    ):
        return None  # one capitalised word ("Trump:", "Poll:") is a speaker whatever its tag
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


# What may separate a digest entry's topic from its speaker ("Pollsters agree - Carl Bialik:").
_SEGMENT = re.compile(r"(?:^|\s)[-\u2013\u2014](?=\s*\S)")


def speaker_lines(
    doc: Doc, text: str, quotes: list[QuoteSpan]
) -> list[tuple[Speaker, int, int, int]]:
    """(speaker, colon, content start, content end) for "NAME: …" paragraphs after the title.

    The content is the quotation that opens right after the colon, else the rest of the
    paragraph without its full stop, as for a title.
    """
    out: list[tuple[Speaker, int, int, int]] = []
    first_end = text.find("\n", len(text) - len(text.lstrip()))
    pos = first_end if first_end >= 0 else len(text)
    while pos < len(text):
        p_start = pos + 1
        p_end = text.find("\n", p_start)
        p_end = len(text) if p_end < 0 else p_end
        pos = p_end
        colon = text.find(":", p_start, p_end)
        if colon < 0:
            continue
        opening = next((q for q in quotes if q.open <= colon < q.close), None)
        if opening is not None and not _transcript_label(text, opening.open, p_start, colon):
            continue
        found = _line_speaker(doc, text, p_start if opening is None else p_start + 1, colon)
        if found is None:
            continue
        c_start = colon + 1
        while c_start < p_end and text[c_start].isspace():
            c_start += 1
        quote = next((q for q in quotes if q.open == c_start), None)
        c_end = quote.close if quote is not None else len(text[:p_end].rstrip())
        if opening is not None:
            c_end = min(c_end, opening.end)  # the whole turn, its stop kept, its mark not
        elif quote is None and c_end > c_start and text[c_end - 1] == ".":
            c_end -= 1
        if len(text[c_start:c_end].split()) >= 2:
            out.append((found, colon, c_start, c_end))
    return out


def _transcript_label(text: str, opening: int, p_start: int, colon: int) -> bool:
    """ "\"PENCE: …": a paragraph of a quoted transcript opens with the mark and a speaker in
    capitals, so its colon is the speaker's, though it lies inside the quotation."""
    label = text[p_start + 1 : colon]
    return opening == p_start and label.isupper() and 0 < len(label.split()) <= MAX_SPEAKER_WORDS


def _line_speaker(doc: Doc, text: str, p_start: int, colon: int) -> Speaker | None:
    """The name before a colon, from the paragraph start or the digest's dash."""
    seg = [m.end() for m in _SEGMENT.finditer(text, p_start, colon)]
    start = max([p_start, *seg])
    prefix = text[start:colon].strip()
    words = prefix.split()
    if not words or len(words) > MAX_SPEAKER_WORDS or prefix.lower() in vocab.HEADLINE_LABELS:
        return None
    span = doc.char_span(start, colon, alignment_mode="contract")
    if span is None or any(t.pos_ in ("VERB", "AUX") or t.like_num for t in span):
        return None
    names = [t for t in span if t.pos_ == "PROPN" or (t.is_upper and t.is_alpha and len(t) > 1)]
    if not names or not words[-1][:1].isupper() or len(prefix) < 2:
        return None  # "Q:" in an interview is the interviewer, not a named speaker
    if all(t.ent_type_ in ("GPE", "LOC") for t in names):
        return None  # "Iowa: Tim Albrecht, Brad Anderson, …" lists who is from where
    n_start = names[0].idx
    name = text[n_start:colon].strip()
    return Speaker(name, n_start, n_start + len(name), n_start, n_start + len(name))


# A name signing a quotation: a dash, then up to five capitalised words, an optional
# "(@handle)", then the end of the line or a date ("— Paul Ryan (@SpeakerRyan) July 5, 2016").
_SIGNATURE = re.compile(
    r"[^\S\n]*\n?[^\S\n]*([\u2015\u2014\u2013-])[^\S\n]*"
    r"((?:[A-Z][\w.'’-]*[^\S\n]+){0,4}[A-Z][\w.'’-]*(?:[^\S\n]+\(@\w+\))?)"
    r"(?=[^\S\n]*(?:$|\n|[.,]?[^\S\n]*(?:\n|$)|[A-Z][a-z]+ \d{1,2}, \d{4}))"
)


def signed_quotes(text: str, quotes: list[QuoteSpan]) -> list[tuple[Speaker, int, int, int]]:
    """(speaker, dash, quote open, quote close) for each quotation signed with a name."""
    out: list[tuple[Speaker, int, int, int]] = []
    for quote in quotes:
        found = _SIGNATURE.match(text, quote.close)
        if found is None:
            continue
        name = found.group(2).rstrip(".")
        start = found.start(2)
        speaker = Speaker(name, start, start + len(name), start, start + len(name))
        out.append((speaker, found.start(1), quote.open, quote.close))
    return out
