"""One huge story: thousands of small articles about one event, analysed as one dossier.

Each article is three to six sentences drawn from the example story (and the seeds when
../shared is present), with a dateline day, so the align stage meets many sources of one story
at once. The articles go into a store (``storydiff ingest``); the first ``analyze`` runs spaCy
over them and stores the analyses, a second one into another folder builds the dossier from
the stored analyses alone. Each command's wall seconds and peak memory are reported, with the
size of each dossier file. Writes bench/results/big_story.json.

    .venv/bin/python bench/bench_big_story.py [ARTICLES]   # default 5000
"""

from __future__ import annotations

import json
import random
import re
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus_gen import base_stories

REPO = Path(__file__).resolve().parents[1]
COMMAND = str(Path(sys.executable).with_name("storydiff"))
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z“\"])")


def write_articles(folder: Path, count: int, seed: int = 11) -> None:
    """``count`` small articles of one story, as dated .txt files."""
    rng = random.Random(seed)
    sentences = [
        s.strip()
        for text in base_stories()[0]
        for s in _SENTENCE.split(text)
        if 40 <= len(s.strip()) <= 400 and "\n" not in s.strip()
    ]
    for n in range(count):
        picked = rng.sample(sentences, rng.randint(3, 6))
        day = 1 + n % 28
        month = 1 + (n // 28) % 12
        (folder / f"a{n:05d}.txt").write_text(
            f"Story {n}\n\nPublished 2025-{month:02d}-{day:02d}\n\n" + "\n\n".join(picked) + "\n",
            "utf-8",
        )


# Runs one command and prints its wall seconds and peak resident KB: a parent of its own per
# command, since a process's children's peak is the largest of all its children so far.
_PROBE = (
    "import resource, subprocess, sys, time; start = time.perf_counter(); "
    "subprocess.run(sys.argv[1:], check=True); "
    "print(time.perf_counter() - start, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
)


def _timed(args: list[str]) -> tuple[float, float]:
    """Wall seconds and peak resident MB of one storydiff command."""
    done = subprocess.run(
        [sys.executable, "-c", _PROBE, COMMAND, *args],
        check=True,
        stdout=subprocess.PIPE,
        text=True,
    )
    wall, peak_kb = done.stdout.split()[-2:]
    return float(wall), float(peak_kb) / 1024


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 5000
    with tempfile.TemporaryDirectory() as tmp:
        inputs, out = Path(tmp) / "in", Path(tmp) / "out"
        inputs.mkdir()
        write_articles(inputs, count)
        db = str(Path(tmp) / "big.db")
        ingest_s, _ = _timed(["ingest", str(inputs), "--db", db, "-q"])
        first = str(Path(tmp) / "first")
        analyse_s, analyse_mb = _timed(["analyze", str(inputs), "--db", db, "-o", first, "-q"])
        dossier_s, peak_mb = _timed(["analyze", str(inputs), "--db", db, "-o", str(out), "-q"])
        sizes = {p.name: round(p.stat().st_size / 1e6, 2) for p in sorted(out.glob("dossier.*"))}
    result = {
        "articles": count,
        "ingest_wall_s": round(ingest_s, 1),
        "analyse_and_dossier_wall_s": round(analyse_s, 1),
        "analyse_and_dossier_peak_rss_mb": round(analyse_mb),
        "dossier_from_store_wall_s": round(dossier_s, 1),
        "peak_rss_mb": round(peak_mb),
        "dossier_mb": sizes,
    }
    print(json.dumps(result, indent=1))
    (REPO / "bench" / "results" / "big_story.json").write_text(json.dumps(result, indent=1) + "\n")


if __name__ == "__main__":
    main()
