"""Wire copies, near-copies and excerpts are one report (``align.duplicates``)."""

from __future__ import annotations

from pathlib import Path

from storydiff.align.duplicates import MIN_EXCERPT_SHINGLES, duplicate_links, shingles
from storydiff.model import Article

STORY = Path(__file__).resolve().parents[2] / "examples" / "story"


def _article(key: str, text: str) -> Article:
    return Article(key=key, source=f"{key}.txt", text=text)


def _texts() -> list[str]:
    return [p.read_text("utf-8") for p in sorted(STORY.glob("*.txt"))]


def _excerpt(text: str, words: int) -> str:
    return " ".join(text.split()[:words]) + "\n\nClick here to read the full story."


def test_an_excerpt_is_a_copy_of_the_full_text_whichever_comes_first() -> None:
    full = _texts()[0]
    part = _excerpt(full, 120)
    assert len(shingles(part)) >= MIN_EXCERPT_SHINGLES
    first = [_article("part", part), _article("full", full)]
    assert duplicate_links(first) == {"part": "full"}
    assert duplicate_links(list(reversed(first))) == {"part": "full"}


def test_a_near_copy_a_few_words_longer_stays_the_copy() -> None:
    full = _texts()[0]
    longer = full + "\n\nThis story has been updated."
    assert duplicate_links([_article("first", full), _article("wire", longer)]) == {"wire": "first"}


def test_copies_of_an_excerpt_follow_it_to_the_full_text() -> None:
    full = _texts()[0]
    part = _excerpt(full, 120)
    links = duplicate_links(
        [_article("part", part), _article("again", part), _article("full", full)]
    )
    assert links == {"part": "full", "again": "full"}


def test_different_reports_and_short_shared_passages_stay_apart() -> None:
    texts = _texts()
    articles = [_article(f"a{k}", t) for k, t in enumerate(texts)]
    assert duplicate_links(articles) == {}
    short = _excerpt(texts[0], 30)  # a shared lead of 30 words is not a copy
    assert duplicate_links([_article("short", short), articles[0]]) == {}
