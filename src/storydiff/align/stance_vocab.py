"""Named data for the first, lexicon-based stance pass."""

from __future__ import annotations

# Words that, said by or of an actor about the issue, put it in favour.
SUPPORT_CUES = (
    "support", "supportive", "back", "backed", "backing", "welcome", "endorse", "favor",
    "favour", "push for", "call for", "calls for", "right to", "approve", "intention to",
    "plans call for", "help form", "wants to", "should go home",
)

# Words that put an actor against it.
OPPOSE_CUES = (
    "oppose", "opposed", "opposition", "against", "block", "criticism", "criticise", "criticize",
    "unhelpful", "unacceptable", "threat", "destabiliz", "destabilis", "re-evaluate",
    "never accept", "out of step", "tolerate", "prevent", "warned", "warn", "reject",
    "condemn", "does not stipulate", "goes against", "worse", "instability",
)

# A negation shortly before a cue flips it ("would not tolerate" opposes).
NEGATIONS = ("not", "never", "no", "n't", "n’t", "without")
NEGATION_WINDOW = 24  # characters before the cue

# Passive and prepositional frames that name the actor after the cue
# ("a plan opposed by X", "criticism from X").
AGENT_AFTER_CUE = (" by ", " from ")
