"""Attribution: who said what, as direct, indirect and partial quotes with resolved speakers.

Quotation marks are paired on the original text (``marks``); everything else comes from
the dependency parse: the cue is a reporting verb, the speaker its subject (``speaker``),
an indirect quote its clausal complement. No rule names a seed article's words, so the same
rules run on unseen news (and are scored on PolNeAR by ``storydiff.evaluate.attribution``).

This module holds the entry points and the quoted spans with their cues; reported speech is
found by ``indirect`` and both build their records through ``cues``.
"""

from __future__ import annotations

import re
from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from storydiff.analyse.quotes import vocab
from storydiff.analyse.quotes.cues import Cue, according_cue, build_attribution, subject
from storydiff.analyse.quotes.indirect import colon_attributions, find_indirect
from storydiff.analyse.quotes.marks import QuoteSpan, find_quote_spans
from storydiff.analyse.quotes.model import learned_attributions, load_model
from storydiff.analyse.quotes.record import Attribution
from storydiff.analyse.quotes.spans import para_bounds, quote_content
from storydiff.analyse.quotes.speaker import SpeakerIndex, doc_text, resolve
from storydiff.analyse.quotes.unsourced import stances
from storydiff.lexicon.words import STOPWORDS
from storydiff.model import QuoteKind, QuoteRecord

__all__ = ["extract_attributions", "extract_quotes"]

# Arcs by which a quoted fragment hangs under a reporting verb as what it said.
_CONTENT_DEPS = frozenset({"ccomp", "dobj", "xcomp", "attr", "oprd", "conj"})


def extract_quotes(doc: Doc, text: str) -> list[QuoteRecord]:
    """Quotes in one article; ``doc`` is ``nlp(spacy_view(text))`` so offsets agree.

    A statement whose content is split around its cue is one record, though two attributions.
    """
    records = {
        (a.record.start, a.record.end, a.record.kind): a.record
        for a in extract_attributions(doc, text)
    }
    return _once(list(records.values()))


def _once(records: list[QuoteRecord]) -> list[QuoteRecord]:
    """One quote once: a quoted fragment inside the same speaker's reported clause ("Lee said
    the plan was “a reckless giveaway”") is that clause's, not a second record of its words;
    so is a clause the speaker reports of himself inside it ("Sanders said he agrees Trump
    is …": "Trump is …" by "he" is Sanders' own words again)."""
    clauses = [r for r in records if r.kind == "indirect"]
    return [r for r in records if not any(_repeats(r, c) for c in clauses)]


def _repeats(inner: QuoteRecord, clause: QuoteRecord) -> bool:
    if inner is clause or not (clause.start <= inner.start and inner.end <= clause.end):
        return False
    same = clause.speaker_text == inner.speaker_text and clause.speaker_start == inner.speaker_start
    if inner.kind == "partial":
        return same
    own = (inner.speaker_text or "").lower() in vocab.PERSON_PRONOUNS
    narrower = (inner.start, inner.end) != (clause.start, clause.end)
    return inner.kind == "indirect" and narrower and (same or own)


def extract_attributions(
    doc: Doc, text: str, *, cognitive: bool = False, learned: bool = True
) -> list[Attribution]:
    """Every attribution found, with the spans a scorer needs; ``cognitive`` adds beliefs.

    In cognitive mode the learned scorer (``model``) rereads the rules' output
    when its weights are installed; ``learned=False`` gives the rules alone.
    """
    if len(doc_text(doc)) != len(text) or not text.strip():
        return []
    spans = [q for q in find_quote_spans(text) if q.depth == 0]
    index = SpeakerIndex(doc, [(q.open, q.close) for q in spans])
    verbs = vocab.SPEECH_VERBS | (vocab.COGNITION_VERBS if cognitive else frozenset())
    direct = _quoted(doc, text, spans, index, verbs, cognitive)
    indirect = find_indirect(
        doc, text, index, verbs, [a for a in direct if a.record.kind == "direct"], cognitive
    )
    views = [
        s
        for s in (stances(doc, text, index, direct) if cognitive else [])
        if not any(s.content_start <= a.content_start < s.content_end for a in direct + indirect)
    ]  # "seemed to say that …" is the saying, not a view
    found = {
        (a.record.start, a.record.end, a.record.kind, a.content_start): a
        for a in views + direct + indirect + colon_attributions(doc, text, spans)
    }
    rules = sorted(found.values(), key=lambda a: (a.record.start, a.record.end, a.content_start))
    if not cognitive:
        return [_without_opener(a, text) for a in rules]
    model = load_model() if learned else None
    if model is None:
        return rules
    return learned_attributions(model, doc, text, spans, index, rules)


