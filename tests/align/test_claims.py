from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest

from storydiff.align.claims import build_quantity_claims, compare
from storydiff.model import Article, Quantity, QuantityRecord


def _q(value: float, approx: bool = False, bound: str | None = None) -> Quantity:
    return Quantity("n", "a1", "", value, None, "troops", approx, bound, 0, 0)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("a", "b", "verdict"),
    [
        (_q(4500, approx=True), _q(4500, approx=True), "agree"),
        (_q(4500), _q(4500), "agree"),
        (_q(100, bound="lower"), _q(110), "compatible"),
        (_q(105), _q(107), "conflict"),
        (_q(1200, approx=True), _q(1150, approx=True), "agree"),
        (_q(1200, approx=True), _q(1150), "compatible"),
        (_q(100, bound="upper"), _q(110), "conflict"),
        (_q(1_000_000), _q(1_040_000), "compatible"),  # "one million" rounds "1.04 million"
        (_q(300_000), _q(320_000), "compatible"),
        (_q(1_000_000), _q(300_000), "conflict"),  # organisers against police: no rounding
        (_q(100), _q(107), "conflict"),  # small counts are exact: MPs, the dead
        (_q(1200), _q(1240), "compatible"),  # "1,200" is "1,240" to two digits
        (_q(1200), _q(1290), "conflict"),  # … but not "1,290"
        (_q(1234), _q(1236), "conflict"),  # four digits are no rounding
    ],
)
def test_compare_figures(a: Quantity, b: Quantity, verdict: str) -> None:
    assert compare(a, b) == verdict


def _article(key: str, text: str) -> Article:
    return Article(key=key, source=f"{key}.txt", text=text)


def _record(text: str, sub: str, value: float, what: str, approx: bool = False) -> QuantityRecord:
    start = text.index(sub)
    return QuantityRecord(
        start, start + len(sub), sub, value, None, what, approx, None, 0, len(text)
    )


Figure = tuple[str, float, str, bool]  # substring, value, what is counted, approximate


def _claims_by_text(a_text: str, b_text: str, a: list[Figure], b: list[Figure]) -> dict[str, Any]:
    """Claims of two independent articles, looked up by each member's text."""
    records = {
        "A": [_record(a_text, *figure) for figure in a],
        "B": [_record(b_text, *figure) for figure in b],
    }
    articles = [_article("A", a_text), _article("B", b_text)]
    _, claims = build_quantity_claims(articles, records, {"A": "a1", "B": "a2"})
    return {m.text: c for c in claims for m in c.members}


def test_ledger_links_figures_across_sources_and_keeps_time_apart() -> None:
    a_text = "NATO still has some 4,500 troops in Kosovo to keep the peace."
    b_text = (
        "At the start of its mission in Kosovo, NATO sent some 55,000 soldiers, "
        "but its contingent currently has dwindled to around 4,500."
    )
    by_text = _claims_by_text(
        a_text,
        b_text,
        [("some 4,500 troops", 4500, "troops", True)],
        [
            ("some 55,000 soldiers", 55000, "soldiers", True),
            ("around 4,500", 4500, "contingent", True),
        ],
    )
    assert by_text["some 4,500 troops"] is by_text["around 4,500"]
    assert by_text["around 4,500"].verdict == "agree"
    assert by_text["some 55,000 soldiers"].verdict == "single-source"


def test_wire_copies_count_once() -> None:
    text = "Officials said 105 MPs voted for the lease in parliament on Tuesday."
    a, b = _article("A", text), replace(_article("B", text + " "), duplicate_of="A")
    records = {k: [_record(text, "105 MPs", 105, "MPs")] for k in ("A", "B")}
    _, claims = build_quantity_claims([a, b], records, {"A": "a1", "B": "a2"})
    assert [c.verdict for c in claims] == ["single-source"]
    assert [m.article for m in claims[0].members] == ["a1", "a2"]
    assert "carried by 2 copies of one report" in claims[0].reason


