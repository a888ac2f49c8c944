"""The CLI's new input options fail with one clear line before any analysis starts."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from storydiff.cli import app

runner = CliRunner()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["analyze", "--quiet", "a.txt", "--sidecar", "missing.csv"], "no such file"),
        (["analyze", "--quiet", "a.txt", "--max-bytes", "0"], "must be positive"),
        (["eval", "cleaning", "--dataset", "l3s-gn1", "--data", "nowhere"], "no such folder"),
    ],
)
def test_bad_options_are_one_line(tmp_path: Path, args: list[str], message: str) -> None:
    result = runner.invoke(app, args)
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert result.exit_code == 2, result.output
    assert len(lines) == 1 and lines[0].startswith("error:") and message in lines[0]


def test_an_unknown_data_set_is_refused_with_the_choices() -> None:
    result = runner.invoke(app, ["eval", "extraction", "--dataset", "bogus", "--data", "."])
    assert result.exit_code == 2
    assert "'bogus' is not one of" in result.output and "l3s-gn1" in result.output


def test_unreachable_url_only_input_is_one_line(tmp_path: Path) -> None:
    result = runner.invoke(
        app, ["analyze", "--quiet", "http://127.0.0.1:9/x", "-o", str(tmp_path / "o")]
    )
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert result.exit_code == 2 and len(lines) == 1 and "allow-private" in lines[0]
