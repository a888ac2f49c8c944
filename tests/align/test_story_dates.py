"""Year-less datelines placed by the dated articles of the same story."""

from __future__ import annotations

from storydiff.align.story_dates import story_estimates
from storydiff.model import Article, DateEstimate


def _article(
    key: str, text: str, published: str | None = None, guess: str | None = None
) -> Article:
    estimate = DateEstimate(guess, "the latest year the body mentions") if guess else None
    return Article(
        key=key, source=f"{key}.txt", text=text, published=published, published_estimate=estimate
    )


def test_a_year_less_dateline_takes_the_year_of_the_story() -> None:
    dated = _article("b", "Two days after the vote, the argument moved on.", "2024-03-14")
    wire = _article(
        "a", "PORT SALLIS, March 12 (Wirewatch) - Parliament approved the lease.", guess="2019"
    )
    estimates = story_estimates([wire, dated])
    assert list(estimates) == ["a"]  # an estimate, never a stated date; the dated one is left
    assert estimates["a"].value == "2024-03-12"
    assert "March 12" in estimates["a"].evidence and "b.txt" in estimates["a"].evidence


def test_across_new_year_the_nearest_year_wins() -> None:
    dated = _article("b", "The talks resumed.", "2025-01-03")
    wire = _article("a", "KALMERE, Dec. 30 (Wirewatch) - Talks broke down.")
    assert story_estimates([wire, dated])["a"].value == "2024-12-30"


def test_a_dateline_far_from_every_stated_date_is_left_alone() -> None:
    dated = _article("b", "The talks resumed.", "2024-03-14")
    wire = _article("a", "KALMERE, July 2 (Wirewatch) - Talks broke down.", guess="2019")
    assert story_estimates([wire, dated]) == {}


def test_no_dateline_or_no_dated_article_changes_nothing() -> None:
    plain = _article("a", "Parliament approved the lease on Tuesday.", guess="2019")
    wire = _article("c", "PORT SALLIS, March 12 (Wirewatch) - Parliament approved the lease.")
    assert story_estimates([plain, _article("b", "Later.", "2024-03-14")]) == {}
    assert story_estimates([wire]) == {}


def test_the_placed_day_is_a_one_day_window() -> None:
    dated = _article("b", "Two days after the vote, the argument moved on.", "2024-03-14")
    wire = _article("a", "PORT SALLIS, March 12 (Wirewatch) - Parliament approved the lease.")
    estimate = story_estimates([wire, dated])["a"]
    assert (estimate.earliest, estimate.latest) == ("2024-03-12", "2024-03-12")


def test_a_day_outside_the_articles_own_window_is_not_taken() -> None:
    dated = _article("b", "The talks resumed.", "2025-01-03")
    wire = Article(
        key="a",
        source="a.txt",
        text="KALMERE, Dec. 30 (Wirewatch) - Talks broke down.",
        published_estimate=DateEstimate(
            "2025", "a term of office", earliest="2025-01-01", latest="2025-12-31"
        ),
    )
    # 2024-12-30 is the nearest day to the stated date, but the article's evidence rules it out
    # (and 2025-12-30 is too far from any stated date of the story).
    assert story_estimates([wire, dated]) == {}
