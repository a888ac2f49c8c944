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
