"""Where an attribution's cue and content begin and end, as attribution corpora mark them.

PolNeAR's conventions, read off its train split: the content of reported speech is the whole
clause with its "that" ("warned that “nobody …”", not only the quoted words); the cue keeps the
auxiliaries and adverbs written with the verb ("has said", "also said") and, when the content
came first (“…,” he said in a statement.), the words that finish the verb's phrase; a colon
that introduces the content belongs to the cue ("said:").
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from storydiff.analyse.quotes import vocab
from storydiff.analyse.quotes.speaker import doc_text

CharSpan = tuple[int, int]


def para_bounds(text: str, pos: int) -> CharSpan:
    """The paragraph (newline to newline) around ``pos``."""
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    return start, len(text) if end < 0 else end


def trimmed(toks: list[Token]) -> CharSpan | None:
    """Character span of ``toks`` without punctuation or spaces at either edge.

    A closing bracket stays when its opening one is inside ("Ted Cruz ($311,000)").
    """
    while toks and (toks[-1].is_punct or toks[-1].is_space):
        if toks[-1].text == ")" and any(t.text == "(" for t in toks):
            break
        toks = toks[:-1]
    while toks and (toks[0].is_punct or toks[0].is_space):
        toks = toks[1:]
    if not toks:
        return None
    return toks[0].idx, toks[-1].idx + len(toks[-1].text)


def with_closing_mark(text: str, span: CharSpan | None) -> CharSpan | None:
    """Keep a quotation mark that closes the clause (…only a "loud voice.") inside it."""
    if span is None:
        return None
    end = span[1]
    tail = text[end : end + 4]
    for k in range(len(tail), 0, -1):
        piece = tail[:k]
        inside = text[span[0] : end + k]
        closes = piece[-1] == "\u201d" or inside.count(piece[-1]) + inside.count("\u201c") >= 2
        if (
            piece[-1] in "\u201d\"'\u2019"
            and closes
            and all(c in ".,!?;:\u201d\"'\u2019" for c in piece)
        ):
            return span[0], end + k
    return span


def reported_clause(verb: Token, cognitive: bool) -> Token | None:
    """The reported clause: a ccomp, or for intentions ("vowed to …") the xcomp."""
    deps = (
        ("ccomp", "xcomp")
        if cognitive and verb.lemma_.lower() in vocab.INTENT_VERBS
        else ("ccomp",)
    )
    text = doc_text(verb.doc)
    para = para_bounds(text, verb.idx)
    kids = [
        c
        for c in verb.children
        if (c.dep_ in deps or (cognitive and c.dep_ == "xcomp" and c.tag_ == "VBG"))
        and para[0] <= c.idx < para[1]
    ]  # a gerund is reported too: "reported having $1.3 million"
    found = next((c for c in kids if c.i > verb.i), kids[0] if kids else None)
    if found is not None and (found.pos_ == "AUX" or found.tag_ == "MD") and not cognitive:
        # "insisting that he’d rather Congress approve it": the parser split the clause at
        # the contracted "would"; the verb after it carries what was said
        found = next((c for c in kids if c.left_edge.i == found.right_edge.i + 1), found)
    return found


def _without_aside(toks: list[Token]) -> list[Token]:
    """Cut a trailing aside (", which …", ", drawing …"): the writer's words, not the content."""
    for k in range(1, len(toks) - 1):
        nxt = toks[k + 1]
        if toks[k].text != "," or nxt.is_quote or sum(t.is_quote for t in toks[:k]) % 2:
            continue  # an aside inside the speaker's own quoted words is theirs
        relative = nxt.lower_ in vocab.ASIDE_PRONOUNS and nxt.head.dep_ in ("relcl", "advcl")
        participle = nxt.tag_ == "VBG" and nxt.dep_ == "advcl"
        if relative or participle:
            return toks[:k]
    return toks


# Most tokens a dateline opening a paragraph spans ("SPRINGFIELD, Ill., March 6, 2016 (AP) —").
_DATELINE_TOKENS = 14


def _after_dateline(toks: list[Token], para_start: int) -> list[Token]:
    """Drop a dateline the clause opens with ("SPRINGFIELD, March 6, 2016 — Two people were
    killed …, police said"): a place in capitals starting the paragraph, then a dash; the
    place and date are the outlet's, not the speaker's words."""
    if not toks or toks[0].idx != para_start or not toks[0].is_upper or not toks[0].is_alpha:
        return toks
    for k, tok in enumerate(toks[:_DATELINE_TOKENS]):
        if tok.text in vocab.DASHES:
            return toks[k + 1 :] or toks
    return toks


