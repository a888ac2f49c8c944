"""How much faster a second `storydiff analyze` on unchanged input is than the first.

Runs the real command line in fresh processes (start-up included, as a user sees it):
once into an empty output folder and store, then REPEATS times again on the same input.
Prints wall and CPU seconds and the speed-up, and writes bench/results/rerun.json.

    .venv/bin/python bench/bench_rerun.py [PATH ...]
"""

from __future__ import annotations

import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
REPEATS = 5
COMMAND = str(Path(sys.executable).with_name("storydiff"))  # the venv's console script
DEFAULT_INPUTS = [REPO / "examples" / "story", REPO.parent / "shared" / "seeds"]


def _timed_run(inputs: Path, output: Path) -> tuple[float, float]:
    """Wall and CPU seconds (user + system, children only) of one `storydiff analyze`."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run([COMMAND, "analyze", str(inputs), "-o", str(output), "-q"], check=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def measure(inputs: Path) -> dict[str, float | str]:
    with tempfile.TemporaryDirectory() as tmp:
        output = Path(tmp) / "out"
        first_wall, first_cpu = _timed_run(inputs, output)
        again = [_timed_run(inputs, output) for _ in range(REPEATS)]
    wall = statistics.median(w for w, _ in again)
    cpu = statistics.median(c for _, c in again)
    return {
        "input": str(inputs.relative_to(REPO.parent))
        if inputs.is_relative_to(REPO.parent)
        else str(inputs),
        "first_wall_s": round(first_wall, 3),
        "rerun_wall_s": round(wall, 3),
        "speedup_wall": round(first_wall / wall, 2),
        "first_cpu_s": round(first_cpu, 3),
        "rerun_cpu_s": round(cpu, 3),
        "speedup_cpu": round(first_cpu / cpu, 2),
    }


def main() -> None:
    targets = [Path(p) for p in sys.argv[1:]] or [p for p in DEFAULT_INPUTS if p.is_dir()]
    results = [measure(path.resolve()) for path in targets]
    for row in results:
        print(
            f"{row['input']}: first {row['first_wall_s']} s, re-run {row['rerun_wall_s']} s "
            f"(median of {REPEATS}) → {row['speedup_wall']}× wall, {row['speedup_cpu']}× CPU"
        )
    out = REPO / "bench" / "results" / "rerun.json"
    out.write_text(json.dumps({"cores": os.cpu_count(), "runs": results}, indent=1) + "\n")
    print(f"wrote {out}")


if __name__ == "__main__":
    main()
