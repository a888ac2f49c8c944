"""HTML main-text extraction scored on public benchmarks, each with its own metric.

Four layouts are read:

- ``trafilatura``: trafilatura's ``tests/evaldata.json`` (must-keep / must-drop segments),
  scored as its ``tests/eval_common.py`` does: whitespace-normalised substring matches,
  pooled TP/FP/FN over all segments.
- ``cleaneval``: CleanEval dev + final, gold text with its ``URL:`` line and block tags
  stripped; mean ROUGE-LSum F1 per page (Bevendorff et al. 2023).
- ``l3s-gn1``: L3S-GN1, gold = text of the innermost ``x-nc-sel1..3`` elements; ROUGE-LSum.
- ``scrapinghub``: ``html/*.html.gz`` + ``ground-truth.json``; F1 over 4-gram shingles of
  ``\\w+`` tokens per page, averaged as the article-extraction-benchmark does.

Data sets ship as ``.tar.xz``; they are unpacked once into ``~/.cache/storydiff/datasets``
so the repository never holds third-party pages.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import re
import tarfile
from collections import Counter
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rapidfuzz.distance import LCSseq

from storydiff.errors import GoldError
from storydiff.evaluate import DATASETS

CACHE = Path.home() / ".cache" / "storydiff" / "datasets"

# trafilatura's own benchmark settings (tests/eval_common.py EXTRACT_OPTS, fallback runner).
BASELINE_OPTS: dict[str, Any] = {
    "include_comments": False,
    "include_tables": True,
    "include_formatting": False,
    "fast": False,
}


@dataclass(frozen=True, slots=True)
class Page:
    """One benchmark page: its HTML bytes and the gold it is scored against."""

    name: str
    html: bytes
    gold_text: str = ""
    keep: tuple[str, ...] = ()  # trafilatura layout: segments that must appear
    drop: tuple[str, ...] = ()  # … and segments that must not


# --- data ---------------------------------------------------------------------------------------


def unpack(data: Path) -> Path:
    """A folder holding the data set: ``data`` itself, or its archive unpacked in the cache."""
    if not data.exists():
        raise GoldError(f"{data}: no such folder; pass --data with the data set's folder")
    archives = sorted(data.glob("*.tar.xz")) if data.is_dir() else [data]
    archives = [a for a in archives if a.name.endswith(".tar.xz")]
    if not archives:
        return data
    tag = hashlib.sha256(str(archives[0].resolve()).encode()).hexdigest()[:10]
    target = CACHE / f"{archives[0].name.removesuffix('.tar.xz')}-{tag}"
    done = target / ".unpacked"
    if not done.exists():
        target.mkdir(parents=True, exist_ok=True)
        for archive in archives:
            with tarfile.open(archive) as tar:
                tar.extractall(target, filter="data")
        done.touch()
    return target


def _find(root: Path, pattern: str, what: str) -> Path:
    """The first path under ``root`` matching ``pattern``, or a one-line error."""
    found = sorted(root.rglob(pattern))
    if not found:
        raise GoldError(f"{root}: no {what} found; is --data the right data set's folder?")
    return found[0]


def _trafilatura_pages(root: Path) -> Iterator[Page]:
    evaldata = _find(root, "evaldata.json", "evaldata.json")
    items = json.loads(evaldata.read_text("utf-8"))
    here = evaldata.parent
    for item in items.values():
        for sub in ("cache", "eval"):
            path = here / sub / item["file"]
            if path.is_file():
                yield Page(
                    item["file"], path.read_bytes(), "", tuple(item["with"]), tuple(item["without"])
                )
                break


_CLEANEVAL_TAG = re.compile(r"^\s*<(p|h|l)>", re.M)


def cleaneval_gold(text: str) -> str:
    """Gold text without its ``URL:`` line and block tags, as Bevendorff et al. read it."""
    text = re.sub(r"\AURL:[^\n]*\n", "", text.lstrip("\ufeff"))
    text = _CLEANEVAL_TAG.sub("", text)
    lines = (re.sub(r"\s+", " ", line).strip() for line in text.splitlines())
    return "\n".join(line for line in lines if line)


def _cleaneval_pages(root: Path) -> Iterator[Page]:
    golds = sorted(root.rglob("GoldStandard/*.txt"))
    if not golds:
        raise GoldError(f"{root}: no GoldStandard/*.txt; is --data the CleanEval folder?")
    for gold in golds:
        html = gold.parent.parent / "input" / f"{gold.stem}.html"
        if html.is_file():
            raw = gold.read_bytes().decode("utf-8", errors="replace")
            name = f"{gold.parent.parent.name}/{gold.stem}"
            yield Page(name, html.read_bytes(), cleaneval_gold(raw))


_L3S_MAIN = ("x-nc-sel1", "x-nc-sel2", "x-nc-sel3")


def l3s_gold(annotated: bytes) -> str:
    """Text of the innermost elements classed headline, full text or supplemental."""
    import lxml.html

    tree = lxml.html.fromstring(annotated)
    query = " or ".join(f"contains(@class, '{c}')" for c in _L3S_MAIN)
    chosen = tree.xpath(f"//*[{query}]")
    inner = set(tree.xpath(f"//*[{query}][not(.//*[{query}])]"))
    lines = []
    for element in chosen:
        if element in inner:
            text = re.sub(r"\s+", " ", element.text_content()).strip()
            if text:
                lines.append(text)
    return "\n".join(lines)


def _l3s_pages(root: Path) -> Iterator[Page]:
    golds = sorted(root.rglob("GoldStandard/*.txt"))
    if not golds:
        raise GoldError(f"{root}: no GoldStandard/*.txt; is --data the L3S-GN1 folder?")
    for gold in golds:
        html = gold.parent.parent / "input" / f"{gold.stem}.html"
        if html.is_file():
            yield Page(gold.stem, html.read_bytes(), l3s_gold(gold.read_bytes()))


def _scrapinghub_pages(root: Path) -> Iterator[Page]:
    truth_file = _find(root, "ground-truth.json", "ground-truth.json")
    truth = json.loads(truth_file.read_text("utf-8"))
    for key, item in sorted(truth.items()):
        path = truth_file.parent / "html" / f"{key}.html.gz"
        if path.is_file():
            yield Page(key, gzip.decompress(path.read_bytes()), item.get("articleBody") or "")


def load_pages(dataset: str, data: Path, limit: int | None = None) -> list[Page]:
    """The pages of ``dataset`` under ``data`` (archive or folder), at most ``limit``."""
    readers: dict[str, Callable[[Path], Iterator[Page]]] = {
        "trafilatura": _trafilatura_pages,
        "cleaneval": _cleaneval_pages,
        "l3s-gn1": _l3s_pages,
        "scrapinghub": _scrapinghub_pages,
    }
    if dataset not in readers:
        raise GoldError(f"unknown data set {dataset!r}; choose one of {', '.join(DATASETS)}")
    pages: list[Page] = []
    for page in readers[dataset](unpack(data)):
        if limit is not None and len(pages) >= limit:
            break
        pages.append(page)
    if not pages:
        raise GoldError(f"{data}: no pages with gold found for {dataset}")
    return pages


# --- metrics ------------------------------------------------------------------------------------


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def segment_counts(page: Page, result: str | None) -> tuple[int, int, int]:
    """(tp, fp, fn) of trafilatura's segment metric for one page."""
    text = _norm(result or "")
    tp = sum(1 for seg in page.keep if result and _norm(seg) in text)
    fp = sum(1 for seg in page.drop if result and _norm(seg) in text)
    return tp, fp, len(page.keep) - tp


