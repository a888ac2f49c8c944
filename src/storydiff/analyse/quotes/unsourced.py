"""Attributions with no source: views stated impersonally and questions put by no one named.

PolNeAR marks "Trump seemed unperturbed", "Cruz is expected to win" and "was asked whether …"
with a cue and content but an empty source. A quote dossier has no use for them, so only the
cognitive mode used for scoring asks for them.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from storydiff.analyse.quotes import vocab
from storydiff.analyse.quotes.record import Attribution, mostly_quoted
from storydiff.analyse.quotes.spans import CharSpan, clause_span, cue_extent, phrase_span
from storydiff.analyse.quotes.speaker import SpeakerIndex
from storydiff.model import QuoteRecord


def unsaid_asker(verb: Token) -> bool:
    """ "was asked whether …", "Asked if …, he said": a question whose asker goes unnamed."""
    kids = list(verb.children)
    if any(c.dep_ == "agent" for c in kids):
        return False
    if any(c.dep_ == "auxpass" for c in kids):
        return True
    return verb.tag_ == "VBN" and verb.dep_ == "advcl" and not any(c.dep_ == "nsubj" for c in kids)


def question(
    text: str, index: SpeakerIndex, verb: Token, direct: list[Attribution]
) -> list[Attribution]:
    """The question put, with no source: the clause opened by "if", "whether" or a wh-word."""
    for clause in verb.rights:
        if clause.dep_ not in ("ccomp", "advcl"):
            continue
        first = clause.left_edge
        if first.lower_ not in vocab.QUESTION_WORDS:
            continue
        span = clause_span(verb, clause)
        if span is None or index.in_quote(span[0]) or mostly_quoted(span, direct):
            return []
        return _unsourced(text, verb, [span])
    return []


def stances(
    doc: Doc, text: str, index: SpeakerIndex, direct: list[Attribution]
) -> list[Attribution]:
    """ "Trump seemed unperturbed", "Cruz is expected to win": a view with no one to hold it.

    PolNeAR marks the subject and the complement as two pieces of content and leaves the
    source empty; a quote dossier has no use for these, so only cognitive mode asks.
    """
    out: list[Attribution] = []
    for verb in doc:
        lemma = verb.lemma_.lower()
        if lemma not in vocab.SEEM_VERBS and not (
            lemma in vocab.EXPECT_VERBS and any(c.dep_ == "auxpass" for c in verb.children)
        ):
            continue
        subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        comp = next((c for c in verb.rights if c.dep_ in ("xcomp", "acomp", "attr", "oprd")), None)
        if subj is None or comp is None or subj.lower_ in vocab.EXPLETIVES:
            continue
        pieces = [phrase_span(verb, list(subj.subtree)), phrase_span(verb, list(comp.subtree))]
        spans = [p for p in pieces if p is not None and not mostly_quoted(p, direct)]
        if len(spans) < 2 or any(index.in_quote(p[0]) for p in spans):
            continue
        out.extend(_unsourced(text, verb, spans))
    return out


def _unsourced(text: str, verb: Token, pieces: list[CharSpan]) -> list[Attribution]:
    """Attributions with a cue and content but no source, one per piece of the content."""
    start, end = pieces[0][0], pieces[-1][1]
    c_start, c_end = cue_extent(verb, pieces[-1], None)
    record = QuoteRecord(
        start=start,
        end=end,
        text=text[start:end],
        kind="indirect",
        speaker_text=None,
        speaker_start=None,
        speaker_end=None,
        cue=verb.lower_,
    )
    return [Attribution(record, None, None, c_start, c_end, *p) for p in pieces]
