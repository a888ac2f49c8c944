"""Scoring attribution: the seed gold (who said what) and PolNeAR (source, cue, content spans).

PolNeAR is scored on contiguous fragments: a brat span "315 448;463 553" counts as two gold
fragments, and each of our quotes is one fragment, so a quote split around "he said" scores
two hits. Spans are compared as sets per document (a source shared by two quotes counts
once). Exact F1 needs identical (start, end); overlap F1 counts any shared character.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from storydiff.analyse.nlp import load_nlp, spacy_view
from storydiff.analyse.quotes import Attribution, extract_attributions
from storydiff.errors import GoldError
from storydiff.model import QuoteRecord

Span = tuple[int, int]
ROLES = ("source", "cue", "content")


# --- span scoring -------------------------------------------------------------------------------


@dataclass(slots=True)
class Counts:
    """Hits and totals for one role, summed over documents."""

    exact: int = 0
    pred_overlap: int = 0
    gold_overlap: int = 0
    pred: int = 0
    gold: int = 0

    def add(self, pred: set[Span], gold: set[Span]) -> None:
        """Add one document's predicted and gold spans."""
        self.exact += len(pred & gold)
        self.pred_overlap += sum(1 for p in pred if any(_overlaps(p, g) for g in gold))
        self.gold_overlap += sum(1 for g in gold if any(_overlaps(p, g) for p in pred))
        self.pred += len(pred)
        self.gold += len(gold)

    def scores(self) -> dict[str, float]:
        """Precision and recall are exact-match; overlap F1 uses overlap on both sides."""
        precision = _ratio(self.exact, self.pred)
        recall = _ratio(self.exact, self.gold)
        o_p, o_r = _ratio(self.pred_overlap, self.pred), _ratio(self.gold_overlap, self.gold)
        return {
            "exact_f1": _f1(precision, recall),
            "overlap_f1": _f1(o_p, o_r),
            "precision": precision,
            "recall": recall,
        }


def _overlaps(a: Span, b: Span) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _ratio(a: int, b: int) -> float:
    return a / b if b else 0.0


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


# --- PolNeAR ------------------------------------------------------------------------------------


def read_brat(path: Path) -> dict[str, set[Span]]:
    """Gold fragments per role from one brat ``.ann`` file."""
    out: dict[str, set[Span]] = {role: set() for role in ROLES}
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) < 2 or not parts[0].startswith("T"):
            continue
        label, _, offsets = parts[1].partition(" ")
        role = label.lower()
        if role not in out:
            continue
        for frag in offsets.split(";"):
            start, _, end = frag.partition(" ")
            if start.isdigit() and end.isdigit():
                out[role].add((int(start), int(end)))
    return out


def predicted_spans(attributions: Iterable[Attribution]) -> dict[str, set[Span]]:
    """Our spans per role: local source mention, cue token(s), content with its marks.

    A quote nested in another's content (a partial inside "said that …") is left out.
    """
    out: dict[str, set[Span]] = {role: set() for role in ROLES}
    atts = list(attributions)
    for a in atts:
        if any(
            b is not a
            and b.content_start <= a.content_start
            and a.content_end <= b.content_end
            and (b.content_start, b.content_end) != (a.content_start, a.content_end)
            for b in atts
        ):
            continue  # PolNeAR gives each token one attribution: the clause, not its fragment
        if a.source_start is not None and a.source_end is not None:
            out["source"].add((a.source_start, a.source_end))
        if a.cue_start is not None and a.cue_end is not None:
            out["cue"].add((a.cue_start, a.cue_end))
        out["content"].add((a.content_start, a.content_end))
    return out


def polnear_pairs(data_dir: Path) -> list[tuple[Path, Path]]:
    """(text, annotation) pairs of one split; the first annotator's file where several exist.

    Accepts a split folder (``dev/``), the corpus ``data/`` folder or its root (dev split).
    """
    for base in (data_dir, data_dir / "dev", data_dir / "data" / "dev"):
        if (base / "text").is_dir() and (base / "attributions").is_dir():
            break
    else:
        raise GoldError(
            f"no text/ and attributions/ folders under {data_dir}; "
            "point at PolNeAR's data/dev folder"
        )
    anns = sorted((base / "attributions").glob("*.ann"))
    pairs: list[tuple[Path, Path]] = []
    for text in sorted((base / "text").glob("*.txt")):
        mine = [a for a in anns if a.stem.rsplit("_", 1)[0] == text.stem]
        if mine:
            pairs.append((text, mine[0]))
    return pairs


