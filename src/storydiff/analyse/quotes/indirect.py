"""Attributions outside quotation marks: reported clauses, "according to X" and headline colons.

The dependency parse alone finds them: a reporting verb's clausal complement or object is the
content ("said that …", "announced a plan"), with the cue and speaker on one side of it or, in
"This campaign, he says, is different", inserted in the middle. ``extract`` runs these finders
after the quoted spans, so content the marks already gave is not taken twice.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc, Token

from storydiff.analyse.quotes import vocab
from storydiff.analyse.quotes.cues import Cue, according_cue, build_attribution, subject
from storydiff.analyse.quotes.headline import headline_attribution, signed_quotes, speaker_lines
from storydiff.analyse.quotes.marks import QuoteSpan
from storydiff.analyse.quotes.record import Attribution, mostly_quoted
from storydiff.analyse.quotes.spans import (
    CharSpan,
    clause_span,
    cue_extent,
    object_content,
    phrase_span,
    prep_content,
    reported_clause,
    trimmed,
)
from storydiff.analyse.quotes.speaker import SpeakerIndex, resolve
from storydiff.analyse.quotes.unsourced import question, unsaid_asker
from storydiff.model import QuoteKind

# Verbs whose direct object PolNeAR reads as content when no clause follows ("announced a
# plan", "believes the polls"), listeners excepted.
_OBJECT_CUES = vocab.OBJECT_VERBS | vocab.SPEECH_VERBS | vocab.COGNITION_VERBS

# Verbs whose clause or object is content in cognitive mode though they are not speech.
_INTENT_CUES = vocab.INTENT_VERBS | vocab.OBJECT_VERBS


def find_indirect(
    doc: Doc,
    text: str,
    index: SpeakerIndex,
    verbs: frozenset[str],
    direct: list[Attribution],
    cognitive: bool,
) -> list[Attribution]:
    """Reported clauses: a reporting verb's ccomp ("said that …") or "according to X"."""
    out: list[Attribution] = []
    for verb in doc:
        according = verb.lower_ == vocab.ACCORDING_TO[0]
        if (verb.pos_ not in ("VERB", "ADJ") and not according) or index.in_quote(verb.idx):
            continue  # the cheap test first: this loop sees every token of the article
        if according:
            out.extend(_according_clause(doc, text, index, verb))
            continue
        lemma = verb.lemma_.lower()
        if cognitive and lemma in vocab.STANCE_ADJECTIVES:
            found = _adjective(text, index, verb, direct)
            if found is not None:
                out.append(found)
            continue
        if verb.pos_ != "VERB" or lemma in vocab.NOT_INDIRECT:
            continue
        intent = cognitive and (
            lemma in _INTENT_CUES or lemma in vocab.PREP_CUES or _reports_that(verb)
        )
        if lemma not in verbs and not intent:
            continue
        if cognitive and lemma in vocab.QUESTION_VERBS and unsaid_asker(verb):
            out.extend(question(text, index, verb, direct))
            continue
        if not cognitive and any(c.dep_ == "neg" for c in verb.children):
            continue  # "authorities haven't said whether …": words nobody said
        clause = reported_clause(verb, cognitive)
        subj = subject(verb)
        if subj is None or index.in_quote(subj.idx):
            continue
        if clause is None and lemma in verbs and verb.dep_ == "parataxis":
            out.extend(_parenthetical(text, index, verb, subj, direct))
            continue
        if clause is not None and verb.dep_ == "relcl" and clause.left_edge.i < verb.i:
            out.extend(_relative(text, index, verb, clause, subj, direct))
            continue
        if clause is None:
            span = _object_span(verb, cognitive) or (prep_content(verb) if cognitive else None)
        elif clause.i < verb.i and clause.dep_ != "ccomp":
            continue
        else:
            span = clause_span(verb, clause, asides=True)
        if span is None or mostly_quoted(span, direct):
            continue
        speaker = resolve(index, subj)
        if speaker is None or span[0] <= speaker.local_start < span[1]:
            continue
        c_start, c_end = span
        if clause is not None:  # PolNeAR's content leaves the writer's aside out
            c_end = (clause_span(verb, clause) or span)[1]
        first = doc.char_span(c_start, span[1], alignment_mode="expand")
        start = c_start
        if (
            first is not None
            and len(first) > 1
            and first[0].lower_ in ("that",)
            and first[0].dep_ == "mark"
        ):
            start = first[1].idx
        cue = Cue(verb, speaker)
        out.append(build_attribution(text, start, span[1], "indirect", cue, c_start, c_end, None))
    return out


def _parenthetical(
    text: str, index: SpeakerIndex, verb: Token, subj: Token, direct: list[Attribution]
) -> list[Attribution]:
    """ "This campaign, he says, is different": the sentence around the cue, in two pieces.

    PolNeAR marks the content on either side of the inserted cue as two fragments.
    """
    head = verb.head
    if head.i == verb.i or subj.i > verb.i:
        return []
    aside = {t.i for t in verb.subtree}
    words = [t for t in head.subtree if t.i not in aside]
    left = [t for t in words if t.i < verb.left_edge.i]
    right = [t for t in words if t.i > verb.right_edge.i]
    if not left and head.dep_ in ("acl", "relcl"):
        noun = head.head  # "a decision they say allowed …": the noun the clause is about
        left = list(verb.doc[noun.left_edge.i : noun.i + 1])
    return _in_pieces(text, index, verb, subj, direct, left, right)