def _without_opener(found: Attribution, text: str) -> Attribution:
    """A reported clause starts at what was said, not at the writer's link to the paragraph
    before ("Regardless, investigators were treating the devices as live", O'Neill said)."""
    record = found.record
    opener = vocab.CLAUSE_OPENER.match(record.text) if record.kind == "indirect" else None
    if opener is None or opener.end() >= len(record.text):
        return found
    start = record.start + opener.end()
    return replace(found, record=replace(record, start=start, text=text[start : record.end]))


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
) -> Cue | None:
    for tok in reversed(toks) if reverse else toks:
        if tok.lemma_.lower() not in verbs or tok.pos_ not in ("VERB", "AUX"):
            continue
        if index.in_quote(tok.idx):
            continue
        subj = subject(tok)
        if subj is None or quote.open <= subj.idx < quote.close:
            subj = _beside(tok, quote)
        if subj is None:
            continue
        speaker = resolve(index, subj)
        if speaker is not None:
            return Cue(tok, speaker)
    return None


def _find_cue(
    doc: Doc,
    text: str,
    quote: QuoteSpan,
    spans: list[QuoteSpan],
    index: SpeakerIndex,
    verbs: frozenset[str],
) -> Cue | None:
    """The reporting verb next to a quotation: after it first (“…,” he said), then before."""
    p_start, p_end = para_bounds(text, quote.open)
    later = [q.open for q in spans if q.open >= quote.close and q.open < p_end]
    last = _sent_of(doc, max(quote.end - 1, quote.start))
    after_end = min([p_end, *later] + ([last.end_char] if last is not None else []))
    after = [t for t in _tokens_between(doc, quote.close, after_end) if not t.is_quote]
    if not after:
        after = _short_tail(doc, quote.close, min([p_end, *later]))
    cue = _cue_in(index, after, verbs, False, quote) or according_cue(index, after)
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
        or according_cue(index, before)
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


def _noun_cue(index: SpeakerIndex, toks: list[Token]) -> Cue | None:
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
                return Cue(verb, replace(speaker, channel=speaker.channel or tok.lower_))
    return None


def _is_direct(doc: Doc, text: str, quote: QuoteSpan, cue: Cue | None) -> bool:
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
) -> Cue | None:
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
        subj = subject(tok)
        speaker = resolve(index, subj) if subj is not None else None
        if speaker is not None:
            return Cue(tok, speaker)
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
    cues: list[Cue | None] = []
    for k, quote in enumerate(spans):
        if _names_a_programme(text, quote):
            cues.append(cues[-1] if cues else None)  # the next quote is still the speaker's
            continue
        cue = _find_cue(doc, text, quote, spans, index, verbs)
        direct = _is_direct(doc, text, quote, cue)
        kind: QuoteKind = "direct"
        if not direct:
            cue = _partial_cue(doc, quote, index, verbs)
            kind = "partial"
        elif cue is None:
            cue = _inherited(text, spans, cues, k) or _lead_in(
                doc, text, quote, spans, index, verbs
            )
        cues.append(cue if direct else None)
        if cue is None:
            continue
        content = quote_content(cue.verb, (quote.open, quote.close), cognitive)
        out.append(
            build_attribution(text, quote.start, quote.end, kind, cue, *content, quote.warning)
        )
    return _fill_continued(text, spans, cues, out)


def _names_a_programme(text: str, quote: QuoteSpan) -> bool:
    """ "told “Fox & Friends.”", "appeared on “Meet the Press”": a title in marks after the
    word that names whom one spoke to, not words anyone said."""
    words = re.findall(r"[\w’'&-]+", text[quote.start : quote.end])
    if not words or len(words) > 5:
        return False
    if not all(w[0].isupper() or w == "&" or w.lower() in STOPWORDS for w in words):
        return False
    return vocab.PROGRAMME_BEFORE.search(text, max(0, quote.open - 30), quote.open) is not None


def _inherited(text: str, spans: list[QuoteSpan], cues: list[Cue | None], k: int) -> Cue | None:
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


def _lead_in(
    doc: Doc,
    text: str,
    quote: QuoteSpan,
    spans: list[QuoteSpan],
    index: SpeakerIndex,
    verbs: frozenset[str],
) -> Cue | None:
    """A paragraph that is only a quote speaks for the speaker the paragraph before ends on:
    "Icahn criticised the board on Monday.\n\n“They have failed shareholders.”"

    Only when that paragraph holds no quotation of its own (a quote before is followed by
    ``_inherited``) and its last sentence has a verb of saying with a subject."""
    p_start, p_end = para_bounds(text, quote.open)
    if p_start == 0 or text[p_start:p_end].strip() != text[quote.open : quote.close].strip():
        return None
    k = p_start
    while k > 0 and text[k - 1].isspace():
        k -= 1
    if k == 0 or p_start - k > 3:
        return None
    prev_start, prev_end = para_bounds(text, k - 1)
    if any(prev_start <= q.close and q.open < prev_end for q in spans):
        return None
    sent = _sent_of(doc, k - 1)
    if sent is None:
        return None
    toks = _tokens_between(doc, max(sent.start_char, prev_start), k)
    return _cue_in(index, toks, verbs, True, quote)


def _fill_continued(
    text: str, spans: list[QuoteSpan], cues: list[Cue | None], out: list[Attribution]
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
                build_attribution(
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
