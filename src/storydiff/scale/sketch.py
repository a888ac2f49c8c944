"""A Count-Min sketch of document frequencies: IDF weights in fixed memory.

Rare names and words tell stories apart; common ones ("government", "said") do not. Exact
document frequencies would need a dictionary as large as the corpus vocabulary, which keeps
growing; a Count-Min sketch answers "in how many articles did this feature appear" with a
small overestimate and a size fixed up front. One article's features are looked up and
counted in one vectorised step.
"""

from __future__ import annotations

import hashlib
import math

import numpy as np

DEPTH = 4
WIDTH = 1 << 19  # 4 × 512 Ki int32 counters = 8 MiB, whatever the corpus size


class FrequencySketch:
    """Document frequency of string features, and the IDF that follows from it."""

    def __init__(self, width: int = WIDTH, depth: int = DEPTH) -> None:
        self._table = np.zeros((depth, width), dtype=np.int32)
        self._rows = np.arange(depth)[:, None]
        self.width = width
        self.documents = 0

    def _cells(self, features: list[str]) -> np.ndarray:
        """(depth, n) counter columns by double hashing one stable 64-bit digest per feature."""
        digests = np.array(
            [
                int.from_bytes(hashlib.blake2b(f.encode(), digest_size=8).digest(), "little")
                for f in features
            ],
            dtype=np.uint64,
        )
        h1 = digests & np.uint64(0xFFFFFFFF)
        h2 = (digests >> np.uint64(32)) | np.uint64(1)
        return (h1[None, :] + self._rows.astype(np.uint64) * h2[None, :]) % np.uint64(self.width)

    def counts(self, features: list[str]) -> list[int]:
        if not features:
            return []
        return [int(c) for c in self._table[self._rows, self._cells(features)].min(axis=0)]

    def add_document(self, features: list[str]) -> list[float]:
        """Count each distinct feature of one article once; → their IDF before counting."""
        if not features:
            self.documents += 1
            return []
        cells = self._cells(features)
        found = self._table[self._rows, cells].min(axis=0)
        idf = [1.0 + math.log((self.documents + 1) / (int(c) + 1)) for c in found]
        np.add.at(self._table, (np.broadcast_to(self._rows, cells.shape), cells), 1)
        self.documents += 1
        return idf
