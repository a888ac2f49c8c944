"""No lost data: `storydiff analyze` killed with SIGKILL at several points, then run again,
ends with exactly the rows of an uninterrupted run; a reader sees whole rows throughout."""

from __future__ import annotations

import json
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from .hostile import EXAMPLE_STORY

# Where each run is killed: during start-up (before the store exists or holds anything),
# then once it has written 1, 2, 3 and again 1 new analyses (each run reuses what the
# killed ones stored, so these points fall in the middle of writing, never at the end).
KILL_POINTS = (0, 1, 2, 3, 1)
START_UP_S = 0.3
RUN = [sys.executable, "-c", "from storydiff.cli import app; app()", "analyze", "--quiet"]
TABLES = {
    "articles": "SELECT key, source, record FROM articles",
    "analyses": "SELECT article_key, version, record FROM analyses",
}


def _story(folder: Path) -> Path:
    """The example story plus variants of it: enough articles to be killed mid-analysis."""
    folder.mkdir()
    for source in sorted(EXAMPLE_STORY.glob("*.txt")):
        text = source.read_text("utf-8")
        (folder / source.name).write_text(text, "utf-8")
        for n in range(2):
            extra = f"\n\nUpdate {n + 1}: the council will publish the bids in {n + 3} weeks.\n"
            (folder / f"{source.stem}_update{n}.txt").write_text(text + extra, "utf-8")
    return folder


def _args(story: Path, out: Path, db: Path) -> list[str]:
    return [*RUN, str(story), "-o", str(out), "--db", str(db)]


def _rows(db: Path) -> dict[str, list[tuple[Any, ...]]]:
    with sqlite3.connect(db) as con:
        return {name: sorted(con.execute(sql).fetchall()) for name, sql in TABLES.items()}


def _dossier(out: Path) -> dict[str, Any]:
    doc = json.loads((out / "dossier.json").read_text("utf-8"))
    doc.pop("generated_at")
    return dict(doc)


def _analysed(db: Path) -> int:
    """Analyses in the store now; 0 before the file or its tables exist."""
    try:
        return _check_consistent(db) if db.exists() else 0
    except sqlite3.OperationalError as err:  # the file exists before its tables do
        assert "no such table" in str(err)
        return 0


def _check_consistent(db: Path) -> int:
    """What a reader sees mid-run: every analysis has its article and every record parses."""
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5)
    try:
        orphans = con.execute(
            "SELECT count(*) FROM analyses a LEFT JOIN articles b ON a.article_key = b.key "
            "WHERE b.key IS NULL"
        ).fetchone()[0]
        assert orphans == 0
        for (record,) in con.execute(
            "SELECT record FROM articles UNION ALL SELECT record FROM analyses"
        ):
            json.loads(record)
        return int(con.execute("SELECT count(*) FROM analyses").fetchone()[0])
    finally:
        con.close()


@pytest.mark.slow
@pytest.mark.timeout(240)
def test_killed_runs_resume_to_the_same_store_and_dossier(tmp_path: Path) -> None:
    story = _story(tmp_path / "story")
    reference_db, reference_out = tmp_path / "ref.db", tmp_path / "ref"
    writer = subprocess.Popen(_args(story, reference_out, reference_db))
    seen: list[int] = []
    while writer.poll() is None:  # a reader beside the writer, as the web app is
        seen.append(_analysed(reference_db))
        time.sleep(0.02)
    seen.append(_analysed(reference_db))
    assert writer.returncode == 0
    assert seen == sorted(seen) and seen[-1] == len(list(story.iterdir()))
    expected = _rows(reference_db)
    assert len(expected["analyses"]) == len(list(story.iterdir()))

    db, out = tmp_path / "killed.db", tmp_path / "killed"
    killed_with: list[int] = []  # analyses in the store at each kill
    for new_rows in KILL_POINTS:
        before = _analysed(db)
        run = subprocess.Popen(_args(story, out, db), stderr=subprocess.DEVNULL)
        if new_rows == 0:
            time.sleep(START_UP_S)
        else:
            while run.poll() is None and _analysed(db) < before + new_rows:
                time.sleep(0.005)
        if run.poll() is None:
            run.send_signal(signal.SIGKILL)
            killed_with.append(_analysed(db))
        run.wait()
        if db.exists():
            _check_consistent(db)
    assert len(killed_with) == len(KILL_POINTS), killed_with
    assert any(0 < n < len(expected["analyses"]) for n in killed_with), killed_with
    shutil.rmtree(out, ignore_errors=True)
    subprocess.run(_args(story, out, db), check=True)

    assert _rows(db) == expected  # same rows, and (sorted lists) no duplicates
    assert _dossier(out) == _dossier(reference_out)
