"""Stated dates are read only where written; estimates always say what they rest on."""

from __future__ import annotations

import pytest

from storydiff.clean.dates import date_line, estimate_date, parse_stated_date


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("March 3, 2017", "2017-03-03"),
        ("14 March 2024", "2024-03-14"),
        ("2018-05-09T10:00", "2018-05-09"),
        ("22.01.2025", "2025-01-22"),
        ("February 2017", "2017-02"),
        ("on Friday", None),
    ],
)
def test_parse_stated_date(text: str, iso: str | None) -> None:
    assert parse_stated_date(text) == iso


@pytest.mark.parametrize(
    ("line", "iso"),
    [
        ("Published 14 March 2024", "2024-03-14"),
        ("Posted 22.01.2025\u00a0|\u00a009:14", "2025-01-22"),
        ("Updated: Friday, March 3, 2017 10:32 GMT", "2017-03-03"),
        ("Kosovo declared independence on February 17, 2008.", None),
    ],
)
def test_date_line(line: str, iso: str | None) -> None:
    assert date_line(line) == iso


@pytest.mark.parametrize(
    ("text", "year", "clue"),
    [
        ("The war ended in 1999. Talks resumed in 2004 and stalled in 2008.", "2008", "2008"),
        ("In 2014 the minister announced an army by 2019.", "2014", "still ahead"),
        ("Relations soured two decades after 1999.", "2019", "two decades after 1999"),
        ("The Trump administration said on Monday it would act.", "2017", "Trump"),
    ],
)
def test_estimate_names_its_clue(text: str, year: str, clue: str) -> None:
    estimate = estimate_date(text)
    assert estimate is not None
    assert estimate.value == year
    assert clue in estimate.evidence
    assert "not stated" in estimate.evidence


def test_estimate_is_none_without_clues() -> None:
    assert estimate_date("The minister said on Friday that talks would go on.") is None


def test_resolution_numbers_are_not_years() -> None:
    assert estimate_date("They cited UN Security Council Resolution 1999 again.") is None


def test_relative_hints_are_named() -> None:
    estimate = estimate_date("Last February, in 2014, the plan was shelved.")
    assert estimate is not None
    assert "last february" in estimate.evidence.lower()
