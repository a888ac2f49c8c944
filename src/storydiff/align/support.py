"""Does a text support, contradict, or merely discuss a claim? A small learned judge.

Where no rule of the ledger fits, two statements from different sources can still be compared
by meaning: ``support(claim, text)`` gives the probabilities of FNC-1's four stances —
``agree`` (the text stands behind the claim), ``disagree`` (it disputes it), ``discuss`` (it
reports the claim without taking a side) and ``unrelated`` (it is about something else).

Features (``pair_features``, named in ``FEATURE_NAMES``), for a claim and a text split into
sentences:
- meaning: the frozen all-MiniLM-L6-v2 vectors (``semantic``) of the claim and of every
  sentence; cosine of the claim with the best, the top three, the first and the mean sentence,
  and where the best sits; how close the claim, the three sentences closest to it and any
  sentence come to general statements of each stance (``support_vocab.PROTOTYPES``: "this
  story is a hoax", "it could not be verified", "officials confirmed the report");
- words: TF-IDF cosine of claim and text and of claim and best sentence, the share of the
  claim's content words (and word pairs) found in the text, its lead, its best sentences;
- cues (``support_vocab.CUE_GROUPS``): refuting, hedging, confirming and negating words counted
  in the claim, in the text, in its lead and in its sentences closest to the claim.
The 384-d vectors themselves are not features: they let a model learn which *stories* tend to
be disputed, which scored well on pairs of the stories it was trained on and badly on new
stories (bench/train_support.py). Five one-hidden-layer networks (numpy, averaged) map the
features to the four probabilities. Their weights and the IDF table ship in
``support_model.npz``; ``bench/train_support.py`` retrains them from FNC-1's training pairs in
under half an hour on one CPU core. Trained on headline/body pairs: a single sentence as the
text is read as a one-sentence body.
"""

from __future__ import annotations

import itertools
import math
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np
import numpy.typing as npt

from storydiff.align.semantic import Vectors
from storydiff.align.support_vocab import CUE_GROUPS, PROTOTYPES
from storydiff.errors import ModelMissingError
from storydiff.lexicon.words import STOPWORDS

Matrix = npt.NDArray[np.float64]
Encoder = Callable[[Sequence[str]], Vectors]

LABELS = ("agree", "disagree", "discuss", "unrelated")
WEIGHTS = Path(__file__).with_name("support_model.npz")
DIMENSION = 384  # all-MiniLM-L6-v2
MAX_SENTENCES = 60  # sentences of a text read (the lead matters most; bounds the cost)
TOP_SENTENCES = 3  # sentences closest to the claim that make its "evidence"
LEAD_CHARS = 255  # the FNC-1 baseline's lead

_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
_PARAGRAPH = re.compile(r"\s*\n\s*")
_BOUNDARY = re.compile(r"([.!?][\"'”’)\]]*)\s+(?=[\"'“‘(\[]?[A-Z0-9])")
# Abbreviations after which a full stop ends no sentence.
_ABBREVIATIONS = frozenset(
    "mr mrs ms dr st jr sr sen gov rep gen col lt sgt prof vs u.s u.k inc corp co ltd".split()
)


def split_sentences(text: str) -> list[str]:
    """Sentences of a text: paragraphs, then full stops before a capital or a digit, at most
    ``MAX_SENTENCES``."""
    text = text.replace("\r", "")
    sentences: list[str] = []
    for paragraph in _PARAGRAPH.split(text.strip()):
        pending = ""
        for piece in _BOUNDARY.sub("\\1\n", paragraph).split("\n"):
            pending = f"{pending} {piece}" if pending else piece
            last = pending.rsplit(None, 1)[-1].rstrip(".").lower() if pending.strip() else ""
            if last in _ABBREVIATIONS or len(last) == 1:
                continue
            if pending.strip():
                sentences.append(pending.strip())
            pending = ""
        if pending.strip():
            sentences.append(pending.strip())
    return sentences[:MAX_SENTENCES]


def _normalise(text: str) -> str:
    return text.lower().replace("’", "'").replace("‘", "'")


def words(text: str) -> list[str]:
    """Lower-cased word tokens (apostrophes kept inside a word)."""
    return _WORD.findall(_normalise(text))


def content_words(text: str) -> list[str]:
    """Words less the stopwords and one-letter tokens."""
    return [w for w in words(text) if w not in STOPWORDS and len(w) > 1]


