"""Calibrate "same event?" scores for sentences and clauses of different articles, on ECB+.

The claim ledger links a relative date in one article to an absolute date in another when the
clauses around them look alike. This measures how well word overlap (``TermWeights.similarity``)
and MiniLM cosine (``semantic.embed``) tell apart clauses that describe the same event from
clauses that do not, so the weights and threshold rest on evidence rather than guesses.

Gold: ECB+ annotated sentences (``ECBplus_coreference_sentences.csv``). Within a topic, two
sentences of different documents are a positive pair when both hold an ACTION_* mention of the
same cross-document instance; at clause level the unit is a pair of mentions, each seen through
``clause_around`` its trigger. Negatives are subsampled per topic (at most NEGATIVES_PER_POSITIVE
per positive, fixed seed). Odd topics fit weights and thresholds; even topics only check them.
Cross-sub-topic pairs ("Tara Reid enters rehab" vs "Lindsay Lohan enters rehab") stay in as the
hard negatives they are.

Embeddings are cached in /tmp/calib so a second run only scores.

    OPENBLAS_NUM_THREADS=1 .venv/bin/python bench/calibrate_links.py [--json]
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import os
import random
import re
import sys
import tarfile
import time
import xml.etree.ElementTree as ET
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import numpy as np
import numpy.typing as npt
from scipy.stats import rankdata

from storydiff.align.semantic import embed
from storydiff.align.terms import TermWeights, clause_around, story_weights, terms

REPO = Path(__file__).resolve().parent.parent
DATA = REPO.parent / "shared" / "datasets" / "ecb_plus"
ARCHIVE = DATA / "ECBplus_xml.tar.xz"
SENTENCES_CSV = DATA / "ECBplus_coreference_sentences.csv"
CACHE = Path("/tmp/calib")
SEED = 13
NEGATIVES_PER_POSITIVE = 20
# All distinct texts (sentences + clauses) embedded at most: ~50 texts/s on one core.
MAX_TEXTS = 6000
WEIGHTS = (0.1, 0.25, 0.5, 1.0, 2.0)
# Score given to gated-out pairs (term = 0): below any term + w·cosine with w ≤ 2.
GATED_OUT = -10.0
_NAME = re.compile(r"(?:^|/)(\d+)_(\d+ecb(?:plus)?)\.xml$")
# Tokens glued to the one before them, as storydiff.evaluate.stories rejoins ECB+ text.
_NO_SPACE_BEFORE = frozenset({",", ".", ":", ";", "!", "?", ")", "'s", "n't", "%", "'", "''"})

Floats = npt.NDArray[np.float64]
Row = tuple[str, str, bool]  # left text, right text, same event
Bools = npt.NDArray[np.bool_]


@dataclass(frozen=True, slots=True)
class Mention:
    start: int  # character offsets of the trigger in its sentence
    end: int
    instance: str  # cross-document instance id, or a per-document id when it has none


@dataclass(frozen=True, slots=True)
class Sentence:
    topic: int
    doc: str
    text: str
    mentions: tuple[Mention, ...]


@dataclass(frozen=True, slots=True)
class Doc:
    topic: int
    name: str  # "10ecbplus", as the sentences csv names it
    lines: dict[int, str]  # sentence number -> text
    mentions: dict[int, tuple[Mention, ...]]


def _join(tokens: Sequence[tuple[int, str]]) -> tuple[str, dict[int, tuple[int, int]]]:
    """Sentence text from its tokens, and each token id's character span in it."""
    text = ""
    spans: dict[int, tuple[int, int]] = {}
    for t_id, token in tokens:
        glue = not text or token in _NO_SPACE_BEFORE or text.endswith(("(", "$"))
        text += "" if glue else " "
        spans[t_id] = (len(text), len(text) + len(token))
        text += token
    return text, spans


