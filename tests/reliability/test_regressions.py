"""Crashes and blow-ups the property tests, fuzzing and the hostile corpus found: each stays
here as a regression test once fixed."""

from __future__ import annotations

from pathlib import Path

import pytest

from storydiff.analyse.timex.resolve import resolve_time
from storydiff.ingest.sidecar import iso_date
from storydiff.model import Article, RawDocument, Rejection, TimeRecord


@pytest.mark.parametrize("stated", ["2017-02-30", "2017-13-01", "2017-13", "0000"])
def test_impossible_stated_dates_are_not_dates(stated: str) -> None:
    assert iso_date(stated) is None


@pytest.mark.parametrize("anchor", ["2017-02-30", "0000-01-01"])
def test_impossible_anchor_leaves_the_time_unresolved(anchor: str) -> None:
    value, why = resolve_time(TimeRecord(0, 9, "yesterday", None, "day", -1), anchor)
    assert value is None and why


@pytest.mark.slow
def test_page_with_too_much_text_is_rejected_not_fatal() -> None:
    from storydiff.pipeline import RunStats, _clean_all, build_story
    from storydiff.store import open_store

    html = "<html><body><p>" + "The council met again. " * 46_000 + "</p></body></html>"
    stats = RunStats()
    articles = _clean_all([RawDocument("big.html", html, "html")], stats)
    if not articles:  # the fix may reject the page while cleaning, with a reason
        assert stats.rejected and "\n" not in stats.rejected[0].reason
        return
    store = open_store(":memory:")
    build_story(articles, store, stats)


# A hang guard, not a speed test: spaCy alone spends about 2.5 s of 2 cores on this text (a 4 s
# limit failed once under CI load), while a pass quadratic in the 8,000 marks would take tens of
# millions of Python steps, far over the limit.
@pytest.mark.slow
@pytest.mark.timeout(20, func_only=True)
@pytest.mark.usefixtures("nlp_loaded")
def test_a_long_run_of_quotation_marks_is_analysed_quickly() -> None:
    from storydiff.analyse.article import analyse_articles

    text = "The minister said no. " + "“‘«„" * 2000 + " Then she left."
    (analysis,) = analyse_articles([Article(key="k", source="marks.txt", text=text)])
    assert analysis.sentences


@pytest.fixture(scope="module")
def nlp_loaded() -> None:
    from storydiff.analyse.nlp import load_nlp

    load_nlp()


def test_texts_given_in_memory_are_storable() -> None:
    """Issue 15: the in-memory entry point (storydiff.analyze({name: text})) scrubs as ingest
    does, so no NUL or lone surrogate reaches the store or the dossier."""
    from storydiff.api import _from_memory

    text = "The council delayed the vote on the port lease on Tuesday. " * 6
    (article,) = _from_memory({"a\ud800.txt": text + "\x00 More\ud800 words."})
    assert "\x00" not in article.text and article.source == "a\ufffd.txt"
    article.text.encode("utf-8")


def _warc_of_a_404() -> bytes:
    return _warc_record(b"HTTP/1.1 404 Not Found", b"gone")


def _warc_record(status: bytes, body: bytes) -> bytes:
    http = status + b"\r\nContent-Type: text/html\r\n\r\n" + body
    head = (
        b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://news.example/a\r\n"
        b"Content-Type: application/http; msgtype=response\r\n"
        b"Content-Length: " + str(len(http)).encode() + b"\r\n\r\n"
    )
    return head + http + b"\r\n\r\n"


@pytest.mark.parametrize(
    ("name", "data", "words"),
    [
        ("empty.jsonl", b"", "no records"),
        ("blank.jsonl", b"\n  \n\n", "no records"),
        ("list.json", b"[]", "no records"),
        ("none.warc", b"", "no pages"),
        ("only-404.warc", _warc_of_a_404(), "no pages"),
    ],
)
def test_an_export_with_nothing_in_it_is_named(
    tmp_path: Path, name: str, data: bytes, words: str
) -> None:
    """Found by the CLI property test: these files were neither analysed nor named."""
    from storydiff.ingest import InputReader

    (tmp_path / name).write_bytes(data)
    (item,) = InputReader().read([tmp_path / name])
    assert isinstance(item, Rejection) and item.source == str(tmp_path / name)
    assert words in item.reason and "\n" not in item.reason


def test_an_uncompressed_archive_cut_in_its_last_record_says_so(tmp_path: Path) -> None:
    """Found by the CLI property test: a .warc cut inside its last record's HTTP headers lost
    that page without a word, and one cut inside the page kept the cut page as whole."""
    from storydiff.ingest.warc import read_warc

    page = _warc_record(b"HTTP/1.1 200 OK", b"The council delayed the vote on Tuesday.")
    whole = page.replace(b"news.example/a", b"news.example/0") + page
    for cut in range(5, len(page) - 100):  # the two closing CRLFs may go; nothing more
        path = tmp_path / "cut.warc"
        path.write_bytes(whole[:-cut])
        items = [item for item, _ in read_warc(path, "cut.warc", 10_000)]
        assert any(isinstance(item, Rejection) and item.source == "cut.warc" for item in items), (
            cut,
            items,
        )
