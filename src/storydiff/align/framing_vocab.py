"""Loaded words: terms that carry a judgement, so an outlet using them in its own voice frames."""

from __future__ import annotations

LOADED_TERMS = (
    # alarm and threat framing
    "threatens",
    "threaten",
    "destabilize",
    "destabilise",
    "destabilizing",
    "provocation",
    "provocative",
    "aggression",
    "aggressive",
    "crisis",
    "chaos",
    "alarming",
    "alarmed",
    # contempt and doubt
    "dubious",
    "so-called",
    "sham",
    "regime",
    "puppet",
    "illegal",
    "illegitimate",
    "notorious",
    "reckless",
    "radical",
    "extremist",
    "propaganda",
    "rhetoric",
    "nationalistic",
    # triumph and praise
    "historic",
    "heroic",
    "landmark",
    "bold",
    # intensity that reports an opinion as fact
    "firm",
    "enormous",
    "unacceptable",
    "fires back",
    "slammed",
    "blasted",
)

# Words in marks count as the writer's own ("scare quotes") when they are this short and no
# one in the sentence is said to speak them.
SCARE_QUOTE_WORDS = 3

# Word beginnings of verbs that attribute words to a speaker ("said", "argue", "called",
# "decried", "branded"): with one before the marks, the marked words are someone else's.
SPEECH_WORDS = (
    "said",
    "says",
    "say",
    "told",
    "tell",
    "argu",
    "call",
    "decr",
    "describ",
    "brand",
    "label",
    "term",
    "dismiss",
    "insist",
    "claim",
    "warn",
    "add",
    "stat",
    "declar",
    "explain",
    "writ",
    "wrote",
    "tweet",
    "accus",
    "denounc",
    "condemn",
    "prais",
    "promis",
)
