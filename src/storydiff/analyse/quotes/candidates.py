"""Candidate sources and contents of a cue for the learned attribution scorer.

Every reading comes from the parse: the subtree of a word within a few arcs of the cue, cut
before a right dependent or after a left one, or at a comma; runs of the cue's dependents
("called Trump “the orange prince”"); pairs of phrases around an inserted cue or on either
side of it; the quotations beside the cue; and the rules' own spans. Each carries the
features (``features``) its linear score reads.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from storydiff.analyse.quotes.features import (
    SOURCE_POS,
    CharSpan,
    Context,
    Fragments,
    bucket,
    dep_path,
    head_kind,
    near,
)
from storydiff.analyse.quotes.marks import QuoteSpan
from storydiff.analyse.quotes.speaker import doc_text


def _trim(toks: list[Token], keep_marks: bool) -> list[Token]:
    while toks and (toks[-1].is_punct or toks[-1].is_space):
        last = toks[-1]
        if keep_marks and last.is_quote and sum(t.is_quote for t in toks) % 2 == 0:
            break
        if last.text == ")" and any(t.text == "(" for t in toks):
            break
        toks = toks[:-1]
    while toks and (toks[0].is_punct or toks[0].is_space):
        if keep_marks and toks[0].is_quote:
            break
        toks = toks[1:]
    return toks


def variants(head: Token, *, max_punct: int = 2) -> dict[CharSpan, str]:
    """Phrases headed by ``head``: its subtree, cut before a right child or after a left one,
    trimmed of edge punctuation or keeping quotation marks and trailing stops, in one line."""
    doc = head.doc
    text = doc_text(doc)
    line_start = text.rfind("\n", 0, head.idx) + 1
    line_end = text.find("\n", head.idx)
    line_end = len(text) if line_end < 0 else line_end
    sub = [t for t in head.subtree if line_start <= t.idx < line_end]
    out: dict[CharSpan, str] = {}

    def add(toks: list[Token], how: str) -> None:
        for keep in (False, True):
            kept = _trim(toks, keep)
            if not kept:
                continue
            start, last = kept[0].idx, kept[-1]
            end = last.idx + len(last.text)
            if end <= start:
                continue  # a non-projective cut
            out.setdefault((start, end), how + ("|m" if keep else ""))
            k = last.i
            for _n in range(max_punct):
                if k + 1 >= len(doc) or not doc[k + 1].is_punct or doc[k + 1].idx >= line_end:
                    break
                k += 1
                out.setdefault((start, doc[k].idx + len(doc[k].text)), f"{how}|+{doc[k].text}")

    add(sub, "full")
    rights = [c for c in head.rights if line_start <= c.idx < line_end]
    lefts = [c for c in head.lefts if line_start <= c.idx < line_end]
    for c in rights:
        add([t for t in sub if t.i < c.left_edge.i], f"cutR={c.dep_}")
    for c in lefts:
        add([t for t in sub if t.i > c.right_edge.i], f"cutL={c.dep_}")
        for r in rights:
            add(
                [t for t in sub if c.right_edge.i < t.i < r.left_edge.i], f"cutLR={c.dep_}|{r.dep_}"
            )
    for t in sub:
        if t.i > head.i and t.text in _BREAKS:
            add([u for u in sub if u.i < t.i], f"cutP={t.text}")  # "…, with similar levels"
    return out


_BREAKS = frozenset({",", ";", "—", "–", "--", "-", "("})


def child_ranges(cue: Token) -> dict[CharSpan, str]:
    """Runs of the cue's right dependents: "called Trump “the orange prince”" (object and
    complement), "criticized Democrats in 2011 for seeking …", "announced her plan…, bringing …"."""
    text = doc_text(cue.doc)
    line_end = text.find("\n", cue.idx)
    line_end = len(text) if line_end < 0 else line_end
    kids = [
        c
        for c in cue.rights
        if c.dep_ not in ("punct", "cc") and c.idx < line_end and not c.is_space
    ]
    out: dict[CharSpan, str] = {}
    for i, first in enumerate(kids):
        starts = [(first, first.dep_), *((o, f"{first.dep_}>{o.dep_}") for o in _objects(first))]
        for last in kids[i + 1 :]:
            for start, how in starts:
                toks = _trim(list(cue.doc[start.left_edge.i : last.right_edge.i + 1]), True)
                if toks and toks[-1].idx < line_end:
                    span = (toks[0].idx, toks[-1].idx + len(toks[-1].text))
                    out.setdefault(span, f"range={how}|{last.dep_}")
    return out


def _objects(tok: Token) -> list[Token]:
    """A preposition's object, which a cue ending in that preposition leaves as its content:
    "called on [police to release …]", "was accused of [using $50 million …]"."""
    if tok.dep_ != "prep":
        return []
    return [c for c in tok.children if c.dep_ in ("pobj", "pcomp")]


def phrase(tok: Token) -> CharSpan | None:
    """A dependent's whole phrase, edge punctuation trimmed."""
    toks = _trim(list(tok.subtree), True)
    return (toks[0].idx, toks[-1].idx + len(toks[-1].text)) if toks else None


