"""Retrain the plain-text cleaner's line model from the cleaning benchmark's training pages.

    .venv/bin/python bench/train_line_classifier.py [--data ../shared/datasets]

Pages are rendered and labelled exactly as ``storydiff eval cleaning`` does, and only the half
of each set that ``is_training_page`` picks is used; the benchmark scores the other half.
Each set weighs the same in the fit, however many lines it labels, so that no one kind of
page (CleanEval's old personal sites, L3S's news, trafilatura's blogs) dominates. Every stage
is a few one-hidden-layer networks (different seeds, averaged) fitted by mini-batch Adam
(numpy only, fixed seeds, so a rerun gives the same weights). A later stage learns from the
previous stage's scores made *out of fold* (each half of the training pages scored by
networks fitted on the other half): scores on lines a network learnt from are too confident,
and the next stage would learn to trust them. The keep threshold is the cut that maximises
F1 on those out-of-fold scores of the last stage.
Written to ``src/storydiff/clean/lines/model.json``. A few minutes on two cores.
"""

from __future__ import annotations

import argparse
import hashlib
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import NamedTuple

import numpy as np

from storydiff.clean.lines.features import Matrix, page_features
from storydiff.clean.lines.model import (
    WEIGHTS,
    LineModel,
    Network,
    Stage,
    next_inputs,
    sigmoid,
    stage_score,
)
from storydiff.clean.lines.vocabulary import LineWords, line_words
from storydiff.evaluate.cleaning import _annotations, is_training_page, labelled_lines
from storydiff.evaluate.extraction import Page, load_pages

SETS = (("trafilatura", "trafilatura_eval"), ("cleaneval", "cleaneval"), ("l3s-gn1", "l3s_gn1"))
L2 = 0.01  # weight decay: features are standardised, so one value suits them all; strong,
# because trafilatura's set labels few lines and weighs as much as the others
EPOCHS = 12
BATCH = 256
LEARNING_RATE = 0.003
HIDDEN = (48, 16, 16)  # per stage: later stages mostly read the neighbours' scores
SEEDS = 5  # networks averaged per stage


def _page_rows(job: tuple[str, Page, bytes | None]) -> tuple[Matrix, LineWords, Matrix]:
    """Features, words and labels (1, 0, or nan when unlabelled) of one page's non-empty
    lines."""
    dataset, page, annotated = job
    labelled = [(line, gold) for line, gold in labelled_lines(dataset, page, annotated) if line]
    lines = [line for line, _ in labelled]
    labels = np.array([np.nan if gold is None else float(gold) for _, gold in labelled])
    return page_features(lines), line_words(lines), labels


class TrainingPage(NamedTuple):
    """One page's lines as the model sees them, with their gold labels."""

    dataset: str
    name: str
    features: Matrix
    words: LineWords
    labels: Matrix


def load_training(root: Path) -> list[TrainingPage]:
    """Features and labels of every training page of every set."""
    jobs: list[tuple[str, Page, bytes | None]] = []
    for dataset, folder in SETS:
        pages = [p for p in load_pages(dataset, root / folder) if is_training_page(p.name)]
        notes = _annotations(dataset, pages, root / folder)
        jobs.extend(zip([dataset] * len(pages), pages, notes, strict=True))
    with ProcessPoolExecutor(2) as pool:
        rows = list(pool.map(_page_rows, jobs, chunksize=8))
    return [
        TrainingPage(job[0], job[1].name, x, words, y)
        for job, (x, words, y) in zip(jobs, rows, strict=True)
        if len(y)
    ]


def fit_network(x: Matrix, y: Matrix, weight: Matrix, hidden: int, seed: int) -> Network:
    """A one-hidden-layer network minimising weighted log loss, by mini-batch Adam."""
    rng = np.random.default_rng(seed)
    params = [
        rng.normal(0.0, np.sqrt(2.0 / x.shape[1]), (x.shape[1], hidden)),
        np.zeros(hidden),
        rng.normal(0.0, 1.0 / np.sqrt(hidden), hidden),
        np.zeros(1),
    ]
    moments = [np.zeros_like(p) for p in params]
    squares = [np.zeros_like(p) for p in params]
    share = weight / weight.mean()
    step = 0
    for epoch in range(EPOCHS):
        rate = LEARNING_RATE * 0.5 * (1 + np.cos(np.pi * epoch / EPOCHS))  # cosine decay
        order = rng.permutation(x.shape[0])
        for begin in range(0, len(order), BATCH):
            rows = order[begin : begin + BATCH]
            xb = x[rows]
            step += 1
            w1, b1, w2, b2 = params
            h = np.maximum(xb @ w1 + b1, 0.0)
            error = share[rows] * (sigmoid(h @ w2 + b2[0]) - y[rows]) / len(rows)
            back = np.outer(error, w2) * (h > 0)
            grads = [
                xb.T @ back + L2 * w1,
                back.sum(axis=0),
                h.T @ error + L2 * w2,
                error.sum(keepdims=True),
            ]
            for i, grad in enumerate(grads):
                moments[i] = 0.9 * moments[i] + 0.1 * grad
                squares[i] = 0.999 * squares[i] + 0.001 * grad * grad
                unbiased = moments[i] / (1 - 0.9**step)
                params[i] = params[i] - rate * unbiased / (
                    np.sqrt(squares[i] / (1 - 0.999**step)) + 1e-8
                )
    return Network(params[0], params[1], params[2], float(params[3][0]))


