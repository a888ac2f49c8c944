"""Named data for recognising one actor under several names across articles."""

from __future__ import annotations

# Short forms newsrooms use for the same state or bloc. Keys are normalised (see
# ``align.entities.name_key``); values are the canonical name every variant joins.
KNOWN_ALIASES: dict[str, str] = {
    "us": "United States",
    "u.s.": "United States",
    "usa": "United States",
    "u.s.a.": "United States",
    "united states": "United States",
    "united states of america": "United States",
    "america": "United States",
    "washington": "United States",
    "uk": "United Kingdom",
    "u.k.": "United Kingdom",
    "britain": "United Kingdom",
    "great britain": "United Kingdom",
    "eu": "European Union",
    "e.u.": "European Union",
    "european union": "European Union",
    "un": "United Nations",
    "u.n.": "United Nations",
    "united nations": "United Nations",
    "russian federation": "Russia",
}

# Misspelt surnames join a known name only when this similar (rapidfuzz ratio, 0–100).
SURNAME_SIMILARITY = 85

# Entity types in order of trust when mentions of one actor disagree.
TYPE_PRIORITY = ("PERSON", "GPE", "ORG", "NORP", "LOC", "FAC")

# Generic heads of organisation names: "the Institute" or "the Authority" later in a story
# refers back to the one "Saltmarsh Institute" or "Maritime Authority" it named, when unique.
GENERIC_ORG_HEADS = frozenset(
    """
    institute authority ministry agency commission council court company party alliance
    union bank committee foundation association cooperative organisation organization
    holdings group corporation government assembly parliament
    """.split()
)

# Words of an office written before a name ("Superintendent Michael Harrison", "New Orleans
# Police Chief Michael Harrison"): the word right before the plain name must be one of these
# for the titled form to join it, so "Anna Maria Lopez" never joins "Maria Lopez".
TITLE_BEFORE_NAME: frozenset[str] = frozenset(
    {
        "president",
        "vice",
        "superintendent",
        "chief",
        "sheriff",
        "deputy",
        "governor",
        "gov.",
        "senator",
        "sen.",
        "representative",
        "rep.",
        "congressman",
        "congresswoman",
        "mayor",
        "minister",
        "premier",
        "leader",
        "whip",
        "speaker",
        "secretary",
        "judge",
        "justice",
        "director",
        "commissioner",
        "officer",
        "detective",
        "sgt.",
        "sergeant",
        "lt.",
        "lieutenant",
        "capt.",
        "captain",
        "dr.",
        "mr.",
        "mrs.",
        "ms.",
        "general",
        "gen.",
        "coach",
        "spokesman",
        "spokeswoman",
        "attorney",
        "ambassador",
        "chairman",
        "chairwoman",
    }
)
