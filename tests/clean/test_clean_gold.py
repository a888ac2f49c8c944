"""The clean stage against gold: the shared seed articles and the invented example story.

Both gold files use one schema (see shared/gold/README.md). Every check here is one the
project's evaluation scores: body start and end, no boilerplate left, a duplicated caption at
most once, title/outlet/author/credit where gold gives them, and no silently guessed date.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from storydiff.clean import clean_document
from storydiff.model import Article, RawDocument

REPO = Path(__file__).resolve().parents[2]
SHARED = REPO / ".." / "shared"
SETS = {
    "seeds": (SHARED / "gold" / "seeds.json", SHARED / "seeds"),
    "example": (REPO / "examples" / "gold.json", REPO / "examples" / "story"),
}
# What the content dates each seed to (see each article's published_note in seeds.json).
# (latest year each body mentions, year the gold note places it in): an honest estimate
# lies between them — it must not guess a year later than the article was written.
SEED_YEARS = {
    "000_31a11feff95758c6.txt": (2008, 2017),
    "001_6c1bc6534c3d9a21.txt": (2014, 2018),
    "002_2c7c834008df57e6.txt": (2008, 2017),
}
CLOSING_QUOTES = "”\"’'"


def _gold(name: str) -> dict[str, Any]:
    path, folder = SETS[name]
    if not path.is_file() or not folder.is_dir():
        pytest.skip(f"{name} gold not found at {path.resolve()} (needs {folder.resolve()})")
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


@cache
def _clean(name: str, file: str) -> Article:
    folder = SETS[name][1]
    text = (folder / file).read_text(encoding="utf-8")
    return clean_document(RawDocument(str(folder / file), text, "text"))


def _cases(name: str) -> list[tuple[str, str]]:
    path = SETS[name][0]
    if not path.is_file():
        return [(name, "(gold missing)")]
    articles = json.loads(path.read_text(encoding="utf-8"))["articles"]
    return [(name, file) for file in sorted(articles)]


CASES = _cases("seeds") + _cases("example")


def _article_gold(name: str, file: str) -> tuple[Article, dict[str, Any]]:
    gold = _gold(name)["articles"][file]
    return _clean(name, file), gold


@pytest.mark.parametrize(("name", "file"), CASES)
def test_body_bounds(name: str, file: str) -> None:
    article, gold = _article_gold(name, file)
    text = article.text.strip()
    assert text.startswith(gold["body_starts"])
    # Gold's end may stop before the closing quotation mark of the last quote.
    assert text.rstrip(CLOSING_QUOTES).endswith(gold["body_ends"].rstrip(CLOSING_QUOTES))


@pytest.mark.parametrize(("name", "file"), CASES)
def test_no_boilerplate_left(name: str, file: str) -> None:
    article, gold = _article_gold(name, file)
    assert [line for line in gold["boilerplate"] if line in article.text] == []


@pytest.mark.parametrize(("name", "file"), CASES)
def test_caption_at_most_once(name: str, file: str) -> None:
    article, gold = _article_gold(name, file)
    if not gold.get("caption_once"):
        pytest.skip("no duplicated caption in this article")
    assert article.text.count(gold["caption_once"]) <= 1


@pytest.mark.parametrize(("name", "file"), CASES)
@pytest.mark.parametrize("field", ["title", "outlet", "author", "credit"])
def test_metadata(name: str, file: str, field: str) -> None:
    article, gold = _article_gold(name, file)
    if gold.get(field) is None:
        pytest.skip(f"gold gives no {field}")
    assert getattr(article, field) == gold[field]


@pytest.mark.parametrize(("name", "file"), CASES)
def test_published_only_when_stated(name: str, file: str) -> None:
    article, gold = _article_gold(name, file)
    assert article.published == gold["published"]
    if article.published is not None:
        assert article.published_estimate is None


@pytest.mark.parametrize("file", sorted(SEED_YEARS))
def test_seed_date_estimate(file: str) -> None:
    article, gold = _article_gold("seeds", file)
    assert gold["published"] is None
    estimate = article.published_estimate
    assert estimate is not None
    low, high = SEED_YEARS[file]
    assert low <= int(estimate.value[:4]) <= high
    assert "not stated" in estimate.evidence


@pytest.mark.parametrize("name", ["seeds", "example"])
def test_gold_spans_survive(name: str) -> None:
    """Quotes and quantities gold reads out of the body must still be in the cleaned text."""
    gold = _gold(name)
    missing = [
        (item["file"], item["text"])
        for section in ("quotes", "quantities")
        for item in gold.get(section, [])
        if item["text"] not in _clean(name, item["file"]).text
    ]
    assert missing == []