_ROUGE_TOKEN = re.compile(r"[a-z0-9]+")


def _rouge_tokens(text: str) -> list[str]:
    """rouge_score's default tokenizer: lower case, runs of ASCII letters and digits."""
    return _ROUGE_TOKEN.findall(text.lower())


def rouge_lsum(candidate: str, reference: str) -> tuple[float, float, float]:
    """Summary-level ROUGE-L (ROUGE-LSum) with newline-split sentences, as in rouge_score.

    For each reference sentence the union of its LCS tokens with every candidate sentence is
    taken; hits are capped by how often each token occurs on either side, so one candidate
    token is never counted twice. Returns (precision, recall, f1).
    """
    refs = [t for t in (_rouge_tokens(s) for s in reference.split("\n")) if t]
    cands = [t for t in (_rouge_tokens(s) for s in candidate.split("\n")) if t]
    ref_total = sum(len(r) for r in refs)
    cand_total = sum(len(c) for c in cands)
    if not ref_total or not cand_total:
        return 0.0, 0.0, 0.0
    ref_left = Counter(t for r in refs for t in r)
    cand_left = Counter(t for c in cands for t in c)
    hits = 0
    for ref in refs:
        union: set[int] = set()
        for cand in cands:
            for op in LCSseq.opcodes(ref, cand):
                if op.tag == "equal":
                    union.update(range(op.src_start, op.src_end))
        for index in sorted(union):
            token = ref[index]
            if ref_left[token] > 0 and cand_left[token] > 0:
                hits += 1
                ref_left[token] -= 1
                cand_left[token] -= 1
    precision, recall = hits / cand_total, hits / ref_total
    f1 = 2 * precision * recall / (precision + recall) if hits else 0.0
    return precision, recall, f1


