"""Dates: resolve_time arithmetic (pure), extraction tables, and the seed timeline."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from spacy.language import Language

from storydiff.analyse.nlp import load_nlp, spacy_view
from storydiff.analyse.timex import extract_times, extract_timexes, resolve_time, timex3_value
from storydiff.analyse.timex.resolve import UNKNOWN_ANCHOR
from storydiff.model import TimeRecord

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_nlp()


def _rec(value: str | None, unit: str | None = None, delta: int = 0) -> TimeRecord:
    return TimeRecord(0, 1, "x", value, unit, delta)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("record", "anchor", "expected"),
    [
        (_rec("2008"), None, ("2008", None)),
        (_rec(None, "year", -3), "2017-03-10", ("2014", None)),
        (_rec(None, "month", -1), "2017-02-15", ("2017-01", None)),
        (_rec(None, "month", -1), "2017-01", ("2016-12", None)),
        (_rec(None, "week", 0), "2017-02-15", ("2017-W07", None)),
        (_rec(None, "weekday", 4), "2017-03-10", ("2017-03-10", None)),  # Friday itself
        (_rec(None, "weekday", 2), "2017-03-10", ("2017-03-08", None)),
        (_rec(None, "day", -1), "2017-03-01", ("2017-02-28", None)),
        (_rec("XXXX-02", None, -1), "2018-03-05", ("2018-02", None)),
        (_rec("XXXX-02", None, -1), "2018-02-05", ("2017-02", None)),
        (_rec("XXXX-11", None, 0), "1999-05-06", ("1998-11", None)),
        (_rec(None, "year", -3), None, (None, UNKNOWN_ANCHOR)),
        (_rec(None, "year", -3), "2017", ("2014", None)),
    ],
)
def test_resolve_time(
    record: TimeRecord, anchor: str | None, expected: tuple[str | None, str | None]
) -> None:
    assert resolve_time(record, anchor) == expected


@pytest.mark.parametrize(
    ("record", "anchor"),
    [(_rec(None, "weekday", 4), "2017-03"), (_rec(None, "month", -1), "2017")],
)
def test_resolve_time_says_why_when_anchor_too_coarse(record: TimeRecord, anchor: str) -> None:
    value, why = resolve_time(record, anchor)
    assert value is None and why and "only its" in why


# (text, expression, TIMEX3 type, value against DCT 1998-02-06, a Friday)
TIMEX_CASES = [
    ("Kosovo proclaimed independence in 2008.", "2008", "DATE", "2008"),
    ("He spoke on March 10, 2017, in Pristina.", "March 10, 2017", "DATE", "2017-03-10"),
    ("Russia annexed Crimea in early 2014.", "early 2014", "DATE", "2014"),
    ("The 1998-99 conflict claimed lives.", "1998-99", "DATE", "1998"),
    ("The army was ordered three years ago.", "three years ago", "DATE", "1995"),
    ("A train was sent last month.", "last month", "DATE", "1998-01"),
    ("They wrote a letter this week.", "this week", "DATE", "1998-W06"),
    ("Thaci said on Wednesday he would resign.", "Wednesday", "DATE", "1998-02-04"),
    # a modal, a schedule or a deadline looks ahead; a participle's own past does not
    ("He said he would be delivering a speech on Monday.", "Monday", "DATE", "1998-02-09"),
    ("A rally set for Wednesday was postponed.", "Wednesday", "DATE", "1998-02-11"),
    ("The game is scheduled for Thursday night.", "Thursday night", "DATE", "1998-02-12"),
    ("He could act as soon as Wednesday.", "Wednesday", "DATE", "1998-02-11"),
    ("She could not be reached on Wednesday.", "Wednesday", "DATE", "1998-02-04"),
    ("They would appeal the decision, announced Wednesday.", "Wednesday", "DATE", "1998-02-04"),
    ("Last February he said no.", "Last February", "DATE", "1997-02"),
    ("The talks lasted three days.", "three days", "DURATION", "P3D"),
    ("Over the past two months prices fell.", "the past two months", "DURATION", "P2M"),
    ("It is a five-year plan.", "five-year", "DURATION", "P5Y"),
    ("Profit rose in the fourth quarter.", "the fourth quarter", "DATE", "1997-Q4"),
    ("Prices are high now.", "now", "DATE", "PRESENT_REF"),
    ("The paper is published daily.", "daily", "SET", "P1D"),
    ("They met yesterday.", "yesterday", "DATE", "1998-02-05"),
    ("The vote is at 10:30 a.m. today.", "10:30 a.m.", "TIME", "1998-02-06T10:30"),
    ("Sales fell in the 1990s.", "1990s", "DATE", "199"),
    # A deadline and a scheduled act look ahead, whatever the reporting verb's tense.
    ("He said he would name a running mate by Tuesday.", "Tuesday", "DATE", "1998-02-10"),
    ("The vote is expected to begin Wednesday.", "Wednesday", "DATE", "1998-02-11"),
    ("By Tuesday, police had arrested three men.", "Tuesday", "DATE", "1998-02-03"),
    (
        "Voting is expected to begin on Wednesday, followed by the House on Thursday.",
        "Thursday",
        "DATE",
        "1998-02-12",
    ),
    (
        "The Senate voted Wednesday, followed by the House on Thursday.",
        "Thursday",
        "DATE",
        "1998-02-05",
    ),
    # "this" + a month is the anchor's year; a bare month takes a direction from the tense.
    ("Voters this November will decide.", "this November", "DATE", "1998-11"),
    ("The vote will be held in November.", "November", "DATE", "1998-11"),
    ("Sales fell in March.", "March", "DATE", "1997-03"),
]


@pytest.mark.slow
@pytest.mark.parametrize(("text", "expression", "kind", "value"), TIMEX_CASES)
def test_timex_table(nlp: Language, text: str, expression: str, kind: str, value: str) -> None:
    found = {text[t.start : t.end]: t for t in extract_timexes(nlp(spacy_view(text)), text)}
    assert expression in found, list(found)
    timex = found[expression]
    assert (timex.type, timex3_value(timex, "1998-02-06")) == (kind, value)


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        "There are 2000 soldiers in the country.",
        "It happened in the 2000 block of West 76th Street.",
        "He may resign, she said.",
        "Americans were evacuated.",
        "They will march to the border.",
        # The 2001 attacks named by their day are no date of the story's year.
        "A 9/11 widow urged senators to override the veto.",
        "The 19 Sept. 11 hijackers had entered on visas.",
        "Relatives of September 11th victims may sue.",
        "She is co-chair of September 11th Advocates.",
        # A month in a possessive names an event.
        "The retreat fell on the anniversary of the Women’s March.",
    ],
)
def test_no_dates(nlp: Language, text: str) -> None:
    assert extract_times(nlp(spacy_view(text)), text) == []


def _seed(name: str) -> str:
    path = SHARED / "seeds" / name
    if not path.is_file():
        pytest.skip("../shared/seeds is absent (gold data lives outside the repo)")
    return path.read_text(encoding="utf-8")


@pytest.mark.slow
def test_seed_timeline(nlp: Language) -> None:
    """Each gold timeline date is stated (absolute) or reachable from a relative expression."""
    gold_path = SHARED / "gold" / "seeds.json"
    if not gold_path.is_file():
        pytest.skip("../shared/gold/seeds.json is absent")
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    records: dict[str, list[TimeRecord]] = {}
    for name in {f for e in gold["timeline"] for f in [*e["files"], *e.get("also", {})]}:
        text = _seed(name)
        records[name] = extract_times(nlp(spacy_view(text)), text)
    anchors = {"000_31a11feff95758c6.txt": "2017-03-10", "002_2c7c834008df57e6.txt": "2017-02-15"}
    for event in gold["timeline"]:
        if "relative" not in event:
            for name in event["files"]:
                values = {r.value for r in records[name]}
                assert event["date"] in values, (event["event"], values)
        for name, phrase in event.get("also", {}).items():
            hits = [r for r in records[name] if r.text in phrase or phrase in r.text]
            assert hits, (name, phrase)
            assert resolve_time(hits[0], None) == (None, UNKNOWN_ANCHOR)
    # relative ones resolve once the article's date is known, and not before
    for name, phrase, date in [
        ("002_2c7c834008df57e6.txt", "last month", "2017-01"),
        ("002_2c7c834008df57e6.txt", "this week", "2017-W07"),
        ("000_31a11feff95758c6.txt", "three years ago", "2014"),
        ("000_31a11feff95758c6.txt", "Friday", "2017-03-10"),
    ]:
        hit = next(r for r in records.get(name, []) if r.text == phrase)
        assert resolve_time(hit, anchors[name]) == (date, None)
        assert resolve_time(hit, None) == (None, UNKNOWN_ANCHOR)


@pytest.mark.slow
def test_seed_relative_to_event(nlp: Language) -> None:
    """Reading "in 2008, a decade after a war" counts back from 2008, not from the dateline."""
    text = _seed("002_2c7c834008df57e6.txt")
    records = extract_times(nlp(spacy_view(text)), text)
    assert any(r.text == "a decade after" and r.value == "1998" for r in records)
    assert any(
        r.text == "Last February"
        for r in extract_times(
            nlp(spacy_view(_seed("001_6c1bc6534c3d9a21.txt"))), _seed("001_6c1bc6534c3d9a21.txt")
        )
    )