def _instances(root: ET.Element) -> dict[str, str]:
    """Markable id -> cross-document instance id (the relation's ``note``)."""
    found: dict[str, str] = {}
    for relation in root.iter("CROSS_DOC_COREF"):
        for source in relation.findall("source"):
            found[source.get("m_id", "")] = relation.get("note", "")
    return found


def read_doc(topic: int, name: str, data: bytes) -> Doc:
    root = ET.fromstring(data)
    by_sentence: dict[int, list[tuple[int, str]]] = defaultdict(list)
    sentence_of: dict[int, int] = {}
    for token in root.iter("token"):
        t_id, number = int(token.get("t_id", "0")), int(token.get("sentence", "0"))
        by_sentence[number].append((t_id, token.text or ""))
        sentence_of[t_id] = number
    joined = {n: _join(tokens) for n, tokens in by_sentence.items()}
    # ecbplus files carry the source URL as sentence 0: not article text.
    lines = {n: text for n, (text, _) in joined.items() if not (n == 0 and "plus" in name)}
    instances = _instances(root)
    mentions: dict[int, list[Mention]] = defaultdict(list)
    markables = root.find("Markables")
    for markable in markables if markables is not None else ():
        anchors = [int(a.get("t_id", "0")) for a in markable.findall("token_anchor")]
        if not markable.tag.startswith("ACTION") or not anchors:
            continue
        number = sentence_of[anchors[0]]
        spans = joined[number][1]
        m_id = markable.get("m_id", "")
        instance = instances.get(m_id) or f"{topic}_{name}#{m_id}"
        mentions[number].append(Mention(spans[anchors[0]][0], spans[anchors[-1]][1], instance))
    ordered = {n: tuple(sorted(ms, key=lambda m: m.start)) for n, ms in mentions.items()}
    return Doc(topic, name, lines, ordered)


def load_docs() -> dict[tuple[int, str], Doc]:
    docs: dict[tuple[int, str], Doc] = {}
    with tarfile.open(ARCHIVE) as tar:
        for member in tar:
            match = _NAME.search(member.name)
            handle = tar.extractfile(member) if match and member.isfile() else None
            if match is None or handle is None:
                continue
            topic = int(match.group(1))
            docs[topic, match.group(2)] = read_doc(topic, match.group(2), handle.read())
    return docs


def annotated_sentences(docs: dict[tuple[int, str], Doc]) -> dict[int, list[Sentence]]:
    """Topic -> the csv's annotated sentences that hold at least one action mention."""
    by_topic: dict[int, list[Sentence]] = defaultdict(list)
    with SENTENCES_CSV.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            topic, name, number = int(row["Topic"]), row["File"], int(row["Sentence Number"])
            doc = docs[topic, name]
            if number in doc.lines and doc.mentions.get(number):
                by_topic[topic].append(
                    Sentence(topic, name, doc.lines[number], doc.mentions[number])
                )
    return by_topic


@dataclass
class Pairs:
    """Text pairs of one level, with gold labels and the topic each came from."""

    left: list[str]
    right: list[str]
    labels: list[bool]
    topics: list[int]

    def add(self, rows: Iterable[Row], topic: int) -> None:
        for a, b, label in rows:
            self.left.append(a)
            self.right.append(b)
            self.labels.append(label)
            self.topics.append(topic)


def _subsample(rows: list[Row], topic: int) -> list[Row]:
    """All positives, and at most NEGATIVES_PER_POSITIVE negatives each, seeded per topic."""
    positives = [r for r in rows if r[2]]
    negatives = [r for r in rows if not r[2]]
    keep = min(len(negatives), NEGATIVES_PER_POSITIVE * len(positives))
    return positives + random.Random(SEED * 1000 + topic).sample(negatives, keep)