def evaluate_polnear(
    data_dir: Path,
    *,
    limit: int | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> dict[str, dict[str, float]]:
    """Run the extractor over PolNeAR documents and score source, cue and content spans."""
    pairs = polnear_pairs(data_dir)[:limit]
    nlp = load_nlp()
    counts = {role: Counts() for role in ROLES}
    texts = [p.read_text(encoding="utf-8") for p, _ in pairs]
    docs = nlp.pipe(spacy_view(t) for t in texts)
    for k, (doc, text, (_, ann)) in enumerate(zip(docs, texts, pairs, strict=True)):
        pred = predicted_spans(extract_attributions(doc, text, cognitive=True))
        gold = read_brat(ann)
        for role in ROLES:
            counts[role].add(pred[role], gold[role])
        if progress is not None:
            progress(k + 1, len(pairs))
    result: dict[str, dict[str, float]] = {role: counts[role].scores() for role in ROLES}
    result["n"] = {"docs": float(len(pairs))}
    return result


# --- seed gold ----------------------------------------------------------------------------------


def speaker_matches(found: QuoteRecord, gold_speaker: str) -> bool:
    """The gold README's rule: same surname (last token) or the same name, any of a group."""
    names = [found.speaker_text or "", *found.co_speakers]
    golds = [g.strip() for g in gold_speaker.split(";")]
    for name in names:
        for gold in golds:
            if name and (name == gold or name.split()[-1] == gold.split()[-1]):
                return True
    return False


def span_matches(found: QuoteRecord, gold: Span) -> bool:
    """Gold text inside the found span, or overlapping it by at least 80 % of the gold."""
    if found.start <= gold[0] and gold[1] <= found.end:
        return True
    overlap = min(found.end, gold[1]) - max(found.start, gold[0])
    return overlap >= 0.8 * (gold[1] - gold[0])


def score_seed_quotes(
    found: dict[str, Sequence[QuoteRecord]],
    gold: Sequence[dict[str, str]],
    texts: dict[str, str],
) -> dict[str, dict[str, float]]:
    """Precision, recall and speaker accuracy per kind, one-to-one, same kind preferred."""
    used: set[tuple[str, int]] = set()
    tally = {
        k: {"gold": 0, "found": 0, "hit": 0, "right": 0, "tp": 0}
        for k in ("direct", "indirect", "partial", "all")
    }
    for records in found.values():
        for r in records:
            tally[r.kind]["found"] += 1
            tally["all"]["found"] += 1
    for g in gold:
        text = texts[g["file"]]
        at = text.find(g["text"])
        if at < 0:
            raise GoldError(f"gold quote not in {g['file']}: {g['text'][:40]!r}")
        span = (at, at + len(g["text"]))
        cands = [
            (k, r)
            for k, r in enumerate(found.get(g["file"], ()))
            if (g["file"], k) not in used and span_matches(r, span)
        ]
        cands.sort(key=lambda c: (c[1].kind != g["kind"], not speaker_matches(c[1], g["speaker"])))
        for key in (g["kind"], "all"):
            tally[key]["gold"] += 1
        if not cands:
            continue
        k, rec = cands[0]
        used.add((g["file"], k))
        right = speaker_matches(rec, g["speaker"])
        for key in (g["kind"], "all"):
            tally[key]["hit"] += 1
            tally[key]["right"] += int(right)
        for key in (rec.kind, "all"):
            tally[key]["tp"] += int(right)
    return {
        kind: {
            "gold": float(t["gold"]),
            "found": float(t["found"]),
            "recall": _ratio(t["right"], t["gold"]),
            "precision": _ratio(t["tp"], t["found"]),
            "speaker_accuracy": _ratio(t["right"], t["hit"]),
            "correct": float(t["right"]),
        }
        for kind, t in tally.items()
    }


def evaluate_seeds(shared: Path) -> dict[str, dict[str, float]]:
    """Score ``extract_quotes`` on the seed articles against ``gold/seeds.json``."""
    from storydiff.analyse.quotes import extract_quotes

    gold_path = shared / "gold" / "seeds.json"
    try:
        gold = json.loads(gold_path.read_text(encoding="utf-8"))["quotes"]
    except (OSError, ValueError, KeyError) as err:
        raise GoldError(f"cannot read quotes from {gold_path}: {err}") from err
    nlp = load_nlp()
    texts: dict[str, str] = {}
    found: dict[str, Sequence[QuoteRecord]] = {}
    for name in sorted({g["file"] for g in gold}):
        text = (shared / "seeds" / name).read_text(encoding="utf-8")
        texts[name] = text
        found[name] = extract_quotes(nlp(spacy_view(text)), text)
    return score_seed_quotes(found, gold, texts)
