"""Words inside personal names, for the stages that read names (bylines, the entity index)."""

from __future__ import annotations

# Name particles allowed in lower case inside a personal name ("Lauren von Bernuth").
NAME_PARTICLES: frozenset[str] = frozenset(
    {
        "von",
        "van",
        "de",
        "der",
        "den",
        "da",
        "di",
        "du",
        "del",
        "della",
        "al",
        "bin",
        "ibn",
        "la",
        "le",
        "ter",
        "dos",
        "das",
    }
)
