"""Benchmarks 1 and 2: per-article analysis against bare spaCy, and 1 → 2 worker processes.

1. Throughput of ``analyse_articles`` (one spaCy pass plus every extractor) against bare
   ``nlp.pipe`` with the same model, the same ops settings and the same texts, in the same
   process and run, alternating so that load from elsewhere hits both alike; best of rounds.
   Target: ratio ≥ 0.5.
2. The batch's partition phase (``run_batch`` on a LocalCluster, workers warmed up so spaCy
   start-up is not counted; best of rounds) with one and with two worker processes.
   Target: ≥ 1.7×.

Texts: examples/story and ../shared/seeds (cleaned), each copy given its own closing line
so that no two are the same article.

    .venv/bin/python bench/bench_analysis.py [--copies 4] [--rounds 2]
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import platform
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent


def documents(copies: int) -> list:  # type: ignore[type-arg]
    from storydiff.ingest import read_paths
    from storydiff.model import RawDocument

    folders = [REPO / "examples" / "story", REPO.parent / "shared" / "seeds"]
    base = [d for d in read_paths([f for f in folders if f.is_dir()]) if isinstance(d, RawDocument)]
    return [
        RawDocument(f"{i}/{d.source}", f"{d.content}\n\nFiled as report {i}.", d.kind)
        for i in range(copies)
        for d in base
    ]


def ratio_vs_spacy(docs: list, rounds: int) -> dict[str, object]:  # type: ignore[type-arg]
    from storydiff.analyse.article import analyse_articles
    from storydiff.analyse.nlp import load_nlp, spacy_view
    from storydiff.clean import clean_document

    articles = [clean_document(d) for d in docs]
    texts = [spacy_view(a.text) for a in articles]
    nlp = load_nlp()
    list(nlp.pipe(texts[:2]))  # warm caches
    bare, ours = [], []
    for _ in range(rounds):
        t = time.perf_counter()
        for _doc in nlp.pipe(texts, batch_size=16):
            pass
        bare.append(time.perf_counter() - t)
        t = time.perf_counter()
        for _analysis in analyse_articles(articles):
            pass
        ours.append(time.perf_counter() - t)
    n = len(articles)
    return {
        "articles": n,
        "words": sum(len(a.text.split()) for a in articles),
        "bare_spacy_articles_per_s": round(n / min(bare), 2),
        "analyse_articles_per_s": round(n / min(ours), 2),
        "ratio": round(min(bare) / min(ours), 3),
        "target": 0.5,
        "meets_target": min(bare) / min(ours) >= 0.5,
    }


def batch_seconds(docs: list, workers: int, partition_size: int, rounds: int) -> float:  # type: ignore[type-arg]
    from distributed import Client, LocalCluster

    from storydiff.scale.runner import BatchSettings, run_batch
    from storydiff.scale.worker import analyse_partition

    with (
        LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                     dashboard_address=None, silence_logs=logging.ERROR) as cluster,
        Client(cluster) as client,
        tempfile.TemporaryDirectory() as tmp,
    ):  # fmt: skip
        # one small task on each worker's task thread: spaCy loaded and its first call paid
        for address in client.scheduler_info()["workers"]:
            client.submit(analyse_partition, docs[:1], workers=[address], pure=False).result()
        settings = BatchSettings(workers=workers, partition_size=partition_size)
        times = []
        for attempt in range(rounds):
            report = run_batch(docs, Path(tmp) / str(attempt), settings, client=client)
            times.append(report.analysis_seconds)
        return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--copies", type=int, default=6, help="copies of the 7 base articles")
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--partition-size", type=int, default=2)
    args = parser.parse_args()
    docs = documents(args.copies)
    ratio = ratio_vs_spacy(docs, args.rounds)
    print(json.dumps(ratio), flush=True)
    one = batch_seconds(docs, 1, args.partition_size, args.rounds)
    two = batch_seconds(docs, 2, args.partition_size, args.rounds)
    speedup = {
        "articles": len(docs),
        "partition_size": args.partition_size,
        "one_worker_seconds": round(one, 1),
        "two_workers_seconds": round(two, 1),
        "speedup": round(one / two, 3),
        "target": 1.7,
        "meets_target": one / two >= 1.7,
    }
    print(json.dumps(speedup), flush=True)
    result = {
        "benchmark": "per-article analysis vs bare spaCy; batch 1 → 2 worker processes",
        "machine": f"{platform.machine()}, {len(os.sched_getaffinity(0))} cores, "
        f"Python {platform.python_version()}, load average {os.getloadavg()[0]:.1f}",
        "ratio_vs_bare_spacy": ratio,
        "workers_speedup": speedup,
    }
    (HERE / "results").mkdir(exist_ok=True)
    (HERE / "results" / "analysis.json").write_text(json.dumps(result, indent=1) + "\n")


if __name__ == "__main__":
    main()
