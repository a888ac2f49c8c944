"""Attribution: who said what, as direct, indirect and partial quotes with resolved speakers.

Quotation marks are paired on the original text (``quotes_marks``); everything else comes from
the dependency parse: the cue is a reporting verb, the speaker its subject (``quotes_speaker``),
an indirect quote its clausal complement. No rule names a seed article's words, so the same
rules run on unseen news (and are scored on PolNeAR by ``storydiff.evaluate.attribution``).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span, Token

from storydiff.analyse import speech_vocab as vocab
from storydiff.analyse.quotes_headline import headline_attribution, speaker_lines
from storydiff.analyse.quotes_marks import QuoteSpan, find_quote_spans
from storydiff.analyse.quotes_record import Attribution, mostly_quoted
from storydiff.analyse.quotes_spans import (
    CharSpan,
    clause_span,
    cue_extent,
    object_content,
    para_bounds,
    phrase_span,
    prep_content,
    quote_content,
    reported_clause,
    trimmed,
)
from storydiff.analyse.quotes_speaker import Speaker, SpeakerIndex, doc_text, resolve
from storydiff.analyse.quotes_unsourced import question, stances, unsaid_asker
from storydiff.model import QuoteKind, QuoteRecord

__all__ = ["Attribution", "extract_attributions", "extract_quotes"]

# Verbs whose direct object PolNeAR reads as content when no clause follows ("announced a
# plan", "believes the polls"), listeners excepted.
_OBJECT_CUES = vocab.OBJECT_VERBS | vocab.SPEECH_VERBS | vocab.COGNITION_VERBS

# Verbs whose clause or object is content in cognitive mode though they are not speech.
_INTENT_CUES = vocab.INTENT_VERBS | vocab.OBJECT_VERBS

_CONTENT_DEPS = frozenset({"ccomp", "dobj", "xcomp", "attr", "oprd", "conj"})


@dataclass(frozen=True, slots=True)
class _Cue:
    verb: Token
    speaker: Speaker


def extract_quotes(doc: Doc, text: str) -> list[QuoteRecord]:
    """Quotes in one article; ``doc`` is ``nlp(spacy_view(text))`` so offsets agree.

    A statement whose content is split around its cue is one record, though two attributions.
    """
    records = {
        (a.record.start, a.record.end, a.record.kind): a.record
        for a in extract_attributions(doc, text)
    }
    return list(records.values())


def extract_attributions(doc: Doc, text: str, *, cognitive: bool = False) -> list[Attribution]:
    """Every attribution found, with the spans a scorer needs; ``cognitive`` adds beliefs."""
    if len(doc_text(doc)) != len(text) or not text.strip():
        return []
    spans = [q for q in find_quote_spans(text) if q.depth == 0]
    index = SpeakerIndex(doc, [(q.open, q.close) for q in spans])
    verbs = vocab.SPEECH_VERBS | (vocab.COGNITION_VERBS if cognitive else frozenset())
    direct = _quoted(doc, text, spans, index, verbs, cognitive)
    indirect = _indirect(
        doc, text, index, verbs, [a for a in direct if a.record.kind == "direct"], cognitive
    )
    views = [
        s
        for s in (stances(doc, text, index, direct) if cognitive else [])
        if not any(s.content_start <= a.content_start < s.content_end for a in direct + indirect)
    ]  # "seemed to say that …" is the saying, not a view
    found = {
        (a.record.start, a.record.end, a.record.kind, a.content_start): a
        for a in views + direct + indirect + _headline(doc, text, spans)
    }
    return sorted(found.values(), key=lambda a: (a.record.start, a.record.end, a.content_start))


# --- quotation marks ----------------------------------------------------------------------------


def _tokens_between(doc: Doc, start: int, end: int) -> list[Token]:
    """Tokens lying wholly inside [start, end)."""
    span = doc.char_span(start, end, alignment_mode="expand") if end > start else None
    if span is None:
        return []
    return [t for t in span if start <= t.idx and t.idx + len(t.text) <= end]


def _sent_of(doc: Doc, pos: int) -> Span | None:
    span = (
        doc.char_span(pos, pos + 1, alignment_mode="expand")
        if 0 <= pos < len(doc_text(doc))
        else None
    )
    return span[0].sent if span is not None and len(span) else None


def _in_paragraph(verb: Token) -> Token | None:
    """The first phrase head of the verb's paragraph, for a parse run across a heading."""
    doc = verb.doc
    start = doc_text(doc).rfind("\n", 0, verb.idx) + 1
    toks = [t for t in doc[verb.sent.start : verb.i] if t.idx >= start]
    for tok in toks:
        if tok.pos_ in ("NOUN", "PROPN", "PRON") and not (start <= tok.head.idx < verb.idx):
            return tok
    return None


