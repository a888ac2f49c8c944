"""The plain-text cleaning benchmark: how well the cleaner keeps article lines of scraped text.

No published benchmark scores cleaning of text that has already lost its markup, so this one
is built from the HTML extraction sets: each page is rendered to what a naive scraper saves
(``clean.render``: all visible text, one block per line), every line is labelled article or
not from the data set's own gold, and the cleaner's keep/drop decision per line is scored
(pooled line-level precision, recall, F1).

Labels per data set:

- ``l3s-gn1``: the annotated page itself is rendered; a line is article when most of its
  characters sit under a headline, full-text or supplemental element (``x-nc-sel1..3``).
- ``cleaneval`` / ``scrapinghub``: a line is article when most of its word trigrams occur in
  the gold text (lines under three words: when they equal a gold line).
- ``trafilatura``: only lines holding a must-keep or a must-drop segment are labelled.

The cleaner's line model (``clean.lines.model``) learnt from half of the pages of each set,
picked by a hash of the page's name (``is_training_page``); the benchmark scores the other
half, which the model never saw, unless asked for every page.

Lines the cleaner moved into metadata (the title, a byline, a stated date line, a "With
reporting by" credit) count as kept: they were recognised and kept, beside the body rather
than in it, which is what the cleaner is asked to do with them. The reference row runs
trafilatura on the original HTML and counts a line as kept when its text appears in
trafilatura's output.
"""

from __future__ import annotations

import hashlib
import re
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

from storydiff.clean.layout import METADATA_REASONS, lay_out
from storydiff.clean.render import parse, render_lines
from storydiff.evaluate.extraction import BASELINE_OPTS, Page, load_pages
from storydiff.ingest.decode import decode

Labelled = list[tuple[str, bool | None]]  # line, gold label (None: not labelled)


def is_training_page(name: str) -> bool:
    """Whether the line model learnt from this page: a fixed half of each set, by name hash."""
    return hashlib.sha256(name.encode("utf-8")).digest()[0] % 2 == 0


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())


def _trigrams(tokens: list[str]) -> set[tuple[str, ...]]:
    return {tuple(tokens[i : i + 3]) for i in range(len(tokens) - 2)}


def _html_text(html: bytes) -> str:
    return decode(html)[0]


def label_by_gold_text(lines: list[str], gold: str) -> Labelled:
    """Article when most of the line's trigrams are in the gold text (short: exact line)."""
    gold_lines = {" ".join(_words(line)) for line in gold.splitlines()}
    gold_grams = _trigrams(_words(gold))
    out: Labelled = []
    for line in lines:
        tokens = _words(line)
        if not tokens:
            out.append((line, None))
        elif len(tokens) < 3:
            out.append((line, " ".join(tokens) in gold_lines))
        else:
            grams = _trigrams(tokens)
            out.append((line, len(grams & gold_grams) * 2 > len(grams)))
    return out


def label_by_segments(lines: list[str], page: Page) -> Labelled:
    """trafilatura layout: lines with a must-keep segment are article, must-drop are not."""
    norm = [re.sub(r"\s+", " ", line) for line in lines]
    out: Labelled = []
    for line, text in zip(lines, norm, strict=True):
        keep = any(re.sub(r"\s+", " ", s).strip() in text for s in page.keep)
        drop = any(re.sub(r"\s+", " ", s).strip() in text for s in page.drop)
        out.append((line, keep if keep != drop else None))
    return out


def _l3s_annotated(element: Any) -> bool:
    cls = element.get("class") or ""
    return any(f"x-nc-sel{n}" in cls for n in (1, 2, 3))


def labelled_lines(dataset: str, page: Page, annotated: bytes | None = None) -> Labelled:
    """The naive-scraper lines of a page with their gold labels."""
    if dataset == "l3s-gn1" and annotated is not None:
        rendered = render_lines(parse(_html_text(annotated)), _l3s_annotated)
        return [(text, mark) for text, mark in rendered]
    lines = [text for text, _ in render_lines(parse(_html_text(page.html)))]
    if dataset == "trafilatura":
        return label_by_segments(lines, page)
    return label_by_gold_text(lines, page.gold_text)


def cleaner_keeps(lines: list[str]) -> list[bool]:
    """Our plain-text cleaner's verdict per line (a line moved to metadata counts as kept)."""
    layout = lay_out("\n".join(lines))
    verdicts = iter(layout.verdicts)
    out: list[bool] = []
    for line in lines:
        if not line.strip():
            out.append(False)
            continue
        _, reason = next(verdicts)
        out.append(reason is None or reason in METADATA_REASONS)
    return out


def trafilatura_keeps(lines: list[str], html: bytes) -> list[bool]:
    """Reference: a line counts as kept when trafilatura's output holds it, judged by the
    same rule that labels lines from gold text."""
    import trafilatura

    try:
        output = trafilatura.extract(html, **BASELINE_OPTS) or ""
    except Exception:
        output = ""
    return [bool(kept) for _, kept in label_by_gold_text(lines, output)]


def _score_page(args: tuple[str, Page, bytes | None]) -> tuple[list[int], list[int]]:
    """(tp, fp, fn, tn) over the labelled lines, for our cleaner and for the reference."""
    dataset, page, annotated = args
    labelled = labelled_lines(dataset, page, annotated)
    lines = [line for line, _ in labelled]
    counts = []
    for kept in (cleaner_keeps(lines), trafilatura_keeps(lines, page.html)):
        tp = fp = fn = tn = 0
        for (_, gold), keep in zip(labelled, kept, strict=True):
            if gold is None:
                continue
            tp += gold and keep
            fp += keep and not gold
            fn += gold and not keep
            tn += not gold and not keep
        counts.append([tp, fp, fn, tn])
    return counts[0], counts[1]


def _prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _annotations(dataset: str, pages: list[Page], data: Path) -> list[bytes | None]:
    """For L3S-GN1 the annotated page of each input; None elsewhere."""
    if dataset != "l3s-gn1":
        return [None] * len(pages)
    from storydiff.evaluate.extraction import unpack

    root = unpack(data)
    golds = {p.stem: p for p in root.rglob("GoldStandard/*.txt")}
    return [golds[page.name].read_bytes() if page.name in golds else None for page in pages]


def evaluate_cleaning(
    dataset: str, data: Path, limit: int | None = None, workers: int = 2, *, held_out: bool = True
) -> dict[str, Any]:
    """Line-level precision, recall, F1 of our cleaner; trafilatura on the HTML as reference.

    Only pages the line model did not learn from are scored unless ``held_out`` is False.
    """
    pages = [p for p in load_pages(dataset, data) if not (held_out and is_training_page(p.name))]
    pages = pages[:limit] if limit is not None else pages
    jobs = list(zip([dataset] * len(pages), pages, _annotations(dataset, pages, data), strict=True))
    if workers > 1 and len(jobs) >= 8:
        with ProcessPoolExecutor(workers) as pool:
            results = list(pool.map(_score_page, jobs, chunksize=4))
    else:
        results = [_score_page(job) for job in jobs]
    ours = [sum(r[0][i] for r in results) for i in range(4)]
    base = [sum(r[1][i] for r in results) for i in range(4)]
    p, r, f = _prf(*ours[:3])
    bp, br, bf = _prf(*base[:3])
    return {
        "dataset": dataset,
        "precision": p,
        "recall": r,
        "f1": f,
        "n": len(pages),
        "pages": "held out from the line model's training" if held_out else "all",
        "lines_labelled": sum(ours),
        "baseline_precision": bp,
        "baseline_recall": br,
        "baseline_f1": bf,
        "baseline": "trafilatura on the original HTML",
    }
