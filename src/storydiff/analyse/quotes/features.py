"""Features for the learned attribution scorer (``model``); candidates are in ``candidates``.

An attribution is read off the dependency parse in three choices, each scored by a linear
model trained on PolNeAR's train split (``bench/train_attribution.py``):

1. **cue**: is this token the head of a cue ("said", "according", a headline colon)?
2. **source**: which phrase near the cue is its source, or none?
3. **content**: which phrase (or pair of phrases around an inserted cue, or quotation) is
   what was said?

Candidates come from the parse (subtrees of nearby words, cut at their children) and from
the rules in ``quotes`` (whose spans are candidates with a feature saying so), so the model
learns when to trust a rule and when a nearby phrase is the better reading. Features are
strings hashed into a fixed-size weight vector (``zlib.crc32``: the same on every run and
platform), so the weights file is only arrays.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

import numpy as np
from spacy.tokens import Doc, Token

from storydiff.analyse.quotes import vocab
from storydiff.analyse.quotes.marks import QuoteSpan
from storydiff.analyse.quotes.record import Attribution

CharSpan = tuple[int, int]
Fragments = tuple[CharSpan, ...]

HASH_BITS = 18
DIM = 1 << HASH_BITS
TENSOR_WIDTH = 96  # en_core_web_sm's tok2vec output

# Parts of speech a cue's head can have ("said", "claims", "according", "critical", ":").
CUE_POS = frozenset({"VERB", "AUX", "NOUN", "ADJ", "ADP", "PUNCT", "SCONJ", "PROPN"})
# Parts of speech a source phrase's head can have.
SOURCE_POS = frozenset({"NOUN", "PROPN", "PRON", "NUM", "X", "DET", "ADJ", "SYM"})
# How far (in dependency arcs) a source or content head may lie from its cue.
MAX_PATH = 3
_MARKS = "\u201c\u201d\"'"
_CUE_PUNCT = frozenset({":", "—", "–", "―", "-", "--"})
_WORD_DEPS = frozenset({"prep", "prt", "mark", "aux", "auxpass", "neg", "advmod", "agent"})
_LEXICONS = (
    ("speech", vocab.SPEECH_VERBS),
    ("cognition", vocab.COGNITION_VERBS),
    ("intent", vocab.INTENT_VERBS),
    ("object", vocab.OBJECT_VERBS),
    ("channel", vocab.CHANNEL_NOUNS),
    ("stance_adj", vocab.STANCE_ADJECTIVES),
)


def hashed(features: Iterable[str]) -> list[int]:
    """Feature strings as indices into the weight vector (duplicates kept: they add up)."""
    return [zlib.crc32(f.encode("utf-8")) & (DIM - 1) for f in features]


@dataclass(slots=True)
class Context:
    """One article's parse with what every feature reads: quotes, lines, the rules' output."""

    doc: Doc
    text: str
    quotes: list[QuoteSpan]
    rules: list[Attribution]
    tensor: np.ndarray | None = None  # the pipeline's contextual token vectors, when present
    quote_of: list[int] = field(default_factory=list)  # token -> quote index or -1
    rule_cues: dict[int, list[Attribution]] = field(default_factory=dict)
    rule_sources: set[CharSpan] = field(default_factory=set)
    rule_contents: set[CharSpan] = field(default_factory=set)

    def __post_init__(self) -> None:
        marks = sorted((q.open, q.close, k) for k, q in enumerate(self.quotes))
        self.quote_of = [-1] * len(self.doc)
        j = 0
        for tok in self.doc:
            while j < len(marks) and marks[j][1] <= tok.idx:
                j += 1
            if j < len(marks) and marks[j][0] <= tok.idx < marks[j][1]:
                self.quote_of[tok.i] = marks[j][2]
        for a in self.rules:
            if a.cue_start is None or a.cue_end is None:
                continue
            for head in cue_heads(self.doc, a):
                self.rule_cues.setdefault(head.i, []).append(a)
            if a.source_start is not None and a.source_end is not None:
                self.rule_sources.add((a.source_start, a.source_end))
            self.rule_contents.add((a.content_start, a.content_end))

        if self.tensor is None:
            tensor = getattr(self.doc, "tensor", None)
            if tensor is not None and tensor.shape == (len(self.doc), TENSOR_WIDTH):
                self.tensor = np.asarray(tensor, dtype=np.float32)

    def dense(self, tok: Token) -> np.ndarray:
        """The token's contextual vector (zeros where the pipeline gave none)."""
        if self.tensor is None:
            return np.zeros(TENSOR_WIDTH, dtype=np.float32)
        return np.asarray(self.tensor[tok.i], dtype=np.float32)

    def in_quote(self, tok: Token) -> bool:
        """Inside quotation marks (the marks themselves included)."""
        return self.quote_of[tok.i] >= 0


