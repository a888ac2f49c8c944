"""Named data for entity mentions and roles."""

from __future__ import annotations

# Labels that name actors a dossier tracks; dates and numbers are handled elsewhere.
ACTOR_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "FAC", "LOC"})

# Words that make a capitalised phrase an office or title rather than a name. A run of these
# (with nationality adjectives) before a person's name is that person's role in the article.
ROLE_WORDS = frozenset(
    [
        "president",
        "vice",
        "prime",
        "minister",
        "secretary",
        "general",
        "assistant",
        "deputy",
        "ambassador",
        "chairman",
        "chairwoman",
        "chair",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "chief",
        "head",
        "leader",
        "governor",
        "mayor",
        "senator",
        "congressman",
        "congresswoman",
        "representative",
        "lawmaker",
        "mp",
        "judge",
        "commander",
        "envoy",
        "director",
        "officer",
        "official",
        "adviser",
        "advisor",
        "counterpart",
        "king",
        "queen",
        "prince",
        "chancellor",
        "foreign",
        "defense",
        "defence",
        "interior",
        "finance",
        "state",
        "affairs",
        "justice",
        "speaker",
        "premier",
    ]
)

# Head nouns of organisation names: "Kosovo's Security Force" is one organisation, not a
# country followed by a phrase, when its last word is one of these.
ORG_HEADS = frozenset(
    [
        "force",
        "forces",
        "army",
        "ministry",
        "council",
        "party",
        "league",
        "committee",
        "agency",
        "institute",
        "commission",
        "union",
        "alliance",
        "bank",
        "court",
        "parliament",
        "assembly",
        "authority",
        "office",
        "service",
        "police",
        "guard",
    ]
)

# Title-case lines of many words are headlines or related links, not organisation names.
MAX_NAME_TOKENS = 7

# Capitalised short forms the small model leaves untagged ("KFOR", "RTK") are organisations,
# except these, which are ordinary abbreviations in news copy.
NOT_ORG_ACRONYMS = frozenset(
    [
        "TV",
        "AM",
        "PM",
        "OK",
        "CEO",
        "CFO",
        "GDP",
        "GMT",
        "UTC",
        "USD",
        "EUR",
        "AP",
        "PR",
        "ID",
        "IT",
        "UK",
        "US",
        "EU",
        "UN",
        "AI",
        "PC",
        "DNA",
        "HIV",
    ]
)
