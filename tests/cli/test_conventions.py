"""Command-line conventions of the field's tools: --version, -h, a printable schema."""

from __future__ import annotations

import json

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
