"""Named cue words for the support model (support.py): each group is counted in the claim, in
the whole text, and in the text's sentences closest in meaning to the claim.

A trailing "*" lets a word take any ending ("debunk*" covers "debunked", "debunking"); a group
entry of several words matches them in sequence. The groups are the hand features of the
FNC-1 baseline (refuting words, polarity) widened with the hedges news writing uses when it
only reports a claim (Hanselowski et al. 2018 list the same kinds of cue).
"""

from __future__ import annotations

# Words that call a claim untrue or retract it: a body that says "hoax" or "debunked" near the
# claim usually disputes it (FNC-1's "disagree").
REFUTING = (
    "fake",
    "fakes",
    "faked",
    "fraud*",
    "hoax*",
    "false*",
    "deny",
    "denies",
    "denied",
    "denial*",
    "debunk*",
    "bogus",
    "retract*",
    "prank*",
    "untrue",
    "not true",
    "isn't true",
    "is not true",
    "myth",
    "misleading",
    "satire",
    "satirical",
    "fabricat*",
    "no evidence",
    "baseless",
    "unfounded",
    "refut*",
    "dismiss*",
    "reject*",
    "contradict*",
    "doubt*",
    "skeptic*",
    "sceptic*",
    "phony",
    "phoney",
    "spoof*",
    "photoshop*",
    "doctored",
    "never happened",
    "made up",
    "nonsense",
    "not the case",
)

# Words that report a claim without standing behind it: the body "discusses" it.
HEDGING = (
    "reportedly",
    "allegedly",
    "alleged",
    "claim",
    "claims",
    "claimed",
    "according to",
    "purported*",
    "apparently",
    "appears",
    "seems",
    "rumor*",
    "rumour*",
    "unconfirmed",
    "unverified",
    "may",
    "might",
    "could",
    "possibly",
    "suggest*",
    "believed",
    "said to",
    "sources",
    "speculat*",
    "if true",
    "it is unclear",
    "remains unclear",
    "not yet",
    "cannot be verified",
    "could not be verified",
)

# Words that stand behind a claim: the body "agrees".
CONFIRMING = (
    "confirm*",
    "officially",
    "announced",
    "verified",
    "proven",
    "revealed",
    "acknowledg*",
    "admit*",
    "indeed",
    "in fact",
    "statement",
)

# Plain negation: a claim negated near its words flips polarity (FNC-1 baseline "polarity").
NEGATION = (
    "not",
    "no",
    "never",
    "n't",
    "none",
    "nobody",
    "nothing",
    "neither",
    "nor",
    "without",
)

CUE_GROUPS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("refuting", REFUTING),
    ("hedging", HEDGING),
    ("confirming", CONFIRMING),
    ("negation", NEGATION),
)

# Sentences that state each stance in general words, embedded with the claim and the text: how
# close the text's sentences near the claim come to "this is a hoax" or "this is unconfirmed"
# is a cue that, unlike the text's own topic words, carries over to stories not trained on.
PROTOTYPES: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        "refuting",
        (
            "The report is false.",
            "This story is a hoax.",
            "The claim has been debunked.",
            "He denied the report.",
            "The photo is fake.",
            "There is no truth to the rumor.",
            "A spokesman said the story was untrue.",
            "The website that published it is satirical.",
        ),
    ),
    (
        "hedging",
        (
            "The report could not be independently verified.",
            "It is not clear whether the claim is true.",
            "The claim has not been confirmed.",
            "According to unconfirmed reports, it happened.",
            "The rumors suggest it may happen.",
            "If true, it would be the first such case.",
        ),
    ),
    (
        "confirming",
        (
            "Officials confirmed the report.",
            "The company announced it in a statement on Monday.",
            "Police said it happened.",
            "The news has been confirmed.",
            "It is true.",
        ),
    ),
)