def build_pairs(sentences: list[Sentence], topic: int) -> tuple[list[Row], list[Row]]:
    """Sentence-level and mention-level (clause) pairs of different documents, subsampled."""
    sentence_rows: list[Row] = []
    clause_rows: list[Row] = []
    for i, a in enumerate(sentences):
        for b in sentences[i + 1 :]:
            if a.doc == b.doc:
                continue
            shared = {m.instance for m in a.mentions} & {m.instance for m in b.mentions}
            sentence_rows.append((a.text, b.text, bool(shared)))
            for m in a.mentions:
                for n in b.mentions:
                    clause_rows.append(
                        (
                            clause_around(a.text, m.start, m.end),
                            clause_around(b.text, n.start, n.end),
                            m.instance == n.instance,
                        )
                    )
    return _subsample(sentence_rows, topic), _subsample(clause_rows, topic)


def choose_topics(
    by_topic: dict[int, list[Sentence]], pairs: dict[int, tuple[list[Row], list[Row]]]
) -> list[int]:
    """Topics in a fixed shuffled order, odd and even alternating, until MAX_TEXTS is reached."""
    odd = [t for t in sorted(by_topic) if t % 2]
    even = [t for t in sorted(by_topic) if not t % 2]
    random.Random(SEED).shuffle(odd)
    random.Random(SEED).shuffle(even)
    order = [t for both in zip(odd, even, strict=False) for t in both]
    order += odd[len(even) :] + even[len(odd) :]
    chosen: list[int] = []
    texts: set[str] = set()
    for topic in order:
        sentence_rows, clause_rows = pairs[topic]
        new = {t for rows in (sentence_rows, clause_rows) for r in rows for t in r[:2]}
        if len(texts | new) > MAX_TEXTS:
            continue
        texts |= new
        chosen.append(topic)
    return sorted(chosen)


def cached_vectors(texts: list[str]) -> dict[str, Floats]:
    """Unit vectors of ``texts``, embedded once per distinct text and kept under CACHE."""
    CACHE.mkdir(parents=True, exist_ok=True)
    vectors_file, texts_file = CACHE / "vectors.npy", CACHE / "texts.json"
    known: dict[str, Floats] = {}
    if vectors_file.exists() and texts_file.exists():
        stored = json.loads(texts_file.read_text(encoding="utf-8"))
        matrix = np.load(vectors_file)
        if len(stored) == len(matrix):
            known = dict(zip(stored, matrix, strict=True))
    missing = sorted({t for t in texts if t not in known})
    if missing:
        start = time.perf_counter()
        print(f"embedding {len(missing)} texts…", file=sys.stderr, flush=True)
        for text, vector in zip(missing, embed(missing), strict=True):
            known[text] = vector.astype(np.float64)
        print(f"  {time.perf_counter() - start:.0f}s", file=sys.stderr)
        names = list(known)
        np.save(vectors_file, np.stack([known[n] for n in names]))
        texts_file.write_text(json.dumps(names), encoding="utf-8")
    return known


def ceiling(pairs: Pairs, half: int) -> float:
    """Best F1 of an oracle that knows each text pair's share of positives (odd half: 1).

    Several mentions share one clause, so a text-pair score cannot tell them apart: this is the
    most any score of the two texts alone can reach on these pairs.
    """
    positives: Counter[tuple[str, str]] = Counter()
    seen: Counter[tuple[str, str]] = Counter()
    keys = []
    for a, b, label, topic in zip(pairs.left, pairs.right, pairs.labels, pairs.topics, strict=True):
        if topic % 2 == half:
            key = (min(a, b), max(a, b))
            positives[key] += label
            seen[key] += 1
            keys.append((key, label))
    shares = np.array([positives[key] / seen[key] for key, _ in keys])
    return best_f1(shares, np.array([label for _, label in keys]))[0]


def auc(scores: Floats, labels: Bools) -> float:
    """ROC AUC as the Mann-Whitney statistic, ties counting half."""
    ranks = rankdata(scores)
    positives = int(labels.sum())
    negatives = len(labels) - positives
    return float((ranks[labels].sum() - positives * (positives + 1) / 2) / (positives * negatives))


