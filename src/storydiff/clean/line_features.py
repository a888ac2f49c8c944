"""Numbers describing each line of scraped text and its neighbourhood, for the line model.

Without markup, what tells article text from site furniture is the line's own shape (length,
function words, sentence ending, capitals, digits) and, above all, its surroundings: article
lines sit in a run of prose, menus and teasers in runs of short lines. So every line is
described by its own shape, by summaries of windows of neighbours on each side, and by
where it sits relative to the page's densest run of prose.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from typing import Final

import numpy as np
import numpy.typing as npt

from storydiff.clean import density, metadata, page_vocab, vocab
from storydiff.clean import lines as shapes
from storydiff.clean.dates import date_line

Matrix = npt.NDArray[np.float64]

_WORD = re.compile(r"\w+")
_PUNCT = re.compile(r"[^\w\s]")
_SEPARATORS = re.compile(r"[|·•»›/]")
# Characters that end a sentence (quotes included: "… he said.”").
_SENTENCE_END: Final = '.?!"”’)…'
# Window sizes, in lines on each side, that the neighbourhood features summarise: the next
# line, the lines close by, and a wider stretch that tells a menu block from the story.
WINDOWS: Final = ((1, 1), (2, 4), (5, 10))
# Weight of a line in the search for the densest run of prose: prose lines push it up by
# their length, anything else pulls it down a little (menus are many short lines).
_RUN_PENALTY: Final = 0.5

SHAPE_NAMES: Final = (
    "log_chars",
    "log_words",
    "stopword_share",
    "sentence_end",
    "colon_end",
    "capital_share",
    "digit_share",
    "punct_share",
    "log_separators",
    "log_commas",
    "furniture_rule",
    "date_or_byline",
    "sentence_like",
    "headline_like",
    "lower_start",
    "repeated",
    "copyright",
    "tail_marker",
    "ellipsis_end",
    "reader_address",
    "link",
    "class_good",
    "class_near",
    "class_short",
    "class_bad",
)
# Shape columns summarised over neighbour windows (the rest would add noise, not signal).
_CONTEXT_COLUMNS: Final = tuple(
    SHAPE_NAMES.index(name)
    for name in (
        "log_chars",
        "stopword_share",
        "sentence_end",
        "furniture_rule",
        "date_or_byline",
        "sentence_like",
        "reader_address",
        "class_good",
        "class_bad",
    )
)
PAGE_NAMES: Final = (
    "position",
    "in_prose_run",
    "log_distance_to_run",
    "page_prose_share",
    "log_page_lines",
    "after_tail_marker",
)


def is_tail_marker(line: str) -> bool:
    """A heading that opens related links or comments: what follows is not the story."""
    key = shapes.normalise(line).rstrip("»…").strip()
    return key in page_vocab.RELATED_HEADINGS or any(
        p.search(line.strip()) for p in vocab.COMMENT_PATTERNS
    )


def _shape(line: str, stops: frozenset[str], repeats: int, initial: str) -> list[float]:
    """The line's own shape, one number per ``SHAPE_NAMES`` entry."""
    text = line.strip()
    tokens = _WORD.findall(text)
    count = max(len(tokens), 1)
    chars = max(len(text), 1)
    return [
        math.log1p(len(text)),
        math.log1p(len(tokens)),
        sum(1 for w in tokens if w.lower() in stops) / count,
        float(text[-1:] in _SENTENCE_END and text[-1:] != ""),
        float(text.endswith(":")),
        sum(1 for w in tokens if w[0].isupper()) / count,
        sum(ch.isdigit() for ch in text) / chars,
        len(_PUNCT.findall(text)) / chars,
        math.log1p(len(_SEPARATORS.findall(text))),
        math.log1p(text.count(",")),
        float(shapes.furniture_reason(text) is not None),
        float(metadata.byline_author(text) is not None or date_line(text) is not None),
        float(shapes.is_sentence_like(text)),
        float(shapes.is_headline_like(text)),
        float(text[:1].islower()),
        float(repeats > 1),
        float(density.COPYRIGHT.search(text) is not None),
        float(is_tail_marker(text)),
        float(text.endswith(("…", "...", "»", "›"))),
        sum(1 for w in tokens if w.lower() in vocab.READER_ADDRESS) / count,
        float(vocab.LINK.search(text) is not None),
        float(initial == "good"),
        float(initial == "near"),
        float(initial == "short"),
        float(initial == "bad"),
    ]


def _prose_run(weights: list[float]) -> tuple[int, int]:
    """The stretch of lines with the largest summed weight (Kadane): the article's core."""
    best, best_span = -math.inf, (0, -1)
    total, start = 0.0, 0
    for i, weight in enumerate(weights):
        if total <= 0:
            total, start = 0.0, i
        total += weight
        if total > best:
            best, best_span = total, (start, i)
    return best_span


def _window_means(column: Matrix, near: int, far: int) -> tuple[Matrix, Matrix]:
    """Mean of ``column`` over lines ``near..far`` before and after each line (0 off the page)."""
    n = column.shape[0]
    padded = np.concatenate([np.zeros(far), column, np.zeros(far)])
    sums = np.concatenate([[0.0], np.cumsum(padded)])
    index = np.arange(n) + far
    width = far - near + 1
    before = (sums[index - near + 1] - sums[index - far]) / width
    after = (sums[index + far + 1] - sums[index + near]) / width
    return before, after


def context(columns: Matrix) -> Matrix:
    """Each column's means over the ``WINDOWS`` before and after every line."""
    parts = []
    for near, far in WINDOWS:
        for k in range(columns.shape[1]):
            before, after = _window_means(columns[:, k], near, far)
            parts.extend([before, after])
    return np.stack(parts, axis=1)


def page_features(lines: list[str]) -> Matrix:
    """One row per line: its shape, its neighbourhood, and its place in the page."""
    n = len(lines)
    if n == 0:
        return np.zeros((0, feature_count()))
    stops = density.pick_stoplist(lines)
    initial = [density.initial_class(line, stops) for line in lines]
    counts = Counter(shapes.normalise(line) for line in lines)
    own = np.array(
        [
            _shape(line, stops, counts[shapes.normalise(line)], cls)
            for line, cls in zip(lines, initial, strict=True)
        ]
    )
    prose = own[:, SHAPE_NAMES.index("class_good")] + own[:, SHAPE_NAMES.index("class_near")]
    weights = [
        own[i, 0] if prose[i] else -_RUN_PENALTY * (1 + own[i, SHAPE_NAMES.index("class_bad")])
        for i in range(n)
    ]
    start, end = _prose_run(weights)
    tail = SHAPE_NAMES.index("tail_marker")
    positions = np.arange(n)
    distance = np.maximum(np.maximum(start - positions, positions - end), 0)
    page = np.stack(
        [
            positions / max(n - 1, 1),
            ((positions >= start) & (positions <= end)).astype(float),
            np.log1p(distance),
            np.full(n, prose.mean()),
            np.full(n, math.log1p(n)),
            np.concatenate([[0.0], np.maximum.accumulate(own[:-1, tail])]),
        ],
        axis=1,
    )
    return np.concatenate([own, context(own[:, list(_CONTEXT_COLUMNS)]), page], axis=1)


def feature_count() -> int:
    """Width of a ``page_features`` row."""
    return len(SHAPE_NAMES) + 2 * len(WINDOWS) * len(_CONTEXT_COLUMNS) + len(PAGE_NAMES)
