"""`storydiff analyze` over the hostile corpus: every file analysed or skipped with a reason,
exit code 0 because the good articles could be analysed, all within a bounded time."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from storydiff.cli import app

from . import hostile

TIME_LIMIT_S = 60


@pytest.mark.slow
@pytest.mark.timeout(TIME_LIMIT_S * 2)
def test_hostile_corpus_is_analysed_or_skipped(
    tmp_path: Path, static_site: tuple[Path, str]
) -> None:
    site, base = static_site
    feed_url = f"{base}/feed.rss"
    (site / "feed.rss").write_text(hostile.feed_listing(feed_url), "utf-8")
    kinds = hostile.build(tmp_path / "corpus", feed_url)
    out = tmp_path / "out"

    started = time.monotonic()
    result = CliRunner().invoke(
        app, ["analyze", str(tmp_path / "corpus"), "-o", str(out), "--allow-private", "--quiet"]
    )
    elapsed = time.monotonic() - started

    assert result.exit_code == 0, result.output
    assert elapsed < TIME_LIMIT_S
    doc = json.loads((out / "dossier.json").read_text("utf-8"))
    analysed = {Path(a["source"]).name for a in doc["articles"]}
    skipped = {Path(r["source"].split("#")[0]).name: r["reason"] for r in doc["rejected"]}
    skipped_urls = {r["source"]: r["reason"] for r in doc["rejected"] if "://" in r["source"]}
    # Good articles are analysed, or (unrelated to the example story) named as another story's.
    other_story = {name for name, reason in skipped.items() if "about another story" in reason}
    assert set(kinds["good"]) <= analysed | other_story
    assert analysed >= {p.name for p in hostile.EXAMPLE_STORY.glob("*.txt")}
    # A WARC page and a fetched feed are named by their URLs, not by the file they came from.
    label = {"bomb.warc.gz": "https://bomb.example/", "self-feed.rss": feed_url}
    for name in kinds["hostile"]:
        assert label.get(name, name) in analysed | skipped.keys() | set(skipped_urls), name
    for reason in skipped.values():
        assert reason and "\n" not in reason and len(reason) < 300
    report = result.output
    skipped_lines = [line for line in report.splitlines() if line.startswith("skipped ")]
    assert len(skipped_lines) == len(doc["rejected"])  # the per-file report, one line each
    expectations = {
        "binary.txt": "binary",
        "nul-bytes.txt": "binary",
        "empty.txt": "empty",
        "deep.html": "nested",
        "bomb.txt.gz": "decompresses to over",
        "paragraph-10mb.txt": "characters",
        "lines-100k.txt": "characters",
    }
    for name, words in expectations.items():
        assert words in skipped[name], (name, skipped[name])
    assert "over 20 MB" in skipped_urls["https://bomb.example/"]
    assert "loop" in skipped_urls[feed_url]
    # Odd but readable texts are read: analysed, or named as another story's (they are not
    # about the example's port lease).
    assert {"zero-width.txt", "right-to-left.txt", "unclosed.html"} <= analysed | other_story