def test_one_source_giving_a_number_twice_keeps_two_facts() -> None:
    """ "12 people died" and "12 people were arrested" in one article are two facts: the second
    still meets the other source's different arrest figure as a conflict."""
    a_text = (
        "At least 12 people died when the bridge collapsed in Tarvin. "
        "Police later arrested 12 people over the bridge collapse."
    )
    b_text = (
        "Officials said 12 people died when the bridge collapsed in Tarvin. "
        "Police arrested 30 people over the bridge collapse."
    )
    by_text = _claims_by_text(
        a_text,
        b_text,
        [("12 people died", 12, "people", False), ("12 people over", 12, "people", False)],
        [("12 people died", 12, "people", False), ("30 people", 30, "people", False)],
    )
    assert by_text["30 people"] is by_text["12 people over"]
    assert by_text["30 people"].verdict == "conflict"


def _dated_claims(
    texts: dict[str, tuple[str, str | None]], figures: dict[str, list[Figure]]
) -> dict[str, Any]:
    articles = [
        Article(key=k, source=f"{k}.txt", text=t, published=d) for k, (t, d) in texts.items()
    ]
    records = {k: [_record(texts[k][0], *f) for f in fs] for k, fs in figures.items()}
    _, claims = build_quantity_claims(articles, records, {k: k.lower() for k in texts})
    return {m.text: c for c in claims for m in c.members}


def test_a_rising_toll_is_updated_not_a_conflict() -> None:
    early = "Two people were killed in the shooting at the Elm Street bar on Sunday night."
    later = "Four people were killed in the shooting at the Elm Street bar on Sunday night."
    claims = _dated_claims(
        {"A": (early, "2016-03-06"), "B": (later, "2016-03-08")},
        {"A": [("Two", 2, "people")], "B": [("Four", 4, "people")]},
    )
    assert claims["Two"] is claims["Four"]
    assert claims["Two"].verdict == "updated"
    assert "2016-03-06" in claims["Two"].reason and "2016-03-08" in claims["Two"].reason


def test_a_falling_toll_or_undated_reports_stay_a_conflict() -> None:
    early = "Four people were killed in the shooting at the Elm Street bar on Sunday night."
    later = "Two people were killed in the shooting at the Elm Street bar on Sunday night."
    for dates in (("2016-03-06", "2016-03-08"), (None, None)):
        claims = _dated_claims(
            {"A": (early, dates[0]), "B": (later, dates[1])},
            {"A": [("Four", 4, "people")], "B": [("Two", 2, "people")]},
        )
        assert claims["Four"] is claims["Two"]
        assert claims["Four"].verdict == "conflict"


def test_the_dead_and_the_injured_are_two_facts() -> None:
    a_text = "Two people were killed and five were injured in the shooting at the bar."
    b_text = "Five people were injured and two were killed in the shooting at the bar."
    claims = _dated_claims(
        {"A": (a_text, "2016-03-06"), "B": (b_text, "2016-03-06")},
        {
            "A": [("Two", 2, "people"), ("five", 5, "people")],
            "B": [("Five", 5, "people"), ("two", 2, "people")],
        },
    )
    assert claims["Two"] is claims["two"] and claims["Two"].verdict == "agree"
    assert claims["Two"].measure == "people killed"
    assert claims["five"].measure == "people injured"
    assert claims["five"] is claims["Five"] and claims["five"].verdict == "agree"


def test_named_claimants_disagreeing_is_a_dispute_both_outlets_report() -> None:
    """Organisers' and police's crowd counts, each reported alike by two outlets."""
    a_text = (
        "Organisers said 1 million people marched through the capital. "
        "Police said 300,000 people marched through the capital."
    )
    b_text = (
        "About 300,000 people marched through the capital, police said. "
        "Organisers put the number of people who marched through the capital at 1 million."
    )

    def spans(text: str, *pieces: tuple[str, str]) -> list[tuple[int, int, str]]:
        return [(text.index(p), text.index(p) + len(p), who) for p, who in pieces]

    articles = [
        Article(key="A", source="a.txt", text=a_text, published="2024-05-01"),
        Article(key="B", source="b.txt", text=b_text, published="2024-05-01"),
    ]
    records = {
        "A": [
            _record(a_text, "1 million", 1e6, "people"),
            _record(a_text, "300,000", 3e5, "people"),
        ],
        "B": [
            _record(b_text, "About 300,000", 3e5, "people", approx=True),
            _record(b_text, "1 million", 1e6, "people"),
        ],
    }
    claimants = {
        "A": spans(
            a_text,
            ("1 million people marched through the capital", "organisers"),
            ("300,000 people marched through the capital", "police"),
        ),
        "B": spans(
            b_text,
            ("About 300,000 people marched through the capital", "police"),
            ("the number of people who marched through the capital at 1 million", "organisers"),
        ),
    }
    _, claims = build_quantity_claims(articles, records, {"A": "a1", "B": "a2"}, claimants)
    (dispute,) = [c for c in claims if len(c.members) == 4]
    assert dispute.verdict == "disputed"
    assert "organisers" in dispute.reason and "police" in dispute.reason
    assert dispute.measure == "people"
    sides = {(v.claimant, v.value): v.articles for v in dispute.values}
    assert sides == {
        ("organisers", 1e6): ["a1", "a2"],
        ("police", 3e5): ["a1", "a2"],
    }

    _, unnamed = build_quantity_claims(articles, records, {"A": "a1", "B": "a2"})
    assert all(c.verdict != "disputed" for c in unnamed)


