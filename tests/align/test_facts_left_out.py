"""Named ages and times of day: set aside by the quantity reader, compared by the ledger."""

from __future__ import annotations

import re

from storydiff.align.claims import build_quantity_claims
from storydiff.align.facts_left_out import CLOCK, clock_interval, facts_left_out
from storydiff.model import Analysis, Article, QuantityLeftOut, SentenceRecord


def _analysis(key: str, text: str, left_out: dict[str, str]) -> Analysis:
    """An analysis holding only what the quantity reader left out (``figure``: reason)."""
    sentences = [SentenceRecord(m.start(), m.end()) for m in re.finditer(r"[^.]+\.", text)]
    items = [
        QuantityLeftOut(text.index(figure), text.index(figure) + len(figure), figure, reason)
        for figure, reason in left_out.items()
    ]
    return Analysis(article_key=key, sentences=sentences, quantities_left_out=items)


def test_a_hedged_time_of_day_keeps_its_hedge_and_window() -> None:
    text = "The shooting happened just before 10:30 p.m. on Sunday."
    (record,) = facts_left_out(text, _analysis("A", text, {"10": "a time of day"}))
    assert record.text == "just before 10:30 p.m." and record.unit == CLOCK
    assert record.value == 22 * 60 + 30 and record.approx
    assert clock_interval(record.value, record.text) == (22 * 60 + 15, 22 * 60 + 30)


def test_only_named_peoples_ages_are_facts() -> None:
    text = "Pinckney, who was 42, preached for years. A man, 30, was hurt."
    records = facts_left_out(text, _analysis("A", text, {"42": "an age", "30": "an age"}))
    assert [r.text for r in records] == ["42"]


def _claims(texts: dict[str, str], left_out: dict[str, dict[str, str]]) -> list[tuple[str, str]]:
    articles = [Article(key=k, source=f"{k}.txt", text=t) for k, t in texts.items()]
    records = {k: facts_left_out(t, _analysis(k, t, left_out[k])) for k, t in texts.items()}
    _, claims = build_quantity_claims(articles, records, {k: k.lower() for k in texts})
    return [(c.measure or "", c.verdict) for c in claims]


def test_two_ages_of_one_person_conflict_whatever_year_stands_near() -> None:
    texts = {
        "A": "Pinckney, who was 42, first answered the call to preach at 13.",
        "B": "Pinckney, 41, was elected to the state house in 1996.",
    }
    left = {"A": {"42": "an age"}, "B": {"41": "an age"}}
    assert _claims(texts, left) == [("age of Pinckney", "conflict")]


def test_times_of_one_shooting_meet_within_their_hedges() -> None:
    """ "at 10:45" and "around 10:45" are one time; "just before 10:30" cannot be it, and a
    time that cannot hold beside another is kept as another moment, never set against it."""
    base = "Police said the man was shot outside the store on Main Street {} on Sunday."
    texts = {
        "A": base.format("at 10:45 p.m."),
        "B": base.format("around 10:45 p.m."),
        "C": base.format("just before 10:30 p.m."),
    }
    left = {k: {re.findall(r"\d+", t)[0]: "a time of day"} for k, t in texts.items()}
    assert sorted(_claims(texts, left)) == [
        ("time of day", "agree"),
        ("time of day", "single-source"),
    ]
