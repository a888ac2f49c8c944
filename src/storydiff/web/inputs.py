"""Turning what a user sends (pasted text, uploaded files, the example) into story inputs.

Limits are checked here, with messages that say what to do; a file name is kept only as a
label (it never becomes a path), and bytes are decoded the way the CLI decodes files.
"""

from __future__ import annotations

import re
from pathlib import Path

from storydiff.ingest.files import HTML_SUFFIXES, decode
from storydiff.store.stories import StoryInput
from storydiff.web.errors import WebError
from storydiff.web.settings import Settings

_HTML_START = re.compile(r"^\s*(<!doctype html|<html|<head|<body|<article|<div|<p[ >])", re.I)
_UNSAFE_NAME = re.compile(r"[\x00-\x1f\x7f/\\]+")


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


def example(settings: Settings) -> list[StoryInput]:
    """The bundled example story, when this installation has it."""
    folder = settings.example_dir
    if folder is None or not folder.is_dir():
        raise WebError(404, "no_example", "this installation has no example story")
    files = sorted(f for f in folder.iterdir() if f.suffix in {".txt", ".html"})
    return [from_bytes(f.name, f.read_bytes(), f.name, settings) for f in files]


def check_count(inputs: list[StoryInput], settings: Settings) -> list[StoryInput]:
    if not inputs:
        raise WebError(422, "no_articles", "add at least one article: paste text or upload files")
    if len(inputs) > settings.max_articles:
        raise WebError(
            413, "too_many_articles", f"at most {settings.max_articles} articles per story"
        )
    return inputs
