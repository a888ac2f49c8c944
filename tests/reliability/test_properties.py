"""Whatever text comes in, each parser returns a result inside the text, in bounded time.

Pure parsers get more examples; the spaCy-backed extractors share one loaded pipeline and
get fewer, so the folder stays well under a minute.
"""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from storydiff.analyse.quantity_parse import parse_number
from storydiff.analyse.quotes.marks import find_quote_spans
from storydiff.analyse.timex.grammar import find_timexes
from storydiff.clean import clean_document
from storydiff.ingest.decode import decode, html_depth
from storydiff.ingest.feeds import feed_entries
from storydiff.ingest.files import to_document
from storydiff.ingest.jsonl import read_jsonl
from storydiff.ingest.warc import read_warc
from storydiff.model import Article, RawDocument, Rejection

from .strategies import NEWS_WORDS, article_text, html_text

PURE = settings(max_examples=150, deadline=2000, database=None)
# Cleaning runs the whole layout pass; a few hundred milliseconds is normal on a busy runner.
CLEANING = settings(max_examples=60, deadline=5000, database=None)
FILES = settings(
    max_examples=60,
    deadline=3000,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)


def _one_line(rejection: Rejection) -> None:
    assert rejection.reason and "\n" not in rejection.reason and len(rejection.reason) < 400


@PURE
@given(st.binary(max_size=4000), st.booleans(), st.sampled_from([None, "utf-8", "koi8-r", "bogus"]))
# Found by fuzz_document: a UTF-16 byte-order mark followed by a lone surrogate.
@example(data=b"\xff\xfe\x00\xd8\x41", html=True, charset="utf-8")
def test_any_bytes_become_a_document_or_a_rejection(
    data: bytes, html: bool, charset: str | None
) -> None:
    item = to_document(data, "fuzz", html_hint=html, charset=charset)
    if isinstance(item, Rejection):
        _one_line(item)
    else:
        assert item.content.strip() and item.kind in {"text", "html"}


@PURE
@given(st.binary(max_size=4000), st.sampled_from([None, "utf-8", "cp1252", "shift_jis", "x"]))
def test_decode_always_gives_text(data: bytes, declared: str | None) -> None:
    text, encoding = decode(data, declared)
    assert isinstance(text, str) and encoding


@PURE
@given(html_text)
def test_html_depth_is_bounded_by_the_tags(html: str) -> None:
    assert 0 <= html_depth(html) <= html.count("<")


@CLEANING
@given(article_text)
def test_cleaner_keeps_text_from_the_input(text: str) -> None:
    article = clean_document(RawDocument("fuzz", text, "text"))
    assert isinstance(article, Article)
    for line in filter(None, (x.strip() for x in article.text.splitlines())):
        assert line in text.replace("\r", "\n") or line.split()[0] in text


@CLEANING
@given(html_text)
def test_html_cleaner_returns_an_article(html: str) -> None:
    article = clean_document(RawDocument("https://news.example/a", html, "html"))
    assert isinstance(article, Article) and "<script" not in article.text.lower()


@PURE
@given(article_text)
def test_quote_spans_lie_inside_the_text(text: str) -> None:
    for span in find_quote_spans(text):
        assert 0 <= span.open <= span.start <= span.end <= span.close <= len(text)


@PURE
@given(article_text)
def test_timexes_lie_inside_the_text(text: str) -> None:
    for timex in find_timexes(text):
        assert 0 <= timex.start < timex.end <= len(text)


@PURE
@given(st.lists(st.one_of(st.sampled_from(NEWS_WORDS), st.text(max_size=8)), max_size=12))
def test_parse_number_gives_a_number_or_none(words: list[str]) -> None:
    value = parse_number(words)
    assert value is None or isinstance(value, float)


@PURE
@given(st.binary(max_size=3000))
def test_feed_parser_takes_any_bytes(data: bytes) -> None:
    for entry in feed_entries(b'<?xml version="1.0"?><rss><channel>' + data):
        assert entry.link


@FILES
@given(st.binary(max_size=3000), st.booleans())
def test_jsonl_reader_takes_any_bytes(tmp_path: Path, data: bytes, zipped: bool) -> None:
    path = _written(tmp_path / "x.jsonl", data, zipped=zipped)
    for item, _ in read_jsonl(path, "fuzz", 10_000):
        if isinstance(item, Rejection):
            _one_line(item)


def _written(path: Path, data: bytes, *, zipped: bool) -> Path:
    """``data`` saved at ``path``, or gzipped at ``path`` + ``.gz``."""
    if zipped:
        path = path.with_name(path.name + ".gz")
    path.write_bytes(gzip.compress(data) if zipped else data)
    return path


def _warc_record(body: bytes, ctype: bytes) -> bytes:
    http = b"HTTP/1.1 200 OK\r\nContent-Type: " + ctype + b"\r\n\r\n" + body
    head = (
        b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://news.example/a\r\n"
        b"Content-Type: application/http; msgtype=response\r\n"
        b"Content-Length: " + str(len(http)).encode() + b"\r\n\r\n"
    )
    return head + http + b"\r\n\r\n"


@FILES
@given(
    st.binary(max_size=2000),
    st.sampled_from([b"text/html", b"text/plain; charset=koi8-r", b"text/html; charset=\xff"]),
    st.integers(0, 3000),
    st.booleans(),
)
# Found by this test: a record cut inside its header crashed warcio (no target URI), and an
# archive with no whole record crashed the truncation check.
@example(body=b"", ctype=b"text/html", cut=146, zipped=False)
@example(body=b"", ctype=b"text/html", cut=240, zipped=False)
def test_warc_reader_takes_damaged_archives(
    tmp_path: Path, body: bytes, ctype: bytes, cut: int, zipped: bool
) -> None:
    whole = _warc_record(body, ctype) * 2
    data = whole[: len(whole) - cut] if cut < len(whole) else whole
    path = _written(tmp_path / "x.warc", data, zipped=zipped)
    for item, _ in read_warc(path, "fuzz", 10_000):
        assert isinstance(item, RawDocument | Rejection)
        if isinstance(item, Rejection):
            _one_line(item)


@FILES
@given(st.binary(max_size=3000), st.booleans())
def test_warc_reader_takes_any_bytes(tmp_path: Path, data: bytes, zipped: bool) -> None:
    path = _written(tmp_path / "x.warc", data, zipped=zipped)
    for item, _ in read_warc(path, "fuzz", 10_000):
        if isinstance(item, Rejection):
            _one_line(item)


@pytest.fixture(scope="module")
def analyse_one() -> object:
    """One spaCy pass over a text, with every extractor that reads the Doc."""
    from storydiff.analyse.article import analyse_articles

    def run(text: str) -> None:
        article = Article(key="k", source="fuzz", text=text)
        (analysis,) = analyse_articles([article])
        for record in (*analysis.quotes, *analysis.quantities, *analysis.times):
            assert 0 <= record.start <= record.end <= len(text)
            assert text[record.start : record.end] == record.text
        for quote in analysis.quotes:
            if quote.speaker_start is not None and quote.speaker_end is not None:
                assert 0 <= quote.speaker_start <= quote.speaker_end <= len(text)

    return run


@settings(
    max_examples=40,
    deadline=5000,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(article_text)
def test_extractors_cite_spans_of_the_text(analyse_one: object, text: str) -> None:
    assert callable(analyse_one)
    analyse_one(text)
