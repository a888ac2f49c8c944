"""Issue 15: ``--published FILE=DATE`` takes only real dates and dates only the file it names."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pytest
from typer.testing import CliRunner

from storydiff.cli import app
from storydiff.errors import InputError
from storydiff.model import Article, DateEstimate
from storydiff.pipeline import PublishedDates

GOOD = "The council delayed the vote on the port lease on Tuesday. " * 6
runner = CliRunner()


@pytest.mark.parametrize("date", ["2017-13-45", "0000", "2017-02-30", "0999-01-01", "2017-1-5"])
def test_an_impossible_published_date_is_one_line(tmp_path: Path, date: str) -> None:
    (tmp_path / "a.txt").write_text(GOOD, "utf-8")
    args = [
        "analyze",
        "-q",
        str(tmp_path),
        "--published",
        f"a.txt={date}",
        "-o",
        str(tmp_path / "o"),
    ]
    result = runner.invoke(app, args)
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert result.exit_code == 2 and len(lines) == 1, result.output
    line = lines[0]
    assert f"a.txt={date}" in line and "YYYY-MM-DD" in line


def _article(source: str) -> Article:
    return Article(key=source, source=source, text=GOOD)


def test_published_with_a_folder_dates_only_that_path() -> None:
    apply = PublishedDates(["a/x.txt=2017-03-10"])
    a, b = _article("in/a/x.txt"), _article("in/b/x.txt")
    a, b = apply(a), apply(b)
    assert (a.published, b.published) == ("2017-03-10", None)


def test_a_given_date_replaces_the_estimate() -> None:
    estimate = DateEstimate("2009", "the Obama administration (2009–2017)")
    article = replace(_article("in/a.txt"), published_estimate=estimate)
    dated = PublishedDates(["a.txt=2016-09-28"])(article)
    assert (dated.published, dated.published_estimate) == ("2016-09-28", None)


def test_published_bare_name_dates_the_one_file_of_that_name() -> None:
    apply = PublishedDates(["x.txt=2017-03"])
    a, b = _article("in/a/x.txt"), _article("in/b/y.txt")
    a, b = apply(a), apply(b)
    assert (a.published, b.published) == ("2017-03", None)


def test_published_bare_name_of_two_files_is_an_error() -> None:
    apply = PublishedDates(["x.txt=2017"])
    apply(_article("in/a/x.txt"))
    with pytest.raises(InputError, match=re.escape("matches both in/a/x.txt and in/b/x.txt")):
        apply(_article("in/b/x.txt"))


def test_a_published_name_matching_no_input_is_one_line_before_any_work(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(GOOD, "utf-8")
    out = tmp_path / "o"
    args = ["analyze", "-q", str(tmp_path), "--published", "typo.txt=2017-03-10", "-o", str(out)]
    result = runner.invoke(app, args)
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert result.exit_code == 2 and len(lines) == 1, result.output
    assert "typo.txt=2017-03-10 names no input" in lines[0] and "a.txt" in lines[0]
    assert not (out / "dossier.json").exists()


def test_a_sidecar_naming_none_of_the_inputs_is_one_line(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(GOOD, "utf-8")
    sidecar = tmp_path / "meta.csv"
    sidecar.write_text("file,published\nnope.txt,2017-03-10\n", "utf-8")
    args = ["analyze", "-q", str(tmp_path / "in"), "--sidecar", str(sidecar), "-o", str(tmp_path)]
    result = runner.invoke(app, args)
    assert result.exit_code == 2 and "none of its 1 entries names an input" in result.output
    sidecar.write_text("file,published\nnope.txt,2017-03-10\na.txt,2017-03-11\n", "utf-8")
    assert runner.invoke(app, args).exit_code == 0  # a sidecar for more files than one run