# --- source and content candidates ----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Candidate:
    """A reading of a cue's source or content, with the features that score it."""

    fragments: Fragments  # empty: no source
    head: Token | None
    features: list[str]


def _span_features(ctx: Context, span: CharSpan, how: str, prefix: str) -> list[str]:
    doc = ctx.doc
    toks = doc.char_span(span[0], span[1], alignment_mode="expand")
    if toks is None or not len(toks):
        return [f"{prefix}badspan"]
    first, last = toks[0], toks[-1]
    text = ctx.text[span[0] : span[1]]
    kind = how.split("|")[0]
    feats = [
        f"{prefix}how={how}",
        f"{prefix}cut={kind.split('=')[0]}",
        f"{prefix}f={first.lower_ if first.is_punct or first.is_stop else first.pos_}",
        f"{prefix}fd={first.dep_}",
        f"{prefix}l={last.lower_ if last.is_punct else last.pos_}",
        f"{prefix}ld={last.dep_}",
        f"{prefix}len={bucket(len(toks))}",
        f"{prefix}commas={bucket(text.count(','))}",
        f"{prefix}fl={first.pos_}|{last.lower_ if last.is_punct else last.pos_}",
    ]
    after = doc[last.i + 1] if last.i + 1 < len(doc) else None
    feats.append(f"{prefix}next={after.lower_ if after is not None and after.is_punct else 'w'}")
    before = doc[first.i - 1] if first.i > 0 else None
    feats.append(f"{prefix}prev={before.lower_ if before is not None and before.is_punct else 'w'}")
    if span in ctx.rule_sources or span in ctx.rule_contents:
        feats.append(f"{prefix}rule_span")
    quoted = sum(1 for t in toks if ctx.in_quote(t))
    feats.append(f"{prefix}quoted={bucket(round(4 * quoted / len(toks)))}")
    feats += [
        f"{prefix}before={_word(before)}",
        f"{prefix}after={_word(after)}",
        f"{prefix}after_d={after.dep_ if after is not None else '-'}",
        f"{prefix}fw={first.lower_ if first.is_stop or first.is_punct else 'w'}",
        f"{prefix}sent_start={first.is_sent_start}",
        f"{prefix}sent_end={after is None or after.is_sent_start or _ends_sentence(after)}",
        f"{prefix}verbs={bucket(sum(t.pos_ in ('VERB', 'AUX') for t in toks))}",
        f"{prefix}sents={bucket(len({t.sent.start for t in toks}))}",
    ]
    return feats


def _word(tok: Token | None) -> str:
    """A boundary word as a feature: itself when it is a function word, else its class."""
    if tok is None:
        return "-"
    return tok.lower_ if tok.is_stop or tok.is_punct else tok.pos_


def _ends_sentence(tok: Token) -> bool:
    """Only punctuation between here and the sentence end."""
    return all(t.is_punct or t.is_space for t in tok.doc[tok.i : tok.sent.end])


