"""The spaCy pipeline as storydiff loads it."""

from __future__ import annotations

import pytest
from spacy.language import Language

from storydiff.analyse.nlp import load_nlp

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_nlp()


def test_a_paragraph_starts_a_sentence(nlp: Language) -> None:
    text = (
        'He said "we will go."\n\nInvestigators said it was not random.\n\n'
        "The vote came from Sen. Harry Reid, D-Nev.\n\nWith elections near, they voted."
    )
    sentences = [s.text.strip() for s in nlp(text).sents]
    assert sentences == [
        'He said "we will go."',
        "Investigators said it was not random.",
        "The vote came from Sen. Harry Reid, D-Nev.",
        "With elections near, they voted.",
    ]


def test_a_single_line_break_leaves_the_sentence_to_the_parser(nlp: Language) -> None:
    text = "Police said the man,\nwho was 30, was taken to a hospital."
    assert len(list(nlp(text).sents)) == 1
