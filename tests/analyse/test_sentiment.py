"""Target sentiment: the word lists near a target, pooling around it, the shipped scorer."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pytest

from storydiff.analyse.sentiment import LABELS, Mention, TokenStates, rule_tone, tones
from storydiff.analyse.sentiment import lexicon as lx
from storydiff.analyse.sentiment import model as sm
from storydiff.errors import ModelMissingError


def mention(sentence: str, target: str) -> Mention:
    start = sentence.index(target)
    return Mention(sentence, start, start + len(target))


@pytest.mark.parametrize(
    ("word", "group"),
    [
        ("slammed", "BLAME"),
        ("praising", "PRAISE"),
        ("indicted", "WRONGDOING"),
        ("victories", None),  # -ies is not stripped: "victory" is listed, this form is not
        ("won", "GAINS"),
        ("defeats", "LOSSES"),
        ("table", None),
    ],
)
def test_a_word_counts_in_its_group_under_its_inflections(word: str, group: str | None) -> None:
    names = ["PRAISE", "GAINS", "BLAME", "WRONGDOING", "LOSSES"]
    found = lx.group_of(word)
    assert (names[found] if found is not None else None) == group


@pytest.mark.parametrize(
    ("sentence", "target", "tone"),
    [
        ("Critics slammed Smith over the botched rollout.", "Smith", "negative"),
        ("Voters praised Jones for her courage during the flood.", "Jones", "positive"),
        ('"The truck was rented on Monday," Miller said.', "Miller", "neutral"),
        ("Nobody praised Smith for the deal.", "Smith", "negative"),
        ("Prosecutors said Baker was indicted on Friday.", "Baker", "negative"),
        ("Lee did not lose the primary.", "Lee", "positive"),
    ],
)
def test_rule_tone_reads_the_polarity_words_near_the_target(
    sentence: str, target: str, tone: str
) -> None:
    assert rule_tone(mention(sentence, target)) == tone


def test_lexicon_counts_only_near_words_as_near() -> None:
    far = (
        "Smith spoke on Tuesday at the annual meeting of the county board, which the mayor slammed."
    )
    near = "The mayor slammed Smith."
    far_counts = lx.lexicon_features(mention(far, "Smith"))
    near_counts = lx.lexicon_features(mention(near, "Smith"))
    blame = 2
    assert far_counts[blame] == near_counts[blame] == 1  # in the sentence either way
    assert far_counts[len(lx.GROUPS) + blame] == 0
    assert near_counts[len(lx.GROUPS) + blame] == 1
    assert rule_tone(mention(far, "Smith")) == "neutral"


def test_lexicon_marks_a_target_inside_quotation_marks() -> None:
    quoted = '"I trust Warren on this," the senator said.'
    counts = lx.lexicon_features(mention(quoted, "Warren"))
    assert counts[-1] == 1
    assert lx.lexicon_features(mention("Warren spoke.", "Warren"))[-1] == 0
    assert counts.shape == (lx.FEATURES,)


def test_a_long_sentence_is_read_as_a_window_holding_the_target() -> None:
    sentence = "word " * 400 + "Senator Smith was praised. " + "more " * 400
    target = mention(sentence, "Smith")
    text, shift = sm.encoded_text(target)
    assert len(text) <= 2 * sm.WINDOW_CHARS + len("Smith")
    assert text[target.start - shift : target.end - shift] == "Smith"
    assert not text.startswith(" ") and not text.endswith(" ")
    short = mention("Smith was praised.", "Smith")
    assert sm.encoded_text(short) == ("Smith was praised.", 0)


def _states(offsets: list[tuple[int, int]], layers: int = 2) -> TokenStates:
    """Vectors whose every entry is the piece's index (plus 100 per layer)."""
    pieces = np.arange(len(offsets), dtype=np.float32)
    vectors = np.stack(
        [np.repeat((pieces + 100 * layer)[:, None], 4, axis=1) for layer in range(layers)]
    )
    return TokenStates(vectors, np.array(offsets, dtype=np.int32))


