"""Turning what a user sends (pasted text, uploaded files, URLs, the example) into inputs.

Limits are checked here, with messages that say what to do; a file name is kept only as a
label (it never becomes a path), and bytes are decoded the way the CLI decodes files. URLs
are fetched by the ingest fetcher, whose address check refuses private, loopback and
metadata addresses, after DNS and after every redirect, unless the settings allow them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

from storydiff.ingest.decode import decode
from storydiff.ingest.fetch import Fetched, Fetcher, FetchOptions
from storydiff.ingest.files import HTML_SUFFIXES
from storydiff.store.stories import StoryInput
from storydiff.web.errors import WebError
from storydiff.web.settings import Settings

_HTML_START = re.compile(r"^\s*(<!doctype html|<html|<head|<body|<article|<div|<p[ >])", re.I)
_UNSAFE_NAME = re.compile(r"[\x00-\x1f\x7f/\\]+")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_HTTP_URL = re.compile(r"^https?://[^\s/?#]+", re.I)
# What an article URL may answer with; feeds and other XML are lists, not articles.
_ARTICLE_TYPES = frozenset({"text/html", "application/xhtml+xml", "text/plain", ""})


def label(name: str | None, fallback: str) -> str:
    """A display name: last path part only, no control characters, bounded length."""
    base = _UNSAFE_NAME.sub("_", (name or "").replace("\\", "/").rsplit("/", 1)[-1]).strip()
    return (base or fallback)[:120]


def _too_large(shown: str, settings: Settings) -> WebError:
    limit = settings.max_article_bytes // 1_048_576
    return WebError(413, "too_large", f"{shown} is over {limit} MB; one article is never that long")


def from_text(name: str | None, text: str, fallback: str, settings: Settings) -> StoryInput:
    """One pasted or uploaded article; HTML when its name or its first tag says so."""
    if len(text.encode("utf-8", "surrogatepass")) > settings.max_article_bytes:
        raise _too_large(label(name, fallback), settings)
    if not text.strip():
        raise WebError(422, "empty_article", f"{label(name, fallback)} is empty")
    shown = label(name, fallback)
    html = Path(shown).suffix.lower() in HTML_SUFFIXES or bool(_HTML_START.match(text[:512]))
    return StoryInput(shown, "html" if html else "text", text)


def from_bytes(name: str | None, data: bytes, fallback: str, settings: Settings) -> StoryInput:
    """An uploaded file; binary content is refused with a reason."""
    if len(data) > settings.max_article_bytes:
        raise _too_large(label(name, fallback), settings)
    if b"\x00" in data[:4096]:
        raise WebError(
            422, "binary_file", f"{label(name, fallback)} is a binary file, not text or HTML"
        )
    return from_text(name, decode(data)[0], fallback, settings)


def url_list(given: str | list[str], settings: Settings) -> list[str]:
    """URLs from a form field (one per line or space-separated) or a JSON list, deduplicated."""
    parts = given.split() if isinstance(given, str) else [u.strip() for u in given]
    urls = list(dict.fromkeys(u for u in parts if u))
    if len(urls) > settings.max_urls:
        raise WebError(413, "too_many_urls", f"at most {settings.max_urls} URLs per story")
    for url in urls:
        if not _HTTP_URL.match(url) or _CONTROL.search(url):
            shown = _CONTROL.sub("?", url[:80])
            raise WebError(422, "bad_url", f"{shown} is not an http(s) URL")
    return urls


def _from_fetched(result: Fetched) -> StoryInput:
    """A fetched page as an input named by its URL; feeds, images and binaries refused."""
    shown = result.url[:200]
    if result.content_type not in _ARTICLE_TYPES:
        raise WebError(
            422, "not_an_article", f"{shown} is {result.content_type}, not an article page"
        )
    if b"\x00" in result.content[:4096]:
        raise WebError(422, "binary_file", f"{shown} is a binary file, not text or HTML")
    text = decode(result.content, result.charset)[0]
    return StoryInput(shown, "text" if result.content_type == "text/plain" else "html", text)


def from_urls(urls: list[str], settings: Settings) -> list[StoryInput]:
    """Fetch every URL (blocking: call from a worker thread); any refusal fails the form.

    A refused URL is reported rather than skipped: the user is there to fix or remove it.
    """
    if not urls:
        return []
    options = FetchOptions(
        policy=settings.url_policy,
        deadline=settings.fetch_timeout,  # each URL's whole download, however it trickles
        timeout=settings.fetch_timeout,
        max_bytes=settings.max_article_bytes,
        retries=1,
    )
    with Fetcher(options) as fetcher:
        results = list(fetcher.fetch_all(urls))
    found = []
    for result in results:
        if not isinstance(result, Fetched):
            reason = _CONTROL.sub("?", result.reason)
            raise WebError(422, "url_refused", f"{result.source[:200]}: {reason}")
        found.append(_from_fetched(result))
    return found


def example(settings: Settings) -> list[StoryInput]:
    """The bundled example story, when this installation has it."""
    folder = settings.example_dir
    if folder is None or not folder.is_dir():
        raise WebError(404, "no_example", "this installation has no example story")
    files = sorted(f for f in folder.iterdir() if f.suffix in {".txt", ".html"})
    return [from_bytes(f.name, f.read_bytes(), f.name, settings) for f in files]


def check_count(given: Sequence[object], settings: Settings) -> None:
    """At least one article and at most the limit, checked before anything is fetched."""
    if not given:
        raise WebError(
            422, "no_articles", "add at least one article: paste text, upload files or give URLs"
        )
    if len(given) > settings.max_articles:
        raise WebError(
            413, "too_many_articles", f"at most {settings.max_articles} articles per story"
        )
