"""Throughput of ingest + clean, against trafilatura alone on the same inputs, same run.

Inputs: the first N pages of L3S-GN1 (../shared/datasets/l3s_gn1) as HTML, and the same pages
rendered to naive-scraper text (what users paste). Each side runs on a pool of 2 worker
processes; articles per second is pages / wall-clock seconds. Prints a table and writes
bench/results/ingest.json.

    .venv/bin/python bench/bench_ingest.py [--pages 200] [--workers 2]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from storydiff.clean import clean_document
from storydiff.clean.render import naive_text
from storydiff.evaluate.extraction import load_pages
from storydiff.ingest import read_inputs
from storydiff.model import RawDocument

HERE = Path(__file__).resolve().parent
DATA = HERE.parent.parent / "shared" / "datasets" / "l3s_gn1"


def _ours(path: str) -> int:
    """Ingest (read, detect, decode) and clean one file; 1 when an article came out."""
    done = 0
    for item in read_inputs([path]):
        if isinstance(item, RawDocument) and clean_document(item).text:
            done += 1
    return done


def _trafilatura(path: str) -> int:
    import trafilatura

    return int(bool(trafilatura.extract(Path(path).read_bytes(), include_comments=False)))


def _timed(fn: object, files: list[str], workers: int) -> tuple[float, int]:
    with ProcessPoolExecutor(workers) as pool:
        list(pool.map(fn, files[:4]))  # warm the workers: imports and models load once
        start = time.perf_counter()
        produced = sum(pool.map(fn, files, chunksize=4))  # type: ignore[arg-type]
    return time.perf_counter() - start, produced


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=200)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    pages = load_pages("l3s-gn1", DATA, args.pages)
    results: dict[str, object] = {
        "pages": len(pages),
        "workers": args.workers,
        "cpus": os.cpu_count(),
        "python": platform.python_version(),
    }
    with tempfile.TemporaryDirectory() as tmp:
        html_files, text_files = [], []
        for i, page in enumerate(pages):
            html = Path(tmp) / f"{i:04d}.html"
            html.write_bytes(page.html)
            text = Path(tmp) / f"{i:04d}.txt"
            text.write_text(naive_text(page.html), "utf-8")
            html_files.append(str(html))
            text_files.append(str(text))
        rows = []
        for kind, files in (("html", html_files), ("text", text_files)):
            for name, fn in (
                ("storydiff ingest+clean", _ours),
                ("trafilatura alone", _trafilatura),
            ):
                seconds, produced = _timed(fn, files, args.workers)
                rate = len(files) / seconds
                rows.append((kind, name, rate, produced))
                results[f"{kind}.{'storydiff' if fn is _ours else 'trafilatura'}"] = {
                    "articles_per_s": round(rate, 1),
                    "seconds": round(seconds, 2),
                    "with_text": produced,
                }
    print(f"{'input':6} {'system':24} {'articles/s':>10} {'with text':>10}")
    for kind, name, rate, produced in rows:
        print(f"{kind:6} {name:24} {rate:10.1f} {produced:10d}")
    out = HERE / "results" / "ingest.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(results, indent=1) + "\n", "utf-8")
    print(f"wrote {out}")


if __name__ == "__main__":
    main()
