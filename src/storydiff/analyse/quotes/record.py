"""The attribution record a scorer reads: a quote with its source, cue and content spans."""

from __future__ import annotations

from dataclasses import dataclass

from storydiff.model import QuoteRecord


@dataclass(frozen=True, slots=True)
class Attribution:
    """A quote plus the spans an attribution corpus scores: local source, cue and content.

    ``content_*`` include quotation marks and a leading "that", as PolNeAR annotates them;
    the record's own offsets cover only the quoted words.
    """

    record: QuoteRecord
    source_start: int | None
    source_end: int | None
    cue_start: int | None
    cue_end: int | None
    content_start: int
    content_end: int


def mostly_quoted(span: tuple[int, int], direct: list[Attribution]) -> bool:
    """The clause is a direct quote already (“…,” he said; he added that “…”)."""
    length = span[1] - span[0]
    for a in direct:
        overlap = min(span[1], a.record.end) - max(span[0], a.record.start)
        if overlap > 0 and overlap >= 0.5 * length:
            return True
    return False