def _cue_pattern(entries: Sequence[str]) -> re.Pattern[str]:
    parts = []
    for entry in entries:
        stem = entry.removesuffix("*")
        body = re.escape(stem).replace(r"\ ", r"\s+") + (r"[a-z']*" if entry.endswith("*") else "")
        left = "" if entry.startswith("n'") else r"(?<![a-z0-9'])"
        parts.append(f"{left}{body}(?![a-z0-9])")
    return re.compile("|".join(parts))


_CUES = tuple(_cue_pattern(entries) for _, entries in CUE_GROUPS)
CUE_NAMES = tuple(name for name, _ in CUE_GROUPS)
PROTOTYPE_NAMES = tuple(name for name, _ in PROTOTYPES)
_PROTOTYPE_SENTENCES = tuple(s for _, group in PROTOTYPES for s in group)
# Columns of each prototype group among the prototype sentences.
_PROTOTYPE_COLUMNS = tuple(
    np.arange(len(group)) + sum(len(g) for _, g in PROTOTYPES[:k])
    for k, (_, group) in enumerate(PROTOTYPES)
)


def cue_counts(text: str) -> npt.NDArray[np.float64]:
    """How often each cue group (``support_vocab.CUE_GROUPS``) occurs in a text."""
    low = _normalise(text)
    return np.array([len(pattern.findall(low)) for pattern in _CUES], dtype=float)


@dataclass(frozen=True)
class _Side:
    """What the features read of one claim or text, computed once however many pairs use it."""

    sentences: tuple[str, ...]
    words: frozenset[str]
    bigrams: frozenset[tuple[str, str]]
    lead: frozenset[str]
    sentence_words: tuple[frozenset[str], ...]
    tfidf: dict[str, float]
    sentence_tfidf: tuple[dict[str, float], ...]
    cues: npt.NDArray[np.float64]
    sentence_cues: npt.NDArray[np.float64]
    word_count: int


def _tfidf(tokens: Sequence[str], idf: dict[str, float], unknown: float) -> dict[str, float]:
    counts = Counter(tokens)
    weights = {w: (1.0 + math.log(n)) * idf.get(w, unknown) for w, n in counts.items()}
    norm = math.sqrt(sum(v * v for v in weights.values())) or 1.0
    return {w: v / norm for w, v in weights.items()}


def _cosine(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b.get(w, 0.0) for w, v in a.items())


def _side(text: str, idf: dict[str, float], unknown: float, *, split: bool) -> _Side:
    sentences = tuple(split_sentences(text)) if split else (text.strip(),)
    if not sentences or not any(sentences):
        sentences = ("",)
    tokens = content_words(" ".join(sentences))
    sentence_tokens = [content_words(s) for s in sentences]
    return _Side(
        sentences=sentences,
        words=frozenset(tokens),
        bigrams=frozenset(itertools.pairwise(tokens)),
        lead=frozenset(content_words(text[:LEAD_CHARS])),
        sentence_words=tuple(frozenset(t) for t in sentence_tokens),
        tfidf=_tfidf(tokens, idf, unknown),
        sentence_tfidf=tuple(_tfidf(t, idf, unknown) for t in sentence_tokens),
        cues=cue_counts(" ".join(sentences)),
        sentence_cues=np.array([cue_counts(s) for s in sentences]),
        word_count=len(words(text)),
    )


def _share(part: frozenset[str] | frozenset[tuple[str, str]], whole: frozenset[object]) -> float:
    return len(part & whole) / len(part) if part else 0.0


FEATURE_NAMES = (
    "cos_best",
    "cos_top",
    "cos_mean",
    "cos_first",
    "cos_spread",
    "cos_body",
    "best_position",
    "log_sentences",
    "log_text_words",
    "log_claim_words",
    "tfidf_text",
    "tfidf_best",
    "share_in_text",
    "share_in_lead",
    "share_in_best",
    "share_in_top",
    "jaccard",
    "bigrams_in_text",
    "claim_question",
    *(f"claim_{name}" for name in CUE_NAMES),
    *(f"text_{name}" for name in CUE_NAMES),
    *(f"top_{name}" for name in CUE_NAMES),
    *(f"text_{name}_rate" for name in CUE_NAMES),
    *(f"best_{name}" for name in CUE_NAMES),
    *(f"lead_{name}" for name in CUE_NAMES),
    "negation_mismatch",
    *(f"like_{name}_claim" for name in PROTOTYPE_NAMES),
    *(f"like_{name}_top" for name in PROTOTYPE_NAMES),
    *(f"like_{name}_any" for name in PROTOTYPE_NAMES),
)