def _fold(name: str) -> int:
    """Which half of the training pages a page falls in, for out-of-fold scores."""
    return hashlib.sha256(name.encode("utf-8")).digest()[1] % 2


def _best_threshold(scores: Matrix, y: Matrix, weight: Matrix) -> float:
    """The cut maximising weighted F1 on the training lines."""
    best, best_f1 = 0.5, -1.0
    for cut in np.linspace(0.2, 0.8, 61):
        keep = scores >= cut
        tp = float((weight * (keep & (y == 1))).sum())
        fp = float((weight * (keep & (y == 0))).sum())
        fn = float((weight * (~keep & (y == 1))).sum())
        f1 = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
        if f1 > best_f1:
            best, best_f1 = float(cut), f1
    return best


def train(pages: list[TrainingPage]) -> LineModel:
    """Fit every stage on the labelled lines of ``pages`` (unlabelled lines give context only)."""
    features = np.concatenate([page.features for page in pages])
    mean = features.mean(axis=0)
    scale = features.std(axis=0)
    scale[scale == 0] = 1.0
    per_set: dict[str, int] = {}
    for page in pages:
        per_set[page.dataset] = per_set.get(page.dataset, 0) + int(_seen(page).sum())
    scaled = {page.name: (page.features - mean) / scale for page in pages}

    def stack(
        chosen: list[TrainingPage], inputs: dict[str, Matrix]
    ) -> tuple[Matrix, Matrix, Matrix]:
        """Labelled rows of ``chosen`` pages, their labels, and weights equal per set."""
        x = np.concatenate([inputs[p.name][_seen(p)] for p in chosen])
        y = np.concatenate([p.labels[_seen(p)] for p in chosen])
        weight = np.concatenate(
            [np.full(int(_seen(p).sum()), 1.0 / per_set[p.dataset]) for p in chosen]
        )
        return x, y, weight

    def fit_stage(chosen: list[TrainingPage], inputs: dict[str, Matrix], number: int) -> Stage:
        data = stack(chosen, inputs)
        return tuple(
            fit_network(*data, hidden=HIDDEN[number], seed=100 * number + seed)
            for seed in range(SEEDS)
        )

    stages: list[Stage] = []
    inputs = scaled
    for number in range(len(HIDDEN)):
        stages.append(fit_stage(pages, inputs, number))
        # Out-of-fold scores of this stage feed the next one (and choose the threshold).
        scores: dict[str, Matrix] = {}
        for fold in (0, 1):
            other = fit_stage([p for p in pages if _fold(p.name) != fold], inputs, number)
            for page in pages:
                if _fold(page.name) == fold:
                    scores[page.name] = stage_score(other, inputs[page.name])
        inputs = {p.name: next_inputs(scaled[p.name], scores[p.name], p.words) for p in pages}
    y = np.concatenate([p.labels[_seen(p)] for p in pages])
    weight = np.concatenate([np.full(int(_seen(p).sum()), 1.0 / per_set[p.dataset]) for p in pages])
    oof = np.concatenate([scores[p.name][_seen(p)] for p in pages])
    return LineModel(mean, scale, tuple(stages), _best_threshold(oof, y, weight))


def _seen(page: TrainingPage) -> Matrix:
    """Which of the page's lines carry a gold label."""
    seen: Matrix = ~np.isnan(page.labels)
    return seen


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path("../shared/datasets"))
    parser.add_argument("--out", type=Path, default=WEIGHTS)
    args = parser.parse_args()
    pages = load_training(args.data)
    model = train(pages)
    sets = ", ".join(name for name, _ in SETS)
    args.out.write_text(
        model.to_json(f"training half (is_training_page) of {sets}") + "\n", "utf-8"
    )
    print(f"{len(pages)} pages; threshold {model.threshold:.2f}; wrote {args.out}")


if __name__ == "__main__":
    main()
