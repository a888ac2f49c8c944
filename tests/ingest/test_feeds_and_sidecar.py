"""Feeds name articles that are then fetched; sidecars and stated metadata reach articles."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from storydiff.errors import InputError
from storydiff.ingest import InputOptions, InputReader, load_sidecar
from storydiff.ingest.sidecar import with_metadata
from storydiff.model import Article, RawDocument, Rejection
from storydiff.pipeline import RunStats, _clean_all

from .conftest import ARTICLE_HTML

HTML = {"Content-Type": "text/html; charset=utf-8"}


def _rss(links: list[str]) -> str:
    items = "".join(
        f"<item><title>Story {i}</title><link>{link}</link>"
        f"<pubDate>Fri, 10 Mar 2017 08:00:00 GMT</pubDate></item>"
        for i, link in enumerate(links)
    )
    return (
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>{items}</channel></rss>'
    )


def test_feed_file_entries_are_fetched(tmp_path: Path, serve: Callable[..., Any]) -> None:
    server = serve({"/a": (200, HTML, ARTICLE_HTML), "/b": (500, HTML, b"oops")})
    feed = tmp_path / "news.xml"
    feed.write_text(_rss([server.url("/a"), server.url("/b")]), "utf-8")
    reader = InputReader(InputOptions(allow_private=True))
    reader.fetcher = None
    items = list(reader.read([feed]))
    reader.close()
    docs = [i for i in items if isinstance(i, RawDocument)]
    assert [d.source for d in docs] == [server.url("/a")] and docs[0].kind == "html"
    assert any(isinstance(i, Rejection) and "500" in i.reason for i in items)
    assert reader.metadata[server.url("/a")].published == "2017-03-10"


def test_feed_url_and_url_list(tmp_path: Path, serve: Callable[..., Any]) -> None:
    server = serve({"/a": (200, HTML, ARTICLE_HTML)})
    server.routes["/feed"] = (
        200,
        {"Content-Type": "application/rss+xml"},
        _rss([server.url("/a")]).encode(),
    )
    urls = tmp_path / "urls.txt"
    urls.write_text(f"# my list\n{server.url('/a')}\n", "utf-8")
    reader = InputReader(InputOptions(allow_private=True))
    items = list(reader.read([server.url("/feed"), str(urls)]))
    reader.close()
    assert [type(i) for i in items] == [RawDocument, RawDocument]


def test_stdin_is_read(tmp_path: Path) -> None:
    text = "The council delayed the vote on the port lease on Tuesday. " * 3
    reader = InputReader(stdin=io.BytesIO(text.encode()))
    (doc,) = list(reader.read(["-"]))
    assert isinstance(doc, RawDocument) and doc.source == "<stdin>"


def test_news_please_jsonl_on_stdin_keeps_its_metadata() -> None:
    """A news-please export piped in: one document per line, its date_publish, source_domain
    and authors read as the article's date, outlet and author."""
    lines = [
        '{"title": "Vote passes", "maintext": "The council approved the lease.", '
        '"date_publish": "2017-03-14 09:41:00", "source_domain": "example.org", '
        '"authors": ["Ana Test", "Bo Test"], "url": "https://example.org/a"}',
        '{"title": "Lease approved", "maintext": "The lease was approved on Tuesday.", '
        '"publishing_date": "2017-03-15T10:00:00Z", "publisher": "Harbour Daily"}',
    ]
    reader = InputReader(stdin=io.BytesIO("\n".join(lines).encode()))
    docs = [d for d in reader.read(["-"]) if isinstance(d, RawDocument)]
    assert len(docs) == 2
    first, second = (reader.metadata[d.source] for d in docs)
    assert (first.published, first.outlet, first.author) == (
        "2017-03-14",
        "example.org",
        "Ana Test, Bo Test",
    )
    assert (second.published, second.outlet) == ("2017-03-15", "Harbour Daily")


def test_piped_text_opening_with_a_bracket_is_one_article() -> None:
    text = "[Updated] The council delayed the vote on the port lease on Tuesday. " * 3
    reader = InputReader(stdin=io.BytesIO(text.encode()))
    (doc,) = list(reader.read(["-"]))
    assert isinstance(doc, RawDocument) and doc.source == "<stdin>"


