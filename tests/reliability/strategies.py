"""Hypothesis strategies for hostile article text: news words mixed with what breaks parsers."""

from __future__ import annotations

from hypothesis import strategies as st

# Words the extractors key on (reporting verbs, numbers, months, units), so that generated
# text reaches the parsers' deeper branches instead of stopping at "no match".
NEWS_WORDS = (
    "said",
    "told",
    "according",
    "to",
    "the",
    "minister",
    "Ms",
    "Smith",
    "council",
    "vote",
    "on",
    "Tuesday",
    "March",
    "2017",
    "last",
    "year",
    "three",
    "million",
    "2.5",
    "per",
    "cent",
    "%",
    "$",
    "about",
    "more",
    "than",
    "ago",
    "weeks",
    "next",
    "month",
    "Q3",
    "1990s",
    "hundred",
    "twenty-six",
    "a",
    "dozen",
    "nearly",
    "half",
    "of",
    "\n\n",
    "\n",
    ".",
    ",",
)
# Marks that open, close or look like quotations in the languages news is written in.
QUOTE_MARKS = ('"', "“", "”", "‘", "’", "'", "«", "»", "„", "‚", "‹", "›", "「", "」", "`")
# Characters that have crashed or fooled text tools: direction overrides, zero-width joiners,
# a BOM mid-text, combining marks, surrogate-free astral characters, controls and NUL.
ODD_CHARACTERS = (
    "\u202e",
    "\u202d",
    "\u200f",
    "\u200e",
    "\u200b",
    "\u200d",
    "\ufeff",
    "\u0301",
    "\U0001f600",
    "\x00",
    "\x0b",
    "\x1b",
    "\u2028",
    "\u00a0",
    "\u2009",
    "\ufffd",
)

tokens = st.one_of(
    st.sampled_from(NEWS_WORDS),
    st.sampled_from(QUOTE_MARKS),
    st.sampled_from(ODD_CHARACTERS),
    st.text(max_size=6),
    st.integers(-(10**9), 10**12).map(str),
)

article_text = st.lists(tokens, max_size=120).map(" ".join)

# Bits of markup for the HTML reader: unclosed, misnested, comments, CDATA, scripts.
HTML_PIECES = (
    "<p>",
    "</p>",
    "<div>",
    "</div>",
    "<article>",
    "<h1>",
    "</h1>",
    "<br>",
    "<script>",
    "</script>",
    "<style>",
    "<!--",
    "-->",
    "<![CDATA[",
    "]]>",
    "<table><tr><td>",
    "&amp;",
    "&#x0;",
    "&#99999999;",
    "&bogus;",
    '<meta charset="koi8-r">',
    "<title>",
    "</title>",
    "<html>",
    "<body>",
    "<nav>",
    "<a href='javascript:alert(1)'>",
    "<img src=x onerror=1>",
)
html_text = st.lists(st.one_of(st.sampled_from(HTML_PIECES), tokens), max_size=150).map("".join)