def phrase_span(verb: Token, toks: list[Token], *, asides: bool = False) -> CharSpan | None:
    """The content phrase inside the verb's paragraph, a closing mark kept.

    ``asides`` keeps a trailing ", which …" aside: a quote record wants the writer's whole
    sentence, while PolNeAR's content span stops before it.
    """
    text = doc_text(verb.doc)
    para = para_bounds(text, verb.idx)
    inside = _after_dateline([t for t in toks if para[0] <= t.idx < para[1]], para[0])
    return _with_opening_mark(
        text, with_closing_mark(text, trimmed(inside if asides else _without_aside(inside)))
    )


def _with_opening_mark(text: str, span: CharSpan | None) -> CharSpan | None:
    """Keep the mark opening a quoted start ("says “the wind is at our backs” despite …")."""
    if span is None or span[0] == 0:
        return span
    mark = text[span[0] - 1]
    closes = {"\u201c": "\u201d", '"': '"', "\u2018": "\u2019"}.get(mark)
    if closes is not None and closes in text[span[0] : span[1]]:
        return span[0] - 1, span[1]
    return span


def clause_span(verb: Token, clause: Token, *, asides: bool = False) -> CharSpan | None:
    """The clause's words inside the verb's paragraph, "that" and a closing mark included."""
    return phrase_span(verb, _own_words(clause), asides=asides)


def _own_words(clause: Token) -> list[Token]:
    """The clause's tokens, with the listener an intention names ("urged him to resign")."""
    toks = _clause_words(clause)
    verb = clause.head
    if clause.dep_ == "xcomp" and verb.i < clause.i:
        obj = [c for c in verb.children if c.dep_ == "dobj" and verb.i < c.i < clause.i]
        if obj:
            toks = list(verb.doc[obj[0].left_edge.i : clause.left_edge.i]) + toks
    return toks


def _clause_words(clause: Token) -> list[Token]:
    """The clause without a coordinated report of its own ("…, and more than 4 in 10 said …",
    "…, while police said …").

    A conjunct, or an adverbial clause with its own speaker, whose verb reports speech is a
    second attribution, not more of this content ("… enough signatures to ask the court …"
    has no speaker of its own: it stays).
    """
    toks = _glued(list(clause.subtree))
    for child in clause.rights:
        if clause.dep_ == "xcomp" and child.dep_ == "prep" and child.lower_ in vocab.SETTING_PREPS:
            toks = [t for t in toks if t.i < child.left_edge.i]
            break
        if child.lemma_.lower() in vocab.SPEECH_VERBS and (
            child.dep_ == "conj" or (child.dep_ == "advcl" and _has_subject(child))
        ):
            toks = [t for t in toks if t.i < child.left_edge.i]
            while toks and (toks[-1].dep_ == "cc" or toks[-1].is_punct):
                toks = toks[:-1]
            break
    return toks


def _has_subject(verb: Token) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)


def _glued(toks: list[Token]) -> list[Token]:
    """Take in the rest of a word the parse split off: "would re-examine the offer" parsed as
    "re" under the clause and "-examine the offer" elsewhere is one clause, never "would re"."""
    if not toks:
        return toks
    doc = toks[0].doc
    have = {t.i for t in toks}
    for _ in range(8):
        last = toks[-1]
        k = last.i + 1
        if k >= len(doc) or doc[k].idx != last.idx + len(last.text) or last.is_punct:
            break
        nxt = doc[k]
        if not (nxt.text in _HYPHENS or nxt.is_alpha or nxt.like_num):
            break
        more = [t for t in nxt.subtree if t.i >= k and t.i not in have] or [nxt]
        toks = sorted(toks + more, key=lambda t: t.i)
        have.update(t.i for t in more)
    return toks


_HYPHENS = frozenset({"-", "\u2010", "\u2011"})


def whole_words(text: str, span: CharSpan) -> CharSpan:
    """The span widened so that neither edge falls inside a word (or a hyphenated word)."""
    start, end = span
    while 0 < start < len(text) and text[start - 1].isalnum() and text[start].isalnum():
        start -= 1
    while 0 < end < len(text) and text[end - 1].isalnum():
        if text[end].isalnum():
            end += 1
        elif text[end] in _HYPHENS and end + 1 < len(text) and text[end + 1].isalnum():
            end += 2
        else:
            break
    return start, end


