"""RSS and Atom feeds: a feed names articles; each entry's link is fetched like any URL.

feedparser is only ever handed bytes, never a URL, so it makes no network request of its own
(every request goes through ``fetch.Fetcher`` and its address checks).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import feedparser

# A feed document opens with <rss>, <feed> (Atom) or <rdf:RDF> (RSS 1.0), after an optional
# XML declaration, comments and a BOM.
_FEED_START = re.compile(
    rb"^(\xef\xbb\xbf)?\s*(<\?xml[^>]*>\s*)?(<!--.*?-->\s*|<\?[^>]*>\s*)*<(rss|feed|rdf:RDF)\b",
    re.I | re.S,
)
FEED_SUFFIXES = frozenset({".rss", ".atom", ".xml"})


@dataclass(frozen=True, slots=True)
class FeedEntry:
    """One feed item: the article's link and what the feed says about it."""

    link: str
    title: str | None = None
    author: str | None = None
    published: str | None = None  # ISO date when the feed states one


def looks_like_feed(data: bytes) -> bool:
    """True when the bytes are an RSS or Atom document."""
    return bool(_FEED_START.match(data[:2048]))


def _iso(entry: feedparser.FeedParserDict) -> str | None:
    for key in ("published_parsed", "updated_parsed"):
        value = entry.get(key)
        if value:
            return f"{value.tm_year:04d}-{value.tm_mon:02d}-{value.tm_mday:02d}"
    return None


def feed_entries(data: bytes) -> list[FeedEntry]:
    """The entries of a feed that link to something, in feed order, links de-duplicated."""
    parsed = feedparser.parse(data)
    out: list[FeedEntry] = []
    seen: set[str] = set()
    for entry in parsed.entries:
        link = str(entry.get("link") or "").strip()
        if not link or link in seen:
            continue
        seen.add(link)
        out.append(
            FeedEntry(
                link=link,
                title=entry.get("title") or None,
                author=entry.get("author") or None,
                published=_iso(entry),
            )
        )
    return out