def cue_heads(doc: Doc, a: Attribution) -> list[Token]:
    """The tokens a rule's cue span is about: the word the record names and the span's
    syntactic root, which PolNeAR's cue heads follow ("is" in "is eager to …")."""
    if a.cue_start is None or a.cue_end is None:
        return []
    span = doc.char_span(a.cue_start, a.cue_end, alignment_mode="expand")
    if span is None or not len(span):
        return []
    word = (a.record.cue or "").split()[0] if a.record.cue else ""
    named = [t for t in span if t.lower_ == word][:1]
    return [*named, span.root] if not named or named[0].i != span.root.i else named


def is_cue_candidate(tok: Token) -> bool:
    """Tokens the cue model looks at: content words, "according", colons and dashes."""
    if tok.is_space:
        return False
    if tok.pos_ == "PUNCT":
        return tok.text in _CUE_PUNCT
    return tok.pos_ in CUE_POS


def bucket(n: int) -> str:
    for limit in (0, 1, 2, 3, 5, 8, 12, 20, 40):
        if n <= limit:
            return str(limit)
    return "more"


def _subject(tok: Token) -> Token | None:
    return next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass", "csubj")), None)


def head_kind(tok: Token) -> str:
    """A coarse class of a phrase head: person, organisation, pronoun, noun, other."""
    if tok.ent_type_:
        return tok.ent_type_
    if tok.pos_ == "PRON":
        return "PRON:" + tok.lower_
    return tok.pos_


