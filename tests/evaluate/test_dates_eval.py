"""Publication dates on real local news, gated: the first GVA documents.

The whole pool (4,969 documents) is scored by ``storydiff eval dates --gva DIR`` (README); a
subset runs here in a few seconds (dates are read in the clean stage, no spaCy). Floors are
measured values rounded down, ceilings measured values; raise floors when a change lifts them.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from storydiff.evaluate.dates import (
    clean_record,
    estimate_interval,
    evaluate_dates,
    judge,
    original_url,
)
from storydiff.model import Article, DateEstimate

GATE_DOCUMENTS = 200
# Measured on the first 200 documents: 91 dated to the day (all stated), 3 stated dates off
# the gold, 10 estimates of which 8 hold the gold (the 2 others: a page of other stories and a
# photo gallery two years older than the page).
FLOORS = {"dated_to_day": 91, "gold_inside": 8}
CEILINGS = {"stated_wrong": 3, "gold_excluded": 2}


def _article(published: str | None = None, estimate: DateEstimate | None = None) -> Article:
    return Article(key="k", source="s", text="t", published=published, published_estimate=estimate)


def test_original_url_unwraps_an_archived_copy() -> None:
    archived = "http://web.archive.org/web/20140215012040/http://news.example:80/2014/01/12/x"
    assert original_url(archived) == "http://news.example:80/2014/01/12/x"
    assert original_url("https://news.example/a") == "https://news.example/a"


def test_a_record_is_cleaned_with_its_url_but_never_its_gold_date() -> None:
    doc = {
        "doc_id": "d",
        "dct": "1999-01-01",
        "url": "http://web.archive.org/web/20161005000000/http://news.example/2016/10/04/x",
        "content": "Police said two men were hurt in a shooting on Elm Street early Sunday.",
    }
    article = clean_record(doc, 0)
    assert article is not None
    assert article.published == "2016-10-04"
    assert "news.example/2016/10/04/x" in article.source
    assert clean_record({**doc, "content": "   "}, 1) is None


def test_intervals_from_bounds_or_from_the_value() -> None:
    window = DateEstimate("2015-08", "a weekday", earliest="2015-08-02", latest="2015-08-16")
    assert [d.isoformat() for d in estimate_interval(window) or ()] == [
        "2015-08-02",
        "2015-08-16",
    ]
    older = DateEstimate("2016", "a year")
    assert [d.isoformat() for d in estimate_interval(older) or ()] == ["2016-01-01", "2016-12-31"]


def test_judge() -> None:
    assert judge(_article("2016-10-04"), "2016-10-04").kind == "stated-day"
    assert judge(_article("2016-10"), "2016-10-04").kind == "stated-coarse"
    assert judge(_article("2016-10-05"), "2016-10-04").kind == "stated-wrong"
    inside = DateEstimate("2016-10", "w", earliest="2016-09-28", latest="2016-10-11")
    assert judge(_article(estimate=inside), "2016-10-04").kind == "est-in"
    assert judge(_article(estimate=inside), "2016-10-12").kind == "est-out"
    assert judge(_article(), "2016-10-04").kind == "undated"
    assert judge(None, "2016-10-04").kind == "undated"


def test_gva_dates_gate(shared: Path) -> None:
    folder = shared / "datasets" / "gva_longtail"
    if not (folder / "documents.jsonl").is_file():
        pytest.skip("../shared/datasets/gva_longtail is not present")
    result = evaluate_dates(folder, limit=GATE_DOCUMENTS)
    assert result["documents"] == GATE_DOCUMENTS
    assert result["dated_to_day"] >= FLOORS["dated_to_day"], result
    assert result["estimated"]["gold_inside"] >= FLOORS["gold_inside"], result
    assert result["stated"]["wrong"] <= CEILINGS["stated_wrong"], result
    assert result["estimated"]["gold_excluded"] <= CEILINGS["gold_excluded"], result
