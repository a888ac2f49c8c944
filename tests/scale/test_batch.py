"""The batch on a real local Dask cluster: Parquet out, stories, and resume after SIGKILL."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pyarrow.dataset as ds
import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from storydiff.cli import app
from storydiff.scale.runner import BatchSettings, run_batch
from storydiff.scale.source import file_documents
from storydiff.scale.tables import SCHEMAS

from .corpus import EXAMPLE, FLOOD, STRIKE, wire_copy

pytestmark = pytest.mark.slow
PARTITION = 2


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example story, a wire copy of its first article, and one article of two other
    events: seven documents, four partitions of two."""
    folder = tmp_path_factory.mktemp("corpus")
    for path in sorted(EXAMPLE.glob("*.txt")):
        (folder / path.name).write_text(path.read_text("utf-8"), "utf-8")
    first = sorted(EXAMPLE.glob("*.txt"))[0].read_text("utf-8")
    (folder / "05_copy.txt").write_text(wire_copy(first, "Daily Echo"), "utf-8")
    (folder / "06_flood.txt").write_text(next(iter(FLOOD.values())), "utf-8")
    (folder / "07_strike.txt").write_text(next(iter(STRIKE.values())), "utf-8")
    return folder


@pytest.fixture(scope="module")
def reference(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An uninterrupted run on a LocalCluster with two worker processes."""
    out = tmp_path_factory.mktemp("reference")
    settings = BatchSettings(workers=2, partition_size=PARTITION)
    report = run_batch(file_documents([corpus]), out, settings)
    assert (report.partitions, report.computed, report.resumed) == (4, 4, 0)
    return out


def _contents(out: Path) -> dict[str, object]:
    """Everything a reader of the output sees, the manifest included."""
    found: dict[str, object] = {
        name: ds.dataset(out / name).to_table().to_pylist() for name in SCHEMAS
    }
    for name in ("assignments", "stories"):
        found[name] = pq.read_table(out / "stories" / f"{name}.parquet").to_pylist()
    found["manifest"] = json.loads((out / "manifest.json").read_text())
    return found


def test_tables_hold_flat_rows_with_keys_and_offsets(reference: Path) -> None:
    articles = ds.dataset(reference / "articles").to_table().to_pylist()
    assert len(articles) == 7
    texts = {a["key"]: a["text"] for a in articles}
    quotes = ds.dataset(reference / "quotes").to_table().to_pylist()
    assert quotes
    for quote in quotes:  # every offset points into the stored cleaned text
        assert texts[quote["article_key"]][quote["start"] : quote["end"]] == quote["text"]
    mentions = ds.dataset(reference / "mentions").to_table().to_pylist()
    assert {"Velmara", "Port Sallis"} <= {m["text"] for m in mentions}


def test_copies_are_marked_and_events_kept_apart(reference: Path) -> None:
    rows = pq.read_table(reference / "stories" / "assignments.parquet").to_pylist()
    by_name = {Path(r["source"]).name: r for r in rows}
    assert by_name["05_copy.txt"]["duplicate_of"] == by_name["01_wirewatch_vote.txt"]["key"]
    port = {by_name[p.name]["story"] for p in EXAMPLE.glob("*.txt")} | {
        by_name["05_copy.txt"]["story"]
    }
    assert len(port) == 1
    others = {by_name["06_flood.txt"]["story"], by_name["07_strike.txt"]["story"]}
    assert len(others) == 2 and not (others & port)


def test_killed_batch_resumes_to_the_same_output(
    corpus: Path, reference: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    command = [
        sys.executable, "-c", "from storydiff.cli import app; app()", "batch", str(corpus),
        "-o", str(out), "--workers", "1", "--partition-size", str(PARTITION), "--quiet",
    ]  # fmt: skip
    proc = subprocess.Popen(command, start_new_session=True, stderr=subprocess.PIPE)
    manifest = out / "manifest.json"
    deadline = time.monotonic() + 120
    try:
        while not (manifest.exists() and json.loads(manifest.read_text())["partitions"]):
            assert proc.poll() is None, proc.stderr.read() if proc.stderr else ""
            assert time.monotonic() < deadline, "no partition finished in 120 s"
            time.sleep(0.1)
    finally:
        os.killpg(proc.pid, signal.SIGKILL)  # the batch and its Dask workers, mid-run
        proc.wait()
    finished = len(json.loads(manifest.read_text())["partitions"])
    assert 1 <= finished < 4
    assert not (out / "stories" / "assignments.parquet").exists()

    result = CliRunner().invoke(
        app, ["batch", str(corpus), "-o", str(out), "--partition-size", str(PARTITION)]
    )
    assert result.exit_code == 0, result.output
    assert f"{finished} already done" in result.output
    assert _contents(out) == _contents(reference)


def test_a_different_partition_size_is_refused(corpus: Path, reference: Path) -> None:
    result = CliRunner().invoke(
        app, ["batch", str(corpus), "-o", str(reference), "--partition-size", "3"]
    )
    assert result.exit_code == 2
    assert "--partition-size 2" in result.output
