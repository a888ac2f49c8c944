"""JSONL, JSON and WARC exports are read record by record, with stated metadata kept."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from storydiff.ingest import InputOptions, InputReader
from storydiff.ingest import jsonl as jsonl_module
from storydiff.ingest.decode import MAX_TEXT_CHARS
from storydiff.model import RawDocument, Rejection

BODY = "The council delayed the vote on the port lease on Tuesday. " * 4


def test_jsonl_records_stream_with_metadata(tmp_path: Path) -> None:
    path = tmp_path / "export.jsonl"
    rows = [
        {
            "url": "https://a.example/1",
            "text": BODY,
            "title": "Vote delayed",
            "published": "2017-03-10T08:00:00Z",
            "outlet": "Harbour Daily",
        },
        {"html": f"<html><body><p>{BODY}</p></body></html>"},
        {"nothing": "here"},
    ]
    lines = [json.dumps(r) for r in rows] + ["{not json"]
    path.write_text("\n".join(lines) + "\n", "utf-8")
    reader = InputReader()
    items = list(reader.read([path]))
    docs = [i for i in items if isinstance(i, RawDocument)]
    rejected = [i for i in items if isinstance(i, Rejection)]
    assert [d.kind for d in docs] == ["text", "html"]
    assert len(rejected) == 2 and rejected[0].source.endswith("#3")
    assert "not valid JSON" in rejected[1].reason
    meta = reader.metadata[docs[0].source]
    assert (meta.published, meta.title, meta.outlet) == (
        "2017-03-10",
        "Vote delayed",
        "Harbour Daily",
    )


def test_jsonl_long_line_is_skipped_not_loaded(tmp_path: Path) -> None:
    path = tmp_path / "big.jsonl"
    path.write_text(
        json.dumps({"text": "x" * 5000}) + "\n" + json.dumps({"text": BODY}) + "\n", "utf-8"
    )
    items = list(InputReader(InputOptions(max_bytes=1000)).read([path]))
    assert isinstance(items[0], Rejection) and "over" in items[0].reason
    assert isinstance(items[1], RawDocument)


def test_jsonl_is_read_lazily(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "many.jsonl"
    path.write_text("\n".join(json.dumps({"text": BODY}) for _ in range(1000)), "utf-8")
    stream = jsonl_module.read_jsonl(path, "many", 10_000)
    first = next(stream)
    assert isinstance(first[0], RawDocument)  # one record read, not the file


def test_json_list(tmp_path: Path) -> None:
    path = tmp_path / "a.json"
    path.write_text(json.dumps([{"text": BODY}, {"text": BODY + " More."}]), "utf-8")
    docs = list(InputReader().read([path]))
    assert [d.source for d in docs] == [f"{path}#1", f"{path}#2"]


def _warc(path: Path) -> None:
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=path.name.endswith(".gz"))
        pages = [
            (
                "https://a.example/story",
                "text/html; charset=windows-1252",
                f"<html><body><p>{BODY} Caf\xe9.</p></body></html>".encode("cp1252"),
            ),
            ("https://a.example/logo.png", "image/png", b"\x89PNG\x00\x00"),
        ]
        for url, ctype, body in pages:
            headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
            writer.write_record(
                writer.create_warc_record(
                    url, "response", payload=io.BytesIO(body), http_headers=headers
                )
            )
        writer.write_record(
            writer.create_warc_record(
                "https://a.example/story", "request", payload=io.BytesIO(b"GET / HTTP/1.1\r\n\r\n")
            )
        )


@pytest.mark.parametrize("name", ["crawl.warc", "crawl.warc.gz"])
def test_warc_pages_are_read_by_url(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    _warc(path)
    docs = list(InputReader().read([path]))
    assert len(docs) == 1
    doc = docs[0]
    assert isinstance(doc, RawDocument) and doc.source == "https://a.example/story"
    assert doc.kind == "html" and "Café" in doc.content


@pytest.mark.parametrize(
    "data",
    [
        b"plain bytes named .gz",
        gzip.compress(json.dumps({"text": BODY}).encode() + b"\n")[:12] + b"\xff" * 40,
    ],
)
def test_damaged_jsonl_gz_is_one_line(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "export.jsonl.gz"
    path.write_bytes(data)
    items = list(InputReader().read([path]))
    assert len(items) == 1 and isinstance(items[0], Rejection)
    assert "damaged" in items[0].reason and "\n" not in items[0].reason


def test_gzipped_articles_in_a_folder_are_read(tmp_path: Path) -> None:
    (tmp_path / "a.html.gz").write_bytes(gzip.compress(f"<p>{BODY}</p>".encode()))
    (tmp_path / "b.txt.gz").write_bytes(gzip.compress(BODY.encode()))
    items = list(InputReader().read([tmp_path]))
    assert [(type(i), getattr(i, "kind", None)) for i in items] == [
        (RawDocument, "html"),
        (RawDocument, "text"),
    ]


def test_jsonl_text_longer_than_the_analyser_reads_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "export.jsonl"
    long_text = "word " * (MAX_TEXT_CHARS // 5 + 1)
    lines = [json.dumps({"text": long_text}), json.dumps({"text": BODY})]
    path.write_text("\n".join(lines) + "\n", "utf-8")
    first, second = InputReader().read([path])
    assert isinstance(first, Rejection) and "characters" in first.reason
    assert isinstance(second, RawDocument)
