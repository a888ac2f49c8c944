"""The flow's progress names each stage with its counts (issue 18 item 3); -v logs each one's
time, so a run that sat at '0/?' and then '14/14' now says what it is doing."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from storydiff.cli import app
from storydiff.cli.stages import stage_line

REPO = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    ("stage", "done", "total", "line"),
    [
        ("read", 1, 0, "reading and cleaning: 1 document"),
        ("group", 0, 14, "grouping 14 articles into stories"),
        ("analyse", 2, 14, "analysing 2 of 14 articles"),
        ("align", 0, 1, "aligning 1 article: claims, quotes, stances, timeline"),
        ("write", 1, 3, "writing the dossier: 1 of 3 files"),
    ],
)
def test_each_stage_is_said_in_words(stage: str, done: int, total: int, line: str) -> None:
    assert stage_line(stage, done, total) == line


@pytest.mark.slow
def test_verbose_logs_every_stage_with_its_time(tmp_path: Path) -> None:
    story = str(REPO / "examples" / "story")
    result = CliRunner().invoke(app, ["-v", "analyze", story, "-o", str(tmp_path), "-q"])
    assert result.exit_code == 0, result.output
    said = [line for line in result.stderr.splitlines() if "storydiff.cli.stages" in line]
    assert [line.split(": ", 1)[1].rsplit(" (", 1)[0] for line in said] == [
        "reading and cleaning: 4 documents",
        "grouping 4 articles into stories",
        "analysing 4 of 4 articles",
        "aligning 4 articles: claims, quotes, stances, timeline",
        "writing the dossier: 3 of 3 files",
    ]
    assert all(line.endswith(" s)") for line in said)
