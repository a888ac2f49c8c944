"""Counts stated without a figure ("A man was killed", "a third person has died")."""

from __future__ import annotations

import pytest

from storydiff.analyse.quantity_singular import singular_counts
from storydiff.model import QuantityRecord


def _counts(text: str, taken: list[QuantityRecord] | None = None) -> list[tuple[str, float]]:
    return [(r.text, r.value) for r in singular_counts(text, [(0, len(text))], taken or [])]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A man was shot and killed outside the store.", [("A man", 1.0)]),
        ("One person was killed and four others were injured.", [("One person", 1.0)]),
        ("A third person has died after the shooting.", [("A third person", 3.0)]),
        ("A 16-year-old boy was arrested on Friday.", [("A 16-year-old boy", 1.0)]),
        ("A man who was shot in the chest died Tuesday.", [("A man", 1.0)]),
        ("A man has pleaded guilty in a 2014 shooting.", []),
        ("A spokesman said the road was closed.", []),
        ("Another victim was taken to the hospital.", []),
        ("A shootout killed one and wounded four others.", [("one", 1.0)]),
        ("Police say a 16-year-old has died after being shot.", [("a 16-year-old", 1.0)]),
        (
            "13-year-old Ethan Payne was shot and killed at home.",
            [("13-year-old Ethan Payne", 1.0)],
        ),
        ("One of the wounded has died, police said.", [("One of the wounded", 1.0)]),
        (
            "An arrest in the shooting death of a high school student.",
            [("a high school student", 1.0)],
        ),
        ("One of the boys pumped the shotgun.", []),
    ],
)
def test_singular_counts(text: str, expected: list[tuple[str, float]]) -> None:
    assert _counts(text) == expected


def test_a_figure_already_read_is_not_counted_again_but_an_age_inside_is_no_figure() -> None:
    text = "One person was killed on Elm Street; an 18-year-old woman was wounded."
    one = QuantityRecord(0, 3, "One", 1.0, None, "person", False, None, 0, len(text))
    age_at = text.index("18-year")
    age = QuantityRecord(age_at, age_at + 7, "18-year", 18.0, "year", "years", False, None, 0, 70)
    assert _counts(text, [one, age]) == [("an 18-year-old woman", 1.0)]