def test_one_claimant_written_two_ways_is_one_voice() -> None:
    """ "Police" opening a sentence and "police" after a figure are one claimant: their
    figures meet, and set against the organisers' they make one dispute."""
    a_text = "Police said 300 people attended the vigil. Organisers said 1,000 people attended it."
    b_text = "About 300 people attended the vigil, police said. Organisers said 1,000 people did."
    pieces = {
        "A": (
            ("300 people attended the vigil", "Police"),
            ("1,000 people attended it", "Organisers"),
        ),
        "B": (
            ("About 300 people attended the vigil", "police"),
            ("1,000 people did", "the organisers"),
        ),
    }
    texts = {"A": a_text, "B": b_text}
    claimants = {
        k: [(texts[k].index(p), texts[k].index(p) + len(p), who) for p, who in v]
        for k, v in pieces.items()
    }
    articles = [
        Article(key=k, source=f"{k}.txt", text=t, published="2024-05-01") for k, t in texts.items()
    ]
    records = {
        "A": [_record(a_text, "300", 300, "people"), _record(a_text, "1,000", 1000, "people")],
        "B": [
            _record(b_text, "About 300", 300, "people", approx=True),
            _record(b_text, "1,000", 1000, "people"),
        ],
    }
    _, claims = build_quantity_claims(articles, records, {"A": "a1", "B": "a2"}, claimants)
    (dispute,) = [c for c in claims if c.verdict == "disputed"]
    assert {(v.claimant, v.value, tuple(v.articles)) for v in dispute.values} == {
        ("Police", 300, ("a1", "a2")),
        ("Organisers", 1000, ("a1", "a2")),
    }


def test_an_update_lists_its_values_in_the_order_reported() -> None:
    early = "Two people were killed in the shooting at the Elm Street bar on Sunday night."
    middle = "Three people were killed in the shooting at the Elm Street bar on Sunday night."
    later = "Four people were killed in the shooting at the Elm Street bar on Sunday night."
    claims = _dated_claims(
        {"A": (later, "2016-03-08"), "B": (early, "2016-03-06"), "C": (middle, "2016-03-07")},
        {"A": [("Four", 4, "people")], "B": [("Two", 2, "people")], "C": [("Three", 3, "people")]},
    )
    update = claims["Two"]
    assert update.verdict == "updated"
    assert [v.text for v in update.values] == ["Two", "Three", "Four"]


def test_one_persons_ages_meet_and_two_peoples_never() -> None:
    a_text = "Police said Marcus Lee, 41, was shot outside the store by Ann Fox, 19."
    b_text = "The 42-year-old Marcus Lee died later; Ann Fox, 19, was arrested."
    claims = _dated_claims(
        {"A": (a_text, "2016-03-06"), "B": (b_text, "2016-03-07")},
        {"A": [("41", 41, ""), ("19", 19, "")], "B": [("42", 42, ""), ("19", 19, "")]},
    )
    assert claims["41"] is claims["42"] and claims["41"].verdict == "conflict"
    assert claims["41"].measure == "age of Marcus Lee"
    assert claims["19"].verdict == "agree" and claims["19"] is not claims["41"]