def source_candidates(ctx: Context, cue: Token) -> list[Candidate]:
    """No source, or a phrase within a few arcs of the cue (and the rules' reading)."""
    lem = cue.lemma_.lower()
    out: list[Candidate] = [
        Candidate((), None, ["s:none", f"s:none_l={lem}", f"s:none_d={cue.dep_}"])
    ]
    rule_spans = {
        (a.source_start, a.source_end): a
        for a in ctx.rule_cues.get(cue.i, [])
        if a.source_start is not None and a.source_end is not None
    }
    seen: set[CharSpan] = set()
    heads = [(t, p, n) for t, p, n in near(cue) if t.pos_ in SOURCE_POS]
    for span in rule_spans:
        found = ctx.doc.char_span(span[0], span[1], alignment_mode="expand")
        if found is not None and not any(t.i == found.root.i for t, _, _ in heads):
            heads.append((found.root, *dep_path(cue, found.root)))
    for head, path, n in heads:
        kind = head_kind(head)
        side = "L" if head.i < cue.i else "R"
        base = [
            f"s:path={path}",
            f"s:pathl={path}|{lem}",
            f"s:n={n}",
            f"s:kind={kind}",
            f"s:pathk={path}|{kind}",
            f"s:side={side}",
            f"s:dist={bucket(abs(head.i - cue.i))}",
            f"s:hq={ctx.in_quote(head)}",
            f"s:cueq={ctx.in_quote(cue)}",
            f"s:cued={cue.dep_}|{path}",
        ]
        if any(
            head.idx <= s[0] < head.idx + len(head.text) or s[0] <= head.idx < s[1]
            for s in rule_spans
        ):
            base.append("s:rule_head")
        readings = variants(head)
        for span in rule_spans:
            if span not in readings and span[0] <= head.idx < span[1]:
                readings[span] = "rule"
        for span, how in readings.items():
            if span in seen or span[0] <= cue.idx < span[1]:
                continue
            seen.add(span)
            feats = base + _span_features(ctx, span, how, "s:")
            feats += _edge_phrases(ctx, cue, (span,), "s:")
            feats.append(f"s:pathhow={path}|{how.split('|')[0]}")
            feats.append(f"s:khow={head_kind(head)}|{how}")
            if span in rule_spans:
                feats.append("s:rule_own")
            out.append(Candidate((span,), head, feats))
    return out


def _quote_near(ctx: Context, cue: Token) -> list[QuoteSpan]:
    """The quotations just before and just after the cue in its paragraph (or the one before)."""
    text = ctx.text
    para_start = text.rfind("\n", 0, cue.idx) + 1
    prev_para = text.rfind("\n", 0, max(para_start - 1, 0)) + 1
    para_end = text.find("\n", cue.idx)
    para_end = len(text) if para_end < 0 else para_end
    before = [q for q in ctx.quotes if prev_para <= q.open and q.close <= cue.idx]
    after = [q for q in ctx.quotes if q.open > cue.idx and q.open < para_end]
    here = [q for q in ctx.quotes if q.open <= cue.idx < q.close]
    return before[-1:] + after[:1] + here


