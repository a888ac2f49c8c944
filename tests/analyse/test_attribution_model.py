"""The learned attribution scorer: shipped weights, stable features, spans a scorer can read."""

from __future__ import annotations

import itertools
import subprocess
import sys

import pytest
from spacy.language import Language

from storydiff.analyse.nlp import load_nlp, spacy_view
from storydiff.analyse.quotes import extract_attributions
from storydiff.analyse.quotes import features as af
from storydiff.analyse.quotes.model import WEIGHTS_PATH, load_model


@pytest.fixture(scope="session")
def nlp() -> Language:
    return load_nlp()


def test_weights_are_shipped_small_and_load() -> None:
    assert WEIGHTS_PATH.is_file()
    assert WEIGHTS_PATH.stat().st_size < 5_000_000
    model = load_model()
    assert model is not None
    assert model.cue.shape == (af.DIM,)
    assert 0.0 < model.threshold < 1.0
    assert set(model.residuals) == {"source"}


def test_the_hidden_layer_reads_only_features_it_knows() -> None:
    """Unknown feature ids add nothing; a known one adds its row, once per occurrence."""
    import numpy as np

    from storydiff.analyse.quotes.model import Residual

    layer = Residual(
        np.array([3, 7], dtype=np.int32),
        np.array([[1.0, -1.0], [2.0, 0.5]], dtype=np.float32),
        np.array([0.0, 1.0], dtype=np.float32),
        np.array([1.0, 2.0], dtype=np.float32),
    )
    empty = layer.score(np.array([5, 99], dtype=np.int32))
    assert empty == 2.0  # relu(bias) @ out
    assert layer.score(np.array([7], dtype=np.int32)) == 2.0 + 2 * 1.5
    assert layer.score(np.array([3, 3], dtype=np.int32)) == 2.0


def test_hashing_is_stable_across_processes() -> None:
    """Feature indices may not depend on Python's per-process string hash seed."""
    code = (
        "from storydiff.analyse.quotes.features import hashed;"
        "print(hashed(['l=say', 'p=VERB', 's:path=|nsubj']))"
    )
    runs = {
        subprocess.run(
            [sys.executable, "-c", code],
            capture_output=True,
            text=True,
            check=True,
            env={"PYTHONHASHSEED": seed},
        ).stdout
        for seed in ("1", "2")
    }
    assert len(runs) == 1
    assert af.hashed(["l=say"]) == af.hashed(["l=say"])


def test_inference_needs_no_torch() -> None:
    code = (
        "import sys\n"
        "from storydiff.analyse.quotes.model import load_model\n"
        "assert load_model() is not None\n"
        "assert 'torch' not in sys.modules\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def _spans(nlp: Language, text: str) -> set[tuple[str | None, str | None, str]]:
    doc = nlp(spacy_view(text))
    out = set()
    for a in extract_attributions(doc, text, cognitive=True):
        source = text[a.source_start : a.source_end] if a.source_start is not None else None
        cue = text[a.cue_start : a.cue_end] if a.cue_start is not None else None
        out.add((source, cue, text[a.content_start : a.content_end]))
    return out


def test_reads_a_reported_clause(nlp: Language) -> None:
    text = "The senator said that the bill would pass next week."
    assert ("The senator", "said", "that the bill would pass next week") in _spans(nlp, text)


def test_reads_a_stance_the_rules_do_not_know(nlp: Language) -> None:
    """PolNeAR counts acts of stance ("slammed the proposal") as attributions."""
    text = "Senator Maria Gomez slammed the proposal on Tuesday."
    found = _spans(nlp, text)
    assert any(s == "Senator Maria Gomez" and "proposal" in c for s, _, c in found), found


def test_one_attribution_per_word(nlp: Language) -> None:
    """No content overlaps another's, as in PolNeAR, where each word has one attribution."""
    text = (
        "Officials said the mayor told reporters that the plan, which critics called "
        "reckless, would be revised. “We will listen,” she said."
    )
    doc = nlp(spacy_view(text))
    atts = extract_attributions(doc, text, cognitive=True)
    spans = sorted({(a.content_start, a.content_end) for a in atts})
    for (a0, a1), (b0, b1) in itertools.pairwise(spans):
        assert a1 <= b0, (text[a0:a1], text[b0:b1])


def test_rules_alone_when_asked(nlp: Language) -> None:
    text = "Senator Maria Gomez slammed the proposal on Tuesday."
    doc = nlp(spacy_view(text))
    rules = extract_attributions(doc, text, cognitive=True, learned=False)
    learned = extract_attributions(doc, text, cognitive=True)
    assert rules != learned


def test_layout_cues_keep_the_rules_reading(nlp: Language) -> None:
    """A quoted transcript's turns and signed quotations are read off the page, not rescored."""
    text = (
        'Partial transcript as follows:\n\n"WALLACE: Will she be there, sir?\n\n'
        '"PENCE: She will not attend the debate.\n\n'
        "\u201cHe scares me.\u201d\u2015 Carla Sanchez\n"
    )
    doc = nlp(spacy_view(text))
    found = {
        (text[a.source_start : a.source_end], text[a.content_start : a.content_end])
        for a in extract_attributions(doc, text, cognitive=True)
        if a.source_start is not None and a.source_end is not None
    }
    assert found >= {
        ("WALLACE", "Will she be there, sir?"),
        ("PENCE", "She will not attend the debate."),
        ("Carla Sanchez", "\u201cHe scares me.\u201d"),
    }


@pytest.mark.parametrize(
    ("reading", "closed"),
    [
        ("the candidate \u201cextremely fit", "the candidate \u201cextremely fit.\u201d"),
        ('the candidate "extremely fit', 'the candidate "extremely fit."'),
        ("the candidate", "the candidate"),  # nothing left open: unchanged
    ],
)
def test_a_reading_left_inside_a_quotation_takes_its_close(reading: str, closed: str) -> None:
    from storydiff.analyse.quotes.model import _closed

    text = f"He called {closed[: len(reading)]}{closed[len(reading) :] or '.'} Then he left."
    start = text.index(reading)
    got = _closed(text, (start, start + len(reading)))
    assert text[got[0] : got[1]] == closed
