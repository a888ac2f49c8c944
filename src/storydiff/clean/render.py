"""HTML → the text a naive scraper gets: all visible text, one block per line.

This is what users paste and what many datasets hold, so it is the input the plain-text
cleaner is built for and benchmarked on; it is also the fallback when trafilatura finds no
main text in a page. The walk is iterative, so deep trees cannot exhaust the stack.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import lxml.html
from lxml import etree

# Never shown to a reader.
HIDDEN = frozenset(
    {"head", "script", "style", "noscript", "template", "iframe", "svg", "object", "select"}
)
# Elements that start a new line in a browser.
BLOCKS = frozenset(
    """address article aside blockquote body br caption center dd details dialog div dl dt
    fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr html li main
    menu nav ol p pre section summary table tbody td tfoot th thead title tr ul""".split()
)
_SPACE = re.compile(r"\s+")

Labeller = Callable[[Any], bool]


_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*>")


def parse(html: str | bytes) -> Any:
    """An lxml tree of a page; never raises on junk (an empty tree instead)."""
    if isinstance(html, str):
        html = _XML_DECLARATION.sub("", html, count=1)  # lxml refuses it on decoded text
    try:
        return lxml.html.document_fromstring(html)
    except (etree.ParserError, ValueError):
        return lxml.html.document_fromstring("<html><body></body></html>")


def render_lines(root: Any, label: Labeller | None = None) -> list[tuple[str, bool]]:
    """Visible text blocks of a tree with, per block, whether most of its characters sit
    under an element ``label`` accepts (always False without a labeller)."""
    lines: list[tuple[str, bool]] = []
    parts: list[tuple[str, bool]] = []

    def flush() -> None:
        text = _SPACE.sub(" ", "".join(p for p, _ in parts)).strip()
        if text:
            marked = sum(len(p.strip()) for p, m in parts if m)
            total = sum(len(p.strip()) for p, _ in parts) or 1
            lines.append((text, marked * 2 > total))
        parts.clear()

    marks: list[bool] = [False]
    hidden = 0
    for event, element in etree.iterwalk(root, events=("start", "end")):
        tag = element.tag if isinstance(element.tag, str) else ""
        name = tag.lower()
        if event == "start":
            if name in HIDDEN or not tag:
                hidden += 1
            mark = marks[-1] or bool(label and tag and label(element))
            marks.append(mark)
            if name in BLOCKS:
                flush()
            if not hidden and element.text and tag:
                parts.append((element.text, mark))
        else:
            marks.pop()
            if name in HIDDEN or not tag:
                hidden -= 1
            if name in BLOCKS:
                flush()
            if not hidden and element.tail:
                parts.append((element.tail, marks[-1]))
    flush()
    return lines


def naive_text(html: str | bytes) -> str:
    """The page as a naive scraper would save it: one visible block per line."""
    return "\n".join(text for text, _ in render_lines(parse(html)))
