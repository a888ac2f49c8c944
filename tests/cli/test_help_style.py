"""Help as the field's tools write it, and -v (issue 18 item 3): flags shown as flags, help text
that flows, the choices of an enumerated option listed, library warnings logged only with -v."""

from __future__ import annotations

import json
import logging
import warnings
from typing import Any

import pytest
from typer.testing import CliRunner

from storydiff.cli import app
from storydiff.cli.app import flowing, logged_warnings
from storydiff.evaluate import DATASETS

runner = CliRunner()


def test_enumerated_options_list_their_choices() -> None:
    result = runner.invoke(app, ["eval", "extraction", "-h"], terminal_width=200)
    assert all(name in result.output for name in DATASETS)


def test_flags_are_shown_as_flags() -> None:
    result = runner.invoke(app, ["analyze", "-h"], terminal_width=200)
    quiet = next(line for line in result.output.splitlines() if "--quiet" in line)
    assert "<bool>" not in quiet and "No progress bar" in quiet
    assert "--no-allow-private" not in result.output


@pytest.mark.parametrize(
    ("docstring", "flowed"),
    [
        ("One line.\n\nA sentence\nbroken here.", "One line.\n\nA sentence broken here."),
        (
            "Examples:\n\n  storydiff a\n  storydiff b\n\nAfter.",
            "Examples:\n\n  storydiff a\n  storydiff b\n\nAfter.",
        ),
        ("Shown.\n\f\nHidden.", "Shown."),
    ],
)
def test_help_paragraphs_flow_and_examples_keep_their_lines(docstring: str, flowed: str) -> None:
    assert flowing(docstring) == flowed


@pytest.mark.parametrize("verbose", [False, True])
def test_library_warnings_reach_the_terminal_only_with_verbose(
    verbose: bool, capsys: pytest.CaptureFixture[str]
) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("always")
        with logged_warnings(verbose):
            warnings.warn("tick advice", UserWarning, stacklevel=1)
    err = capsys.readouterr().err
    assert ("UserWarning: tick advice" in err) is verbose


def test_verbose_goes_before_any_command() -> None:
    for flag in ("-v", "--verbose"):
        result = runner.invoke(app, [flag, "schema"])
        assert result.exit_code == 0, result.output
        assert "properties" in json.loads(result.stdout)


def test_matplotlib_advice_goes_to_the_log(
    caplog: pytest.LogCaptureFixture, capsys: pytest.CaptureFixture[str]
) -> None:
    from storydiff.report import charts

    def draw() -> Any:
        warnings.warn("consider a MaxNLocator", UserWarning, stacklevel=1)
        return charts._figure(1, 1)

    with caplog.at_level(logging.INFO, logger="storydiff"):
        svg = charts._svg(draw)
    assert svg.startswith("<?xml")
    assert "MaxNLocator" in caplog.text and "MaxNLocator" not in capsys.readouterr().err
