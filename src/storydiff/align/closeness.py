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
    """Pairwise topic closeness of ``texts``, scored by index."""

    def __init__(
        self, texts: Sequence[str], weights: TermWeights, *, meaning_weight: float
    ) -> None:
        self.weights = weights
        self.terms = [terms(text) for text in texts]
        self.meaning_weight = meaning_weight
        self.cosines: np.ndarray | None = None
        if texts and sentence_model.installed():
            from storydiff.align.semantic import self_similarities

            self.cosines = self_similarities(texts)

    @property
    def uses_meaning(self) -> bool:
        """True when the sentence model took part in the scores."""
        return self.cosines is not None

    def words(self, i: int, j: int) -> float:
        """Weighted Jaccard of the two texts' content terms."""
        return self.weights.similarity(self.terms[i], self.terms[j])

    def meaning(self, i: int, j: int) -> float:
        """Cosine similarity of the two texts' sentence vectors; 0 without the model."""
        return 0.0 if self.cosines is None else max(float(self.cosines[i, j]), 0.0)

    def score(self, i: int, j: int) -> float:
        """Word overlap, plus the weighted meaning similarity when the model is installed."""
        return self.words(i, j) + self.meaning_weight * self.meaning(i, j)
