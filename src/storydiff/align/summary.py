"""An extractive summary in the order a reader needs it, every sentence cited."""

from __future__ import annotations

from storydiff.model import Citation, Claim, StanceChange, SummarySentence

_ORDER = ("agree", "compatible", "conflict", "unresolved", "single-source")
_LEAD = {
    "agree": "Sources agree",
    "compatible": "Sources differ but are compatible",
    "conflict": "Sources conflict",
    "unresolved": "Cannot be settled yet",
    "single-source": "Only one source reports",
}


def build_summary(
    claims: list[Claim], changes: list[StanceChange], *, max_sentences: int = 8
) -> list[SummarySentence]:
    """Agreements first, then disputes, then single-source facts, then moved positions."""
    moved = [
        SummarySentence(
            f"{c.actor_name} moved from {c.before.stance} ({c.before.date}) "
            f"to {c.after.stance} ({c.after.date}).",
            c.before.evidence[:1] + c.after.evidence[:1],
        )
        for c in changes
    ]
    facts = [
        SummarySentence(
            f"{_LEAD[verdict]}: {claim.statement}",
            [Citation(m.article, m.start, m.end, m.text) for m in claim.members],
        )
        for verdict in _ORDER
        for claim in claims
        if claim.verdict == verdict and claim.members
    ]
    room = max(0, max_sentences - len(moved))
    return facts[:room] + moved[:max_sentences]
