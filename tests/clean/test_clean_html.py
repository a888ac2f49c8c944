"""HTML goes through trafilatura: main text with paragraphs, plus the page's own metadata."""

from __future__ import annotations

from storydiff.clean import clean_document
from storydiff.model import RawDocument

HTML = """<!doctype html><html><head>
<title>Kosovo army plan | Daily Harbour</title>
<meta property="og:title" content="Kosovo army plan">
<meta property="og:site_name" content="Daily Harbour">
<meta name="author" content="Jane Doe">
<meta property="article:published_time" content="2017-03-03T10:00:00Z">
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li></ul></nav>
<article>
<h1>Kosovo army plan</h1>
<p>Kosovo's president said on Friday he would resign if lawmakers do not approve changes
that would create an army of 5,000 active soldiers.</p>
<p>The plan drew immediate criticism from NATO, which still has some 4,500 troops in the
country nearly two decades after the war.</p>
<p>Serbia said it would never accept the plan.<br>It asked the United Nations to act.</p>
<p>Leave a Comment</p>
</article>
<footer><p>Copyright 2017 Daily Harbour. All rights reserved.</p></footer>
</body></html>"""


def test_html_keeps_paragraphs_and_title() -> None:
    article = clean_document(RawDocument("https://example.org/kosovo", HTML, "html"))
    assert article.title == "Kosovo army plan"
    paragraphs = article.text.split("\n\n")
    assert paragraphs[0].startswith("Kosovo's president said on Friday")
    assert any("some 4,500 troops" in p for p in paragraphs)
    # A <br> inside a paragraph is a line break, not a new paragraph.
    assert "Serbia said it would never accept the plan.\nIt asked the United Nations to act." in (
        article.text
    )
    assert "Kosovo army plan" not in paragraphs
    assert "Home" not in article.text
    assert "Leave a Comment" not in article.text
    assert "All rights reserved" not in article.text


def test_html_metadata() -> None:
    article = clean_document(RawDocument("https://example.org/kosovo", HTML, "html"))
    assert article.author == "Jane Doe"
    assert article.outlet == "Daily Harbour"
    assert article.published == "2017-03-03"
    assert article.published_estimate is None
