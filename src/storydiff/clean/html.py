"""HTML pages: trafilatura finds the main text and the page's metadata.

Its XML tree is walked instead of its plain-text output because the tree keeps paragraph
boundaries apart from line breaks inside a paragraph, which the rest of the stage relies on.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from storydiff.clean import page_vocab

# Block elements of trafilatura's output tree that become one paragraph each.
_BLOCKS = frozenset({"p", "head", "quote", "list", "item", "table", "row", "code"})
# Date extraction from metadata only: a date guessed from the page's text is not "stated".
_DATE_PARAMS: dict[str, Any] = {"extensive_search": False, "original_date": True}


@dataclass(frozen=True, slots=True)
class HtmlExtract:
    """Main text (paragraphs separated by blank lines) and the page's stated metadata."""

    text: str
    title: str | None
    author: str | None
    sitename: str | None
    date: str | None


def _text_of(element: Any) -> str:
    """An element's text with ``<lb/>`` turned into newlines."""
    parts: list[str] = [element.text or ""]
    for child in element:
        parts.append("\n" if child.tag == "lb" else _text_of(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _paragraphs(body: Any) -> list[str]:
    """One string per block element, lists split into their items."""
    out: list[str] = []
    for element in body:
        if element.tag == "list":
            out.extend(_text_of(item).strip() for item in element if item.tag == "item")
        elif element.tag in _BLOCKS:
            out.append(_text_of(element).strip())
        else:
            out.append(_text_of(element).strip())
    return [p for p in out if p]


def extract_html(html: str, url: str | None = None) -> HtmlExtract | None:
    """Main text and metadata of a page, or None when trafilatura finds no main text."""
    import trafilatura  # a third of a second to import; plain text never needs it

    doc = trafilatura.bare_extraction(
        html,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        date_extraction_params=_DATE_PARAMS,
    )
    if doc is None or isinstance(doc, dict):
        return None
    body = getattr(doc, "body", None)
    paragraphs = _paragraphs(body) if body is not None else (doc.text or "").split("\n")
    text = "\n\n".join(drop_page_furniture(paragraphs))
    if not text.strip():
        return None
    return HtmlExtract(
        text=text,
        title=doc.title or None,
        author=doc.author or None,
        sitename=doc.sitename or None,
        date=doc.date or None,
    )


def extract_main_text(html: str | bytes) -> str:
    """Main text of a page, one block per line: trafilatura's text output, then our post-pass.

    trafilatura runs with the settings of its own benchmark, so any difference from it in
    ``storydiff eval extraction`` is the post-pass alone.
    """
    import trafilatura

    text = trafilatura.extract(
        html, include_comments=False, include_tables=True, include_formatting=False
    )
    return "\n".join(drop_page_furniture((text or "").split("\n")))


def _key(line: str) -> str:
    return line.strip().strip("|-–•*·» ").rstrip(":.…»!").strip().lower()


def _is_furniture(line: str) -> bool:
    """A line that is page furniture wherever it stands (credit, stamp, prompt)."""
    key = _key(line)
    if not key:
        return False
    if page_vocab.DATE_ONLY.match(key):
        return True
    if len(key.split()) <= page_vocab.MAX_PROMPT_WORDS and any(
        p.search(key) for p in page_vocab.PROMPTS
    ):
        return True
    short = len(key.split()) <= page_vocab.MAX_FURNITURE_WORDS
    return short and (
        key in page_vocab.RELATED_HEADINGS or bool(page_vocab.FURNITURE_PREFIX.match(key))
    )


def _is_item(line: str) -> bool:
    """A link-list item: short and not a sentence."""
    text = line.strip().rstrip("»› ")
    return len(text.split()) <= page_vocab.MAX_RELATED_ITEM_WORDS and text[-1:] not in '.!?"”'


def drop_page_furniture(lines: list[str]) -> list[str]:
    """Our post-pass on extracted text: remove furniture lines and tail link lists."""
    kept: list[str] = []
    tail_from = int(len(lines) * page_vocab.TAIL_SHARE)
    in_links = False
    for i, line in enumerate(lines):
        if not line.strip():
            continue
        if i >= tail_from and _key(line) in page_vocab.RELATED_HEADINGS:
            in_links = True
            continue
        if in_links and _is_item(line):
            continue
        in_links = False
        if not _is_furniture(line):
            kept.append(line)
    return kept
