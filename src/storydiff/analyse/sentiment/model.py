"""The learned tone scorer: a multinomial logistic regression over frozen MiniLM vectors
pooled around the target, and the word-list counts of ``lexicon``.

For each target the encoder's word-piece vectors (an average of some of its layers, named in
the weights file) are pooled three ways: over the target's own word pieces (the encoder has
read the whole sentence, so they carry what is said of the target), over the
``CONTEXT_TOKENS`` word pieces either side of it, and over the sentence. Those three vectors
and the lexicon counts, standardised, go into one softmax layer. Trained on NewsMTSC train by
``bench/train_sentiment.py`` and shipped as ``model.npz`` (float32, numpy only: no torch).

The encoder is given by the caller, as a function from texts to ``TokenStates``: this stage
may not import the align stage, where the MiniLM forward pass lives
(``evaluate.sentiment.minilm_token_states`` wraps it).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np
import numpy.typing as npt

from storydiff.analyse.sentiment.lexicon import Mention, lexicon_features
from storydiff.errors import ModelMissingError

LABELS = ("negative", "neutral", "positive")
WEIGHTS_PATH = Path(__file__).with_name("model.npz")
# A sentence longer than this is read as a window of WINDOW_CHARS either side of the target:
# the encoder reads 256 word pieces at most, and a target past them would have no vectors.
LONG_SENTENCE = 900
WINDOW_CHARS = 400
# Word pieces either side of the target pooled as its context (3, 8 and 16 were tried on the
# held-out tenth of train: 8 best, by under 0.01 macro-F1).
CONTEXT_TOKENS = 8
# Texts sent to the encoder at a time: its batching works within a call, and progress is
# reported between calls.
CHUNK = 64

Vectors = npt.NDArray[np.float32]


@dataclass(frozen=True, slots=True)
class TokenStates:
    """An encoder's vectors for each word piece of a text (shape: layers × pieces × width,
    the embedding layer first; special tokens left out) and each piece's character offsets."""

    vectors: Vectors
    offsets: npt.NDArray[np.int32]


TokenEncoder = Callable[[Sequence[str]], list[TokenStates]]


@dataclass(frozen=True, slots=True)
class Tone:
    """The tone toward one mention and the model's probability of each label."""

    label: str
    probabilities: dict[str, float]


def encoded_text(mention: Mention) -> tuple[str, int]:
    """The text the encoder reads for ``mention`` and where it starts in the sentence."""
    sentence = mention.sentence
    if len(sentence) <= LONG_SENTENCE:
        return sentence, 0
    left = max(0, mention.start - WINDOW_CHARS)
    right = min(len(sentence), mention.end + WINDOW_CHARS)
    left = sentence.find(" ", left, mention.start) + 1 if left else 0
    cut = sentence.rfind(" ", mention.end, right)
    right = cut if right < len(sentence) and cut > 0 else right
    return sentence[left:right], left


def pooled_layers(states: TokenStates, start: int, end: int) -> Vectors:
    """Per layer, the mean vector of the target's pieces, of its context and of the text
    (shape: layers × 3 × width); ``start``/``end`` are character offsets in the text."""
    vectors, offsets = states.vectors, states.offsets
    count = len(offsets)
    pooled = np.zeros((vectors.shape[0], 3, vectors.shape[2]), dtype=np.float32)
    if count == 0:
        return pooled
    inside = (offsets[:, 0] < end) & (offsets[:, 1] > start)
    if not inside.any():  # cut off by the encoder's length limit: the nearest piece stands in
        inside[np.argmin(np.abs(offsets[:, 0] - start))] = True
    where = np.flatnonzero(inside)
    index = np.arange(count)
    context = (index >= where[0] - CONTEXT_TOKENS) & (index <= where[-1] + CONTEXT_TOKENS)
    context &= ~inside
    pooled[:, 0] = vectors[:, inside].mean(axis=1)
    pooled[:, 2] = vectors.mean(axis=1)
    pooled[:, 1] = vectors[:, context].mean(axis=1) if context.any() else pooled[:, 2]
    return pooled


