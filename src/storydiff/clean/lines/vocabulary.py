"""How much of each line's vocabulary the lines a model stage believes in also use.

A story's subheadings, quotes and captions repeat its words; menus, teasers for other stories
and off-topic comments mostly do not. ``features`` measures this against a rule-found
run of prose; a later stage of the line model measures it against the lines the previous
stage scored as article text, wherever on the page they sit, which finds the story's words
even when comments or teasers split it into several runs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from storydiff.clean.lines.features import Matrix

# Letters only, four or more: shorter words are mostly function words, and digits (years,
# clock times) would tie timestamps and menus to the story.
_CONTENT_WORD = re.compile(r"[^\W\d_]{4,}")


@dataclass(frozen=True, slots=True)
class LineWords:
    """Each line's distinct content words as (line, word id) pairs, built once per page."""

    lines: int
    rows: npt.NDArray[np.intp]
    words: npt.NDArray[np.intp]
    vocabulary_size: int


def line_words(lines: list[str]) -> LineWords:
    """The distinct lowercased content words of each line, numbered per page."""
    ids: dict[str, int] = {}
    rows: list[int] = []
    words: list[int] = []
    for row, line in enumerate(lines):
        for word in set(_CONTENT_WORD.findall(line.lower())):
            rows.append(row)
            words.append(ids.setdefault(word, len(ids)))
    return LineWords(
        len(lines), np.array(rows, dtype=np.intp), np.array(words, dtype=np.intp), len(ids)
    )


def shared_vocabulary(page: LineWords, scores: Matrix) -> Matrix:
    """Per line: the share of its words that *other* likely article lines use, and the mean
    log of how many use them (each line counted by its score, its own score taken out)."""
    used = np.bincount(page.words, weights=scores[page.rows], minlength=page.vocabulary_size)
    others = np.maximum(used[page.words] - scores[page.rows], 0.0)
    size = np.maximum(np.bincount(page.rows, minlength=page.lines), 1)
    share = np.bincount(page.rows, weights=np.minimum(others, 1.0), minlength=page.lines) / size
    spread = np.bincount(page.rows, weights=np.log1p(others), minlength=page.lines) / size
    return np.stack([share, spread], axis=1)
