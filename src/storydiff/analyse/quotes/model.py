"""The learned attribution scorer: which words are cues, and each cue's source and content.

Three linear models over hashed features (``features``), the source one with a small hidden
layer added (``Residual``), trained on PolNeAR's train split by ``bench/train_attribution.py``
and shipped as ``model.npz`` (float16 weights, numpy only at inference: no torch). The rules
in ``quotes`` run first; their spans are candidates and features here, so the model keeps a
rule's reading where the corpus agrees with it and takes a nearby phrase where it does not.

It reads attributions the way PolNeAR annotates them (beliefs, intentions and acts as well
as speech), so only the cognitive mode used for scoring asks for it; the quotes a dossier
shows come from the rules.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np
from spacy.tokens import Doc, Token

from storydiff.analyse.quotes import candidates as ac
from storydiff.analyse.quotes import features as af
from storydiff.analyse.quotes.marks import QuoteSpan
from storydiff.analyse.quotes.record import Attribution
from storydiff.analyse.quotes.spans import cue_extent
from storydiff.analyse.quotes.speaker import SpeakerIndex, resolve
from storydiff.model import QuoteKind, QuoteRecord

WEIGHTS_PATH = Path(__file__).with_name("model.npz")


@dataclass(frozen=True, slots=True)
class Residual:
    """A small hidden layer over the features the training saw often enough (``vocab``, sorted
    hashed ids), whose score is added to the linear one: it weighs a feature by its company."""

    vocab: np.ndarray
    embed: np.ndarray
    bias: np.ndarray
    out: np.ndarray

    def score(self, ids: np.ndarray) -> float:
        """The hidden layer's share of one reading's score."""
        at = np.minimum(np.searchsorted(self.vocab, ids), len(self.vocab) - 1)
        rows = at[self.vocab[at] == ids]
        hidden = np.maximum(self.embed[rows].sum(axis=0) + self.bias, 0.0)
        return float(hidden @ self.out)


@dataclass(frozen=True, slots=True)
class Model:
    """Weights of the three scorers and the cue probability a cue must reach."""

    cue: np.ndarray
    cue_dense: np.ndarray
    source: np.ndarray
    content: np.ndarray
    threshold: float
    residuals: dict[str, Residual]

    def score(self, weights: np.ndarray, features: list[str]) -> float:
        """The linear score of one feature list."""
        return float(weights[af.hashed(features)].sum())

    def rank(self, name: str, features: list[str]) -> float:
        """A source or content reading's score: linear, plus the hidden layer's share."""
        ids = np.asarray(af.hashed(features), dtype=np.int32)
        linear = float((self.source if name == "source" else self.content)[ids].sum())
        residual = self.residuals.get(name)
        return linear + (residual.score(ids) if residual is not None else 0.0)


@lru_cache(maxsize=1)
def load_model(path: Path = WEIGHTS_PATH) -> Model | None:
    """The shipped weights, or None when the file is absent (the rules then stand alone)."""
    if not path.exists():
        return None
    with np.load(path) as data:
        meta = json.loads(bytes(data["meta"]).decode("utf-8"))
        if meta.get("hash_bits") != af.HASH_BITS:
            return None
        residuals = {
            name: Residual(
                data[f"{name}_vocab"],
                data[f"{name}_embed"].astype(np.float32),
                data[f"{name}_bias"].astype(np.float32),
                data[f"{name}_out"].astype(np.float32),
            )
            for name in ("source", "content")
            if f"{name}_vocab" in data
        }
        return Model(
            data["cue"].astype(np.float32),
            data["cue_dense"].astype(np.float32),
            data["source"].astype(np.float32),
            data["content"].astype(np.float32),
            float(meta["cue_threshold"]),
            residuals,
        )


def cue_head_of(doc: Doc, fragments: tuple[tuple[int, int], ...]) -> Token | None:
    """The head word of an annotated cue (its first fragment's syntactic root)."""
    if not fragments:
        return None
    span = doc.char_span(*fragments[0], alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def learned_attributions(
    model: Model,
    doc: Doc,
    text: str,
    quotes: list[QuoteSpan],
    index: SpeakerIndex,
    rules: list[Attribution],
) -> list[Attribution]:
    """Every cue the model finds, with its best-scoring source and content."""
    ctx = af.Context(doc, text, quotes, rules)
    cues: list[tuple[float, Token]] = []
    for tok in doc:
        if not af.is_cue_candidate(tok):
            continue
        z = model.score(model.cue, af.cue_features(ctx, tok)) + float(
            ctx.dense(tok) @ model.cue_dense
        )
        p = 1.0 / (1.0 + np.exp(-z))
        if p >= model.threshold:
            cues.append((p, tok))
    # A layout cue the rules found (a transcript's "PENCE:", a quotation signed "― Name") is
    # read off the page exactly; the corpus has too few of them to teach the model, so the
    # rules' reading stands and takes its words first.
    out = [a for i, atts in ctx.rule_cues.items() if doc[i].is_punct for a in atts]
    taken = [(a.content_start, a.content_end) for a in out]
    cue_at = [a.cue_start for a in out if a.cue_start is not None]
    # PolNeAR gives each word one attribution: the surest cues choose first, and a later
    # cue takes its best content that neither overlaps a chosen one nor holds a chosen cue.
    for _, tok in sorted(cues, key=lambda c: (-c[0], c[1].i)):
        if tok.idx in cue_at or any(a <= tok.idx < b for a, b in taken):
            continue
        ranked = sorted(
            ac.content_candidates(ctx, tok),
            key=lambda c: -model.rank("content", c.features),
        )
        content = next(
            (
                c
                for c in ranked
                if not any(a < f[1] and f[0] < b for f in c.fragments for a, b in taken)
                and not any(f[0] <= i < f[1] for f in c.fragments for i in cue_at)
            ),
            None,
        )
        if content is None:
            continue
        sources = ac.source_candidates(ctx, tok)
        source = max(sources, key=lambda c: model.rank("source", c.features))
        taken.extend(content.fragments)
        cue_at.append(tok.idx)
        out.extend(_attributions(ctx, index, tok, source, content))
    return sorted(out, key=lambda a: (a.record.start, a.record.end, a.content_start))


# A content that opens a quotation ends after its closing mark and the stop before it.
_CLOSING = re.compile(r"[.,?!]?[\u201d\"]")


def _closed(text: str, frag: tuple[int, int]) -> tuple[int, int]:
    """``calling the candidate “extremely physically fit`` reaches ``fit.”``: a reading that
    leaves a quotation open takes in its close, as the annotators do."""
    words = text[frag[0] : frag[1]]
    curly_open = words.count("\u201c") > words.count("\u201d")
    straight_open = words.count('"') % 2 == 1
    found = _CLOSING.match(text, frag[1])
    if found is None or not (curly_open or straight_open):
        return frag
    if (found.group()[-1] == '"') != straight_open:
        return frag
    return frag[0], found.end()


def _attributions(
    ctx: af.Context,
    index: SpeakerIndex,
    cue: Token,
    source: ac.Candidate,
    content: ac.Candidate,
) -> list[Attribution]:
    text = ctx.text
    frags = tuple(_closed(text, f) for f in content.fragments)
    src = source.fragments[0] if source.fragments else None
    speaker = resolve(index, source.head) if source.head is not None else None
    rule = ctx.rule_cues.get(cue.i)
    if rule and rule[0].cue_start is not None and rule[0].cue_end is not None:
        c_start, c_end = rule[0].cue_start, rule[0].cue_end
    else:
        c_start, c_end = cue_extent(cue, frags[-1], src)
    start, end = frags[0][0], frags[-1][1]
    quoted = any(q.open == start and q.close <= end for q in ctx.quotes)
    kind: QuoteKind = "direct" if quoted else "indirect"
    record = QuoteRecord(
        start=start,
        end=end,
        text=text[start:end],
        kind=kind,
        speaker_text=speaker.name if speaker is not None else None,
        speaker_start=speaker.start if speaker is not None else None,
        speaker_end=speaker.end if speaker is not None else None,
        cue=cue.lower_,
    )
    s_start, s_end = src if src is not None else (None, None)
    return [Attribution(record, s_start, s_end, c_start, c_end, *f) for f in frags]
