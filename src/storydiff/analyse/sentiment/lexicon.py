"""What the word lists (``vocab``) say near a target: counts the learned scorer reads, and
the rules-only tone.

Words are plain letter runs, lowercased (no parser: this runs on any sentence in
microseconds); a word counts in a group when it, or a base form a plain suffix strip gives,
is listed there. A negator up to ``NEGATION_REACH`` words before a polarity word turns it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from storydiff.analyse.sentiment import vocab

_WORD = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)?")
_QUOTES = '"“”'
# The polarity groups in feature order, each with its sign.
GROUPS: tuple[tuple[frozenset[str], int], ...] = (
    (vocab.PRAISE, 1),
    (vocab.GAINS, 1),
    (vocab.BLAME, -1),
    (vocab.WRONGDOING, -1),
    (vocab.LOSSES, -1),
)
# Per group, in the sentence and near the target; then positive / negative near the target
# after negation, the same over the sentence; a reporting word near; inside quotation marks.
FEATURES = 2 * len(GROUPS) + 6
_SIGNED_NEAR = 2 * len(GROUPS)
_SIGNED_ALL = _SIGNED_NEAR + 2
_REPORTING = _SIGNED_ALL + 2
_QUOTED = _REPORTING + 1


@dataclass(frozen=True, slots=True)
class Mention:
    """A target named in a sentence: its characters ``sentence[start:end]``."""

    sentence: str
    start: int
    end: int


def _forms(word: str) -> Iterator[str]:
    """The word and the base forms a plain suffix strip gives ("slammed" -> "slam")."""
    yield word
    for suffix in ("s", "es", "ed", "d", "ing", "ly", "ment"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            stem = word[: -len(suffix)]
            yield stem
            yield stem + "e"
            if len(stem) > 3 and stem[-1] == stem[-2]:
                yield stem[:-1]


def group_of(word: str) -> int | None:
    """Index in GROUPS of the first group holding a form of the lowercase ``word``."""
    for form in _forms(word):
        for index, (group, _) in enumerate(GROUPS):
            if form in group:
                return index
    return None


def lexicon_features(mention: Mention) -> npt.NDArray[np.float32]:
    """Counts of polarity words near the target and in the sentence, negation and speech."""
    sentence = mention.sentence
    words = [(m.start(), m.group().lower().replace("’", "'")) for m in _WORD.finditer(sentence)]
    before = [i for i, (at, _) in enumerate(words) if at < mention.start]
    after = [i for i, (at, _) in enumerate(words) if at >= mention.end]
    near = set(before[-vocab.NEAR_WORDS :] + after[: vocab.NEAR_WORDS])
    counts = np.zeros(FEATURES, dtype=np.float32)
    for i, (_, word) in enumerate(words):
        group = group_of(word)
        if group is None:
            continue
        negated = any(w in vocab.NEGATORS for _, w in words[max(0, i - vocab.NEGATION_REACH) : i])
        negative = (GROUPS[group][1] < 0) != negated
        counts[group] += 1
        if i in near:
            counts[len(GROUPS) + group] += 1
            counts[_SIGNED_NEAR + negative] += 1
        counts[_SIGNED_ALL + negative] += 1
    counts[_REPORTING] = any(words[i][1] in vocab.REPORTING for i in near)
    counts[_QUOTED] = sum(sentence[: mention.start].count(q) for q in _QUOTES) % 2
    return counts


def rule_tone(mention: Mention) -> str:
    """The tone the word lists alone give: the sign of the polarity words near the target."""
    counts = lexicon_features(mention)
    net = counts[_SIGNED_NEAR] - counts[_SIGNED_NEAR + 1]
    return "positive" if net > 0 else "negative" if net < 0 else "neutral"
