"""Which of the articles a user gathered are about one story.

Corpus mode (``stories``) streams a feed through story centroids, learning how rare each word
is as it goes. On a handful of hand-picked articles that learning works against the story:
the names every report shares count for less with each article read, and one shooting's five
local reports came out as three "stories". Here every pair of articles is compared at once
(cosine of their names and terms, ``features.story_features``) and two are one story when
they are close enough, or when a chain of close pairs joins them (single link): the first
and last report of a story may share few words, each shares many with some other.

``LINK_THRESHOLD`` was chosen with ``storydiff eval gathered`` on the first half of its GVA
trials (each incident's reports plus one report of another shooting, the hardest stray: the
same kind of event in the same words): 0.15 / 0.2 / 0.22 / 0.25 kept 75 / 73 / 70 / 65 % of
incidents whole and set 87 / 96 / 99 / 100 % of strays apart; 0.22 sets strays apart about as
surely as the corpus grouping did (100 %) while keeping 70 % of incidents whole instead of 42 %.
The second half, not used to choose: 75 % whole (corpus grouping 35 %), 99 % of strays apart.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

LINK_THRESHOLD = 0.22


def cosine(a: dict[str, float], b: dict[str, float]) -> float:
    """Cosine similarity of two sparse vectors (0 when either is empty)."""
    if len(b) < len(a):
        a, b = b, a
    dot = sum(w * b.get(f, 0.0) for f, w in a.items())
    norms = math.sqrt(sum(w * w for w in a.values())) * math.sqrt(sum(w * w for w in b.values()))
    return dot / norms if norms else 0.0


def linked_groups(
    vectors: Sequence[dict[str, float]], threshold: float = LINK_THRESHOLD
) -> list[list[int]]:
    """Indices grouped by single link over pairs at or above ``threshold``: the largest group
    first, then in input order."""
    parent = list(range(len(vectors)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i in range(len(vectors)):
        for j in range(i + 1, len(vectors)):
            if root(i) != root(j) and cosine(vectors[i], vectors[j]) >= threshold:
                parent[root(j)] = root(i)
    groups: dict[int, list[int]] = {}
    for i in range(len(vectors)):
        groups.setdefault(root(i), []).append(i)
    return sorted(groups.values(), key=lambda g: (-len(g), g[0]))
