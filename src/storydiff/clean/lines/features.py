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
from storydiff.clean.dates import date_line
from storydiff.clean.lines import shapes

Matrix = npt.NDArray[np.float64]

_WORD = re.compile(r"\w+")
_PUNCT = re.compile(r"[^\w\s]")
_SEPARATORS = re.compile(r"[|·•»›/]")
# A clock time or a numbered entry: comment headers ("Posted at 10:57 pm") and comment lists.
_CLOCK = re.compile(r"\b\d{1,2}:\d{2}\b|\b\d{1,2} ?[ap]\.?m\b", re.IGNORECASE)
_NUMBERED = re.compile(r"^\W{0,2}(\d+|#\d+)[.):]\s")
# Characters that end a sentence (quotes included: "… he said.”").
_SENTENCE_END: Final = '.?!"”’)…'
# Window sizes, in lines on each side, that the neighbourhood features summarise: the next
# line, the lines close by, and a wider stretch that tells a menu block from the story.
WINDOWS: Final = ((1, 1), (2, 4), (5, 10), (11, 25))
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
    "clock_time",
    "numbered",
    "question_end",
    "quote_start",
    "upper_share",
    "log_repeats",
    "log_prefix_repeats",
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
        "headline_like",
        "link",
        "clock_time",
        "capital_share",
        "log_words",
        "repeated",
        "log_prefix_repeats",
    )
)
PAGE_NAMES: Final = (
    "position",
    "in_prose_run",
    "log_distance_to_run",
    "page_prose_share",
    "log_page_lines",
    "after_tail_marker",
    "before_run",
    "after_run",
    "run_share",
    "prose_before",
    "log_clock_before",
    "run_vocabulary",
    "relative_chars",
    "log_dates_before",
    "log_dates_after",
)


def is_tail_marker(line: str) -> bool:
    """A heading that opens related links or comments: what follows is not the story."""
    key = shapes.normalise(line).rstrip("»…").strip()
    return key in page_vocab.RELATED_HEADINGS or any(
        p.search(line.strip()) for p in vocab.COMMENT_PATTERNS
    )


def _prefix(line: str) -> str:
    """The first two words: lines sharing them come from one template ("Posted by: …")."""
    return " ".join(_WORD.findall(line.lower())[:2])


def _shape(
    line: str, stops: frozenset[str], repeats: int, initial: str, prefixes: int
) -> list[float]:
    """The line's own shape, one number per ``SHAPE_NAMES`` entry."""
    text = line.strip()
    tokens = _WORD.findall(text)
    lowered = [w.lower() for w in tokens]
    count = max(len(tokens), 1)
    chars = max(len(text), 1)
    return [
        math.log1p(len(text)),
        math.log1p(len(tokens)),
        sum(map(stops.__contains__, lowered)) / count,
        float(text[-1:] in _SENTENCE_END and text[-1:] != ""),
        float(text.endswith(":")),
        sum(1 for w in tokens if w[0].isupper()) / count,
        sum(map(str.isdigit, text)) / chars,
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
        sum(map(vocab.READER_ADDRESS.__contains__, lowered)) / count,
        float(vocab.LINK.search(text) is not None),
        float(initial == "good"),
        float(initial == "near"),
        float(initial == "short"),
        float(initial == "bad"),
        float(_CLOCK.search(text) is not None),
        float(_NUMBERED.match(text) is not None),
        float(text.endswith("?")),
        float(text[:1] in "\"“‘'«„"),
        sum(map(str.isupper, text)) / max(sum(map(str.isalpha, text)), 1),
        math.log1p(repeats),
        math.log1p(prefixes - 1),
    ]


def _run_vocabulary(tokens: list[set[str]], start: int, end: int) -> Matrix:
    """Per line, the share of its words that other lines of the prose run use too.

    Subheadings, quotes and captions of the story share its words; menus, teasers for other
    stories and comments on other matters mostly do not.
    """
    counts: Counter[str] = Counter()
    for words in tokens[start : end + 1]:
        counts.update(words)
    out = np.zeros(len(tokens))
    for i, words in enumerate(tokens):
        if words:
            own = 1 if start <= i <= end else 0
            out[i] = sum(1 for w in words if counts[w] > own) / len(words)
    return out


