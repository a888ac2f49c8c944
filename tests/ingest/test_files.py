from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from storydiff.ingest import MAX_FILE_BYTES, read_paths
from storydiff.ingest.decode import MAX_TEXT_CHARS
from storydiff.model import RawDocument, Rejection


def _one(path: Path) -> RawDocument | Rejection:
    items = list(read_paths([path]))
    assert len(items) == 1
    return items[0]


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty file"),
        (b"\x00\x01\x02PNG\x00" * 50, "binary file"),
        (b"   \n\n  ", "only whitespace"),
    ],
)
def test_unusable_files_are_rejected_with_a_reason(
    tmp_path: Path, data: bytes, reason: str
) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(data)
    item = _one(path)
    assert isinstance(item, Rejection)
    assert reason in item.reason


def test_oversized_file_is_rejected_without_reading(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as f:
        f.seek(MAX_FILE_BYTES + 10)
        f.write(b"x")
    item = _one(path)
    assert isinstance(item, Rejection) and "limit" in item.reason


def test_legacy_encoding_is_decoded(tmp_path: Path) -> None:
    path = tmp_path / "latin.txt"
    text = "Le président a déclaré à Priština que l'armée serait créée. " * 5
    path.write_bytes(text.encode("cp1252"))
    item = _one(path)
    assert isinstance(item, RawDocument)
    assert "président" in item.content and item.kind == "text"


def test_html_is_recognised_by_content_not_only_name(tmp_path: Path) -> None:
    path = tmp_path / "page.txt"
    path.write_text("<!DOCTYPE html><html><body><p>Hi</p></body></html>")
    item = _one(path)
    assert isinstance(item, RawDocument) and item.kind == "html"


def test_missing_path_is_a_rejection(tmp_path: Path) -> None:
    item = _one(tmp_path / "nope")
    assert isinstance(item, Rejection) and "no such file" in item.reason


def test_folder_is_walked_in_stable_order(tmp_path: Path) -> None:
    for name in ("b.txt", "a.txt", ".hidden.txt"):
        (tmp_path / name).write_text("Some article text about a story.")
    sources = [Path(i.source).name for i in read_paths([tmp_path])]
    assert sources == ["a.txt", "b.txt"]


@pytest.mark.parametrize(
    ("name", "kind"), [("a.txt.gz", "text"), ("a.html.gz", "html"), ("a.HTM.gz", "html")]
)
def test_gzipped_article_is_read(tmp_path: Path, name: str, kind: str) -> None:
    body = "<p>The council delayed the vote.</p>" if kind == "html" else "The council met."
    path = tmp_path / name
    path.write_bytes(gzip.compress(body.encode("utf-8")))
    item = _one(path)
    assert isinstance(item, RawDocument) and item.kind == kind and item.content == body


def test_gzip_bomb_is_refused_after_the_cap(tmp_path: Path) -> None:
    path = tmp_path / "bomb.txt.gz"
    with gzip.open(path, "wb", compresslevel=9) as stream:
        chunk = b"a" * 1_048_576
        for _ in range(MAX_FILE_BYTES // len(chunk) + 2):
            stream.write(chunk)
    assert path.stat().st_size < 100_000
    item = _one(path)
    assert isinstance(item, Rejection) and "decompresses to over 20 MB" in item.reason


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"not gzip at all, just text", "damaged gzip file"),
        (gzip.compress(b"The council met on Tuesday. " * 50)[:-30], "damaged gzip file"),
        (gzip.compress(b"x" * 100)[:12] + b"\xff" * 40, "damaged gzip file"),
    ],
)
def test_damaged_gzip_is_one_line(tmp_path: Path, data: bytes, reason: str) -> None:
    path = tmp_path / "bad.txt.gz"
    path.write_bytes(data)
    item = _one(path)
    assert isinstance(item, Rejection) and reason in item.reason and "\n" not in item.reason


def test_gzip_of_an_unread_kind_says_what_is_read(tmp_path: Path) -> None:
    path = tmp_path / "report.pdf.gz"
    path.write_bytes(gzip.compress(b"%PDF-1.4"))
    item = _one(path)
    assert isinstance(item, Rejection) and ".html.gz" in item.reason


def test_text_longer_than_the_analyser_reads_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "dump.txt"
    path.write_text("The council met. " * (MAX_TEXT_CHARS // 17 + 1), "utf-8")
    item = _one(path)
    assert isinstance(item, Rejection) and "split it into its articles" in item.reason
    fits = tmp_path / "long.txt"
    fits.write_text("x" * MAX_TEXT_CHARS, "utf-8")
    assert isinstance(_one(fits), RawDocument)