def best_f1(scores: Floats, labels: Bools) -> tuple[float, float]:
    """Highest F1 over thresholds "score ≥ t", and that t (the midpoint to the next score)."""
    order = np.argsort(-scores, kind="stable")
    ordered, hits = scores[order], labels[order]
    true_pos = np.cumsum(hits)
    predicted = np.arange(1, len(hits) + 1)
    last_of_tie = np.append(ordered[1:] != ordered[:-1], True)
    f1 = np.where(last_of_tie, 2 * true_pos / (predicted + hits.sum()), -1.0)
    best = int(np.argmax(f1))
    below = ordered[best + 1] if best + 1 < len(ordered) else ordered[best] - 1.0
    return float(f1[best]), float((ordered[best] + below) / 2)


def f1_at(scores: Floats, labels: Bools, threshold: float) -> float:
    predicted = scores >= threshold
    true_pos = int((predicted & labels).sum())
    return 2 * true_pos / (int(predicted.sum()) + int(labels.sum()) or 1)


Scorer = Callable[[Floats, Floats], Floats]


def _combined(w: float, *, gated: bool) -> Scorer:
    """term + w·meaning; gated: only where the texts share a term at all."""

    def score(term: Floats, meaning: Floats) -> Floats:
        summed: Floats = term + w * meaning
        return np.where(term > 0, summed, GATED_OUT) if gated else summed

    return score


def scorers() -> dict[str, Scorer]:
    """Every score under test, by name: term, meaning, term + w·meaning, and that gated on term."""
    found: dict[str, Scorer] = {"term": lambda t, m: t, "meaning": lambda t, m: m}
    for w in WEIGHTS:
        found[f"term+{w:g}*meaning"] = _combined(w, gated=False)
        found[f"term>0 ? term+{w:g}*meaning"] = _combined(w, gated=True)
    return found


Features = tuple[Floats, Floats, Bools, npt.NDArray[np.int64]]


def features(pairs: Pairs, weights: dict[int, TermWeights], vectors: dict[str, Floats]) -> Features:
    """Term similarity, meaning cosine, gold label and topic of every pair."""
    term_sets: dict[str, set[str]] = {}

    def term_set(text: str) -> set[str]:
        if text not in term_sets:
            term_sets[text] = terms(text)
        return term_sets[text]

    term = np.array(
        [
            weights[topic].similarity(term_set(a), term_set(b))
            for a, b, topic in zip(pairs.left, pairs.right, pairs.topics, strict=True)
        ]
    )
    left = np.stack([vectors[a] for a in pairs.left])
    right = np.stack([vectors[b] for b in pairs.right])
    meaning = (left * right).sum(axis=1)
    return term, meaning, np.array(pairs.labels), np.array(pairs.topics)


def evaluate_level(
    term: Floats, meaning: Floats, labels: Bools, topics: npt.NDArray[np.int64]
) -> dict[str, Any]:
    """Per scorer: AUC and best F1 on each half, and the check F1 at the fitting threshold."""
    halves = {"fit": topics % 2 == 1, "check": topics % 2 == 0}
    counts = {
        half: {"pairs": int(mask.sum()), "positives": int(labels[mask].sum())}
        for half, mask in halves.items()
    }
    rows = []
    for name, scorer in scorers().items():
        scores = scorer(term, meaning)
        row: dict[str, Any] = {"score": name}
        for half, mask in halves.items():
            f1, threshold = best_f1(scores[mask], labels[mask])
            row[half] = {"auc": auc(scores[mask], labels[mask]), "f1": f1, "threshold": threshold}
        check = halves["check"]
        row["check_f1_at_fit_threshold"] = f1_at(
            scores[check], labels[check], row["fit"]["threshold"]
        )
        rows.append(row)
    fit = halves["fit"]
    medians = {
        "positive": float(np.median(meaning[fit & labels])),
        "negative": float(np.median(meaning[fit & ~labels])),
    }
    combined = [r for r in rows if "*" in r["score"]]
    pick = max(combined, key=lambda r: r["fit"]["f1"])
    return {
        "counts": counts,
        "meaning_median_fit": medians,
        "rows": rows,
        "pick": {
            "score": pick["score"],
            "threshold": pick["fit"]["threshold"],
            "fit_f1": pick["fit"]["f1"],
            "check_f1": pick["check_f1_at_fit_threshold"],
        },
    }