def _relative(
    text: str,
    index: SpeakerIndex,
    verb: Token,
    clause: Token,
    subj: Token,
    direct: list[Attribution],
) -> list[Attribution]:
    """ "independents, which Democrats say could be aiding Sanders": the pronoun, then the rest.

    The relative pronoun is the reported clause's subject, written before its speaker.
    """
    words = list(clause.subtree)
    left = [t for t in words if t.i < verb.i and t.lower_ in vocab.RELATIVE_PRONOUNS]
    right = [t for t in words if t.i > verb.i]
    if not left or subj.i < left[-1].i:
        return []
    return _in_pieces(text, index, verb, subj, direct, left, right)


def _in_pieces(
    text: str,
    index: SpeakerIndex,
    verb: Token,
    subj: Token,
    direct: list[Attribution],
    left: list[Token],
    right: list[Token],
) -> list[Attribution]:
    """One attribution per piece of content on either side of the cue and its speaker."""
    pieces = [phrase_span(verb, left), phrase_span(verb, right)]
    spans = [p for p in pieces if p is not None and not mostly_quoted(p, direct)]
    if len(spans) < 2 or any(index.in_quote(p[0]) for p in spans):
        return []
    speaker = resolve(index, subj)
    if speaker is None:
        return []
    cue = Cue(verb, speaker)
    whole = (spans[0][0], spans[-1][1])
    subjects = ("nsubj", "nsubjpass", "expl")  # the right piece can stand as a sentence
    lead_in = any(t.dep_ in subjects for t in right) or not any(t.dep_ in subjects for t in left)
    if lead_in and len(text[spans[0][0] : spans[0][1]].split()) <= _LEAD_IN_WORDS:
        # "Given that, Mr. Sellers said, Wal-Mart's decisions were …": the quote a reader sees
        # is what follows the inserted cue; PolNeAR's pieces stay as they are
        whole = spans[-1]
    return [build_attribution(text, *whole, "indirect", cue, *p, None) for p in spans]


# A piece before an inserted cue this short, with no subject, is a lead-in ("Given that,",
# "In any event,").
_LEAD_IN_WORDS = 3


def _adjective(
    text: str, index: SpeakerIndex, adj: Token, direct: list[Attribution]
) -> Attribution | None:
    """ "Sanders is eager to tap …", "he was aware that …": a stance stated by an adjective.

    The cue runs from the verb "be" to the adjective; the clause after it is the content.
    """
    be = adj.head
    if adj.pos_ != "ADJ" or adj.dep_ != "acomp" or be.lemma_ != "be":
        return None
    clause = next((c for c in adj.children if c.dep_ in ("xcomp", "ccomp") and c.i > adj.i), None)
    subj = next((c for c in be.children if c.dep_ == "nsubj"), None)
    if clause is None or subj is None or index.in_quote(subj.idx):
        return None
    span = clause_span(be, clause)
    speaker = resolve(index, subj)
    if span is None or speaker is None or mostly_quoted(span, direct):
        return None
    attribution = build_attribution(text, *span, "indirect", Cue(adj, speaker), *span, None)
    c_start = cue_extent(be, span, (speaker.local_start, speaker.local_end))[0]
    return replace(attribution, cue_start=min(c_start, attribution.cue_start or c_start))


def _reports_that(verb: Token) -> bool:
    """Any verb with a "that" clause reports a view ("he figures that …", "polls show that …")."""
    return any(
        c.dep_ == "ccomp"
        and c.i > verb.i
        and any(m.dep_ == "mark" and m.lower_ in vocab.REPORT_MARKS for m in c.children)
        for c in verb.children
    )


def _object_span(verb: Token, cognitive: bool) -> CharSpan | None:
    """A stance verb's object as its content; attribution corpora count it, quotes do not."""
    lemma = verb.lemma_.lower()
    if not cognitive or lemma in vocab.NOT_CONTENT_OBJECTS or lemma not in _OBJECT_CUES:
        return None
    return object_content(verb)


def _according_clause(doc: Doc, text: str, index: SpeakerIndex, verb: Token) -> list[Attribution]:
    """ "According to X, …": the rest of the sentence is X's, on both sides of the phrase."""
    cue = according_cue(index, [verb])
    if cue is None:
        return []
    sent = verb.sent
    phrase = list(verb.subtree)
    left = trimmed(list(doc[sent.start : phrase[0].i]))
    right = trimmed(list(doc[phrase[-1].i + 1 : sent.end]))
    sides = [s for s in (left, right) if s is not None and not index.in_quote(s[0])]
    if not sides:
        return []
    whole = (sides[0][0], sides[-1][1])  # "At the heart of it, according to X, was …": two pieces
    return [build_attribution(text, *whole, "indirect", cue, *side, None) for side in sides]


def colon_attributions(doc: Doc, text: str, quotes: list[QuoteSpan]) -> list[Attribution]:
    """A "Name: gist" title, or a "NAME: …" line further on, its colon the cue; or a quotation
    signed "― Name", the dash the cue."""
    title = headline_attribution(doc, text)
    found = [title, *speaker_lines(doc, text, quotes), *signed_quotes(text, quotes)]
    lines = [(k, f) for k, f in enumerate(found) if f]
    out: list[Attribution] = []
    for k, (speaker, colon, c_start, c_end) in lines:
        span = doc.char_span(colon, colon + 1)
        if span is None:
            continue
        kind: QuoteKind = "indirect" if k == 0 else "direct"
        cue = Cue(span[0], speaker)
        out.append(build_attribution(text, c_start, c_end, kind, cue, c_start, c_end, None))
    return out