def cue_features(ctx: Context, tok: Token) -> list[str]:
    """What the cue model knows about one token."""
    doc = ctx.doc
    lem = tok.lemma_.lower()
    feats = [
        "bias",
        f"w={tok.lower_}",
        f"l={lem}",
        f"p={tok.pos_}",
        f"t={tok.tag_}",
        f"d={tok.dep_}",
        f"lp={lem}|{tok.pos_}",
        f"ld={lem}|{tok.dep_}",
        f"pd={tok.pos_}|{tok.dep_}",
        f"td={tok.tag_}|{tok.dep_}",
        f"hl={tok.head.lemma_.lower()}",
        f"hp={tok.head.pos_}|{tok.dep_}",
        f"lhl={lem}|{tok.head.lemma_.lower()}",
        f"hd={tok.dep_}|{tok.head.dep_}",
    ]
    quoted = ctx.in_quote(tok)
    feats += [f"inq={quoted}", f"l_inq={lem}|{quoted}", f"p_inq={tok.pos_}|{quoted}"]
    for name, words in _LEXICONS:
        if lem in words:
            feats += [f"lex={name}", f"lex_p={name}|{tok.pos_}", f"lex_d={name}|{tok.dep_}"]
    deps = set()
    for c in tok.children:
        deps.add(c.dep_)
        feats += [f"c={c.dep_}", f"cp={c.dep_}|{c.pos_}", f"lc={lem}|{c.dep_}"]
        side = "L" if c.i < tok.i else "R"
        feats.append(f"cs={c.dep_}|{side}")
        if c.dep_ in _WORD_DEPS:
            feats += [f"cw={c.dep_}|{c.lower_}", f"lcw={lem}|{c.dep_}|{c.lower_}"]
        if c.dep_ in ("ccomp", "xcomp", "advcl"):
            marks = [m.lower_ for m in c.children if m.dep_ in ("mark", "aux")]
            feats += [f"cmark={c.dep_}|{m}" for m in marks]
            feats.append(f"cq={c.dep_}|{ctx.in_quote(c)}")
        if c.dep_ in ("dobj", "pobj", "attr"):
            feats.append(f"cobj={c.dep_}|{head_kind(c)}")
        if c.dep_ in _LEXICAL_DEPS:
            feats += [f"ck={c.dep_}|{c.lemma_.lower()}", f"lck={lem}|{c.dep_}|{c.lemma_.lower()}"]
    feats.append("deps=" + "+".join(sorted(d for d in deps if d in _CORE_DEPS)))
    subj = _subject(tok)
    if subj is not None:
        kind = head_kind(subj)
        feats += [
            f"subj={kind}",
            f"lsubj={lem}|{kind}",
            f"subjq={ctx.in_quote(subj)}",
            f"subjside={'L' if subj.i < tok.i else 'R'}",
        ]
    else:
        feats += ["nosubj", f"lnosubj={lem}"]
    for off in (-2, -1, 1, 2):
        k = tok.i + off
        if 0 <= k < len(doc):
            other = doc[k]
            feats.append(
                f"n{off}={other.lower_ if other.is_punct or other.is_stop else other.pos_}"
            )
            if off in (-1, 1):
                feats.append(f"ln{off}={lem}|{other.lower_}")
                feats.append(f"q{off}={other.is_quote}")
    text = ctx.text
    line_start = text.rfind("\n", 0, tok.idx) + 1
    feats.append(f"title={line_start == 0}")
    line_end = text.find("\n", tok.idx)
    line = text[line_start : len(text) if line_end < 0 else line_end]
    feats.append(f"line_q={any(c in line for c in _MARKS)}")
    inside = any(a <= tok.idx < b for a, b in ctx.rule_contents)
    feats += [f"in_content={inside}", f"l_in_content={lem}|{inside}"]
    rule = ctx.rule_cues.get(tok.i)
    feats.append(f"rule={rule is not None}")
    if rule is not None:
        feats += [
            f"rule_l={lem}",
            f"rule_kind={rule[0].record.kind}",
            f"rule_src={rule[0].source_start is not None}",
        ]
    return feats


_LEXICAL_DEPS = frozenset({"acomp", "attr", "dobj", "xcomp", "prep", "oprd", "ccomp"})
_CORE_DEPS = frozenset(
    {"nsubj", "nsubjpass", "ccomp", "xcomp", "dobj", "agent", "prep", "advcl", "attr", "dative"}
)


# --- dependency paths ---------------------------------------------------------------------------


def dep_path(a: Token, b: Token) -> tuple[str, int]:
    """The arcs from ``a`` up to the common ancestor and down to ``b``, and how many."""
    up: list[Token] = [a, *a.ancestors]
    up_ids = {t.i: k for k, t in enumerate(up)}
    down: list[Token] = []
    node = b
    while node.i not in up_ids:
        down.append(node)
        if node.head.i == node.i:
            return "none", 99
        node = node.head
    k = up_ids[node.i]
    path = "^".join(t.dep_ for t in up[:k]) + "|" + ">".join(t.dep_ for t in reversed(down))
    return path, k + len(down)


def near(tok: Token, reach: int = MAX_PATH) -> Iterator[tuple[Token, str, int]]:
    """Tokens of the sentence within ``reach`` arcs of ``tok``, with their paths."""
    sent = tok.sent
    for other in sent:
        if other.i == tok.i:
            continue
        path, n = dep_path(tok, other)
        if n <= reach:
            yield other, path, n
