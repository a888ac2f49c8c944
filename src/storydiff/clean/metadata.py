"""Metadata read out of furniture lines: authors, outlets, credits, datelines.

Bylines, bios, disclaimers and datelines are removed from the body, but what they say about
who wrote and published the piece is kept on the ``Article``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from storydiff.clean import vocab


def _tidy_name(text: str) -> str:
    """A name cut at its sentence's end, without trailing punctuation ("The" stays)."""
    first = re.split(r"[.;:!?]\s", text.strip())[0]
    return first.rstrip(".,;:’'").strip()


def byline_author(line: str) -> str | None:
    """The name in a "By Jane Doe" line, or None when the line is not a byline."""
    text = line.strip().lstrip(vocab.BULLETS).strip()
    if len(text.split()) > 16:
        return None
    match = vocab.BYLINE.match(text)
    if not match:
        return None
    name = _tidy_name(match.group("name"))
    # "By Wednesday, …" or "By the way" are sentences, not bylines.
    if any(
        word.lower()
        in {"the", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
        for word in name.split()
    ):
        return None
    return name


def credit_text(line: str) -> str | None:
    """The credit a "With reporting by …" line gives, without wrapping brackets."""
    text = line.strip()
    if not vocab.CREDIT_LINE.match(text):
        return None
    return text.strip("() ").rstrip(".").strip()


def bio_outlet(paragraph: str) -> str | None:
    """The outlet a writer's bio names ("co-founders of Citizen Truth" → "Citizen Truth")."""
    match = vocab.BIO_OUTLET.search(paragraph)
    return _tidy_name(match.group("outlet")) if match else None


def disclaimer_outlet(line: str) -> str | None:
    """The outlet a publisher disclaimer or copyright line is about."""
    text = line.strip()
    for pattern in (vocab.DISCLAIMER_OUTLET, vocab.COPYRIGHT_OUTLET):
        match = pattern.match(text)
        if match:
            name = _tidy_name(match.group("outlet"))
            if name.lower() not in {"all", "if", "the", "this", "we", "our"}:
                return name
    return None


@dataclass(frozen=True, slots=True)
class Dateline:
    """A wire-style dateline opening a paragraph: place, date, agency."""

    prefix: str
    place: str
    date: str | None
    outlet: str | None


def dateline(paragraph: str) -> Dateline | None:
    """The dateline at the start of ``paragraph``; needs a date or an agency to count."""
    match = vocab.DATELINE.match(paragraph)
    if not match or not (match.group("date") or match.group("outlet")):
        return None
    place = match.group("place").strip()
    if not re.search(r"[A-Z]{3,}", place):
        return None
    return Dateline(
        prefix=match.group(0),
        place=place,
        date=match.group("date"),
        outlet=match.group("outlet").strip() if match.group("outlet") else None,
    )