def quote_content(verb: Token, quote: CharSpan, cognitive: bool) -> CharSpan:
    """A quotation's content: the verb's whole clause when the quote sits inside it."""
    clause = reported_clause(verb, cognitive)
    if clause is None or clause.i < verb.i:
        return quote
    span = clause_span(verb, clause)
    if span is None or not (span[0] <= quote[0] and quote[1] <= span[1]):
        return quote
    return span


def _left_edge(verb: Token, floor: int) -> int:
    """The first of the auxiliaries, negations and adverbs written just before the verb."""
    doc: Doc = verb.doc
    k = verb.i
    while (
        k > 0
        and doc[k - 1].idx >= floor
        and doc[k - 1].head.i == verb.i
        and doc[k - 1].dep_ in vocab.CUE_LEFT_DEPS
    ):
        k -= 1
    return doc[k].idx


def _right_edge(verb: Token, content: CharSpan) -> int:
    """The end of the verb's own phrase after it, for a cue that follows its content."""
    doc: Doc = verb.doc
    text = doc_text(doc)
    last = verb.i
    for child in verb.rights:
        if child.dep_ == "punct" and not child.is_quote:
            continue
        if child.dep_ in vocab.CUE_RIGHT_STOPS or child.lemma_.lower() in vocab.SPEECH_VERBS:
            break  # the subject ("said Mr. Trump"), another clause, or a second cue ("adding")
        words = doc[last + 1 : child.right_edge.i + 1]
        if (
            any(t.is_quote or t.is_sent_start or t.idx < content[1] for t in words)
            or "\n" in text[verb.idx : words[-1].idx]
        ):
            break
        last = child.right_edge.i
    span = trimmed(list(doc[verb.i : last + 1]))
    return span[1] if span is not None else verb.idx + len(verb.text)


def _with_preposition(verb: Token, end: int, content: CharSpan) -> int:
    """Take in the preposition between the verb and its content ("called for", "said of")."""
    between = verb.doc.char_span(end, content[0], alignment_mode="contract")
    if (
        between is not None
        and len(between) == 1
        and between[0].dep_ == "prep"
        and between[0].head.i == verb.i
    ):
        return between[0].idx + len(between[0].text)
    return end


def cue_extent(verb: Token, content: CharSpan, source: CharSpan | None) -> CharSpan:
    """The cue as annotated: verb with its auxiliaries, and its phrase or colon around it."""
    if verb.is_punct:
        return verb.idx, verb.idx + len(verb.text)  # a layout cue: the colon or dash alone
    text = doc_text(verb.doc)
    floor = source[1] if source is not None and source[1] <= verb.idx else 0
    start = _left_edge(verb, max(floor, content[1] if content[1] <= verb.idx else 0))
    end = verb.idx + len(verb.text)
    prt = [c for c in verb.rights if c.dep_ == "prt" and c.i == verb.i + 1]
    if prt:
        end = prt[0].idx + len(prt[0].text)  # "pointed out"
    if content[1] <= verb.idx:
        end = max(end, _right_edge(verb, content))
    elif text[end : content[0]].strip() == ":":
        end = text.index(":", end) + 1
    else:
        end = _with_preposition(verb, end, content)
    return start, end


def object_content(verb: Token) -> CharSpan | None:
    """What a verb of stance says about its object: "called him a liar for …", "endorsed X".

    The span runs from the object through the complements that finish the verb's phrase.
    """
    kids = [c for c in verb.rights if c.dep_ not in ("punct",)]
    first = next((k for k, c in enumerate(kids) if c.dep_ in vocab.OBJECT_DEPS), None)
    if first is None:
        return None
    last = first
    for k in range(first + 1, len(kids)):
        if kids[k].dep_ not in vocab.OBJECT_TAIL_DEPS or kids[k].lower_ in vocab.SETTING_PREPS:
            break
        last = k
    return phrase_span(verb, list(verb.doc[kids[first].left_edge.i : kids[last].right_edge.i + 1]))


def prep_content(verb: Token) -> CharSpan | None:
    """ "called for a ban", "referring to the wall": the preposition's object is the content."""
    preps = vocab.PREP_CUES.get(verb.lemma_.lower(), frozenset())
    nxt = verb.doc[verb.i + 1] if verb.i + 1 < len(verb.doc) else None
    if nxt is None or nxt.head.i != verb.i or nxt.dep_ != "prep" or nxt.lower_ not in preps:
        return None
    obj = next((c for c in nxt.children if c.dep_ in ("pobj", "pcomp")), None)
    if obj is None:
        return None
    return phrase_span(verb, list(obj.subtree))