def content_candidates(ctx: Context, cue: Token) -> list[Candidate]:
    """Phrases within a few arcs of the cue, nearby quotations, and the rules' readings."""
    lem = cue.lemma_.lower()
    out: list[Candidate] = []
    seen: set[Fragments] = set()

    def push(frags: Fragments, head: Token | None, feats: list[str]) -> None:
        if frags not in seen and frags:
            seen.add(frags)
            out.append(Candidate(frags, head, feats + _edge_phrases(ctx, cue, frags, "c:")))

    rules = ctx.rule_cues.get(cue.i, [])
    rule_frags = tuple(sorted({(a.content_start, a.content_end) for a in rules}))
    if rule_frags:
        push(
            rule_frags,
            None,
            [
                "c:rule_set",
                f"c:rule_set_n={len(rule_frags)}",
                f"c:rule_l={lem}",
                *_span_features(ctx, rule_frags[-1], "rule", "c:"),
            ],
        )
    for _k, q in enumerate(_quote_near(ctx, cue)):
        side = "B" if q.close <= cue.idx else ("A" if q.open > cue.idx else "in")
        for end in {q.close, *_stops_after(ctx.text, q.close)}:
            push(
                ((q.open, end),),
                None,
                [
                    f"c:quote={side}",
                    f"c:quote_l={lem}|{side}",
                    *_span_features(ctx, (q.open, end), "quote", "c:"),
                ],
            )
    for span, how in child_ranges(cue).items():
        feats = [f"c:how={how}", f"c:lhow={lem}|{how}", *_span_features(ctx, span, how, "c:")]
        push((span,), None, feats)
    for frags, how in _pairs(ctx, cue).items():
        feats = [f"c:pair={how}", f"c:lpair={lem}|{how}"]
        feats += _span_features(ctx, frags[0], how, "c:p1:") + _span_features(
            ctx, frags[1], how, "c:p2:"
        )
        push(frags, None, feats)
    for head, path, n in near(cue):
        if head.is_punct or head.is_space:
            continue
        side = "L" if head.i < cue.i else "R"
        base = [
            f"c:path={path}",
            f"c:pathl={path}|{lem}",
            f"c:n={n}",
            f"c:hp={head.pos_}",
            f"c:pathp={path}|{head.pos_}",
            f"c:side={side}",
            f"c:cued={cue.dep_}|{path}",
            f"c:dist={bucket(abs(head.i - cue.i))}",
        ]
        for span, how in variants(head).items():
            if span[0] <= cue.idx < span[1]:
                continue
            feats = base + _span_features(ctx, span, how, "c:")
            feats.append(f"c:pathhow={path}|{how.split('|')[0]}")
            feats.append(f"c:lhow={lem}|{how.split('|')[0]}")
            push((span,), head, feats)
            for longer in _to_sentence_end(ctx, cue, span):
                feats = base + _span_features(ctx, longer, "toend", "c:")
                feats += [f"c:toend={how.split('|')[0]}", f"c:ltoend={lem}"]
                push((longer,), head, feats)
    return out


def _edge_phrases(ctx: Context, cue: Token, frags: Fragments, prefix: str) -> list[str]:
    """What a reading's last phrase is and what phrases it leaves out on either side, and
    where each attaches: "offered [some advice] on Friday" keeps the object and drops the
    verb's time adjunct; "[police to release …]" keeps the object before the complement; a
    source "[Ban Ki-moon], the secretary general," leaves its appositive out."""
    toks = ctx.doc.char_span(frags[0][0], frags[-1][1], alignment_mode="expand")
    if toks is None or not len(toks):
        return []
    first, last = toks[0], toks[-1]
    inside = range(first.i, last.i + 1)
    feats: list[str] = []
    tail = _phrase_ending(last, inside)
    if tail is not None:
        feats += [
            f"{prefix}tail={_phrase_kind(tail)}|{_attach(tail, cue, inside)}",
            f"{prefix}tail_ent={_time_entity(tail)}",
            f"{prefix}ltail={cue.lemma_.lower()}|{tail.dep_}",
        ]
    doc = ctx.doc
    if last.i + 1 < len(doc):
        nxt = _phrase_starting(doc[last.i + 1])
        feats += [
            f"{prefix}dropR={_phrase_kind(nxt)}|{_attach(nxt, cue, inside)}",
            f"{prefix}dropR_ent={_time_entity(nxt)}",
        ]
    if first.i > 0:
        prev = _phrase_ending(doc[first.i - 1], range(0, first.i))
        if prev is not None:
            feats += [
                f"{prefix}dropL={_phrase_kind(prev)}|{_attach(prev, cue, inside)}",
                f"{prefix}ldropL={cue.lemma_.lower()}|{prev.dep_}",
            ]
    return feats


def _phrase_ending(tok: Token, within: range) -> Token | None:
    """The largest phrase inside ``within`` whose last word is ``tok`` (not its head's)."""
    node = tok
    while node.head.i != node.i and node.head.i in within and node.head.right_edge.i == tok.i:
        node = node.head
    return None if node.i == tok.i and tok.is_punct else node


def _phrase_starting(tok: Token) -> Token:
    """The largest phrase whose first word is ``tok``."""
    node = tok
    while node.head.i != node.i and node.head.left_edge.i == tok.i and node.head.i >= tok.i:
        node = node.head
    return node


def _phrase_kind(tok: Token) -> str:
    """A phrase by its relation, and by its word when that word is a preposition or marker."""
    return (
        f"{tok.dep_}:{tok.lower_}"
        if tok.dep_ in ("prep", "mark", "cc")
        else f"{tok.dep_}:{tok.pos_}"
    )


