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

# What follows a family name without being one: "George T. Conway III" is a Conway, "Joseph R.
# Biden Jr." the Joseph Biden another source names without the suffix.
NAME_SUFFIXES: frozenset[str] = frozenset({"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"})
