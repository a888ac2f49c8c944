"""A small learned judge of which lines of a scraped page are article text.

Hand rules see one line at a time and miss the article's short lines (subheadings, quotes,
list items) that only their surroundings reveal. Two small neural networks (one hidden
layer each) do better: the first scores each line from ``line_features``; the second
rereads every line together with the first's scores of its neighbours, so a short line
inside a run of likely article lines is kept and a sentence inside a block of menus is not.
Weights ship in ``line_model.json``; ``bench/train_line_classifier.py`` retrains them from
the benchmark's training pages.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np

from storydiff.clean.line_features import Matrix, context, feature_count, page_features

WEIGHTS = Path(__file__).with_name("line_model.json")


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
            "hidden": np.round(self.hidden, 6).tolist(),
            "hidden_bias": np.round(self.hidden_bias, 6).tolist(),
            "output": np.round(self.output, 6).tolist(),
            "output_bias": round(self.output_bias, 6),
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


@dataclass(frozen=True, slots=True)
class LineModel:
    """Feature scaling, the two stages and the keep threshold."""

    mean: Matrix
    scale: Matrix
    first: Network
    second: Network
    threshold: float

    def to_json(self, trained_on: str) -> str:
        """The model as JSON, saying which pages it learnt from."""
        data = {
            "trained_on": trained_on,
            "features": feature_count(),
            "threshold": self.threshold,
            "mean": np.round(self.mean, 6).tolist(),
            "scale": np.round(self.scale, 6).tolist(),
            "first": self.first.to_dict(),
            "second": self.second.to_dict(),
        }
        return json.dumps(data)


def sigmoid(z: Matrix) -> Matrix:
    """The logistic function, clipped so that exp never overflows."""
    result: Matrix = 1.0 / (1.0 + np.exp(-np.clip(z, -30.0, 30.0)))
    return result


def second_inputs(scaled: Matrix, first_scores: Matrix) -> Matrix:
    """Stage two sees the line's features, its own stage-one score and its neighbours'."""
    scores = first_scores[:, None]
    return np.concatenate([scaled, scores, context(scores)], axis=1)


@cache
def load_model(path: Path = WEIGHTS) -> LineModel:
    """The shipped model (read once)."""
    data = json.loads(path.read_text("utf-8"))
    if data["features"] != feature_count():
        raise ValueError(
            f"{path}: weights are for {data['features']} features, the code makes "
            f"{feature_count()}; retrain with `python bench/train_line_classifier.py`"
        )
    return LineModel(
        np.array(data["mean"], dtype=float),
        np.array(data["scale"], dtype=float),
        Network.from_dict(data["first"]),
        Network.from_dict(data["second"]),
        float(data["threshold"]),
    )


def article_scores(lines: list[str], model: LineModel | None = None) -> Matrix:
    """Per line, the model's probability that it is article text."""
    model = model or load_model()
    if not lines:
        return np.zeros(0)
    scaled = (page_features(lines) - model.mean) / model.scale
    return model.second.score(second_inputs(scaled, model.first.score(scaled)))


def article_lines(lines: list[str], model: LineModel | None = None) -> list[bool]:
    """Per line, whether the model takes it for article text."""
    model = model or load_model()
    return [bool(s >= model.threshold) for s in article_scores(lines, model)]
