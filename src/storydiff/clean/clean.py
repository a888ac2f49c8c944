"""``clean_document``: the stage's one entry point, routing HTML and text the same way."""

from __future__ import annotations

import hashlib
from dataclasses import replace

from storydiff.clean.dates import estimate_date, parse_stated_date, publication_date, source_url
from storydiff.clean.html import extract_html
from storydiff.clean.layout import lay_out
from storydiff.clean.render import naive_text
from storydiff.model import Article, DateEstimate, RawDocument


def _key(text: str) -> str:
    """Content hash of the cleaned text: re-cleaning the same article gives the same key."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def _iso(date: str | None) -> str | None:
    """Keep only ISO dates ("YYYY-MM-DD", "YYYY-MM", "YYYY") from metadata."""
    if date is None:
        return None
    date = date.strip()[:10]
    parts = date.split("-")
    if all(p.isdigit() for p in parts) and len(parts[0]) == 4 and len(parts) <= 3:
        return date
    return None


def clean_document(doc: RawDocument) -> Article:
    """Clean one document: strip page furniture, keep the body and its metadata."""
    title = author = outlet = published = None
    text = doc.content
    url = source_url(doc.source)
    if doc.kind == "html":
        page = extract_html(doc.content, url=url if url and "://" in url else None)
        if page is None:
            # trafilatura found no main text: clean what a reader would see, as plain text.
            text = naive_text(doc.content)
        else:
            text = page.text
            title, author, outlet, published = (
                page.title,
                page.author,
                page.sitename,
                _iso(page.date),
            )
    layout = lay_out(text, title=title)
    if published is None:
        # Stated beats inferred: every date the page states about itself (its markup, date
        # lines, bylines with times, its address, a dateline) before any estimate.
        stated = publication_date(
            [line for line, _ in layout.verdicts],
            url=url,
            html=doc.content if doc.kind == "html" else None,
            body=layout.text,
        )
        published = stated.value if stated is not None else layout.published
    if published is None and layout.dateline_date:
        published = parse_stated_date(layout.dateline_date)
    estimate: DateEstimate | None = None
    if published is None:
        estimate = estimate_date(layout.text)
        if estimate is not None and layout.dateline_date:
            estimate = replace(
                estimate,
                evidence=f"{estimate.evidence} The dateline gives “{layout.dateline_date}” "
                "without a year.",
            )
    return Article(
        key=_key(layout.text),
        source=doc.source,
        text=layout.text,
        title=title or layout.title,
        outlet=outlet or layout.outlet,
        author=author or layout.author,
        credit=layout.credit,
        published=published,
        published_estimate=estimate,
        language="en",
        removed=tuple(layout.removed),
    )
