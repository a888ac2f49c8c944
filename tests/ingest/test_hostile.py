"""A folder of hostile inputs: each bad file gets one line saying why; the rest is read."""

from __future__ import annotations

import gzip
import io
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from storydiff.ingest import InputOptions, read_inputs
from storydiff.model import RawDocument, Rejection
from storydiff.pipeline import RunStats, _clean_all

GOOD = "The council delayed the vote on the port lease. " * 6


def _warc_bytes(n: int) -> bytes:
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=True)
    for i in range(n):
        body = f"<html><body><p>{GOOD} Page {i}.</p></body></html>".encode()
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        record = writer.create_warc_record(
            f"https://example.org/{i}", "response", payload=io.BytesIO(body), http_headers=headers
        )
        writer.write_record(record)
    return out.getvalue()


def _hostile_folder(root: Path) -> Path:
    folder = root / "in"
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD, "utf-8")
    (folder / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 40)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "latin1.txt").write_bytes(("Le président a déclaré. " * 10).encode("latin-1"))
    (folder / "broken-utf8.txt").write_bytes(b"Caf\xc3 au lait \xff\xfe " * 20 + GOOD.encode())
    with (folder / "huge.txt").open("wb") as f:  # 50 MB on one line, written in chunks
        chunk = b"word " * 200_000
        for _ in range(50):
            f.write(chunk)
    (folder / "deep.html").write_text(
        "<html><body>" + "<div>" * 5000 + "<p>deep</p>" + "</div>" * 5000 + "</body></html>"
    )
    whole = _warc_bytes(3)
    (folder / "cut.warc.gz").write_bytes(whole[:-100])  # inside the last record
    return folder


def test_hostile_folder_gives_one_line_per_bad_file(tmp_path: Path) -> None:
    folder = _hostile_folder(tmp_path)
    items = list(read_inputs([folder], InputOptions()))
    rejected = {
        Path(r.source.split("#")[0]).name: r.reason for r in items if isinstance(r, Rejection)
    }
    read = [d for d in items if isinstance(d, RawDocument)]
    assert "binary" in rejected["photo.txt"]
    assert "empty" in rejected["empty.txt"]
    assert "limit" in rejected["huge.txt"]
    assert "nested" in rejected["deep.html"]
    assert "truncated" in rejected["cut.warc.gz"]
    for reason in rejected.values():
        assert "\n" not in reason and len(reason) < 300
    names = {Path(d.source).name for d in read}
    assert {"good.txt", "latin1.txt", "broken-utf8.txt"} <= names
    assert any(d.source.startswith("https://example.org/") for d in read)  # WARC before the cut
    latin = next(d for d in read if d.source.endswith("latin1.txt"))
    assert "président" in latin.content


def test_hostile_folder_cleans_without_raising(tmp_path: Path) -> None:
    folder = _hostile_folder(tmp_path)
    stats = RunStats()
    articles = _clean_all(read_inputs([folder]), stats)
    assert articles and all(a.text for a in articles)
    assert len(stats.rejected) >= 5


def test_curly_quotes_and_no_break_spaces_are_kept(tmp_path: Path) -> None:
    text = "“We will not sign,” the\u00a0minister said on Tuesday about the port lease deal."
    path = tmp_path / "q.txt"
    path.write_text(text * 3, "utf-8")
    (doc,) = list(read_inputs([path]))
    assert isinstance(doc, RawDocument)
    assert "“We will not sign,”" in doc.content and "\u00a0" in doc.content


def test_gzip_is_not_mistaken_for_text(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(gzip.compress(GOOD.encode()))
    (item,) = list(read_inputs([path]))
    assert isinstance(item, Rejection) and "binary" in item.reason
