"""Stated dates are read only where written; estimates always say what they rest on."""

from __future__ import annotations

from datetime import date

import pytest

from storydiff.clean import clean_document
from storydiff.clean.dates import (
    date_line,
    estimate_date,
    find_dates,
    html_date,
    page_date_line,
    parse_stated_date,
    publication_date,
    source_url,
    url_date,
)
from storydiff.model import RawDocument

TODAY = date(2025, 6, 1)


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


# --- every date a page states about itself -------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "iso", "kind"),
    [
        ("3 Mar, 2016 09:41", "2016-03-03", "date line"),
        ("Tuesday, Oct. 4, 2016, 7:05 p.m.", "2016-10-04", "date line"),
        ("10-04-2016 08:15 GMT", "2016-10-04", "date line"),
        ("31/12/2016", "2016-12-31", "date line"),  # day first where the first is no month
        ("Published: Sunday, 2/22/2015 - Updated: 9 months ago", "2015-02-22", "published"),
        ("by: Dana Reyes, Channel 7 Updated: Nov 14, 2016 - 3:01 PM", "2016-11-14", "updated"),
        ("Posted 3:57 AM, May 26, 2015, by Ann Lee and Bo Park", "2015-05-26", "published"),
        ("By The Wire Service on Tue 06/30/2015 04:48am", "2015-06-30", "published"),
        ("By Ann Lee. CREATED May 12, 2015 - UPDATED: May 14, 2015", "2015-05-12", "published"),
        (
            "Quarry blast shakes town Posted: Sunday, November 30, 2014 8:20 AM EST",
            "2014-11-30",
            "published",
        ),
        ("UPDATE (4:06 p.m. 5/14/16)", "2016-05-14", "updated"),
        ("DATE: January 3, 2017 9:04:30 AM CST", "2017-01-03", "published"),
    ],
)
def test_page_date_lines(line: str, iso: str, kind: str) -> None:
    found = page_date_line(line)
    assert found is not None
    assert (found.value, found.kind) == (iso, kind)


@pytest.mark.parametrize(
    "line",
    [
        "Town council to review parking rules - 05/16/16",  # a teaser with its own date
        "— Town Fire Dept (@TownFire) March 18, 2015",  # an embedded post
        "Update: A plea hearing in the case has been set for Jan. 21, 2014.",  # a sentence
        "The mayor said the report was updated on March 3, 2016.",
        "Crews cleared the road. (Published Monday, Sept. 23, 2013)",  # a clip's date
        "Monday, Oct. 4, 2016",  # 4 October 2016 was a Tuesday: not a date the page wrote
    ],
)
def test_lines_that_are_not_the_pages_date(line: str) -> None:
    assert page_date_line(line) is None


@pytest.mark.parametrize(
    ("url", "iso"),
    [
        ("https://news.example/2016/10/04/quarry-blast/", "2016-10-04"),
        ("https://news.example/news/local/2016/jul/04/fireworks/374279/", "2016-07-04"),
        ("https://news.example/metro/2016-11-05/man-hurt", "2016-11-05"),
        ("https://news.example/ct-town-news-20150804-story.html", "2015-08-04"),
        ("https://news.example/2016/12/flood-warning", "2016-12"),
        # The archive's timestamp is when the copy was made; the page's own address is inside.
        ("http://web.archive.org/web/20140215012040/http://news.example:80/story/2442/x", None),
        (
            "http://web.archive.org/web/20160101000000/http://news.example/2015/09/04/x/",
            "2015-09-04",
        ),
        ("https://news.example/en/a/19170726-five-hurt", None),  # an id, not 1917
        ("https://news.example/2016/02/31/x", None),  # no such day
    ],
)
def test_url_dates(url: str, iso: str | None) -> None:
    found = url_date(url)
    assert (found.value if found else None) == iso


def test_source_url_reads_the_address_a_user_gave() -> None:
    assert source_url("export.jsonl:3 (https://news.example/2016/10/04/x)") == (
        "https://news.example/2016/10/04/x"
    )
    assert source_url("https://news.example/a") == "https://news.example/a"
    assert source_url("story/01_vote.txt") is None


def test_find_dates_checks_the_weekday() -> None:
    found = find_dates("It happened on Sunday, Aug. 9, 2015 and again on Monday, Aug. 9, 2015.")
    assert [(m.value, m.weekday) for m in found] == [(date(2015, 8, 9), True)]


def test_the_pages_own_first_publication_wins() -> None:
    lines = ["Updated: Nov 15, 2016 - 3:01 PM", "Published Nov 14, 2016", "Comments"]
    found = publication_date(lines, url="https://news.example/2016/11/13/x")
    assert found is not None and (found.value, found.kind) == ("2016-11-14", "published")
    # The address beats an update and a bare date line further down.
    found = publication_date(
        ["Updated: Nov 15, 2016", "Nov 20, 2016"], url="https://news.example/2016/11/13/x"
    )
    assert found is not None and (found.value, found.kind) == ("2016-11-13", "url")
    found = publication_date(["Updated: Nov 15, 2016"])
    assert found is not None and found.kind == "updated"
    assert publication_date(["No dates here."]) is None


def test_a_dateline_with_its_year_is_stated() -> None:
    found = publication_date([], body="(05/24/15) - It was a violent weekend in the city.")
    assert found is not None and (found.value, found.kind) == ("2015-05-24", "dateline")


