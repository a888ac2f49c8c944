from __future__ import annotations

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
    a, b = _article("A", text), _article("B", text + " ")
    b.duplicate_of = "A"
    records = {k: [_record(text, "105 MPs", 105, "MPs")] for k in ("A", "B")}
    _, claims = build_quantity_claims([a, b], records, {"A": "a1", "B": "a2"})
    assert [c.verdict for c in claims] == ["single-source"]
    assert [m.article for m in claims[0].members] == ["a1", "a2"]
    assert "carried by 2 copies of one report" in claims[0].reason


def test_a_source_restating_its_figure_gives_one_claim() -> None:
    """The lede's "99-year lease" and a quote's "lease for 99 years" are one figure of one
    source: the restatement joins the claim other sources confirm, never a claim of its own."""
    a_text = "Parliament approved a 99-year lease of the port on Tuesday."
    b_text = (
        "Parliament approved a 99-year lease of the port. "
        "Critics said a lease for 99 years was a sale, and a review within 15 years too late."
    )
    lease: Figure = ("99-year", 99, "years in lease", False)
    by_text = _claims_by_text(
        a_text,
        b_text,
        [lease],
        [lease, ("99 years", 99, "", False), ("15 years", 15, "years", False)],  # "": no noun
    )
    assert by_text["99 years"] is by_text["99-year"]
    assert by_text["99-year"].verdict == "agree"
    assert len(by_text["99-year"].members) == 3
    assert by_text["15 years"].verdict == "single-source"
