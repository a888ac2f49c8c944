from __future__ import annotations

from pathlib import Path

import pytest

from storydiff.ingest import MAX_FILE_BYTES, read_paths
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