def shingle_prf(candidate: str, reference: str, n: int = 4) -> tuple[float, float, float]:
    """Precision, recall, F1 over n-gram shingles of ``\\w+`` tokens (ScrapingHub's metric)."""

    def shingles(text: str) -> Counter[tuple[str, ...]]:
        tokens = re.findall(r"\w+", text.lower())
        return Counter(tuple(tokens[i : i + n]) for i in range(max(len(tokens) - n + 1, 0)))

    got, want = shingles(candidate), shingles(reference)
    if not got and not want:
        return 1.0, 1.0, 1.0
    common = sum((got & want).values())
    precision = common / sum(got.values()) if got else 0.0
    recall = common / sum(want.values()) if want else 0.0
    f1 = 2 * precision * recall / (precision + recall) if common else 0.0
    return precision, recall, f1


# --- extractors ---------------------------------------------------------------------------------


def ours(html: bytes) -> str:
    """storydiff's HTML extraction: trafilatura plus our post-pass (clean.html)."""
    from storydiff.clean.html import extract_main_text

    return extract_main_text(html)


def baseline(html: bytes) -> str:
    """trafilatura alone, with the settings of its own benchmark."""
    import trafilatura

    return trafilatura.extract(html, **BASELINE_OPTS) or ""


def _both(html: bytes) -> tuple[str, str]:
    out = []
    for extractor in (ours, baseline):
        try:
            out.append(extractor(html))
        except Exception:  # a crash counts as a full miss, as in trafilatura's benchmark
            out.append("")
    return out[0], out[1]


def run_extractors(pages: list[Page], workers: int = 2) -> list[tuple[str, str]]:
    """(ours, baseline) text per page, on ``workers`` processes."""
    htmls = [page.html for page in pages]
    if workers <= 1 or len(pages) < 8:
        return [_both(h) for h in htmls]
    with ProcessPoolExecutor(workers) as pool:
        return list(pool.map(_both, htmls, chunksize=4))


def score(dataset: str, pages: list[Page], outputs: list[str]) -> dict[str, float | int]:
    """The benchmark's own precision, recall and F1 for one extractor's outputs."""
    if dataset == "trafilatura":
        tp = fp = fn = 0
        for page, text in zip(pages, outputs, strict=True):
            a, b, c = segment_counts(page, text)
            tp, fp, fn = tp + a, fp + b, fn + c
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {"precision": p, "recall": r, "f1": f, "n": len(pages)}
    metric = shingle_prf if dataset == "scrapinghub" else rouge_lsum
    rows = [metric(text, page.gold_text) for page, text in zip(pages, outputs, strict=True)]
    p = sum(r[0] for r in rows) / len(rows)
    r = sum(r[1] for r in rows) / len(rows)
    if dataset == "scrapinghub":  # the benchmark's F1 is taken from the mean P and R
        f = 2 * p * r / (p + r) if p + r else 0.0
    else:  # Bevendorff et al. average the per-page F1
        f = sum(row[2] for row in rows) / len(rows)
    return {"precision": p, "recall": r, "f1": f, "n": len(pages)}


def evaluate_extraction(
    dataset: str, data: Path, limit: int | None = None, workers: int = 2
) -> dict[str, Any]:
    """Score ours and trafilatura alone on the same pages in the same run."""
    pages = load_pages(dataset, data, limit)
    outputs = run_extractors(pages, workers)
    mine = score(dataset, pages, [o[0] for o in outputs])
    base = score(dataset, pages, [o[1] for o in outputs])
    result: dict[str, Any] = {"dataset": dataset, **mine}
    for key in ("precision", "recall", "f1"):
        result[f"baseline_{key}"] = base[key]
    result["baseline"] = "trafilatura " + _trafilatura_version()
    return result


def _trafilatura_version() -> str:
    from importlib.metadata import version

    return version("trafilatura")