def run() -> dict[str, Any]:
    docs = load_docs()
    by_topic = annotated_sentences(docs)
    pairs = {topic: build_pairs(sentences, topic) for topic, sentences in by_topic.items()}
    topics = choose_topics(by_topic, pairs)
    weights = {
        t: story_weights(
            line
            for (topic, _), doc in sorted(docs.items())
            if topic == t
            for line in doc.lines.values()
        )
        for t in topics
    }
    levels = {"sentence": Pairs([], [], [], []), "clause": Pairs([], [], [], [])}
    for topic in topics:
        levels["sentence"].add(pairs[topic][0], topic)
        levels["clause"].add(pairs[topic][1], topic)
    texts = [t for level in levels.values() for t in level.left + level.right]
    vectors = cached_vectors(texts)
    result: dict[str, Any] = {
        "data": {
            "topics": topics,
            "distinct_texts": len(set(texts)),
            "negatives_per_positive": NEGATIVES_PER_POSITIVE,
            "seed": SEED,
            "texts_hash": hashlib.sha256("\n".join(sorted(set(texts))).encode()).hexdigest()[:12],
        },
        "levels": {},
    }
    for name, level in levels.items():
        result["levels"][name] = evaluate_level(*features(level, weights, vectors))
        result["levels"][name]["oracle_f1"] = {"fit": ceiling(level, 1), "check": ceiling(level, 0)}
    return result


def print_table(result: dict[str, Any]) -> None:
    data = result["data"]
    print(f"ECB+ topics used: {data['topics']} ({data['distinct_texts']} distinct texts)")
    print("fit = odd topics, check = even topics; F1 threshold: score >= t")
    for name, level in result["levels"].items():
        counts = level["counts"]
        fit, check = counts["fit"], counts["check"]
        print(
            f"\n{name} level: fit {fit['pairs']} pairs ({fit['positives']} pos),"
            f" check {check['pairs']} pairs ({check['positives']} pos)"
        )
        print(
            f"{'score':28} {'fitAUC':>6} {'fitF1':>6} {'thr':>6}"
            f" {'chkAUC':>6} {'chkF1':>6} {'thr':>6} {'chkF1@fitThr':>12}"
        )
        for row in level["rows"]:
            fit, check = row["fit"], row["check"]
            print(
                f"{row['score']:28} {fit['auc']:6.3f} {fit['f1']:6.3f} {fit['threshold']:6.3f}"
                f" {check['auc']:6.3f} {check['f1']:6.3f} {check['threshold']:6.3f}"
                f" {row['check_f1_at_fit_threshold']:12.3f}"
            )
        oracle = level["oracle_f1"]
        print(
            f"ceiling (oracle per text pair): fit F1 {oracle['fit']:.3f},"
            f" check F1 {oracle['check']:.3f}"
        )
        medians = level["meaning_median_fit"]
        print(
            f"median meaning cosine (fit half): same event {medians['positive']:.3f},"
            f" different events {medians['negative']:.3f}"
        )
        pick = level["pick"]
        print(
            f"pick (best fit F1 among combined): {pick['score']} >= {pick['threshold']:.3f}:"
            f" fit F1 {pick['fit_f1']:.3f}, check F1 {pick['check_f1']:.3f}"
        )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args(argv)
    if not (ARCHIVE.is_file() and SENTENCES_CSV.is_file()):
        print(f"calibrate_links: no ECB+ data at {DATA}", file=sys.stderr)
        return 2
    result = run()
    if args.json:
        print(json.dumps(result))
    else:
        print_table(result)
    return 0


if __name__ == "__main__":
    sys.exit(main())