def test_a_claims_label_leaves_the_dateline_out() -> None:
    from storydiff.align.terms import statement_text

    lead = "HARBOURTON, March 3 (Reuters) - The port authority approved the lease on Tuesday."
    assert statement_text(lead) == "The port authority approved the lease on Tuesday."
    assert statement_text("NATO said 4,500 troops remain.") == "NATO said 4,500 troops remain."


def test_outlets_citing_different_claimants_conflict_they_do_not_dispute() -> None:
    """No outlet reports both sides: the outlets disagree (each quoting someone else), which
    is not a dispute the sources agree on."""
    a_text = "In all, 105 MPs voted for the lease, officials said."
    b_text = "In all, 107 MPs voted for the lease, the speaker said."
    texts = {"A": a_text, "B": b_text}
    articles = [Article(key=k, source=f"{k}.txt", text=t) for k, t in texts.items()]
    records = {
        "A": [_record(a_text, "105", 105, "MPs")],
        "B": [_record(b_text, "107", 107, "MPs")],
    }
    claimants = {
        "A": [(0, a_text.index(","), "officials")],
        "B": [(0, b_text.index(","), "the speaker")],
    }
    _, claims = build_quantity_claims(articles, records, {"A": "a1", "B": "a2"}, claimants)
    (claim,) = claims
    assert claim.verdict == "conflict"


def test_a_third_death_updates_the_earlier_two_whatever_the_words() -> None:
    """ "A third person has died" days later is the story's toll risen from two, though the
    sentences share few words; the same words in an earlier article say nothing of the kind."""
    early = "Police said two men were killed outside the club early on Saturday."
    later = "A third person has died after Saturday's shooting, the coroner said."
    claims = _dated_claims(
        {"A": (early, "2016-09-17"), "B": (later, "2016-09-22")},
        {"A": [("two", 2, "men")], "B": [("A third person", 3, "person")]},
    )
    assert claims["two"] is claims["A third person"]
    assert claims["two"].verdict == "updated"
    backwards = _dated_claims(
        {"A": (early, "2016-09-22"), "B": (later, "2016-09-17")},
        {"A": [("two", 2, "men")], "B": [("A third person", 3, "person")]},
    )
    assert backwards["two"] is not backwards["A third person"]


def test_a_toll_from_a_year_before_the_story_is_labelled_with_its_year() -> None:
    a_text = (
        "Two people were killed in the shooting at the Elm Street bar on Sunday. The same gun "
        "shop sold the rifle used in the 2009 rampage that killed 13 people at the base."
    )
    b_text = "Two people were killed in the shooting at the Elm Street bar on Sunday night."
    claims = _dated_claims(
        {"A": (a_text, "2014-04-06"), "B": (b_text, "2015-01-10")},
        {"A": [("Two", 2, "people"), ("13", 13, "people")], "B": [("Two", 2, "people")]},
    )
    assert claims["13"].measure == "people killed in 2009"
    assert claims["Two"].measure == "people killed"
    # A year the story's first report shares is the story's own: a trial a year on recalls it.
    later = "Three men were charged in a 2014 shooting that left two people dead on Elm Street."
    claims = _dated_claims(
        {"A": (a_text, "2014-04-06"), "B": (later, "2015-01-10")},
        {"A": [("Two", 2, "people")], "B": [("two", 2, "people")]},
    )
    assert claims["two"].measure == "people killed"


@pytest.mark.parametrize(
    ("text", "figure", "unit"),
    [
        (
            "The teen received 3 years' probation for shooting and killing his best friend.",
            "3",
            "year",
        ),
        ("Bond was set at $75,000 for the neighbor of the boy who died.", "$75,000", "USD"),
    ],
)
def test_a_figure_with_a_unit_is_no_toll(text: str, figure: str, unit: str) -> None:
    record = replace(_record(text, figure, 3, None), unit=unit)  # type: ignore[arg-type]
    _, claims = build_quantity_claims([_article("A", text)], {"A": [record]}, {"A": "a1"})
    assert all(c.measure != "people killed" for c in claims)


