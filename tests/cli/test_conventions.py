"""Command-line conventions of the field's tools: --version, -h, a printable schema."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

import storydiff
from storydiff.cli import app
from storydiff.report.json_dossier import SCHEMA_ID

runner = CliRunner()


def test_version_flag_prints_the_package_version() -> None:
    for flag in ("--version", "-V"):
        result = runner.invoke(app, [flag])
        assert result.exit_code == 0
        assert result.output.strip() == f"storydiff {storydiff.__version__}"


def test_python_dash_m_runs_the_same_command_line() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "storydiff", "--version"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == f"storydiff {storydiff.__version__}"


def test_short_help_works_on_every_level() -> None:
    for args in ([], ["analyze"], ["eval"], ["eval", "gva"], ["schema"]):
        result = runner.invoke(app, [*args, "-h"])
        assert result.exit_code == 0, (args, result.output)
        assert "Usage:" in result.output


def test_schema_prints_the_shipped_json_schema() -> None:
    result = runner.invoke(app, ["schema"])
    assert result.exit_code == 0
    schema = json.loads(result.output)
    assert schema["properties"]["schema"]["const"] == SCHEMA_ID


@pytest.mark.parametrize(
    ("command", "code"),
    [
        (["analyze", "{tmp}/missing", "-o", "{tmp}/out"], "E001"),
        (["stories", "--db", "{tmp}/not-a-db.txt"], "E005"),
        (["eval", "quantities", "{tmp}/gold.json"], "E006"),
        (["eval", "timex", "--tempeval", "{tmp}"], "E006"),
    ],
)
def test_an_error_is_one_line_led_by_its_code(
    tmp_path: Path, command: list[str], code: str
) -> None:
    (tmp_path / "not-a-db.txt").write_text("plain text, not SQLite " * 100, "utf-8")
    (tmp_path / "gold.json").write_text('{"sentences": ', "utf-8")
    (tmp_path / "a.tml").write_text("<TimeML>no text element</TimeML>", "utf-8")
    result = runner.invoke(app, [arg.format(tmp=tmp_path) for arg in command])
    assert result.exit_code == 2 and "Traceback" not in result.output, result.output
    assert result.output.strip().startswith(f"error: [{code}] "), result.output
    assert len(result.output.strip().splitlines()) == 1
