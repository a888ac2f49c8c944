"""Named data for comparing statements across articles without a language model."""

from __future__ import annotations

import re

# Words of a date expression itself ("last month", "three years ago"): two sentences that
# share them share a way of dating, not a fact.
TIME_WORDS = frozenset(
    """
    last next this ago year years month months week weeks day days today yesterday tomorrow
    monday tuesday wednesday thursday friday saturday sunday january february march april
    june july august september october november december early late mid earlier later
    one two three four five six seven eight nine ten decade decades
    """.split()
)

# Different words newsrooms use for the same counted thing. Each word maps to a concept so
# "4,500 troops" and "a contingent of 4,500" or "100 states" and "110 countries" can meet.
CONCEPTS: dict[str, str] = {
    **dict.fromkeys(
        [
            "troop",
            "soldier",
            "force",
            "contingent",
            "peacekeeper",
            "personnel",
            "army",
            "military",
            "armed",
        ],
        "military",
    ),
    **dict.fromkeys(["state", "country", "nation", "member"], "state"),
    **dict.fromkeys(
        ["death", "live", "life", "killed", "dead", "fatality", "casualty", "victim"], "deaths"
    ),
    **dict.fromkeys(["percent", "per", "cent", "%"], "percent"),
    **dict.fromkeys(
        ["mp", "lawmaker", "deputy", "legislator", "representative", "seat"], "legislator"
    ),
    **dict.fromkeys(["worker", "employee", "staff", "job"], "worker"),
    # Border and police counts: "arrests" in one outlet are "apprehensions" in another.
    **dict.fromkeys(["arrest", "apprehension", "detention", "detainee"], "arrest"),
    # What a bomber sent: "12 crude explosive devices", "a dozen packages", "pipe bombs".
    **dict.fromkeys(["bomb", "device", "explosive", "package", "parcel"], "device"),
    # Measures an executive takes: "23 steps", "23 executive actions", "23 measures".
    **dict.fromkeys(["step", "action", "measure"], "action"),
    **dict.fromkeys(["village", "town", "settlement", "community"], "settlement"),
    **dict.fromkeys(["recognise", "recognize", "recognition"], "recognise"),
    **dict.fromkeys(
        ["announce", "order", "declare", "proclaim", "plan", "intention", "intend"], "announce"
    ),
    # Bringing a body into being: "ordered the creation of an army" and "plans to transform
    # the force into an army" report one decision in different verbs.
    **dict.fromkeys(
        [
            "create",
            "creation",
            "form",
            "formation",
            "establish",
            "establishment",
            "transform",
            "transformation",
            "build",
            "founding",
            "launch",
        ],
        "create",
    ),
    # Something getting under way: "the first dredger arrived" and "the dredging that began"
    # date one start.
    **dict.fromkeys(["begin", "began", "begun", "start", "arrive", "commence"], "begin"),
}

# A figure named as a part of another ("$334 million, including $281 million in cash", "of
# which $281 million", "$281 million of the purchase price"): the part is a fact of its own
# and never conflicts with the whole.
PART_OF_WHOLE_BEFORE = re.compile(
    r"\b(?:including|of which|of that|of this|of it)\s+(?:(?:about|approximately|some|nearly|"
    r"roughly|around)\s+)?\$?$",
    re.IGNORECASE,
)
PART_OF_WHOLE_AFTER = re.compile(  # matched right after the figure
    r"\s*(?:(?:will be|would be|is|was)\s+)?(?:paid\s+)?"
    r"(?:in\s+(?:cash|stock|shares)\b(?!\s+and\b)"  # "in cash and stock" is the whole
    r"|of\s+the\s+(?:purchase\s+|sale\s+)?price\b|of\s+(?:the|that)\s+total\b)",
    re.IGNORECASE,
)

# A line of a dated list pins every figure on it to its year, however far along the line:
# "August 1982: Eight people killed, three injured at a Miami welding shop".
DATED_ENTRY = re.compile(  # matched from the line's start
    r"\s*(?:[A-Z][a-z]{2,8}\.?\s+)?(?:\d{1,2},?\s+)?(?P<year>(?:19|20)\d{2})\s*:"
)

# Words near a toll that make it a tally of many incidents, not the story's event: "Five people
# were killed and 17 wounded in separate shootings across the city since Friday". Such a count
# neither meets nor conflicts with the event's; the ledger labels it apart.
AGGREGATE_SCOPE = re.compile(
    r"\b(?:in (?:\w+ )?separate (?:shootings|incidents|attacks)|across the (?:city|county|state|"
    r"country|region|nation)|citywide|city-wide|statewide|nationwide)\b",
    re.IGNORECASE,
)
AGGREGATE = "across incidents"
# A sentence that opens on a year speaks of that year throughout: "In September 2009 a major
# earthquake near Padang killed more than 1,000 people", "The 2004 tsunami that killed about
# 230,000 people …" (the year may stand further from the figure than the window reaches).
SENTENCE_YEAR = re.compile(
    r"\s*(?:(?:In|By|During|Since)\s+(?:[A-Z][a-z]{2,8}\.?\s+)?(?:\d{1,2},?\s+)?|The\s+)"
    r"(?P<year>(?:19|20)\d{2})\b(?!\s*[-–]|\s+(?:percent|people))"
)

# Words near a figure that pin it to another time than the report's present: two figures
# with different time anchors describe different moments, not a contradiction.
PAST_MARKERS = frozenset(
    [
        "start",
        "began",
        "beginning",
        "initially",
        "originally",
        "first",
        "then",
        "once",
        "formerly",
        "previously",
        "earlier",
        "used",
    ]
)
PRESENT_MARKERS = frozenset(
    ["now", "currently", "today", "still", "remains", "remaining", "dwindled"]
)

# How close two sentences must be (Jaccard over concept terms) before we compare figures.
LINK_SIMILARITY = 0.2
# A relative date ("three years ago") and an absolute one ("in 2014") rarely share many words;
# a smaller overlap of the clauses around them links them, and only to the closest candidate.
RELATIVE_LINK_SIMILARITY = 0.1
# With the sentence model installed, closeness adds a quarter of the clauses' cosine to their
# word overlap (align.closeness): on ECB+ cross-document event coreference that weight was the
# best of 0.1–2 on both halves (bench/calibrate_links.py; clause-level ROC AUC 0.749 → 0.781 on
# the held-back topics). The link threshold rises over the words-only one by a quarter of the
# cosine midway between ECB+'s same-event and other-event clause medians (0.53 and 0.32).
MEANING_WEIGHT = 0.25
RELATIVE_LINK_SCORE = RELATIVE_LINK_SIMILARITY + MEANING_WEIGHT * 0.4
# The same figure in two sources needs less: an identical number is evidence in itself.
SAME_FIGURE_SIMILARITY = 0.12
# Added when both figures count the same kind of thing.
CONCEPT_BONUS = 0.2
# Conflicting figures need a stronger match: we must be sure they state the same fact.
CONFLICT_SIMILARITY = 0.35
# Approximate figures within this share of each other count as the same figure.
APPROX_TOLERANCE = 0.1
# A large round figure ("one million", "300,000") is a rounding of a precise one that rounds to
# it ("1.04 million", "320,000"): outlets round one claimant's figure differently. Only from
# this size up (a vote of "100" against "107" is a real difference), and only when the round
# figure has at most this many significant digits.
ROUNDING_FROM = 1000
ROUNDING_DIGITS = 2
