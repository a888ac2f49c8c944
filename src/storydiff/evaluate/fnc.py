"""The support model (``align.support``) on FNC-1: does a body agree with, disagree with,
discuss, or not concern a headline?

FNC-1's training pairs are split by body: a fixed fifth of the bodies (by a hash of the body
id) is our dev set, never trained on, so every dev body is unseen (its headlines' claims may
appear with other bodies in training, as in FNC-1's own hold-out split). The competition test
set is not used. Scored with the official weighting — +0.25 for each right related/unrelated
call, +0.75 more for the exact stance of a related pair, as a percentage of the best possible
— and with macro-F1 over the four classes, which the FNC score flatters less (Hanselowski et
al. 2018). The published figure beside it, 82.02 (Talos, best system of the challenge), is on
the competition test set, so it is a landmark, not a like-for-like comparison.
"""

from __future__ import annotations

import csv
import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

LABELS = ("agree", "disagree", "discuss", "unrelated")
RELATED = ("agree", "disagree", "discuss")
PUBLISHED = {"Talos (competition test set)": 82.02, "Athene": 81.97, "UCL Machine Reading": 81.72}
DEV_SHARE = 5  # one body in five is dev

Judge = Callable[[Sequence[tuple[str, str]]], list[dict[str, float]]]


@dataclass(frozen=True, slots=True)
class Pair:
    headline: str
    body_id: int
    body: str
    stance: str


def _body_key(body_id: int) -> int:
    return int(hashlib.sha1(f"fnc1-body-{body_id}".encode()).hexdigest()[:8], 16)


def is_dev_body(body_id: int) -> bool:
    """Whether a body belongs to the dev fifth (fixed: a hash of its id)."""
    return _body_key(body_id) % DEV_SHARE == 0


def load_pairs(folder: Path) -> list[Pair]:
    """Every (headline, body, stance) of ``train_stances.csv``/``train_bodies.csv``, file order."""
    csv.field_size_limit(10_000_000)
    with (folder / "train_bodies.csv").open(encoding="utf-8", newline="") as handle:
        bodies = {int(row["Body ID"]): row["articleBody"] for row in csv.DictReader(handle)}
    with (folder / "train_stances.csv").open(encoding="utf-8", newline="") as handle:
        return [
            Pair(row["Headline"], int(row["Body ID"]), bodies[int(row["Body ID"])], row["Stance"])
            for row in csv.DictReader(handle)
        ]


def split_pairs(pairs: Sequence[Pair]) -> tuple[list[Pair], list[Pair]]:
    """(train, dev). Dev is ordered body by body (by the body's hash), so a prefix of it
    covers whole bodies and embeds few texts."""
    train = [p for p in pairs if not is_dev_body(p.body_id)]
    dev = [p for p in pairs if is_dev_body(p.body_id)]
    order = sorted(range(len(dev)), key=lambda i: (_body_key(dev[i].body_id), i))
    return train, [dev[i] for i in order]


def fnc_score(gold: Sequence[str], predicted: Sequence[str]) -> float:
    """The official FNC-1 score as a percentage of the best possible score."""
    score = best = 0.0
    for g, p in zip(gold, predicted, strict=True):
        best += 0.25 if g == "unrelated" else 1.0
        if (g == "unrelated") == (p == "unrelated"):
            score += 0.25
            if g != "unrelated" and g == p:
                score += 0.75
    return 100.0 * score / best if best else 0.0


def f1_by_label(
    gold: Sequence[str], predicted: Sequence[str], *, labels: Sequence[str] = LABELS
) -> dict[str, float]:
    """F1 of each label (0 where a label is neither gold nor predicted)."""
    scores = {}
    for label in labels:
        hits = sum(1 for g, p in zip(gold, predicted, strict=True) if g == p == label)
        said = sum(1 for p in predicted if p == label)
        true = sum(1 for g in gold if g == label)
        scores[label] = 2 * hits / (said + true) if said + true else 0.0
    return scores


def confusion(
    gold: Sequence[str], predicted: Sequence[str], *, labels: Sequence[str] = LABELS
) -> dict[str, dict[str, int]]:
    """Counts by gold label (rows) and predicted label."""
    table = {g: dict.fromkeys(labels, 0) for g in labels}
    for g, p in zip(gold, predicted, strict=True):
        table[g][p] += 1
    return table


def score(gold: Sequence[str], predicted: Sequence[str]) -> dict[str, Any]:
    """FNC score, macro-F1, per-label F1, related/unrelated accuracy and the confusion."""
    per_label = f1_by_label(gold, predicted)
    related_right = sum(
        1 for g, p in zip(gold, predicted, strict=True) if (g == "unrelated") == (p == "unrelated")
    )
    return {
        "pairs": len(gold),
        "fnc_score": round(fnc_score(gold, predicted), 2),
        "macro_f1": round(sum(per_label.values()) / len(LABELS), 4),
        "f1": {label: round(value, 4) for label, value in per_label.items()},
        "related_accuracy": round(related_right / len(gold), 4) if gold else 0.0,
        "confusion": confusion(gold, predicted),
    }


def _default_judge(pairs: Sequence[tuple[str, str]]) -> list[dict[str, float]]:
    from storydiff.align.support import support_batch

    return support_batch(pairs)


def evaluate_fnc(
    folder: Path, *, limit: int | None = None, judge: Judge = _default_judge
) -> dict[str, Any]:
    """Score ``judge`` on the dev bodies of FNC-1 train (the first ``limit`` dev pairs)."""
    _, dev = split_pairs(load_pairs(folder))
    if limit is not None:
        dev = dev[:limit]
    judged = judge([(p.headline, p.body) for p in dev])
    predicted = [max(probabilities, key=probabilities.__getitem__) for probabilities in judged]
    result = score([p.stance for p in dev], predicted)
    result["bodies"] = len({p.body_id for p in dev})
    result["split"] = "held-out fifth of FNC-1 train bodies (hash of body id); not the test set"
    result["published"] = PUBLISHED
    return result
