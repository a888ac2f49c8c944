"""Inputs that are not news (help pages, login walls) are named as such, news never is."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from storydiff.clean import clean_document
from storydiff.clean.news_like import not_news_reason
from storydiff.cli import app
from storydiff.model import RawDocument

REPO = Path(__file__).resolve().parents[2]
NOT_NEWS = sorted((REPO / "tests" / "data" / "not_news").glob("*.txt"))
runner = CliRunner()


def _text(path: Path) -> str:
    return clean_document(RawDocument(str(path), path.read_text("utf-8"), "text")).text


@pytest.mark.parametrize("path", NOT_NEWS, ids=lambda p: p.name)
def test_help_pages_do_not_read_as_news(path: Path) -> None:
    reason = not_news_reason(_text(path))
    assert reason is not None and reason.startswith("does not read as a news article")


def test_news_reads_as_news(shared: Path) -> None:
    news = sorted((REPO / "examples" / "story").glob("*.txt"))
    news += sorted((shared / "seeds").glob("*.txt"))
    assert len(news) >= 4
    assert [p.name for p in news if not_news_reason(_text(p))] == []


def test_a_help_page_among_news_is_left_out_with_a_warning(tmp_path: Path) -> None:
    folder = REPO / "examples" / "story"
    result = runner.invoke(
        app, ["analyze", "-q", str(folder), str(NOT_NEWS[0]), "-o", str(tmp_path)]
    )
    assert result.exit_code == 0, result.output
    assert "1 input does not read as news and is left out" in result.output
    assert f"skipped {NOT_NEWS[0]}: does not read as a news article" in result.output


def test_a_folder_of_help_pages_is_analysed_with_a_warning(tmp_path: Path) -> None:
    folder = REPO / "tests" / "data" / "not_news"
    result = runner.invoke(app, ["analyze", "-q", str(folder), "-o", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert f"none of the {len(NOT_NEWS)} inputs reads as a news article" in result.output


def test_a_headline_alone_is_named_as_such() -> None:
    reason = not_news_reason("Suspect in harbour shooting surrenders after hours-long standoff")
    assert reason is not None and reason.startswith("only a headline is left after cleaning")
    brief = (
        "Suspect in harbour shooting surrenders.\n\nA man who fired at a ferry surrendered on "
        "Tuesday, police said."
    )
    assert not_news_reason(brief) is None
    one_line_brief = "A man who fired at a ferry surrendered on Tuesday, police said."
    assert not_news_reason(one_line_brief) is None
    assert not_news_reason("").startswith("nothing is left after cleaning")
