"""The summary: reading order, every sentence backed by a cited span that supports it."""

from __future__ import annotations

import re

import pytest

from storydiff.align.summary import build_summary
from storydiff.align.terms import terms
from storydiff.model import (
    Citation,
    Claim,
    ClaimMember,
    ClaimValue,
    Dossier,
    Stance,
    StanceChange,
    SummarySentence,
)

_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
# Words the summary itself adds around a statement; they show no support.
_SUMMARY_WORDS = terms("sources agree differ but fit conflict only one source reports")
_SUMMARY_WORDS |= terms("cannot be dated yet")
_SUMMARY_WORDS |= terms("moved from support oppose mixed neutral undated on the")


def _supported(sentence: SummarySentence, dossier: Dossier) -> bool:
    """Some cited span is real article text and shares a content word or number with it."""
    texts = {dossier.article_ids[a.key]: a.text for a in dossier.articles}
    words = terms(sentence.sentence) - _SUMMARY_WORDS
    numbers = set(_NUMBER.findall(sentence.sentence))
    for citation in sentence.citations:
        span = texts[citation.article][citation.start : citation.end]
        assert span.strip() == citation.text.strip(), "a citation's text is not its span"
        if span.strip() and span.lower() in sentence.sentence.lower():
            return True  # the cited words themselves ("six", "40 million")
        if terms(span) & words or set(_NUMBER.findall(span)) & numbers:
            return True
    return False


@pytest.mark.parametrize("which", ["example_dossier", "seed_dossier"])
def test_every_summary_sentence_cites_a_span_that_supports_it(
    which: str, request: pytest.FixtureRequest
) -> None:
    dossier: Dossier = request.getfixturevalue(which)
    assert dossier.summary
    for sentence in dossier.summary:
        assert sentence.citations, sentence.sentence
        assert _supported(sentence, dossier), sentence.sentence


def test_example_summary_reports_the_reversal(example_dossier: Dossier) -> None:
    moved = [s for s in example_dossier.summary if s.sentence.startswith("Mira Dellacourt moved")]
    assert moved and len({c.article for c in moved[0].citations}) == 2


def _claim(n: int, verdict: str, statement: str) -> Claim:
    members = [ClaimMember(f"a{k}", "40", 0, 2) for k in (1, 2)]
    return Claim(f"c{n}", statement, verdict, "", members)  # type: ignore[arg-type]


def _change() -> StanceChange:
    before = Stance("e1", "Ana Kos", "army", "a1", "2017", "oppose", [Citation("a1", 0, 5)])
    after = Stance("e1", "Ana Kos", "army", "a2", "2018", "support", [Citation("a2", 0, 5)])
    return StanceChange("e1", "Ana Kos", before, after)


def test_short_summaries_take_one_sentence_from_each_section_in_reading_order() -> None:
    claims = [
        _claim(1, "single-source", "One said 40."),
        _claim(2, "agree", "All said 40."),
        _claim(3, "agree", "All said 40 again."),
        _claim(4, "conflict", "They differ on 40."),
    ]
    summary = build_summary(claims, [_change()], max_sentences=4)
    assert [s.sentence.split(":")[0] for s in summary] == [
        "Sources agree",
        "Sources conflict",
        "Only one source reports",
        "Ana Kos moved from oppose (2017) to support (2018) on the army.",
    ]
    longer = build_summary(claims, [_change()], max_sentences=8)
    assert len(longer) == 5 and longer[1].sentence == "Sources agree: All said 40 again."


def test_claims_with_one_statement_make_one_sentence() -> None:
    claims = [_claim(1, "agree", "”\n\nA force of 5,000."), _claim(2, "agree", "A force of 5,000.")]
    summary = build_summary(claims, [])
    assert [s.sentence for s in summary] == ["Sources agree: A force of 5,000."]


def test_a_dispute_states_both_sides_with_their_sources() -> None:
    from storydiff.model import ClaimValue

    claim = Claim(
        "c1",
        "Organisers said 1 million people marched; police said 300,000.",
        "disputed",
        "named claimants disagree",
        [ClaimMember("a1", "1 million", 15, 24), ClaimMember("a2", "300,000", 50, 57)],
        measure="people",
        values=[
            ClaimValue("1 million", 1e6, ["a1", "a2"], "organisers"),
            ClaimValue("300,000", 3e5, ["a1", "a2"], "police"),
        ],
    )
    (sentence,) = build_summary([claim], [], max_sentences=4)
    assert "organisers: 1 million (a1, a2)" in sentence.sentence
    assert "police: 300,000 (a1, a2)" in sentence.sentence
    assert sentence.sentence.startswith("Claimants disagree: people:")


def test_one_sentence_cited_for_two_facts_names_each_fact() -> None:
    statement = "One man was killed and nine people were injured, police said."
    killed = Claim(
        "c1",
        statement,
        "agree",
        "same figure",
        [ClaimMember("a1", "One man", 0, 7), ClaimMember("a2", "one man", 0, 7)],
        "people killed",
        [ClaimValue("One man", 1.0, ["a1", "a2"])],
    )
    injured = Claim(
        "c2",
        statement,
        "single-source",
        "one source",
        [ClaimMember("a1", "nine", 20, 24)],
        "people injured",
        [ClaimValue("nine", 9.0, ["a1"])],
    )
    text = [s.sentence for s in build_summary([killed, injured], [])]
    assert text[0].startswith("Sources agree: people killed: One man (a1, a2). One man was")
    assert text[1].startswith("Only one source reports: people injured: nine (a1). One man")


def test_a_date_one_source_cannot_place_is_not_called_a_dispute() -> None:
    summary = build_summary([_claim(1, "unresolved", "A jury on Tuesday convicted him.")], [])
    assert [s.sentence for s in summary] == [
        "Cannot be dated yet: A jury on Tuesday convicted him."
    ]