def prose_run(weights: list[float]) -> tuple[int, int]:
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


def _window_means(columns: Matrix, near: int, far: int) -> tuple[Matrix, Matrix]:
    """Means of ``columns`` over lines ``near..far`` before and after each line (0 off the page)."""
    n, width = columns.shape
    pad = np.zeros((far, width))
    padded = np.concatenate([pad, columns, pad])
    sums = np.concatenate([np.zeros((1, width)), np.cumsum(padded, axis=0)])
    index = np.arange(n) + far
    size = far - near + 1
    before = (sums[index - near + 1] - sums[index - far]) / size
    after = (sums[index + far + 1] - sums[index + near]) / size
    return before, after


def context(columns: Matrix) -> Matrix:
    """Each column's means over the ``WINDOWS`` before and after every line."""
    parts = []
    for near, far in WINDOWS:
        before, after = _window_means(columns, near, far)
        # Per column, its mean before and then after: (n, columns, 2) flattened.
        parts.append(np.stack([before, after], axis=2).reshape(columns.shape[0], -1))
    return np.concatenate(parts, axis=1)


def page_features(lines: list[str]) -> Matrix:
    """One row per line: its shape, its neighbourhood, and its place in the page."""
    n = len(lines)
    if n == 0:
        return np.zeros((0, feature_count()))
    stops = density.pick_stoplist(lines)
    initial = [density.initial_class(line, stops) for line in lines]
    counts = Counter(shapes.normalise(line) for line in lines)
    prefixes = [_prefix(line) for line in lines]
    prefix_counts = Counter(prefixes)
    own = np.array(
        [
            _shape(line, stops, counts[shapes.normalise(line)], cls, prefix_counts[prefix])
            for line, cls, prefix in zip(lines, initial, prefixes, strict=True)
        ]
    )
    # Content words (long, not function words) for the vocabulary shared with the story.
    tokens = [
        {w for w in _WORD.findall(line.lower()) if len(w) > 3 and w not in stops} for line in lines
    ]
    prose = own[:, SHAPE_NAMES.index("class_good")] + own[:, SHAPE_NAMES.index("class_near")]
    weights = [
        own[i, 0] if prose[i] else -_RUN_PENALTY * (1 + own[i, SHAPE_NAMES.index("class_bad")])
        for i in range(n)
    ]
    start, end = prose_run(weights)
    tail = SHAPE_NAMES.index("tail_marker")
    positions = np.arange(n)
    distance = np.maximum(np.maximum(start - positions, positions - end), 0)
    chars = np.exp(own[:, 0]) * (prose > 0)
    prose_before = np.concatenate([[0.0], np.cumsum(chars)[:-1]]) / max(chars.sum(), 1.0)
    clock = own[:, SHAPE_NAMES.index("clock_time")]
    clock_before = np.concatenate([[0.0], np.cumsum(clock)[:-1]])
    # Date and byline lines pile up in comment threads and teaser lists, not in the story.
    dates = np.cumsum(own[:, SHAPE_NAMES.index("date_or_byline")])
    page = np.stack(
        [
            positions / max(n - 1, 1),
            ((positions >= start) & (positions <= end)).astype(float),
            np.log1p(distance),
            np.full(n, prose.mean()),
            np.full(n, math.log1p(n)),
            np.concatenate([[0.0], np.maximum.accumulate(own[:-1, tail])]),
            (positions < start).astype(float),
            (positions > end).astype(float),
            np.full(n, (end - start + 1) / n),
            prose_before,
            np.log1p(clock_before),
            _run_vocabulary(tokens, start, end),
            own[:, 0] - np.median(own[:, 0]),
            np.log1p(np.concatenate([[0.0], dates[:-1]])),
            np.log1p(dates[-1] - dates),
        ],
        axis=1,
    )
    return np.concatenate([own, context(own[:, list(_CONTEXT_COLUMNS)]), page], axis=1)


def feature_count() -> int:
    """Width of a ``page_features`` row."""
    return len(SHAPE_NAMES) + 2 * len(WINDOWS) * len(_CONTEXT_COLUMNS) + len(PAGE_NAMES)