def test_pooling_reads_the_target_its_context_and_the_text() -> None:
    # twenty pieces of two characters each; the target covers pieces 10 and 11
    offsets = [(2 * i, 2 * i + 1) for i in range(20)]
    pooled = sm.pooled_layers(_states(offsets), 20, 23)
    assert pooled.shape == (2, 3, 4)
    assert pooled[0, 0, 0] == pytest.approx(10.5)
    context = [*range(10 - sm.CONTEXT_TOKENS, 10), *range(12, min(20, 12 + sm.CONTEXT_TOKENS))]
    assert pooled[0, 1, 0] == pytest.approx(np.mean(context))
    assert pooled[0, 2, 0] == pytest.approx(9.5)
    assert pooled[1, 0, 0] == pytest.approx(110.5)


def test_a_target_the_encoder_cut_off_is_read_at_the_nearest_piece() -> None:
    offsets = [(0, 3), (4, 8)]
    pooled = sm.pooled_layers(_states(offsets), 50, 55)
    assert pooled[0, 0, 0] == pytest.approx(1.0)


class CountingEncoder:
    """A stand-in encoder: vectors from the text's length, and a record of what it read."""

    def __init__(self) -> None:
        self.read: list[str] = []

    def __call__(self, texts: Sequence[str]) -> list[TokenStates]:
        self.read.extend(texts)
        out = []
        for text in texts:
            offsets = [(m.start(), m.end()) for m in lx._WORD.finditer(text)]
            states = _states(offsets, layers=7)
            out.append(TokenStates(states.vectors * (len(text) % 7), states.offsets))
        return out


def _toy_model(width: int) -> sm.Model:
    """Weights that read only the lexicon's signed near counts (positive, negative)."""
    features = 3 * width + lx.FEATURES
    weights = np.zeros((features, 3), dtype=np.float32)
    near = 3 * width + 2 * len(lx.GROUPS)
    weights[near, 2] = 5.0
    weights[near + 1, 0] = 5.0
    return sm.Model(
        (3, 4, 5, 6),
        np.zeros(features, dtype=np.float32),
        np.ones(features, dtype=np.float32),
        weights,
        np.array([0.0, 1.0, 0.0], dtype=np.float32),  # neutral when no word speaks
    )


def test_tones_encode_each_text_once_and_keep_the_order() -> None:
    both = "Voters praised Jones on Tuesday, and weeks later in another city critics slammed Smith."
    mentions = [
        mention(both, "Jones"),
        mention("Miller spoke on Monday.", "Miller"),
        mention(both, "Smith"),
    ]
    encoder = CountingEncoder()
    seen: list[int] = []
    found = tones(mentions, encoder, model=_toy_model(4), on_targets=seen.append)
    assert encoder.read == [both, "Miller spoke on Monday."]
    assert sum(seen) == 3
    assert [t.label for t in found] == ["positive", "neutral", "negative"]
    for tone in found:
        assert set(tone.probabilities) == set(LABELS)
        assert sum(tone.probabilities.values()) == pytest.approx(1.0)
    assert tones([], encoder) == []


def test_the_weights_are_shipped_small_and_load() -> None:
    model = sm.load_model()
    assert sm.WEIGHTS_PATH.stat().st_size < 1_000_000
    assert model.weights.shape == (3 * 384 + lx.FEATURES, len(LABELS))
    assert model.mean.shape == model.scale.shape == (model.weights.shape[0],)
    assert all(0 <= layer <= 6 for layer in model.layers)


def test_missing_weights_are_one_clear_error(tmp_path: Path) -> None:
    with pytest.raises(ModelMissingError, match="train_sentiment"):
        sm.load_model(tmp_path / "absent.npz")


def test_inference_needs_no_torch() -> None:
    code = (
        "import sys\n"
        "from storydiff.analyse.sentiment.model import load_model\n"
        "load_model()\n"
        "assert 'torch' not in sys.modules\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
