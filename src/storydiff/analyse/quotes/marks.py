"""Pairing quotation marks in raw article text, repairing the unbalanced ones.

Works on the original text (curly and straight marks, ``''`` pairs) and never raises: a stray
or missing mark costs at most the one quote it belongs to, never the rest of the article
(textacy gives up on the whole document instead, and news has unbalanced marks).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

Family = Literal["double", "single"]
Role = Literal["open", "close", "either"]

_OPEN_CONTEXT = set("([{—–-/\u2014\u2013")
_CLOSE_CONTEXT = set(".,;:!?)]}—–-…\u2014\u2013\u2015")
_DOUBLE_MARKS = ("''", "``", "\u201c", "\u201d", '"', "\u201e")
_SINGLE_MARKS = ("\u2018", "\u2019", "'")
# A sentence end glued to a capital ("…Serbia or Serbs.Mitchell’s statement…") is where a
# writer's voice resumes after a lost closing mark.
_VOICE_RESUMES = re.compile(r"[.!?…](?=[A-Z][a-z])")

MISSING_CLOSE_VOICE = "closing quotation mark missing; ended where the writer's voice resumes"
MISSING_CLOSE_PARAGRAPH = "closing quotation mark missing; ended at the paragraph end"


@dataclass(frozen=True, slots=True)
class QuoteSpan:
    """One quoted stretch: ``start``/``end`` exclude the marks, ``open``/``close`` include them."""

    open: int
    start: int
    end: int
    close: int
    family: Family
    depth: int = 0  # 0 for a quote in the writer's voice, 1 for a quote inside a quote
    continues: bool = False  # the quote runs on into the next paragraph
    warning: str | None = None


@dataclass(frozen=True, slots=True)
class _Mark:
    pos: int
    length: int
    family: Family
    role: Role


def _is_space(ch: str) -> bool:
    return ch == "" or ch.isspace()


def _classify(text: str, i: int) -> _Mark | None:
    """Decide whether the character(s) at ``i`` open, close or may do either."""
    two = text[i : i + 2]
    if two in ("''", "``"):
        mark, length, family = two, 2, "double"
    elif text[i] in _DOUBLE_MARKS:
        mark, length, family = text[i], 1, "double"
    elif text[i] in _SINGLE_MARKS:
        mark, length, family = text[i], 1, "single"
    else:
        return None
    prev = text[i - 1] if i > 0 else ""
    nxt = text[i + length] if i + length < len(text) else ""
    left_open = _is_space(prev) or prev in _OPEN_CONTEXT or prev in "\u201c\u2018\"'"
    right_close = _is_space(nxt) or nxt in _CLOSE_CONTEXT or nxt in "\u201d\u2019\"'"
    if family == "double":
        if mark in ("\u201c", "``", "\u201e"):
            role: Role = "close" if (right_close and not left_open) else "open"
        elif mark == "\u201d":
            role = "open" if (left_open and not right_close) else "close"
        elif left_open and not right_close:
            role = "open"
        elif right_close and not left_open:
            role = "close"
        else:
            role = "either"
        return _Mark(i, length, "double", role)
    if prev.isalnum() and nxt.isalnum():
        return None  # an apostrophe inside a word: don't, Kosovo’s
    if left_open and not _is_space(nxt):
        if mark == "\u2019" and nxt.isdigit():
            return None  # ’90s
        return _Mark(i, 1, "single", "open")
    if right_close and not left_open:
        return _Mark(i, 1, "single", "close")
    return None


def _marks(text: str) -> list[_Mark]:
    out: list[_Mark] = []
    i = 0
    while i < len(text):
        mark = _classify(text, i)
        if mark is None:
            i += 1
            continue
        out.append(mark)
        i += mark.length
    return out


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _paragraph_end(text: str, pos: int) -> int:
    nl = text.find("\n", pos)
    return len(text) if nl < 0 else nl


def _next_paragraph_opens(text: str, pos: int) -> bool:
    """True when the paragraph after ``pos`` starts with an opening double mark."""
    rest = text[pos:].lstrip()
    return bool(rest) and (rest[0] in '\u201c"\u201e' or rest.startswith(("''", "``")))


def _unclosed(text: str, mark: _Mark, para_end: int, depth: int) -> QuoteSpan | None:
    """Close a quote the writer left open at its paragraph's end, or drop it."""
    start = mark.pos + mark.length
    if mark.family == "single":
        return None  # an unpaired single mark is far more often an apostrophe than a quote
    if _next_paragraph_opens(text, para_end):
        s, e = _strip(text, start, para_end)
        return QuoteSpan(mark.pos, s, e, e, "double", depth, continues=True) if e > s else None
    resumed = _VOICE_RESUMES.search(text, start, para_end)
    if resumed is not None:
        s, e = _strip(text, start, resumed.end())
        return QuoteSpan(mark.pos, s, e, e, "double", depth, warning=MISSING_CLOSE_VOICE)
    s, e = _strip(text, start, para_end)
    if e <= s:
        return None
    return QuoteSpan(mark.pos, s, e, e, "double", depth, warning=MISSING_CLOSE_PARAGRAPH)


def find_quote_spans(text: str) -> list[QuoteSpan]:
    """Every quoted stretch in ``text``, in order, nested ones marked with ``depth`` 1."""
    spans: list[QuoteSpan] = []
    stack: list[_Mark] = []
    para_end = _paragraph_end(text, 0)

    def flush() -> None:
        for depth, mark in enumerate(stack):
            span = _unclosed(text, mark, para_end, min(depth, 1))
            if span is not None:
                spans.append(span)
        stack.clear()

    for mark in _marks(text):
        while mark.pos > para_end:
            flush()
            para_end = _paragraph_end(text, para_end + 1)
        same = [k for k, m in enumerate(stack) if m.family == mark.family]
        role = mark.role
        if role == "either":
            role = "close" if same else "open"
        if role == "open":
            if len(stack) < 2 and not (
                mark.family == "single" and stack and stack[-1].family == "single"
            ):
                stack.append(mark)
            continue
        if not same:
            continue  # a closing mark with nothing open: a stray, or an apostrophe
        k = same[-1]
        opener = stack[k]
        del stack[k:]
        s, e = _strip(text, opener.pos + opener.length, mark.pos)
        if e > s:
            spans.append(
                QuoteSpan(opener.pos, s, e, mark.pos + mark.length, mark.family, min(k, 1))
            )
    flush()
    spans.sort(key=lambda q: (q.open, -q.close))
    return _renest(spans)


def _renest(spans: list[QuoteSpan]) -> list[QuoteSpan]:
    """Mark a span nested when another span encloses it (a quote inside a quote)."""
    out: list[QuoteSpan] = []
    for span in spans:
        inside = any(o.open < span.open and span.close <= o.close for o in out)
        if inside != (span.depth == 1):
            span = QuoteSpan(
                span.open,
                span.start,
                span.end,
                span.close,
                span.family,
                1 if inside else 0,
                span.continues,
                span.warning,
            )
        out.append(span)
    return out
