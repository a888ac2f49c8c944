"""The learned line model: its features by hand, and the shipped weights on a made-up page."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from storydiff.clean import vocab
from storydiff.clean.layout import lay_out
from storydiff.clean.lines.features import (
    PAGE_NAMES,
    SHAPE_NAMES,
    context,
    feature_count,
    is_tail_marker,
    page_features,
    prose_run,
)
from storydiff.clean.lines.model import WEIGHTS, article_lines, load_model
from storydiff.clean.lines.vocabulary import line_words, shared_vocabulary
from storydiff.errors import ModelMissingError

MENU = ["Home", "World", "Business", "Sport", "Culture", "Weather", "Sign in", "Search"]
HEADLINE = "Harbour council delays quay lease until spring"
STORY = [
    "The harbour council in Kalmere voted on Tuesday to delay the lease of the old quay "
    "until the spring, after residents asked for more time to read the plans.",
    "Councillor Ada Brisk said the delay was the only way to hear everyone who had written "
    "to the council about the noise and the traffic that the new terminal would bring.",
    "The operator, which had hoped to start building in the autumn, said it was disappointed "
    "but would use the months to answer the questions that had been raised at the meeting.",
    "A second vote is expected in April, when the council will also decide how much of the "
    "quay should stay open to the public and to the fishing boats that still use it.",
    "Residents who spoke at the meeting were divided, with some welcoming the jobs and "
    "others worried that the quiet end of the harbour would be lost for good.",
]
FOOTER = ["About us", "Contact", "Privacy", "Terms of use", "Careers", "Advertise", "Help"]


def test_context_means_windows_on_each_side() -> None:
    column = np.array([[1.0], [2.0], [3.0], [4.0]])
    out = context(column)
    # First window pair is the line just before and just after (0 off the page).
    assert out[:, 0].tolist() == [0.0, 1.0, 2.0, 3.0]
    assert out[:, 1].tolist() == [2.0, 3.0, 4.0, 0.0]


@pytest.mark.parametrize(
    ("weights", "span"),
    [([-1.0, 2.0, 3.0, -1.0], (1, 2)), ([1.0, -0.5, 2.0, -5.0, 1.0], (0, 2))],
)
def testprose_run_is_the_heaviest_stretch(weights: list[float], span: tuple[int, int]) -> None:
    assert prose_run(weights) == span


@pytest.mark.parametrize(
    ("line", "marker"),
    [("Related articles", True), ("Leave a reply", True), ("The council met.", False)],
)
def test_tail_markers(line: str, marker: bool) -> None:
    assert is_tail_marker(line) is marker


def test_features_have_one_row_per_line() -> None:
    lines = MENU + STORY + FOOTER
    assert page_features(lines).shape == (len(lines), feature_count())
    assert page_features([]).shape == (0, feature_count())


def test_shipped_model_keeps_the_story_and_drops_the_menus() -> None:
    lines = [*MENU, HEADLINE, *STORY, *FOOTER]
    kept = article_lines(lines)
    start = len(MENU) + 1
    story = kept[start : start + len(STORY)]
    furniture = kept[: len(MENU)] + kept[start + len(STORY) :]
    assert all(story)
    assert sum(furniture) <= 2, [line for line, k in zip(lines, kept, strict=True) if k]


def test_long_page_keeps_its_title_and_body() -> None:
    page = [*MENU, *MENU, HEADLINE, *STORY, *FOOTER, *FOOTER, *FOOTER]
    assert len(page) >= vocab.MIN_LINES_FOR_DENSITY
    layout = lay_out("\n".join(page))
    assert layout.title == HEADLINE
    assert layout.text.split("\n") == STORY


def test_weights_for_other_features_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "model.json"
    data = json.loads(WEIGHTS.read_text("utf-8"))
    data["features"] += 1
    path.write_text(json.dumps(data), "utf-8")
    with pytest.raises(ModelMissingError, match="retrain"):
        load_model(path)


def test_template_lines_and_story_vocabulary_are_counted() -> None:
    comments = [f"Posted by: reader{i} on January {i}, 2008 08:3{i} PM" for i in range(1, 4)]
    lines = [*MENU, HEADLINE, *STORY, *comments]
    x = page_features(lines)
    prefix = SHAPE_NAMES.index("log_prefix_repeats")
    clock = SHAPE_NAMES.index("clock_time")
    vocabulary = feature_count() - len(PAGE_NAMES) + PAGE_NAMES.index("run_vocabulary")
    assert x[-1, prefix] > 0 and x[-1, clock] == 1.0
    assert x[len(MENU), vocabulary] > x[0, vocabulary]  # the headline shares the story's words


def test_shared_vocabulary_counts_other_article_lines_only() -> None:
    """A subheading using the story's words shares them; a menu line does not; a line's own
    score never counts for itself."""
    lines = [*STORY[:2], "Quay lease delayed", "Sign in to comment"]
    words = line_words(lines)
    scores = np.array([1.0, 1.0, 0.2, 0.2])
    shared = shared_vocabulary(words, scores)
    assert shared.shape == (4, 2)
    assert shared[2, 0] == pytest.approx(2 / 3)  # "quay" and "lease"; the story says "delay"
    assert shared[3, 0] == 0.0
    believed = shared_vocabulary(words, np.array([1.0, 1.0, 1.0, 0.2]))
    assert believed[2, 0] == pytest.approx(shared[2, 0])
    alone = shared_vocabulary(line_words(STORY[:1]), np.array([1.0]))
    assert alone[0, 0] == 0.0
