"""A found cue, and the attribution record built from it, shared by every attribution finder.

Quoted speech (``extract``) and reported speech (``indirect``) find their cues
differently but read the speaker off the verb the same way (its subject, or the object of
"according to") and turn a cue into a record the same way: cue span, channel, speaker.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from storydiff.analyse.quotes import vocab
from storydiff.analyse.quotes.record import Attribution
from storydiff.analyse.quotes.spans import CharSpan, cue_extent, whole_words
from storydiff.analyse.quotes.speaker import Speaker, SpeakerIndex, doc_text, resolve
from storydiff.model import QuoteKind, QuoteRecord


@dataclass(frozen=True, slots=True)
class Cue:
    """A reporting verb (or "according", or a headline colon) and the speaker it gives."""

    verb: Token
    speaker: Speaker


def _in_paragraph(verb: Token) -> Token | None:
    """The first phrase head of the verb's paragraph, for a parse run across a heading."""
    doc = verb.doc
    start = doc_text(doc).rfind("\n", 0, verb.idx) + 1
    toks = [t for t in doc[verb.sent.start : verb.i] if t.idx >= start]
    for tok in toks:
        if tok.pos_ in ("NOUN", "PROPN", "PRON") and not (start <= tok.head.idx < verb.idx):
            return tok
    return None


# Words that open a relative clause ("who", "whose", "which").
_RELATIVE_TAGS = frozenset({"WP", "WP$", "WDT"})


def subject(verb: Token) -> Token | None:
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
        if node.dep_ == "acl" and node.tag_ == "VBD" and node.i and node.nbor(-1).text == ",":
            return _relative_antecedent(node)
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


def _relative_antecedent(verb: Token) -> Token | None:
    """The subject the parser lost to a relative clause: in "Venn, whose party led the
    walkout, called the deal …" the small model hangs "called" on "walkout". A finite verb
    right after such a clause's closing comma belongs to the noun the first (outermost)
    clause opened on: "A spokesman for Acme, which owns the plant, called …" is the
    spokesman's."""
    for tok in verb.doc[verb.sent.start + 2 : verb.i - 1]:
        if tok.tag_ in _RELATIVE_TAGS and tok.nbor(-1).text == ",":
            noun = tok.nbor(-2)
            while noun.dep_ == "pobj" and noun.head.dep_ == "prep":
                noun = noun.head.head  # "a spokesman for Acme": the spokesman
            inside = noun.left_edge.i <= verb.i <= noun.right_edge.i  # its span would swallow
            return noun if noun.pos_ in ("PROPN", "NOUN") and not inside else None
    return None


def _agent(verb: Token) -> Token | None:
    """Who did the passive verb's act: the object of its "by"."""
    by = next((c for c in verb.children if c.dep_ == "agent"), None)
    return next((c for c in by.children if c.dep_ == "pobj"), None) if by is not None else None


def according_cue(index: SpeakerIndex, toks: list[Token]) -> Cue | None:
    """ "according to X" attributes the words around it to X."""
    for tok in toks:
        if tok.lower_ == vocab.ACCORDING_TO[0]:
            to = next((c for c in tok.children if c.lower_ == vocab.ACCORDING_TO[1]), None)
            pobj = next((c for c in to.children if c.dep_ == "pobj"), None) if to else None
            if pobj is not None:
                speaker = resolve(index, pobj)
                if speaker is not None:
                    return Cue(tok, speaker)
    return None


def _cue_span(cue: Cue, content: CharSpan) -> tuple[int, int, str]:
    """The annotated cue span ("has said", "said in a statement") and the cue word itself."""
    verb = cue.verb
    if verb.lower_ == vocab.ACCORDING_TO[0]:
        to = next((c for c in verb.children if c.lower_ == vocab.ACCORDING_TO[1]), verb)
        return verb.idx, to.idx + len(to.text), "according to"
    source = (cue.speaker.local_start, cue.speaker.local_end)
    start, end = cue_extent(verb, content, source)
    return start, end, verb.lower_


def _channel(cue: Cue) -> str | None:
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


def build_attribution(
    text: str,
    start: int,
    end: int,
    kind: QuoteKind,
    cue: Cue,
    content_start: int,
    content_end: int,
    warning: str | None,
) -> Attribution:
    """The record for one piece of content, with the cue's span, channel and speaker."""
    sp = cue.speaker
    start, end = whole_words(text, (start, end))
    content_start, content_end = whole_words(text, (content_start, content_end))
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
