"""Quotation-mark pairing, without the model: balanced, nested, repaired and garbage input."""

from __future__ import annotations

import random

import pytest

from storydiff.analyse.quotes.marks import (
    MISSING_CLOSE_PARAGRAPH,
    MISSING_CLOSE_VOICE,
    find_quote_spans,
)


def _quoted(text: str) -> list[str]:
    return [text[q.start : q.end] for q in find_quote_spans(text) if q.depth == 0]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("He said “it is over,” and left.", ["it is over,"]),
        ('He said "it is over," and left.', ["it is over,"]),
        ("He said ‘it is over’ and left.", ["it is over"]),
        ("''We won,'' she said.", ["We won,"]),
        ("Kosovo’s army and the Serbs’ view are not quotes.", []),
        ("“A,” he said. “B.”", ["A,", "B."]),
        ('"Outer “inner” outer."', ["Outer “inner” outer."]),
    ],
)
def test_pairs_marks(text: str, expected: list[str]) -> None:
    assert _quoted(text) == expected


def test_missing_close_ends_where_writer_resumes() -> None:
    text = "He said: “Kosovo will not be a threat to Serbs.Mitchell’s statement alarmed some."
    (span,) = find_quote_spans(text)
    assert text[span.start : span.end] == "Kosovo will not be a threat to Serbs."
    assert span.warning == MISSING_CLOSE_VOICE


def test_missing_close_ends_at_paragraph() -> None:
    text = "He said: “it is over\n\nNext paragraph “with a quote” here."
    spans = find_quote_spans(text)
    assert [text[q.start : q.end] for q in spans] == ["it is over", "with a quote"]
    assert spans[0].warning == MISSING_CLOSE_PARAGRAPH


def test_paragraph_continues_quote() -> None:
    text = "“First part.\n\n“Second part,” he said."
    spans = find_quote_spans(text)
    assert spans[0].continues and spans[0].warning is None
    assert [text[q.start : q.end] for q in spans] == ["First part.", "Second part,"]


def test_random_marks_never_raise() -> None:
    rng = random.Random(7)
    alphabet = "ab .,:\n“”\"'‘’`"
    for _ in range(2000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40)))
        for q in find_quote_spans(text):
            assert 0 <= q.open <= q.start <= q.end <= q.close <= len(text)
