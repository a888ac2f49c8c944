"""An extractive summary in the order a reader needs it, every sentence cited.

Sections come in reading order: what the sources agree on, what they dispute, what only one
source says, how positions moved. A short summary still gets a sentence from each section
before any section gets a second, so a length of four never shows agreements alone.
"""

from __future__ import annotations

from itertools import zip_longest

from storydiff.model import Citation, Claim, StanceChange, SummarySentence, value_sides

# Verdicts per section, in reading order, with the words that open each sentence.
_SECTIONS = (
    (("agree", "compatible"), {"agree": "Sources agree", "compatible": "Sources differ but fit"}),
    (
        ("disputed", "conflict", "updated", "unresolved"),
        {
            "disputed": "Claimants disagree",
            "conflict": "Sources conflict",
            "updated": "Reported higher as the story developed",
            # only dates are unresolved: a source too undated to place them, not a dispute
            "unresolved": "Cannot be dated yet",
        },
    ),
    (("single-source",), {"single-source": "Only one source reports"}),
)
_STRAY = "”’\"' \n\t"  # a closing mark a sentence splitter left at the start of a statement


# Verdicts whose sentence must show every side: a reader of the summary alone sees who says what.
_SIDED = frozenset({"disputed", "conflict", "updated"})


def _said(claim: Claim, statement: str) -> str:
    """The statement led by the fact it is cited for: for a dispute, a conflict or an update
    each side's value with the articles (and claimant) giving it, "organisers: 1 million (a1,
    a2) · police: 300,000 (a1)"; for a named fact its value, "people killed: one (a1, a2)", so
    one sentence cited for two facts (killed agreed, injured from one source) reads as two
    findings, not as a contradiction."""
    if claim.verdict in _SIDED and len(claim.values) >= 2:
        sides = value_sides(claim.values, updated=claim.verdict == "updated")
        return f"{claim.measure or 'the figure'}: {sides}. {statement}"
    if claim.measure and claim.values:
        return f"{claim.measure}: {value_sides(claim.values, updated=False)}. {statement}"
    return statement


def _claim_sentences(
    claims: list[Claim], verdicts: tuple[str, ...], lead: dict[str, str]
) -> list[SummarySentence]:
    """One sentence per statement; claims that share a statement share the sentence."""
    by_statement: dict[str, SummarySentence] = {}
    cited: dict[str, set[Citation]] = {}  # each sentence's citations, for a constant-time test
    for claim in claims:
        statement = claim.statement.lstrip(_STRAY)
        if claim.verdict not in verdicts or not claim.members or not statement:
            continue
        said = _said(claim, statement)
        sentence = by_statement.setdefault(
            said, SummarySentence(f"{lead[claim.verdict]}: {said}", [])
        )
        seen = cited.setdefault(said, set())
        for m in claim.members:
            citation = Citation(m.article, m.start, m.end, m.text)
            if citation not in seen:
                seen.add(citation)
                sentence.citations.append(citation)
    return list(by_statement.values())


def _moves(changes: list[StanceChange]) -> list[SummarySentence]:
    return [
        SummarySentence(
            f"{c.actor_name} moved from {c.before.stance} ({c.before.date or 'undated'}) "
            f"to {c.after.stance} ({c.after.date or 'undated'})"
            + (f" on the {c.after.issue}." if c.after.issue else "."),
            c.before.evidence[:1] + c.after.evidence[:1],
        )
        for c in changes
        if c.before.evidence and c.after.evidence
    ]


def build_summary(
    claims: list[Claim], changes: list[StanceChange], *, max_sentences: int = 8
) -> list[SummarySentence]:
    """Agreements first, then disputes, then single-source facts, then moved positions."""
    sections = [_claim_sentences(claims, verdicts, lead) for verdicts, lead in _SECTIONS]
    sections.append(_moves(changes))
    chosen: set[int] = set()
    for row in zip_longest(*sections):
        for sentence in row:
            if sentence is not None and len(chosen) < max_sentences:
                chosen.add(id(sentence))
    return [s for section in sections for s in section if id(s) in chosen]