def feature_count() -> int:
    """Columns of ``pair_features``."""
    return len(FEATURE_NAMES)


def _unit(vectors: Vectors) -> Vectors:
    norms = np.linalg.norm(vectors, axis=-1, keepdims=True)
    result: Vectors = vectors / np.maximum(norms, np.float32(1e-12))
    return result


def _like(vectors: Vectors, prototypes: Vectors) -> npt.NDArray[np.float64]:
    """Per row of ``vectors``, the best cosine with each prototype group (rows × groups)."""
    cos = vectors @ prototypes.T
    best = [cos[:, columns].max(axis=1) for columns in _PROTOTYPE_COLUMNS]
    return np.stack(best, axis=1).astype(float)


def _pair_row(
    claim: _Side, text: _Side, h: Vectors, sentence_vectors: Vectors, prototypes: Vectors
) -> npt.NDArray[np.float32]:
    cos = sentence_vectors @ h
    order = np.argsort(-cos, kind="stable")
    top = order[:TOP_SENTENCES]
    best = int(order[0])
    body = _unit(sentence_vectors.sum(axis=0))
    n = len(text.sentences)
    best_words = text.sentence_words[best]
    top_words = frozenset().union(*(text.sentence_words[i] for i in top))
    like = _like(sentence_vectors, prototypes)
    claim_negated = claim.cues[CUE_NAMES.index("negation")] > 0
    best_negated = text.sentence_cues[best, CUE_NAMES.index("negation")] > 0
    scalars = [
        float(cos[best]),
        float(cos[top].mean()),
        float(cos.mean()),
        float(cos[0]),
        float(cos.std()),
        float(body @ h),
        best / max(n - 1, 1),
        math.log1p(n),
        math.log1p(text.word_count),
        math.log1p(claim.word_count),
        _cosine(claim.tfidf, text.tfidf),
        _cosine(claim.tfidf, text.sentence_tfidf[best]),
        _share(claim.words, text.words),
        _share(claim.words, text.lead),
        _share(claim.words, best_words),
        _share(claim.words, top_words),
        len(claim.words & text.words) / max(len(claim.words | text.words), 1),
        _share(claim.bigrams, text.bigrams),
        float("?" in claim.sentences[0]),
        *np.minimum(claim.cues, 3.0),
        *np.log1p(text.cues),
        *np.log1p(text.sentence_cues[top].sum(axis=0)),
        *(text.cues / n),
        *np.log1p(text.sentence_cues[best]),
        *np.log1p(text.sentence_cues[:2].sum(axis=0)),
        float(claim_negated != best_negated),
        *_like(h[None, :], prototypes)[0],
        *like[top].max(axis=0),
        *like.max(axis=0),
    ]
    return np.array(scalars, dtype=np.float32)


@dataclass(frozen=True)
class SupportModel:
    """The IDF table, feature scaling and the averaged networks."""

    vocabulary: dict[str, float]
    unknown_idf: float
    mean: Matrix
    scale: Matrix
    hidden_weights: Matrix  # (networks, features, hidden)
    hidden_bias: Matrix  # (networks, hidden)
    output_weights: Matrix  # (networks, hidden, labels)
    output_bias: Matrix  # (networks, labels)

    def probabilities(self, features: npt.NDArray[np.floating]) -> Matrix:
        """Mean softmax of the networks, one row per pair, columns in ``LABELS`` order."""
        x = (np.asarray(features, dtype=float) - self.mean) / self.scale
        total = np.zeros((x.shape[0], len(LABELS)))
        for k in range(self.hidden_weights.shape[0]):
            hidden = np.maximum(x @ self.hidden_weights[k] + self.hidden_bias[k], 0.0)
            total += softmax(hidden @ self.output_weights[k] + self.output_bias[k])
        result: Matrix = total / self.hidden_weights.shape[0]
        return result

    def save(self, path: Path, trained_on: str) -> None:
        """Write the model as a compressed .npz (float32; no pickled objects)."""
        words = sorted(self.vocabulary)
        np.savez_compressed(
            path,
            labels=np.array(LABELS),
            features=np.array(feature_count()),
            trained_on=np.array(trained_on),
            vocabulary=np.array(words),
            idf=np.array([self.vocabulary[w] for w in words], dtype=np.float32),
            unknown_idf=np.array(self.unknown_idf),
            mean=self.mean.astype(np.float32),
            scale=self.scale.astype(np.float32),
            hidden_weights=self.hidden_weights.astype(np.float32),
            hidden_bias=self.hidden_bias.astype(np.float32),
            output_weights=self.output_weights.astype(np.float32),
            output_bias=self.output_bias.astype(np.float32),
        )