def combine(pooled: Vectors, layers: Sequence[int], lexicon: Vectors) -> Vectors:
    """One feature row: the pooled vectors averaged over ``layers``, then the lexicon counts."""
    return np.concatenate([pooled[list(layers)].mean(axis=0).ravel(), lexicon])


@dataclass(frozen=True, slots=True)
class Model:
    """Standardisation and softmax weights over ``combine``'s rows."""

    layers: tuple[int, ...]
    mean: Vectors
    scale: Vectors
    weights: Vectors
    bias: Vectors

    def probabilities(self, rows: Vectors) -> Vectors:
        """Each row's probability of each label (rows: n × features)."""
        scores = ((rows - self.mean) / self.scale) @ self.weights + self.bias
        shifted = np.exp(scores - scores.max(axis=1, keepdims=True))
        result: Vectors = shifted / shifted.sum(axis=1, keepdims=True)
        return result

    def save(self, path: Path, trained_on: str) -> None:
        """Write the weights as an .npz (float32, no pickled objects)."""
        meta = {"labels": LABELS, "layers": self.layers, "context_tokens": CONTEXT_TOKENS}
        np.savez_compressed(
            path,
            meta=np.frombuffer(json.dumps(meta).encode("utf-8"), dtype=np.uint8),
            trained_on=np.frombuffer(trained_on.encode("utf-8"), dtype=np.uint8),
            mean=self.mean.astype(np.float32),
            scale=self.scale.astype(np.float32),
            weights=self.weights.astype(np.float32),
            bias=self.bias.astype(np.float32),
        )


@lru_cache(maxsize=1)
def load_model(path: Path = WEIGHTS_PATH) -> Model:
    """The shipped weights; ModelMissingError when the file is absent or of another layout."""
    if not path.is_file():
        raise ModelMissingError(
            f"{path} is missing; reinstall storydiff or run bench/train_sentiment.py"
        )
    with np.load(path) as data:
        meta = json.loads(bytes(data["meta"]).decode("utf-8"))
        if tuple(meta["labels"]) != LABELS or meta["context_tokens"] != CONTEXT_TOKENS:
            raise ModelMissingError(f"{path} was trained for another feature layout; retrain it")
        return Model(
            tuple(int(layer) for layer in meta["layers"]),
            data["mean"],
            data["scale"],
            data["weights"],
            data["bias"],
        )


def pooled_targets(
    mentions: Sequence[Mention],
    encode: TokenEncoder,
    *,
    on_targets: Callable[[int], None] | None = None,
) -> list[Vectors]:
    """``pooled_layers`` of every mention; each distinct text is encoded once, CHUNK at a time."""
    texts: dict[str, list[int]] = {}
    shifts = []
    for index, mention in enumerate(mentions):
        text, shift = encoded_text(mention)
        texts.setdefault(text, []).append(index)
        shifts.append(shift)
    pooled: list[Vectors | None] = [None] * len(mentions)
    distinct = list(texts)
    for first in range(0, len(distinct), CHUNK):
        chunk = distinct[first : first + CHUNK]
        done = 0
        for text, states in zip(chunk, encode(chunk), strict=True):
            for index in texts[text]:
                m, shift = mentions[index], shifts[index]
                pooled[index] = pooled_layers(states, m.start - shift, m.end - shift)
                done += 1
        if on_targets is not None:
            on_targets(done)
    return [p for p in pooled if p is not None]


def tones(
    mentions: Sequence[Mention],
    encode: TokenEncoder,
    *,
    model: Model | None = None,
    on_targets: Callable[[int], None] | None = None,
) -> list[Tone]:
    """The tone toward each mention, in order; ``on_targets(n)`` after each n are read."""
    if not mentions:
        return []
    model = model or load_model()
    rows = np.stack(
        [
            combine(pooled, model.layers, lexicon_features(mention))
            for mention, pooled in zip(
                mentions, pooled_targets(mentions, encode, on_targets=on_targets), strict=True
            )
        ]
    )
    return [
        Tone(LABELS[int(p.argmax())], {label: float(v) for label, v in zip(LABELS, p, strict=True)})
        for p in model.probabilities(rows)
    ]