@pytest.mark.parametrize(
    ("text", "figures", "joined", "total"),
    [
        (
            "Capt. Kelly Rich says three men and two women were hurt.",
            [("three", 3, "men"), ("two", 2, "women")],
            "three men and two women",
            5,
        ),
        (
            "The funeral for the two adults and their four children who were shot to death.",
            [("two", 2, "adults"), ("four", 4, "children")],
            "two adults and their four children",
            6,
        ),
        (
            "Police released the names of the man and two children found dead on Thursday.",
            [("two", 2, "children")],
            "the man and two children",
            3,
        ),
        (
            "Flowers lay at the house where Conley and seven others were killed on Sunday.",
            [("seven", 7, "others")],
            "Conley and seven others",
            8,
        ),
        (
            "One man and two women were also wounded in that attack.",
            [("two", 2, "women")],
            "One man and two women",
            3,
        ),
    ],
)
def test_a_toll_broken_down_as_stated_is_its_sum(
    text: str, figures: list[tuple[str, float, str]], joined: str, total: float
) -> None:
    records = [_record(text, *figure) for figure in figures]
    _, claims = build_quantity_claims([_article("A", text)], {"A": records}, {"A": "a1"})
    assert [(c.values[0].text, c.values[0].value) for c in claims] == [(joined, total)]


def test_counts_of_two_acts_stay_apart() -> None:
    text = "The gunman killed two men and wounded three women."
    records = [_record(text, "two", 2, "men"), _record(text, "three", 3, "women")]
    _, claims = build_quantity_claims([_article("A", text)], {"A": records}, {"A": "a1"})
    assert sorted((c.measure, c.values[0].value) for c in claims) == [
        ("people injured", 3),
        ("people killed", 2),
    ]


def test_a_statement_stops_at_a_paragraph_break_the_parser_ran_across() -> None:
    text = "The lone vote against came from Sen. Ada Reid, D-Nev.\n\nSome 3,000 people died."
    start = text.index("3,000")
    record = QuantityRecord(
        start, start + 5, "3,000", 3000, None, "people", False, None, 0, len(text)
    )
    _, claims = build_quantity_claims([_article("A", text)], {"A": [record]}, {"A": "a1"})
    assert claims[0].statement == "Some 3,000 people died."


@pytest.mark.parametrize(
    ("a_text", "a_figures", "labels"),
    [
        # A line of a dated list pins its tolls to its year.
        (
            "Two people were killed in the shooting at the Elm Street bar on Sunday.\n"
            "August 1982: A gunman who had been fired from a welding shop across town came back "
            "and killed eight people.",
            [("Two", 2, "people"), ("eight", 8, "people")],
            {"eight": "people killed in 1982", "Two": "people killed"},
        ),
        # A tally of many incidents is labelled apart from the event.
        (
            "A teenager was killed in a shooting on Elm Street on Sunday. Five people were killed "
            "and 17 wounded in separate shootings across the city since Friday evening.",
            [("Five", 5, "people"), ("17", 17, None)],
            {"Five": "people killed across incidents", "17": "people injured across incidents"},
        ),
    ],
)
def test_a_toll_of_another_time_or_many_incidents_is_labelled_apart(
    a_text: str, a_figures: list[Figure], labels: dict[str, str]
) -> None:
    b_text = "Two people were killed in the shooting at the Elm Street bar on Sunday night."
    claims = _dated_claims(
        {"A": (a_text, "2014-04-06"), "B": (b_text, "2014-04-07")},
        {"A": a_figures, "B": [("Two", 2, "people")]},
    )
    assert {text: claims[text].measure for text in labels} == labels


def test_tallies_meet_on_both_counts_and_two_votes_never_conflict() -> None:
    def tally(text: str) -> Quantity:
        return replace(_q(float(text.split("-")[0].split()[0])), text=text, unit="tally")

    assert compare(tally("97-1"), tally("97 to 1")) == "agree"
    assert compare(tally("97-1"), tally("97-2")) == "conflict"
    senate = "The Senate voted 97-1 to override the veto of the bill on Wednesday."
    house = "The House voted 348-77 to override the veto of the bill on Wednesday."
    records = {
        "A": [replace(_record(senate, "97-1", 97, "vote"), unit="tally")],
        "B": [replace(_record(house, "348-77", 348, "vote"), unit="tally")],
    }
    articles = [_article("A", senate), _article("B", house)]
    _, claims = build_quantity_claims(articles, records, {"A": "a1", "B": "a2"})
    assert sorted(c.verdict for c in claims) == ["single-source", "single-source"]


