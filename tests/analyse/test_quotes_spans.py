"""Source, cue and content spans as PolNeAR marks them, on hand-built sentences."""

from __future__ import annotations

import pytest
from spacy.language import Language

from storydiff.analyse.nlp import load_nlp, spacy_view
from storydiff.analyse.quotes import extract_attributions, extract_quotes


@pytest.fixture(scope="session")
def nlp() -> Language:
    return load_nlp()


def _triples(nlp: Language, text: str) -> set[tuple[str, str, str]]:
    """(source, cue, content) texts of every attribution the rules find in cognitive mode.

    These are the rules' readings, which the learned scorer takes as candidates and may
    overrule; it is tested on its own (``test_attribution_model``) and scored on PolNeAR.
    """
    out: set[tuple[str, str, str]] = set()
    for a in extract_attributions(nlp(spacy_view(text)), text, cognitive=True, learned=False):
        source = (
            text[a.source_start : a.source_end]
            if a.source_start is not None and a.source_end is not None
            else ""
        )
        cue = (
            text[a.cue_start : a.cue_end]
            if a.cue_start is not None and a.cue_end is not None
            else ""
        )
        out.add((source, cue, text[a.content_start : a.content_end]))
    return out


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Anna Lee has said that the army would leave the region soon.",
            ("Anna Lee", "has said", "that the army would leave the region soon"),
        ),
        (
            "“We will win the vote,” John Smith said in a statement.",
            ("John Smith", "said in a statement", "“We will win the vote,”"),
        ),
        (
            "John Smith warned that “nobody can win this vote without the farmers.”",
            ("John Smith", "warned", "that “nobody can win this vote without the farmers.”"),
        ),
        (
            "Senator Anna Lee criticized John Smith for opposing the new budget.",
            ("Senator Anna Lee", "criticized", "John Smith for opposing the new budget"),
        ),
        (
            "Senator Anna Lee called for a full review of the contract.",
            ("Senator Anna Lee", "called for", "a full review of the contract"),
        ),
        (
            "John Smith said that the plan had failed, which surprised many voters.",
            ("John Smith", "said", "that the plan had failed"),
        ),
        (
            "“The plan has failed,” Lindsey Graham, a former candidate, told reporters.",
            ("Lindsey Graham, a former candidate,", "told reporters", "“The plan has failed,”"),
        ),
    ],
)
def test_polnear_spans(nlp: Language, text: str, expected: tuple[str, str, str]) -> None:
    assert expected in _triples(nlp, text)


def test_headline_colon_is_a_cue(nlp: Language) -> None:
    text = "Graham: Trump Rhetoric Is Destroying the Party.\n\nThe senator spoke on Friday."
    assert ("Graham", ":", "Trump Rhetoric Is Destroying the Party") in _triples(nlp, text)


@pytest.mark.parametrize(
    "text",
    [
        "Analysis: The Vote Is Close.\n\nText.",
        "2016: A Year In Review.\n\nText.",
        "Trump Says: We Will Win.\n\nText.",
    ],
)
def test_headline_labels_are_not_speakers(nlp: Language, text: str) -> None:
    assert not any(cue == ":" for _, cue, _ in _triples(nlp, text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # a cue inserted in the sentence: the content on both sides, as two pieces
            "The plan, Anna Lee said, would fail within a year.",
            {("Anna Lee", "said", "The plan"), ("Anna Lee", "said", "would fail within a year")},
        ),
        (  # a relative pronoun written before its speaker
            "Voters are registering as independents, which Democrats say could help John Smith.",
            {("Democrats", "say", "which"), ("Democrats", "say", "could help John Smith")},
        ),
        (
            "At the heart of the dispute, according to Anna Lee, was the budget.",
            {
                ("Anna Lee", "according to", "At the heart of the dispute"),
                ("Anna Lee", "according to", "was the budget"),
            },
        ),
        (  # views held by no one named: cue and content, no source
            "John Smith is expected to win the primary.",
            {("", "is expected", "John Smith"), ("", "is expected", "to win the primary")},
        ),
        (
            "Asked whether he would run again, John Smith laughed.",
            {("", "Asked", "whether he would run again")},
        ),
        (
            "Senator Anna Lee urged him to resign after the vote.",
            {("Senator Anna Lee", "urged", "him to resign")},
        ),
        (
            "Senator Anna Lee is eager to block the budget.",
            {("Senator Anna Lee", "is eager", "to block the budget")},
        ),
        (  # a transcript names each speaker before a colon
            "The panel met on Monday.\n\nLEE: We will win the vote in March.\n\nQ: Why?",
            {("LEE", ":", "We will win the vote in March")},
        ),
        (  # a quoted transcript: each paragraph reopens the quotation, the turn keeps its stop
            'Partial transcript as follows:\n\n"WALLACE: Will she be there, sir?\n\n'
            '"PENCE: She will not attend the debate.\n\n"WALLACE: Thank you."',
            {
                ("WALLACE", ":", "Will she be there, sir?"),
                ("PENCE", ":", "She will not attend the debate."),
                ("WALLACE", ":", "Thank you."),
            },
        ),
        (  # quotations signed with a horizontal bar, glued to the mark or not
            "Voters spoke.\n\u201cHe is a bully.\u201d \u2015 Sonya Herridge\n"
            "\u201cHe scares me.\u201d\u2015 Carla Sanchez.\n",
            {
                ("Sonya Herridge", "\u2015", "\u201cHe is a bully.\u201d"),
                ("Carla Sanchez", "\u2015", "\u201cHe scares me.\u201d"),
            },
        ),
    ],
)
def test_polnear_pieces(nlp: Language, text: str, expected: set[tuple[str, str, str]]) -> None:
    found = _triples(nlp, text)
    assert expected <= found
    assert not any(source == "Q" for source, _, _ in found)


def test_unsourced_views_stay_out_of_the_dossier(nlp: Language) -> None:
    text = "John Smith is expected to win the primary. Anna Lee said the vote was fair."
    records = extract_quotes(nlp(spacy_view(text)), text)
    assert [r.speaker_text for r in records] == ["Anna Lee"]


def test_one_word_headline_speaker(nlp: Language) -> None:
    text = "Trump: Budget Deal Is Dead.\n\nThe candidate spoke on Friday."
    assert ("Trump", ":", "Budget Deal Is Dead") in _triples(nlp, text)
