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
EXACT_UP_TO = 300  # inputs compared pair by pair; past this, sparse products in row blocks
_BLOCK_ROWS = 1000  # rows per sparse product: bounds memory on a pile of thousands


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

    for i, j in close_pairs(vectors, threshold):
        a, b = root(i), root(j)
        if a != b:
            parent[max(a, b)] = min(a, b)
    groups: dict[int, list[int]] = {}
    for i in range(len(vectors)):
        groups.setdefault(root(i), []).append(i)
    return sorted(groups.values(), key=lambda g: (-len(g), g[0]))


def close_pairs(
    vectors: Sequence[dict[str, float]], threshold: float, exact_up_to: int = EXACT_UP_TO
) -> list[tuple[int, int]]:
    """Every pair (i < j) at or above ``threshold``: compared one by one for a pile a user
    gathers, by sparse matrix products in row blocks past ``exact_up_to`` (thousands of
    inputs would otherwise take minutes; SciPy is imported only then, as it is slow to load)."""
    n = len(vectors)
    if n <= exact_up_to:
        return [
            (i, j)
            for i in range(n)
            for j in range(i + 1, n)
            if cosine(vectors[i], vectors[j]) >= threshold
        ]
    import numpy as np
    from scipy import sparse

    columns: dict[str, int] = {}
    rows, cols, vals = [], [], []
    for i, vector in enumerate(vectors):
        for feature, weight in vector.items():
            rows.append(i)
            cols.append(columns.setdefault(feature, len(columns)))
            vals.append(weight)
    x = sparse.csr_matrix((vals, (rows, cols)), shape=(n, max(len(columns), 1)))
    norms = np.sqrt(np.asarray(x.multiply(x).sum(axis=1)).ravel())
    x = sparse.csr_matrix(sparse.diags(1.0 / np.where(norms > 0, norms, 1.0)) @ x)
    pairs: list[tuple[int, int]] = []
    for start in range(0, n, _BLOCK_ROWS):
        block = (x[start : start + _BLOCK_ROWS] @ x.T).tocoo()
        keep = (block.data >= threshold) & (block.row + start < block.col)
        pairs += zip((block.row[keep] + start).tolist(), block.col[keep].tolist(), strict=True)
    return pairs