def test_sidecar_csv_and_json(tmp_path: Path) -> None:
    csv_file = tmp_path / "meta.csv"
    csv_file.write_text("file,published,outlet,author\na.txt,2017-03-10,Harbour Daily,Jane Doe\n")
    json_file = tmp_path / "meta.json"
    json_file.write_text('{"b.txt": {"date": "2016-05", "title": "Lease signed"}}')
    a = load_sidecar(csv_file).lookup("/data/story/a.txt")
    b = load_sidecar(json_file).lookup("b.txt")
    assert a is not None and (a.published, a.outlet, a.author) == (
        "2017-03-10",
        "Harbour Daily",
        "Jane Doe",
    )
    assert b is not None and (b.published, b.title) == ("2016-05", "Lease signed")
    article = with_metadata(Article("k", "a.txt", "text", published=None), a)
    assert article.published == "2017-03-10" and article.outlet == "Harbour Daily"


def test_a_sidecar_kept_beside_the_articles_is_not_read_as_one(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("The council approved the lease on Monday.\n")
    sidecar = tmp_path / "meta.csv"
    sidecar.write_text("file,outlet\na.txt,Harbour Daily\n")
    everything = InputReader(InputOptions())
    beside = InputReader(InputOptions(not_articles=frozenset({sidecar.resolve()})))
    assert len(list(everything.read([tmp_path]))) == 2
    assert [d.source for d in beside.read([tmp_path])] == [str(tmp_path / "a.txt")]


def test_bad_sidecar_is_one_line(tmp_path: Path) -> None:
    bad = tmp_path / "meta.csv"
    bad.write_text("file,published\na.txt,last tuesday\n")
    with pytest.raises(InputError, match="not YYYY"):
        load_sidecar(bad)


def test_local_feed_through_the_cleaner(tmp_path: Path, serve: Callable[..., Any]) -> None:
    server = serve({"/a": (200, HTML, ARTICLE_HTML)})
    feed = tmp_path / "f.rss"
    feed.write_text(_rss([server.url("/a")]), "utf-8")
    stats = RunStats()
    reader = InputReader(InputOptions(allow_private=True))
    (article,) = _clean_all(reader.read([feed]), stats)
    assert "delayed its vote on the port lease" in article.text
    assert article.title == "Port lease vote delayed"


def test_feed_that_lists_itself_is_read_once(serve: Callable[..., Any]) -> None:
    server = serve({"/a": (200, HTML, ARTICLE_HTML)})
    rss = {"Content-Type": "application/rss+xml"}
    server.routes["/feed"] = (200, rss, _rss([server.url("/feed"), server.url("/a")]).encode())
    reader = InputReader(InputOptions(allow_private=True))
    items = list(reader.read([server.url("/feed")]))
    reader.close()
    assert [i.source for i in items if isinstance(i, RawDocument)] == [server.url("/a")]
    (loop,) = [i for i in items if isinstance(i, Rejection)]
    assert "loop" in loop.reason
    assert [path for path, _ in server.hits].count("/feed") == 2  # asked for, then its entry


def test_chain_of_feeds_stops_at_the_depth_limit(serve: Callable[..., Any]) -> None:
    server = serve({"/a": (200, HTML, ARTICLE_HTML)})
    rss = {"Content-Type": "application/rss+xml"}
    for depth in range(4):  # /f0 lists /f1 and /a, /f1 lists /f2 and /a, ...
        links = [server.url(f"/f{depth + 1}"), server.url("/a")]
        server.routes[f"/f{depth}"] = (200, rss, _rss(links).encode())
    reader = InputReader(InputOptions(allow_private=True))
    items = list(reader.read([server.url("/f0")]))
    reader.close()
    refused = [i for i in items if isinstance(i, Rejection)]
    assert len(refused) == 1 and "nested over 2 feeds" in refused[0].reason
    assert all(path != "/f3" for path, _ in server.hits)
