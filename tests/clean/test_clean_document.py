"""``clean_document`` on small hand-built pages: furniture goes, body and metadata stay."""

from __future__ import annotations

import hashlib

import storydiff.clean
from storydiff.clean import clean_document
from storydiff.model import Article, RawDocument

PAGE = """Skip to content
Menu
World

Harbour Workers Strike Over Pay At Port Of Example

By Jane Doe

Dockers at the port of Example stood on the quay beneath a banner.
Dockers at the port of Example stood on the quay beneath a banner.

Some 1,200\u00a0dock workers walked out on Monday, the union said, halting 40 ships.

“We will not go back until the offer changes,” said union leader Ana Lind.

Pay talks
Talks will resume on Thursday.

The port authority said it had offered a 3 percent rise.

With reporting by AFP

Ministers Meet Over Harbour Dredging Plan

Jane Doe

Jane is a reporter for The Example Gazette. She covers ports and shipping.

Leave a Comment

Your email address will not be published. Required fields are marked *
"""


def _clean(text: str) -> Article:
    return clean_document(RawDocument("page.txt", text, "text"))


def test_public_namespace() -> None:
    assert storydiff.clean.__all__ == ["clean_all", "clean_document"]


def test_body_kept_exactly() -> None:
    article = _clean(PAGE)
    assert article.text.startswith("Some 1,200\u00a0dock workers walked out")
    assert article.text.endswith("offered a 3 percent rise.")
    assert "“We will not go back until the offer changes,” said union leader Ana Lind." in (
        article.text
    )
    # Lines of one paragraph stay together; paragraphs are separated by a blank line.
    assert "Pay talks\nTalks will resume on Thursday." in article.text
    assert "\n\n\n" not in article.text


def test_metadata() -> None:
    article = _clean(PAGE)
    assert article.title == "Harbour Workers Strike Over Pay At Port Of Example"
    assert article.author == "Jane Doe"
    assert article.credit == "With reporting by AFP"
    assert article.outlet == "The Example Gazette"
    assert article.published is None
    assert article.language == "en"
    assert article.key == hashlib.sha256(article.text.encode()).hexdigest()[:16]


def test_every_dropped_line_has_a_reason() -> None:
    article = _clean(PAGE)
    reasons = {r.text: r.reason for r in article.removed}
    assert reasons["Skip to content"] == "site menu"
    assert reasons["By Jane Doe"] == "byline"
    assert reasons["With reporting by AFP"] == "credit line"
    assert reasons["Ministers Meet Over Harbour Dredging Plan"] == "related link"
    assert reasons["Leave a Comment"] == "comment prompt"
    bio = "Jane is a reporter for The Example Gazette. She covers ports and shipping."
    assert reasons[bio] == "author bio"
    assert all(r.reason for r in article.removed)
    kept = set(article.text.splitlines())
    for line in PAGE.splitlines():
        if line.strip():
            assert line.strip() in kept or line.strip() in reasons


def test_caption_at_most_once() -> None:
    assert _clean(PAGE).text.count("Dockers at the port of Example stood") <= 1


def test_stated_date_line() -> None:
    article = _clean("Published 14 March 2024\n\n" + PAGE)
    assert article.published == "2024-03-14"
    assert article.published_estimate is None


def test_dateline_stays_in_text_and_feeds_metadata() -> None:
    text = "HARBOURTON, March 3 (Reuters) - The port reopened on Friday after 12 days of strikes."
    article = _clean(text)
    assert article.text == text
    assert article.outlet == "Reuters"
    assert article.published is None


def test_plain_article_untouched() -> None:
    text = "The council met on Monday and approved the budget.\n\nIt takes effect in 2021."
    article = _clean(text)
    assert article.text == text
    assert article.removed == ()
    # A year mentioned in passing (here one still ahead) never dates the article on its own.
    assert article.published_estimate is None


def test_conservative_with_short_lede_and_past_tense_profile() -> None:
    text = (
        "Protests spread.\n\n"
        "Police said 40 people were arrested in the capital on Saturday night.\n\n"
        "Roe was a journalist and columnist for The Example Post.\n\n"
        "(Reporting by Jane Doe; Editing by John Roe)"
    )
    article = _clean(text)
    assert article.text.startswith("Protests spread.")
    assert article.text.endswith("Roe was a journalist and columnist for The Example Post.")
    assert article.credit == "Reporting by Jane Doe; Editing by John Roe"
    assert [r.reason for r in article.removed] == ["credit line"]


def test_a_sentence_repeated_far_away_is_not_a_caption() -> None:
    """A lede echoed as a pull quote further down is the story's, not a caption printed twice."""
    echo = "Dockers at the port of Example stood on the quay beneath a banner."
    page = PAGE.replace("The port authority said", f"{echo}\n\nThe port authority said")
    article = _clean(page)
    assert article.text.count(echo) == 1
    assert article.text.index(echo) > article.text.index("Ana Lind")


def test_only_the_first_date_line_is_the_publication_date() -> None:
    """Later date lines stamp reader comments; they are not the article's date."""
    page = "Published 14 March 2024\n\n" + PAGE + "\nMarch 20, 2024\n\nGreat piece, thanks.\n"
    article = _clean(page)
    assert article.published == "2024-03-14"
    dated = [r.text for r in article.removed if r.reason == "publication date"]
    assert dated == ["Published 14 March 2024"]
