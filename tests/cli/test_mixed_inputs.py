"""Inputs about more than one story: said, and analysed the way the user chose (issue 18)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import Result
from typer.testing import CliRunner

from storydiff.cli import app

REPO = Path(__file__).resolve().parents[2]
STRAY = (
    "The city library will open a new reading room for children on Saturday, the head "
    "librarian Mara Lindqvist said. The room holds 4,000 picture books donated by local "
    "families over the past two years, and volunteers will read aloud every weekend."
)

pytestmark = pytest.mark.slow


def _mixed(folder: Path) -> Path:
    folder.mkdir()
    for article in (REPO / "examples" / "story").glob("*.txt"):
        shutil.copy(article, folder / article.name)
    (folder / "library.txt").write_text(STRAY, "utf-8")
    return folder


def _analyze_mixed(tmp_path: Path, *flags: str) -> tuple[Result, Path]:
    """``analyze`` on the example story and one stray article, with ``flags``; and OUTPUT."""
    out = tmp_path / "out"
    inputs = _mixed(tmp_path / "in")
    return CliRunner().invoke(app, ["analyze", str(inputs), "-o", str(out), *flags]), out


def test_a_stray_article_is_named_and_left_out_of_the_story(tmp_path: Path) -> None:
    result, out = _analyze_mixed(tmp_path, "-q")
    assert result.exit_code == 0, result.output
    assert "about 2 stories" in result.output and "--split" in result.output
    doc = json.loads((out / "dossier.json").read_text("utf-8"))
    assert len(doc["articles"]) == 4
    (stray,) = doc["rejected"]
    assert stray["source"].endswith("library.txt") and "another story" in stray["reason"]


def test_split_writes_one_dossier_per_story(tmp_path: Path) -> None:
    result, out = _analyze_mixed(tmp_path, "--split", "-q")
    assert result.exit_code == 0, result.output
    sizes = [
        len(json.loads((out / f"story-{n}" / "dossier.json").read_text("utf-8"))["articles"])
        for n in (1, 2)
    ]
    assert sizes == [4, 1]


def test_one_storys_articles_years_apart_stay_one_story(tmp_path: Path) -> None:
    """A dispute runs for years: dates never split what the user gathered."""
    story = REPO / "examples" / "story"
    dates = ["--published", "01_wirewatch_vote.txt=2019-01-10"]
    dates += ["--published", "03_estuary_voices_dredgers.txt=2025-06-01"]
    result = CliRunner().invoke(
        app, ["analyze", str(story), *dates, "-o", str(tmp_path / "out"), "-q"]
    )
    assert result.exit_code == 0, result.output
    assert "warning" not in result.output
    doc = json.loads((tmp_path / "out" / "dossier.json").read_text("utf-8"))
    assert len(doc["articles"]) == 4 and not doc["rejected"]


def test_one_story_keeps_every_input(tmp_path: Path) -> None:
    result, out = _analyze_mixed(tmp_path, "--one-story", "-q")
    assert result.exit_code == 0, result.output
    assert "stories" not in result.output
    doc = json.loads((out / "dossier.json").read_text("utf-8"))
    assert len(doc["articles"]) == 5 and not doc["rejected"]


def test_strict_exits_3_when_an_input_is_left_out(tmp_path: Path) -> None:
    result, out = _analyze_mixed(tmp_path, "--strict", "-q")
    assert result.exit_code == 3, result.output
    assert "library.txt" in result.output and "--strict" in result.output
    assert len(json.loads((out / "dossier.json").read_text("utf-8"))["articles"]) == 4
    story = REPO / "examples" / "story"
    clean = CliRunner().invoke(app, ["analyze", str(story), "-o", str(tmp_path / "o2"), "--strict"])
    assert clean.exit_code == 0, clean.output


def test_the_run_names_the_issue_and_asks_for_missing_outlets(tmp_path: Path) -> None:
    result, _ = _analyze_mixed(tmp_path, "--one-story")
    assert result.exit_code == 0, result.output
    assert "stances are on" in result.output
    assert "no outlet is known for 1 article" in result.output and "--sidecar" in result.output


def test_split_and_one_story_together_are_refused(tmp_path: Path) -> None:
    story = REPO / "examples" / "story"
    args = ["analyze", str(story), "-o", str(tmp_path / "out"), "--split", "--one-story"]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 2
    assert "--split and --one-story" in result.output and "Traceback" not in result.output