def _attach(tok: Token, cue: Token, inside: range) -> str:
    """Whether a phrase hangs on the cue, on a word of the reading, or elsewhere."""
    head = tok.head
    if head.i == cue.i:
        return "cue"
    return "in" if head.i in inside else "out"


def _time_entity(tok: Token) -> str:
    """A date or time entity inside the phrase ("on Friday"), which readings tend to leave out."""
    return next((t.ent_type_ for t in tok.subtree if t.ent_type_ in _TIME_ENTS), "-")


_TIME_ENTS = frozenset({"DATE", "TIME"})


def _to_sentence_end(ctx: Context, cue: Token, span: CharSpan) -> list[CharSpan]:
    """A reading after the cue run on to its sentence's end, with and without the stop: the
    conjuncts, relative clauses and tails the parse hangs elsewhere ("wants to triple …,
    grow the Peace Corps …")."""
    if span[0] <= cue.idx:
        return []
    sent = cue.sent
    toks = _trim([t for t in sent if t.idx >= span[0]], True)
    if not toks:
        return []
    end = toks[-1].idx + len(toks[-1].text)
    bare = _trim(toks, False)
    ends = {end, bare[-1].idx + len(bare[-1].text)} if bare else {end}
    return [(span[0], e) for e in sorted(ends) if e > span[1] and "\n" not in ctx.text[span[0] : e]]


def _pairs(ctx: Context, cue: Token) -> dict[Fragments, str]:
    """Content in two pieces: around an inserted cue ("Many of the closures, he said, have
    involved …"), a subject and a complement ("who was regarded as a lightweight"), an
    object and what is said of it ("criticized Democrats in 2011 for seeking …"), or the
    quotations on either side of "…,” said Bash. “…"."""
    out: dict[Fragments, str] = {}
    lefts = [c for c in cue.lefts if c.dep_ not in ("punct", "cc", "aux", "auxpass", "neg")]
    rights = [c for c in cue.rights if c.dep_ not in ("punct", "cc")]
    for a in lefts:
        for b in rights + [o for c in rights for o in _objects(c)]:
            pa, pb = phrase(a), phrase(b)
            if pa and pb and pa[1] <= cue.idx < pb[0]:
                out.setdefault((pa, pb), f"LR={a.dep_}|{b.dep_}")
    for k, a in enumerate(rights):
        for b in rights[k + 1 : k + 3]:
            pa, pb = phrase(a), phrase(b)
            if pa and pb and pa[1] < pb[0] and ctx.text[pa[1] : pb[0]].strip():
                out.setdefault((pa, pb), f"RR={a.dep_}|{b.dep_}")
    head = cue.head
    if cue.dep_ in ("parataxis", "advcl", "ccomp", "conj", "dep") and head.i != cue.i:
        aside = {t.i for t in cue.subtree}
        words = [t for t in head.subtree if t.i not in aside]
        left = _trim([t for t in words if t.i < cue.left_edge.i], True)
        right = _trim([t for t in words if t.i > cue.right_edge.i], True)
        if left and right:
            pa = (left[0].idx, left[-1].idx + len(left[-1].text))
            pb = (right[0].idx, right[-1].idx + len(right[-1].text))
            out.setdefault((pa, pb), f"around={cue.dep_}")
            if ctx.text[pb[1] : pb[1] + 1] in (".", ","):
                out.setdefault((pa, (pb[0], pb[1] + 1)), f"around={cue.dep_}|+")
    quotes = _quote_near(ctx, cue)
    before = [q for q in quotes if q.close <= cue.idx]
    after = [q for q in quotes if q.open > cue.idx]
    if before and after:
        out.setdefault(
            ((before[0].open, before[0].close), (after[0].open, after[0].close)), "quotes"
        )
    return out


def _stops_after(text: str, end: int) -> list[int]:
    """Ends that take in the punctuation right after a closing mark ("…”." or "…”,")."""
    out = []
    k = end
    while k < len(text) and text[k] in ".,;:!?" and k - end < 2:
        k += 1
        out.append(k)
    return out
