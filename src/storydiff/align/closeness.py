"""How close two short statements are in topic: shared rare words, and meaning when available.

Word overlap alone misses paraphrase ("the first dredger arrived" / "the dredging began");
the sentence model (``align.semantic``) catches it but also rates any two sentences about the
same country as close. The score adds the two, so a link needs either strong overlap or both
signals together. Without the model installed the score is the word overlap alone, and the
caller uses the words-only threshold.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from storydiff import sentence_model
from storydiff.align.terms import TermWeights, terms


class Closeness:
    """Pairwise topic closeness of ``texts``, scored by index.

    Each distinct text is split into terms and embedded once (a big story repeats its
    clauses), and a cosine is taken only for the pairs asked about: no n × n matrix, so
    thousands of texts cost linear memory.
    """

    def __init__(
        self, texts: Sequence[str], weights: TermWeights, *, meaning_weight: float
    ) -> None:
        self.weights = weights
        distinct = list(dict.fromkeys(texts))
        slot = {text: n for n, text in enumerate(distinct)}
        self._slots = [slot[text] for text in texts]
        distinct_terms = [frozenset(terms(text)) for text in distinct]
        self.terms = [distinct_terms[n] for n in self._slots]
        self.meaning_weight = meaning_weight
        self._vectors: np.ndarray | None = None
        if texts and sentence_model.installed():
            from storydiff.align.semantic import unit_vectors

            self._vectors = unit_vectors(distinct)

    @property
    def uses_meaning(self) -> bool:
        """True when the sentence model took part in the scores."""
        return self._vectors is not None

    def words(self, i: int, j: int) -> float:
        """Weighted Jaccard of the two texts' content terms."""
        return self.weights.similarity(self.terms[i], self.terms[j])

    def meaning(self, i: int, j: int) -> float:
        """Cosine similarity of the two texts' sentence vectors; 0 without the model."""
        if self._vectors is None:
            return 0.0
        a, b = self._vectors[self._slots[i]], self._vectors[self._slots[j]]
        return max(float(a @ b), 0.0)

    def score(self, i: int, j: int) -> float:
        """Word overlap, plus the weighted meaning similarity when the model is installed."""
        return self.words(i, j) + self.meaning_weight * self.meaning(i, j)
