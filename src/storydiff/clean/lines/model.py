"""A small learned judge of which lines of a scraped page are article text.

Hand rules see one line at a time and miss the article's short lines (subheadings, quotes,
list items) that only their surroundings reveal. Small neural networks (one hidden layer
each) do better, stacked in stages: the first scores each line from ``features``; each
later stage rereads every line together with the previous stage's scores of its neighbours
and of the page's best-scoring run, so a short line inside a run of likely article lines is
kept and a sentence inside a block of menus or comments is not. Each stage averages a few
networks fitted from different seeds, which steadies the scores of rare kinds of line.
Weights ship in ``model.json``; ``bench/train_line_classifier.py`` retrains them from
the benchmark's training pages.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np

from storydiff.clean.lines.features import Matrix, context, feature_count, page_features, prose_run
from storydiff.clean.lines.vocabulary import LineWords, line_words, shared_vocabulary
from storydiff.errors import ModelMissingError

WEIGHTS = Path(__file__).with_name("model.json")


@dataclass(frozen=True, slots=True)
class Network:
    """One hidden ReLU layer and a logistic output: small enough to ship, enough to combine
    signals that only count together (a short line *and* prose on both sides)."""

    hidden: Matrix
    hidden_bias: Matrix
    output: Matrix
    output_bias: float

    def score(self, x: Matrix) -> Matrix:
        """Probability of article text for each row of ``x``."""
        hidden = np.maximum(x @ self.hidden + self.hidden_bias, 0.0)
        return sigmoid(hidden @ self.output + self.output_bias)

    def to_dict(self) -> dict[str, Any]:
        """Plain lists, rounded: the shipped file stays small and readable."""
        return {
            "hidden": np.round(self.hidden, 5).tolist(),
            "hidden_bias": np.round(self.hidden_bias, 5).tolist(),
            "output": np.round(self.output, 5).tolist(),
            "output_bias": round(self.output_bias, 5),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Network:
        """The inverse of ``to_dict``."""
        return cls(
            np.array(data["hidden"], dtype=float),
            np.array(data["hidden_bias"], dtype=float),
            np.array(data["output"], dtype=float),
            float(data["output_bias"]),
        )


Stage = tuple[Network, ...]


def stage_score(stage: Stage, x: Matrix) -> Matrix:
    """The mean score of a stage's networks."""
    total: Matrix = sum((net.score(x) for net in stage), np.zeros(x.shape[0]))
    return total / len(stage)


@dataclass(frozen=True, slots=True)
class LineModel:
    """Feature scaling, the stages and the keep threshold."""

    mean: Matrix
    scale: Matrix
    stages: tuple[Stage, ...]
    threshold: float

    def to_json(self, trained_on: str) -> str:
        """The model as JSON, saying which pages it learnt from."""
        data = {
            "trained_on": trained_on,
            "features": feature_count(),
            "threshold": self.threshold,
            "mean": np.round(self.mean, 6).tolist(),
            "scale": np.round(self.scale, 6).tolist(),
            "stages": [[net.to_dict() for net in stage] for stage in self.stages],
        }
        return json.dumps(data)


def sigmoid(z: Matrix) -> Matrix:
    """The logistic function, clipped so that exp never overflows."""
    result: Matrix = 1.0 / (1.0 + np.exp(-np.clip(z, -30.0, 30.0)))
    return result


def next_inputs(scaled: Matrix, scores: Matrix, words: LineWords) -> Matrix:
    """A later stage sees the line's features, the previous stage's score of the line and
    of its neighbours, where the line sits relative to the best-scoring run of lines, and how
    much of its vocabulary the lines scored as article text share (and its neighbours')."""
    n = scores.shape[0]
    start, end = prose_run((scores - 0.5).tolist())
    positions = np.arange(n)
    distance = np.maximum(np.maximum(start - positions, positions - end), 0)
    run = np.stack(
        [
            ((positions >= start) & (positions <= end)).astype(float),
            np.log1p(distance),
            np.full(n, scores.mean()),
        ],
        axis=1,
    )
    shared = shared_vocabulary(words, scores)
    return np.concatenate(
        [scaled, scores[:, None], context(scores[:, None]), run, shared, context(shared[:, :1])],
        axis=1,
    )


@cache
def load_model(path: Path = WEIGHTS) -> LineModel:
    """The shipped model (read once); raises ModelMissingError when stale."""
    data = json.loads(path.read_text("utf-8"))
    if data["features"] != feature_count():
        raise ModelMissingError(
            f"{path}: weights are for {data['features']} features, the code makes "
            f"{feature_count()}; retrain with `python bench/train_line_classifier.py`"
        )
    return LineModel(
        np.array(data["mean"], dtype=float),
        np.array(data["scale"], dtype=float),
        tuple(tuple(Network.from_dict(net) for net in stage) for stage in data["stages"]),
        float(data["threshold"]),
    )


def stage_scores(scaled: Matrix, words: LineWords, stages: tuple[Stage, ...]) -> Matrix:
    """The last stage's scores for standardised features ``scaled`` of lines with ``words``."""
    scores = stage_score(stages[0], scaled)
    for stage in stages[1:]:
        scores = stage_score(stage, next_inputs(scaled, scores, words))
    return scores


def article_scores(lines: list[str], model: LineModel | None = None) -> Matrix:
    """Per line, the model's probability that it is article text."""
    model = model or load_model()
    if not lines:
        return np.zeros(0)
    scaled = (page_features(lines) - model.mean) / model.scale
    return stage_scores(scaled, line_words(lines), model.stages)


def article_lines(lines: list[str], model: LineModel | None = None) -> list[bool]:
    """Per line, whether the model takes it for article text."""
    model = model or load_model()
    return [bool(s >= model.threshold) for s in article_scores(lines, model)]