def test_htmldate_reads_the_markup_and_never_raises() -> None:
    page = (
        '<html><head><meta property="article:published_time" content="2016-10-04T19:05:00Z">'
        "</head><body><p>Text.</p></body></html>"
    )
    assert html_date(page) == "2016-10-04"
    assert html_date("\x00<<not html") is None
    assert html_date("") is None


def test_clean_document_takes_the_date_from_the_address_a_user_gave() -> None:
    body = "Police said two men were hurt in a shooting on Elm Street early Sunday.\n"
    article = clean_document(
        RawDocument("export.jsonl:0 (https://news.example/2016/10/04/elm-street/)", body, "text")
    )
    assert article.published == "2016-10-04"
    assert article.published_estimate is None


def test_clean_document_reads_a_byline_with_a_time() -> None:
    text = (
        "Two hurt in Elm Street shooting\n\n"
        "Posted 3:57 AM, May 26, 2015, by Ann Lee\n\n"
        "Police said two men were hurt in a shooting on Elm Street early Sunday.\n\n"
        "The investigation continues, officers said on Monday afternoon.\n"
    )
    article = clean_document(RawDocument("elm.txt", text, "text"))
    assert article.published == "2015-05-26"


def test_clean_document_html_metadata() -> None:
    page = (
        '<html><head><meta property="article:published_time" content="2016-10-04T19:05:00Z">'
        "<title>Quarry blast</title></head><body><article>"
        + "<p>The quarry blast shook windows across the town on Tuesday, officials said.</p>" * 4
        + "</article></body></html>"
    )
    article = clean_document(RawDocument("https://news.example/quarry", page, "html"))
    assert article.published == "2016-10-04"


# --- estimates: only from evidence that dates the article ----------------------------------------


def test_a_background_year_is_never_an_estimate() -> None:
    text = "The war ended in 1999. Talks resumed in 2004 and stalled in 2008."
    assert estimate_date(text, today=TODAY) is None
    assert estimate_date("Last February, in 2014, the plan was shelved.", today=TODAY) is None


def test_a_date_with_its_weekday_dates_the_article_within_a_week() -> None:
    text = "The handover ended in 1999. Police were called on Sunday, Aug. 9, 2015, at noon."
    estimate = estimate_date(text, today=TODAY)
    assert estimate is not None
    assert (estimate.earliest, estimate.latest) == ("2015-08-02", "2015-08-16")
    assert estimate.value == "2015-08"  # the precision the window supports
    assert "Sunday, Aug. 9, 2015" in estimate.evidence and "1999" not in estimate.evidence
    assert "not stated" in estimate.evidence


def test_an_older_weekday_date_behind_a_later_event_is_background() -> None:
    text = (
        "The first shooting was on Saturday, July 4, 2015. "
        "He was arrested on March 2, 2016, and charged on Tuesday, March 8, 2016."
    )
    estimate = estimate_date(text, today=TODAY)
    assert estimate is not None
    assert estimate.earliest is not None and estimate.earliest >= "2016-03-01"
    assert "July 4, 2015" not in estimate.evidence


@pytest.mark.parametrize(
    ("text", "value", "clue"),
    [
        ("In 2014 the minister said the army would be ready by 2019.", "2014", "still ahead"),
        ("Relations soured two decades after 1999.", "2019", "two decades after 1999"),
        ("The Trump administration said on Monday it would act.", "2017", "Trump"),
    ],
)
def test_estimate_names_its_clue(text: str, value: str, clue: str) -> None:
    estimate = estimate_date(text, today=TODAY)
    assert estimate is not None
    assert estimate.value == value
    assert estimate.earliest and estimate.latest and estimate.earliest <= estimate.latest
    assert clue in estimate.evidence
    assert "not stated" in estimate.evidence


def test_a_target_in_a_past_sentence_is_not_ahead() -> None:
    # "served until 2012" is history: it is no upper bound, so only a lower bound is left.
    assert estimate_date("He served in the Guard until 2012, his family said.", today=TODAY) is None


def test_former_office_holders_and_campaign_stickers_are_no_terms() -> None:
    assert estimate_date("Former President Obama spoke at the school.", today=TODAY) is None
    assert estimate_date("The SUV had Donald Trump for president stickers.", today=TODAY) is None


def test_a_scheduled_date_closes_the_window() -> None:
    text = "He was shot on March 3, 2014. A hearing is scheduled for April 10, 2014."
    estimate = estimate_date(text, today=TODAY)
    assert estimate is not None
    assert (estimate.earliest, estimate.latest) == ("2014-02-24", "2014-04-10")
    assert estimate.value == "2014"


def test_dates_that_disagree_give_no_estimate() -> None:
    text = "A hearing is scheduled for April 10, 2014. The verdict came on Friday, May 6, 2016."
    assert estimate_date(text, today=TODAY) is None


def test_estimate_is_none_without_clues() -> None:
    assert estimate_date("The minister said on Friday that talks would go on.") is None


def test_resolution_numbers_are_not_years() -> None:
    assert estimate_date("They cited UN Security Council Resolution 1999 again.") is None


def test_relative_hints_are_named() -> None:
    text = "Last February the plan was shelved; on Monday, March 2, 2015 it came back."
    estimate = estimate_date(text, today=TODAY)
    assert estimate is not None
    assert "last february" in estimate.evidence.lower()