@pytest.mark.parametrize(
    ("b_text", "b_sub", "value", "unit", "linked"),
    [
        # one length written two ways meets; a bound that merely allows the other does not
        ("The operator must publish the lease within a month.", "a month", 1, "month", True),
        ("The operator faces up to 48 years in prison.", "up to 48 years", 48, "year", False),
    ],
)
def test_lengths_of_time_meet_only_when_about_one_length(
    b_text: str, b_sub: str, value: float, unit: str, linked: bool
) -> None:
    a_text = "The operator must publish the lease within 30 days, the ministry said."
    start_a, start_b = a_text.index("30 days"), b_text.index(b_sub)
    records = {
        "A": [QuantityRecord(start_a, start_a + 7, "30 days", 30, "day", None, False, "upper",
                             0, len(a_text))],
        "B": [QuantityRecord(start_b, start_b + len(b_sub), b_sub, value, unit, None, False,
                             "upper", 0, len(b_text))],
    }  # fmt: skip
    articles = [_article("A", a_text), _article("B", b_text)]
    _, claims = build_quantity_claims(articles, records, {"A": "a1", "B": "a2"})
    assert (len(claims) == 1) is linked


@pytest.mark.parametrize(
    ("a_text", "a", "b_text", "b"),
    [
        (
            "Obama's plan includes 23 steps he took on his own.",
            ("23 steps", 23, "steps", False),
            "The president signed 23 executive actions on Wednesday.",
            ("23 executive actions", 23, "executive actions", False),
        ),
        (
            "Arrests peaked at 1.6 million in 2000.",
            ("1.6 million", 1_600_000, "arrests", False),
            "Agents made 1.6 million apprehensions that fiscal year.",
            ("1.6 million", 1_600_000, "apprehensions", False),
        ),
    ],
)
def test_one_count_under_two_nouns_is_one_fact(
    a_text: str, a: Figure, b_text: str, b: Figure
) -> None:
    by_text = _claims_by_text(a_text, b_text, [a], [b])
    assert len({id(c) for c in by_text.values()}) == 1
    assert next(iter(by_text.values())).verdict == "agree"


def test_equal_numbers_of_people_killed_and_of_things_are_two_facts() -> None:
    a_text = "The earthquake killed 10 people in the district, officials said."
    b_text = "The earthquake damaged 10 houses in the district, officials said."
    by_text = _claims_by_text(
        a_text, b_text, [("10 people", 10, "people", False)], [("10 houses", 10, "houses", False)]
    )
    assert by_text["10 people"] is not by_text["10 houses"]


def test_a_part_named_as_such_never_conflicts_with_its_whole() -> None:
    a_text = "AMD is buying SeaMicro for $334 million, including $281 million in cash."
    b_text = "AMD will pay $281 million in cash for SeaMicro, a maker of microservers."
    c_text = "AMD will pay $334 million for SeaMicro, a maker of microservers."
    by_text = _claims_by_text(
        a_text,
        b_text,
        [("$334 million", 334e6, "", False), ("$281 million", 281e6, "", False)],
        [("$281 million", 281e6, "", False)],
    )
    assert by_text["$281 million"].verdict == "agree"
    whole = _claims_by_text(
        b_text, c_text, [("$281 million", 281e6, "", False)], [("$334 million", 334e6, "", False)]
    )
    assert whole["$281 million"] is not whole["$334 million"]


def test_a_sentence_that_opens_on_a_year_pins_its_figures_to_it() -> None:
    """The year may stand further from the figure than the window that dates it."""
    a_text = (
        "In September 2009 a major earthquake near the coastal city of Padang on the island of "
        "Sumatra killed about 1,000 people."
    )
    b_text = (
        "In December 2004 a huge undersea earthquake off the coast of Aceh province on the "
        "island of Sumatra killed about 1,100 people."
    )
    by_text = _claims_by_text(
        a_text,
        b_text,
        [("about 1,000", 1000, "people", True)],
        [("about 1,100", 1100, "people", True)],
    )
    assert by_text["about 1,000"] is not by_text["about 1,100"]
