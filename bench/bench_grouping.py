"""Benchmark 3: near-duplicate marking + story grouping on 10,000 and 100,000 generated articles.

It follows the batch's own path. Stage 1 (the workers' share, two processes) generates the
articles with ``corpus_gen`` and writes their grouping features (MinHash signature, names,
terms) as ``features/part-NNNNNN.parquet``, exactly as ``storydiff batch`` does. Stage 2 (the
measured one) runs ``scale.runner.write_stories`` over those partitions in a fresh process, so
its peak RSS (``ru_maxrss``) is the grouping's own. The parent then scores the result against
the generated events and copies, outside the measured process.

    .venv/bin/python bench/bench_grouping.py             # 10k and 100k → results/grouping.json
    .venv/bin/python bench/bench_grouping.py --sizes 2000 5000
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from itertools import islice
from multiprocessing import Pool
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
PARTITION = 5000

Chunk = tuple[int, list[tuple[str, str, str | None, int, str | None]], str]


def _features_partition(chunk: Chunk) -> int:
    """One partition's features table (and the generated truth beside it)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    from storydiff.scale.features import signature, story_features
    from storydiff.scale.runner import part_name
    from storydiff.scale.tables import SCHEMAS

    index, articles, out = chunk
    rows, truth = [], []
    for key, text, published, event, copy_of in articles:
        vector = story_features(text).vector()
        rows.append({"key": key, "source": key, "published": published,
                     "signature": signature(text), "features": list(vector),
                     "weights": list(vector.values())})  # fmt: skip
        truth.append({"key": key, "event": event, "copy_of": copy_of})
    folder = Path(out)
    pq.write_table(pa.Table.from_pylist(rows, schema=SCHEMAS["features"]),
                   folder / "features" / part_name(index))  # fmt: skip
    pq.write_table(pa.Table.from_pylist(truth), folder / "truth" / part_name(index))
    return len(rows)


def prepare(size: int, out: Path) -> tuple[list[int], float]:
    """Stage 1, on two processes: the features partitions of ``size`` generated articles."""
    from corpus_gen import generate

    (out / "features").mkdir(parents=True)
    (out / "truth").mkdir()

    def chunks() -> Iterator[Chunk]:
        it = generate(size)
        index = 0
        while batch := list(islice(it, PARTITION)):
            rows = [(a.key, a.text, a.published, a.event, a.copy_of) for a in batch]
            yield index, rows, str(out)
            index += 1

    started = time.perf_counter()
    with Pool(2) as pool:
        counts = list(pool.imap(_features_partition, chunks()))
    return list(range(len(counts))), time.perf_counter() - started


def child(out: Path, parts: int) -> None:
    """Stage 2, measured: the batch's grouping over the stored features."""
    from storydiff.scale.runner import write_stories

    started = time.perf_counter()
    stories, copies = write_stories(out, list(range(parts)))
    seconds = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    report = {"stories": stories, "copies_marked": copies,
              "grouping_seconds": round(seconds, 1), "peak_rss_mib": round(peak, 1)}  # fmt: skip
    print(json.dumps(report))


def quality(out: Path) -> dict[str, float]:
    """B-cubed F1 of stories vs generated events; precision/recall of copy marking."""
    import pyarrow.dataset as ds
    import pyarrow.parquet as pq

    from storydiff.evaluate.stories import bcubed

    got = pq.read_table(out / "stories" / "assignments.parquet").to_pydict()
    truth = ds.dataset(out / "truth").to_table().to_pydict()
    assert got["key"] == truth["key"]
    b3 = bcubed(got["story"], [str(e) for e in truth["event"]])
    marked = {k for k, d in zip(got["key"], got["duplicate_of"], strict=True) if d}
    copies = {k for k, c in zip(truth["key"], truth["copy_of"], strict=True) if c}
    hit = len(marked & copies)
    return {"story_bcubed_f1_vs_events": round(b3[2], 4),
            "copy_precision": round(hit / len(marked), 4) if marked else 1.0,
            "copy_recall": round(hit / len(copies), 4) if copies else 1.0}  # fmt: skip


def run(size: int) -> dict[str, object]:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        parts, prep_seconds = prepare(size, out)
        done = subprocess.run(
            [sys.executable, __file__, "--child", str(out), "--parts", str(len(parts))],
            check=True, capture_output=True, text=True,
        )  # fmt: skip
        result: dict[str, object] = {
            "articles": size,
            "features_seconds_2_procs": round(prep_seconds, 1),
            **json.loads(done.stdout.strip().splitlines()[-1]),
            **quality(out),
        }
    print(json.dumps(result), flush=True)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--parts", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child, args.parts)
        return
    runs = [run(size) for size in args.sizes]
    result: dict[str, object] = {
        "benchmark": "dedup + story grouping (scale.runner.write_stories), generated articles",
        "machine": f"{platform.machine()}, {len(os.sched_getaffinity(0))} cores, "
        f"Python {platform.python_version()}, load average {os.getloadavg()[0]:.1f}",
        "runs": runs,
    }
    if len(runs) >= 2:
        ratio = float(runs[-1]["peak_rss_mib"]) / float(runs[0]["peak_rss_mib"])  # type: ignore[arg-type]
        result.update(peak_rss_ratio=round(ratio, 3), target=1.3, meets_target=ratio <= 1.3)
        print(f"peak RSS, largest vs smallest run: {ratio:.3f}x (target <= 1.3)")
    (HERE / "results").mkdir(exist_ok=True)
    (HERE / "results" / "grouping.json").write_text(json.dumps(result, indent=1) + "\n")


if __name__ == "__main__":
    main()