def _subject(verb: Token) -> Token | None:
    """The verb's subject, borrowed from the verb it is coordinated with or modifies."""
    node = verb
    for _ in range(4):
        subj = next((c for c in node.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None and "\n" in doc_text(verb.doc)[subj.idx : verb.idx]:
            subj = _in_paragraph(verb)
        if subj is not None and subj.dep_ == "nsubjpass" and node is verb:
            return _agent(verb)  # "was asked by the moderator whether …"
        if subj is not None:
            return subj
        if node.dep_ == "acl" and node.tag_ == "VBG" and node.head.pos_ in ("NOUN", "PROPN"):
            return node.head  # "an ad featuring Hispanics telling their family stories"
        if node.dep_ in ("conj", "advcl", "xcomp") and node.head is not node:
            node = node.head
            if node.i != verb.head.i or verb.dep_ != "conj" or node.dep_ != "ccomp":
                continue
            if node.head.lemma_.lower() in vocab.SPEECH_VERBS:
                node = node.head  # "says he'd sit Putin down and tells the crowd": the sayer
            continue
        break
    inverted = [
        c
        for c in verb.rights
        if c.dep_ in ("dobj", "attr", "npadvmod", "dep") and c.pos_ == "PROPN"
    ]
    return inverted[0] if inverted else None


def _agent(verb: Token) -> Token | None:
    """Who did the passive verb's act: the object of its "by"."""
    by = next((c for c in verb.children if c.dep_ == "agent"), None)
    return next((c for c in by.children if c.dep_ == "pobj"), None) if by is not None else None


def _beside(verb: Token, quote: QuoteSpan) -> Token | None:
    """A name or pronoun right next to the cue, when the parse put the subject in the quote."""
    doc = verb.doc
    for k in (verb.i - 1, verb.i + 1, verb.i + 2):
        if 0 <= k < len(doc) and not quote.open <= doc[k].idx < quote.close:
            tok = doc[k]
            if tok.pos_ in ("PROPN", "PRON") and tok.lower_ not in ("it", "that", "which"):
                while tok.dep_ == "compound" and tok.head.pos_ == "PROPN":
                    tok = tok.head
                return tok
    return None


def _cue_in(
    index: SpeakerIndex, toks: list[Token], verbs: frozenset[str], reverse: bool, quote: QuoteSpan
) -> _Cue | None:
    for tok in reversed(toks) if reverse else toks:
        if tok.lemma_.lower() not in verbs or tok.pos_ not in ("VERB", "AUX"):
            continue
        if index.in_quote(tok.idx):
            continue
        subj = _subject(tok)
        if subj is None or quote.open <= subj.idx < quote.close:
            subj = _beside(tok, quote)
        if subj is None:
            continue
        speaker = resolve(index, subj)
        if speaker is not None:
            return _Cue(tok, speaker)
    return None


def _according(index: SpeakerIndex, toks: list[Token]) -> _Cue | None:
    """ "according to X" attributes the words around it to X."""
    for tok in toks:
        if tok.lower_ == vocab.ACCORDING_TO[0]:
            to = next((c for c in tok.children if c.lower_ == vocab.ACCORDING_TO[1]), None)
            pobj = next((c for c in to.children if c.dep_ == "pobj"), None) if to else None
            if pobj is not None:
                speaker = resolve(index, pobj)
                if speaker is not None:
                    return _Cue(tok, speaker)
    return None


def _find_cue(
    doc: Doc,
    text: str,
    quote: QuoteSpan,
    spans: list[QuoteSpan],
    index: SpeakerIndex,
    verbs: frozenset[str],
) -> _Cue | None:
    """The reporting verb next to a quotation: after it first (“…,” he said), then before."""
    p_start, p_end = para_bounds(text, quote.open)
    later = [q.open for q in spans if q.open >= quote.close and q.open < p_end]
    last = _sent_of(doc, max(quote.end - 1, quote.start))
    after_end = min([p_end, *later] + ([last.end_char] if last is not None else []))
    after = [t for t in _tokens_between(doc, quote.close, after_end) if not t.is_quote]
    if not after:
        after = _short_tail(doc, quote.close, min([p_end, *later]))
    cue = _cue_in(index, after, verbs, False, quote) or _according(index, after)
    if cue is not None:
        return cue
    earlier = [q.close for q in spans if q.close <= quote.open and q.close > p_start]
    before_start = max([p_start, *earlier])
    head = text[before_start : quote.open].strip()
    if not head and p_start > 0:
        prev_start, prev_end = para_bounds(text, max(p_start - 2, 0))
        if text[prev_start:prev_end].rstrip().endswith(":"):
            before_start = prev_start  # "Caddell continued:" ends the paragraph before
    sent = _sent_of(doc, max(quote.open - 1, 0)) if quote.open > 0 else None
    if sent is not None and before_start < sent.start_char:
        before_start = max(before_start, sent.start_char)
    before = _tokens_between(doc, before_start, quote.open)
    return (
        _cue_in(index, before, verbs, True, quote)
        or _according(index, before)
        or _noun_cue(index, before)
    )


def _short_tail(doc: Doc, start: int, end: int) -> list[Token]:
    """A short sentence right after the marks ("“…?” Trump said."), which the parser split off.

    Only a sentence of a few words counts: a long one is the writer's next statement.
    """
    toks = _tokens_between(doc, start, end)
    toks = [t for t in toks if not t.is_quote]
    if not toks:
        return []
    sent = toks[0].sent
    tail = [t for t in toks if t.i < sent.end and not t.is_punct]
    return tail if len(tail) <= vocab.CUE_REACH else []


def _noun_cue(index: SpeakerIndex, toks: list[Token]) -> _Cue | None:
    """ "one statement Mitchell made: “…”": a channel noun whose maker is named beside it."""
    if not toks or toks[-1].text != ":":
        return None
    for tok in reversed(toks):
        if tok.lemma_.lower() not in vocab.CHANNEL_NOUNS or tok.pos_ != "NOUN":
            continue
        for child in tok.children:
            if child.dep_ in ("relcl", "acl"):
                subj = next((c for c in child.children if c.dep_ == "nsubj"), None)
                verb = child
                left = child.doc[child.i - 1] if child.i > 0 else None
                if subj is None and left is not None and left.pos_ in ("PROPN", "PRON"):
                    subj = left  # "one statement in particular Mitchell made"
            elif child.dep_ == "poss":
                subj, verb = child, tok
            else:
                continue
            speaker = resolve(index, subj) if subj is not None else None
            if speaker is not None:
                return _Cue(verb, replace(speaker, channel=speaker.channel or tok.lower_))
    return None


def _is_direct(doc: Doc, text: str, quote: QuoteSpan, cue: _Cue | None) -> bool:
    """A whole-clause quote rather than a fragment: nothing of the writer's clause before it."""
    sent = _sent_of(doc, quote.start)
    start = sent.start_char if sent is not None else 0
    start = max(start, text.rfind("\n", 0, quote.open) + 1)
    prefix = text[start : quote.open].rstrip()
    if not prefix or prefix.endswith((":", ",", "—", "–", "-")):
        return True
    if sent is not None and quote.start <= sent.root.idx < quote.end:
        return True
    before = _tokens_between(doc, start, quote.open)
    if cue is None or not before:
        return False
    last = before[-1]
    if last.i == cue.verb.i:
        return True  # Vucic said “I urge …”
    return last.lower_ == "that" and cue.verb.i < last.i <= cue.verb.i + 4  # mixed quote


def _governed_by(tok: Token, verb: Token) -> bool:
    """True when ``tok`` hangs under ``verb`` through what it said (object or clause)."""
    node = tok
    for _ in range(40):
        if node.head is node:
            return False
        if node.head.i == verb.i:
            return node.dep_ in _CONTENT_DEPS
        node = node.head
    return False


def _partial_cue(
    doc: Doc, quote: QuoteSpan, index: SpeakerIndex, verbs: frozenset[str]
) -> _Cue | None:
    """A reporting verb earlier in the sentence whose object or clause holds the fragment."""
    inside = _tokens_between(doc, quote.start, quote.end)
    if len(inside) < vocab.PARTIAL_MIN_WORDS or not inside:
        return None
    sent = inside[0].sent
    for tok in reversed(list(doc[sent.start : inside[0].i])):
        if tok.lemma_.lower() not in (verbs | vocab.FRAGMENT_VERBS) or tok.pos_ != "VERB":
            continue
        if not _governed_by(inside[0], tok):
            continue
        subj = _subject(tok)
        speaker = resolve(index, subj) if subj is not None else None
        if speaker is not None:
            return _Cue(tok, speaker)
    return None


def _quoted(
    doc: Doc,
    text: str,
    spans: list[QuoteSpan],
    index: SpeakerIndex,
    verbs: frozenset[str],
    cognitive: bool,
) -> list[Attribution]:
    """Direct and partial quotes: every span in quotation marks that someone is said to say."""
    out: list[Attribution] = []
    cues: list[_Cue | None] = []
    for k, quote in enumerate(spans):
        cue = _find_cue(doc, text, quote, spans, index, verbs)
        direct = _is_direct(doc, text, quote, cue)
        kind: QuoteKind = "direct"
        if not direct:
            cue = _partial_cue(doc, quote, index, verbs)
            kind = "partial"
        elif cue is None:
            cue = _inherited(text, spans, cues, k)
        cues.append(cue if direct else None)
        if cue is None:
            continue
        content = quote_content(cue.verb, (quote.open, quote.close), cognitive)
        out.append(_attribution(text, quote.start, quote.end, kind, cue, *content, quote.warning))
    return _fill_continued(text, spans, cues, out)


def _inherited(text: str, spans: list[QuoteSpan], cues: list[_Cue | None], k: int) -> _Cue | None:
    """The speaker of a quote with no cue of its own: the quote before it in the same run."""
    if k == 0 or cues[k - 1] is None:
        return None
    prev, here = spans[k - 1], spans[k]
    between = text[prev.close : here.open]
    if prev.continues or "\n" not in between:
        return cues[k - 1]
    p_start, p_end = para_bounds(text, here.open)
    whole = text[p_start:p_end].strip()
    own = text[here.open : here.close].strip()
    if whole == own and between.count("\n") <= 2:
        return cues[k - 1]  # a paragraph that is only a quote continues the speaker
    return None


def _fill_continued(
    text: str, spans: list[QuoteSpan], cues: list[_Cue | None], out: list[Attribution]
) -> list[Attribution]:
    """Give a quote that runs on into the next paragraph the cue found in that paragraph."""
    done = {a.record.start for a in out}
    for k in range(len(spans) - 2, -1, -1):
        quote = spans[k]
        if quote.continues and quote.start not in done and cues[k + 1] is not None:
            cue = cues[k + 1]
            assert cue is not None
            cues[k] = cue
            out.append(
                _attribution(
                    text,
                    quote.start,
                    quote.end,
                    "direct",
                    cue,
                    quote.open,
                    quote.close,
                    quote.warning,
                )
            )
            done.add(quote.start)
    return out


# --- indirect speech ----------------------------------------------------------------------------


def _indirect(
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
        clause = reported_clause(verb, cognitive)
        subj = _subject(verb)
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
        cue = _Cue(verb, speaker)
        out.append(_attribution(text, start, span[1], "indirect", cue, c_start, c_end, None))
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
    cue = _Cue(verb, speaker)
    whole = (spans[0][0], spans[-1][1])
    return [_attribution(text, *whole, "indirect", cue, *p, None) for p in spans]


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
    attribution = _attribution(text, *span, "indirect", _Cue(adj, speaker), *span, None)
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
    cue = _according(index, [verb])
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
    return [_attribution(text, *whole, "indirect", cue, *side, None) for side in sides]


def _headline(doc: Doc, text: str, quotes: list[QuoteSpan]) -> list[Attribution]:
    """A "Name: gist" title, or a "NAME: …" line further on, its colon the cue."""
    title = headline_attribution(doc, text)
    marks = [(q.open, q.close) for q in quotes]
    lines = [(k, f) for k, f in enumerate([title, *speaker_lines(doc, text, marks)]) if f]
    out: list[Attribution] = []
    for k, (speaker, colon, c_start, c_end) in lines:
        span = doc.char_span(colon, colon + 1)
        if span is None:
            continue
        kind: QuoteKind = "indirect" if k == 0 else "direct"
        cue = _Cue(span[0], speaker)
        out.append(_attribution(text, c_start, c_end, kind, cue, c_start, c_end, None))
    return out


# --- records ------------------------------------------------------------------------------------


def _cue_span(cue: _Cue, content: CharSpan) -> tuple[int, int, str]:
    """The annotated cue span ("has said", "said in a statement") and the cue word itself."""
    verb = cue.verb
    if verb.lower_ == vocab.ACCORDING_TO[0]:
        to = next((c for c in verb.children if c.lower_ == vocab.ACCORDING_TO[1]), verb)
        return verb.idx, to.idx + len(to.text), "according to"
    source = (cue.speaker.local_start, cue.speaker.local_end)
    start, end = cue_extent(verb, content, source)
    return start, end, verb.lower_


def _channel(cue: _Cue) -> str | None:
    """Where it was said: "interview with RTK", "statement", or the cue itself ("tweeted")."""
    if cue.speaker.channel:
        return cue.speaker.channel
    verb = cue.verb
    for prep in verb.children:
        if prep.dep_ != "prep":
            continue
        for noun in prep.children:
            if noun.dep_ == "pobj" and noun.lemma_.lower() in vocab.CHANNEL_NOUNS:
                return _channel_name(noun)
    return vocab.CHANNEL_VERBS.get(verb.lemma_.lower())


def _channel_name(noun: Token) -> str:
    """ "interview with RTK": the channel noun and who it was with, when the text says."""
    preps = [c for c in noun.children if c.dep_ == "prep" and c.lower_ in ("with", "on", "to")]
    for prep in sorted(preps, key=lambda c: ("with", "on", "to").index(c.lower_)):
        if prep.dep_ == "prep":
            pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if pobj is not None:
                ents = [e for e in noun.doc.ents if e.start <= pobj.i < e.end]
                who = ents[0].text if ents else pobj.text
                return f"{noun.lower_} {prep.lower_} {who}"
    return noun.lower_


def _attribution(
    text: str,
    start: int,
    end: int,
    kind: QuoteKind,
    cue: _Cue,
    content_start: int,
    content_end: int,
    warning: str | None,
) -> Attribution:
    sp = cue.speaker
    c_start, c_end, cue_text = _cue_span(cue, (content_start, content_end))
    record = QuoteRecord(
        start=start,
        end=end,
        text=text[start:end],
        kind=kind,
        speaker_text=sp.name,
        speaker_start=sp.start,
        speaker_end=sp.end,
        cue=cue_text,
        channel=_channel(cue),
        co_speakers=sp.co_speakers,
        warning=warning,
    )
    return Attribution(
        record, sp.local_start, sp.local_end, c_start, c_end, content_start, content_end
    )
