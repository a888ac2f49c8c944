"""Source, cue and content spans as PolNeAR marks them, on hand-built sentences."""

from __future__ import annotations

import pytest
from spacy.language import Language

from storydiff.analyse.nlp import load_nlp, spacy_view
from storydiff.analyse.quotes import extract_attributions


@pytest.fixture(scope="session")
def nlp() -> Language:
    return load_nlp()


def _triples(nlp: Language, text: str) -> set[tuple[str, str, str]]:
    """(source, cue, content) texts of every attribution found in cognitive mode."""
    out: set[tuple[str, str, str]] = set()
    for a in extract_attributions(nlp(spacy_view(text)), text, cognitive=True):
        source = text[a.source_start : a.source_end] if a.source_start is not None \
            and a.source_end is not None else ""
        cue = text[a.cue_start : a.cue_end] if a.cue_start is not None \
            and a.cue_end is not None else ""
        out.add((source, cue, text[a.content_start : a.content_end]))
    return out


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Anna Lee has said that the army would leave the region soon.",
         ("Anna Lee", "has said", "that the army would leave the region soon")),
        ("“We will win the vote,” John Smith said in a statement.",
         ("John Smith", "said in a statement", "“We will win the vote,”")),
        ("John Smith warned that “nobody can win this vote without the farmers.”",
         ("John Smith", "warned",
          "that “nobody can win this vote without the farmers.”")),
        ("Senator Anna Lee criticized John Smith for opposing the new budget.",
         ("Senator Anna Lee", "criticized", "John Smith for opposing the new budget")),
        ("Senator Anna Lee called for a full review of the contract.",
         ("Senator Anna Lee", "called for", "a full review of the contract")),
        ("John Smith said that the plan had failed, which surprised many voters.",
         ("John Smith", "said", "that the plan had failed")),
        ("“The plan has failed,” Lindsey Graham, a former candidate, told reporters.",
         ("Lindsey Graham, a former candidate,", "told reporters", "“The plan has failed,”")),
    ],
)
def test_polnear_spans(nlp: Language, text: str, expected: tuple[str, str, str]) -> None:
    assert expected in _triples(nlp, text)


def test_headline_colon_is_a_cue(nlp: Language) -> None:
    text = "Graham: Trump Rhetoric Is Destroying the Party.\n\nThe senator spoke on Friday."
    assert ("Graham", ":", "Trump Rhetoric Is Destroying the Party") in _triples(nlp, text)


@pytest.mark.parametrize(
    "text",
    ["Analysis: The Vote Is Close.\n\nText.", "2016: A Year In Review.\n\nText.",
     "Trump Says: We Will Win.\n\nText."],
)
def test_headline_labels_are_not_speakers(nlp: Language, text: str) -> None:
    assert not any(cue == ":" for _, cue, _ in _triples(nlp, text))