def softmax(z: Matrix) -> Matrix:
    """Row-wise softmax."""
    shifted = np.exp(z - z.max(axis=1, keepdims=True))
    result: Matrix = shifted / shifted.sum(axis=1, keepdims=True)
    return result


@cache
def load_model(path: Path = WEIGHTS) -> SupportModel:
    """The shipped model (read once); raises ModelMissingError when absent or stale."""
    if not path.is_file():
        raise ModelMissingError(f"{path} is missing; run `python bench/train_support.py`")
    with np.load(path, allow_pickle=False) as data:
        if int(data["features"]) != feature_count() or tuple(data["labels"]) != LABELS:
            raise ModelMissingError(
                f"{path}: weights are for {int(data['features'])} features, the code makes "
                f"{feature_count()}; retrain with `python bench/train_support.py`"
            )
        return SupportModel(
            vocabulary=dict(zip(data["vocabulary"].tolist(), data["idf"].tolist(), strict=True)),
            unknown_idf=float(data["unknown_idf"]),
            mean=data["mean"].astype(float),
            scale=data["scale"].astype(float),
            hidden_weights=data["hidden_weights"].astype(float),
            hidden_bias=data["hidden_bias"].astype(float),
            output_weights=data["output_weights"].astype(float),
            output_bias=data["output_bias"].astype(float),
        )


def _default_encoder(texts: Sequence[str]) -> Vectors:
    from storydiff.align.semantic import embed

    return embed(texts)


def pair_features(
    pairs: Sequence[tuple[str, str]],
    *,
    idf: dict[str, float],
    unknown_idf: float,
    encode: Encoder = _default_encoder,
) -> npt.NDArray[np.float32]:
    """One row of ``feature_count()`` columns per (claim, text) pair. Each distinct claim and
    each distinct sentence is embedded once, in one call to ``encode``."""
    claims = {
        c: _side(c, idf, unknown_idf, split=False) for c in dict.fromkeys(c for c, _ in pairs)
    }
    texts = {t: _side(t, idf, unknown_idf, split=True) for t in dict.fromkeys(t for _, t in pairs)}
    unique = list(
        dict.fromkeys(
            [*(side.sentences[0] for side in claims.values())]
            + [s for side in texts.values() for s in side.sentences]
            + list(_PROTOTYPE_SENTENCES)
        )
    )
    index = {sentence: i for i, sentence in enumerate(unique)}
    out = np.zeros((len(pairs), feature_count()), dtype=np.float32)
    if not pairs:
        return out
    vectors = _unit(np.asarray(encode(unique), dtype=np.float32))
    prototypes = vectors[[index[s] for s in _PROTOTYPE_SENTENCES]]
    for row, (claim, text) in enumerate(pairs):
        c, t = claims[claim], texts[text]
        h = vectors[index[c.sentences[0]]]
        sentence_vectors = vectors[[index[s] for s in t.sentences]]
        out[row] = _pair_row(c, t, h, sentence_vectors, prototypes)
    return out


def support_batch(
    pairs: Sequence[tuple[str, str]],
    *,
    encode: Encoder = _default_encoder,
    model: SupportModel | None = None,
) -> list[dict[str, float]]:
    """``support`` for many (claim, text) pairs at once: each distinct text embedded once."""
    if not pairs:
        return []
    model = model or load_model()
    features = pair_features(
        pairs, idf=model.vocabulary, unknown_idf=model.unknown_idf, encode=encode
    )
    probabilities = model.probabilities(features)
    return [dict(zip(LABELS, map(float, row), strict=True)) for row in probabilities]


def support(claim: str, text: str) -> dict[str, float]:
    """Probabilities that ``text`` agrees with, disagrees with, discusses, or is unrelated to
    ``claim`` (they sum to 1). Raises ModelMissingError without the sentence model."""
    return support_batch([(claim, text)])[0]
