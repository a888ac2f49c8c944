"""Story grouping scored against ECB+ sub-topics (B-cubed and pairwise F1).

ECB+ groups 982 news articles into 43 topics, each with two seminal events: the original ECB
articles (``<t>_<n>ecb.xml``) about one, the ECB+ additions (``<t>_<n>ecbplus.xml``) about
another of the same kind ("Tara Reid enters rehab" vs "Lindsay Lohan enters rehab"). A
sub-topic, topic × {ecb, ecbplus}, is one real-world event: our gold story. Telling the two
events of a topic apart is the hard part, and what a desk needs.

The corpus ships as ``ECBplus_xml.tar.xz``; it is extracted once to ``~/.cache/storydiff``,
never into the repository. Articles are fed in a fixed shuffled order, since a real stream
interleaves stories rather than handing them over one at a time.
"""

from __future__ import annotations

import random
import re
import tarfile
import tempfile
import xml.etree.ElementTree as ET
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from storydiff.errors import GoldError

if TYPE_CHECKING:
    from storydiff.scale.stories import GroupingSettings

ARCHIVE = "ECBplus_xml.tar.xz"
CACHE = Path.home() / ".cache" / "storydiff"
SHUFFLE_SEED = 13
_NAME = re.compile(r"^(\d+)_(\d+)(ecb|ecbplus)\.xml$")
_NO_SPACE_BEFORE = frozenset({",", ".", ":", ";", "!", "?", ")", "'s", "n't", "%", "'", "''"})


@dataclass(frozen=True, slots=True)
class EcbDoc:
    name: str
    topic: int
    subtopic: str  # "1/ecb", "1/ecbplus": the gold story
    text: str


def corpus_root(location: Path) -> Path:
    """The folder holding ``ECB+/<topic>/…xml``, extracting the archive to the cache if needed."""
    for candidate in (location, location / "ECB+"):
        if candidate.is_dir() and any(candidate.glob("*/*ecb*.xml")):
            return candidate
    archive = location / ARCHIVE if location.is_dir() else location
    if not archive.is_file():
        raise GoldError(f"no ECB+ XML or {ARCHIVE} under {location}; pass the ecb_plus folder")
    target = CACHE / "ecb_plus"
    done = target / ".extracted"
    if not done.exists():
        target.mkdir(parents=True, exist_ok=True)
        with tarfile.open(archive) as tar:
            tar.extractall(target, filter="data")
        done.touch()
    return target / "ECB+"


def _detokenise(tokens: list[str]) -> str:
    out = ""
    for token in tokens:
        glue = not out or token in _NO_SPACE_BEFORE or out.endswith(("(", "$"))
        out += token if glue else f" {token}"
    return out


def read_doc(path: Path) -> EcbDoc:
    """Plain text of one ECB+ file: tokens rejoined, one line per sentence."""
    match = _NAME.match(path.name)
    if match is None:
        raise GoldError(f"{path.name} is not named <topic>_<n>ecb[plus].xml")
    sentences: dict[int, list[str]] = defaultdict(list)
    for token in ET.parse(path).getroot().iter("token"):
        sentences[int(token.get("sentence", "0"))].append(token.text or "")
    kind = match.group(3)
    # ecbplus files carry the source URL as sentence 0: not article text.
    lines = [
        _detokenise(t) for n, t in sorted(sentences.items()) if not (kind == "ecbplus" and n == 0)
    ]
    topic = int(match.group(1))
    return EcbDoc(path.name, topic, f"{topic}/{kind}", "\n".join(lines))


def load_corpus(location: Path, topics: Iterable[int] | None = None) -> list[EcbDoc]:
    """Every document (of the given topics), in a fixed shuffled order."""
    root = corpus_root(location)
    wanted = set(topics) if topics is not None else None
    docs = [
        read_doc(path)
        for path in sorted(root.glob("*/*.xml"))
        if _NAME.match(path.name) and (wanted is None or int(path.parent.name) in wanted)
    ]
    if not docs:
        raise GoldError(f"no ECB+ documents under {root} for topics {sorted(wanted or [])}")
    random.Random(SHUFFLE_SEED).shuffle(docs)
    return docs


def bcubed(predicted: Sequence[str], gold: Sequence[str]) -> tuple[float, float, float]:
    """B-cubed precision, recall, F1 over items labelled by two clusterings."""
    pairs = Counter(zip(predicted, gold, strict=True))
    size_p = Counter(predicted)
    size_g = Counter(gold)
    n = len(gold)
    precision = sum(c * c / size_p[p] for (p, _), c in pairs.items()) / n
    recall = sum(c * c / size_g[g] for (_, g), c in pairs.items()) / n
    return precision, recall, _f1(precision, recall)


def pairwise(predicted: Sequence[str], gold: Sequence[str]) -> tuple[float, float, float]:
    """Precision, recall, F1 over the pairs of items put in one cluster."""

    def links(counts: Iterable[int]) -> int:
        return sum(c * (c - 1) // 2 for c in counts)

    both = links(Counter(zip(predicted, gold, strict=True)).values())
    said = links(Counter(predicted).values())
    true = links(Counter(gold).values())
    precision = both / said if said else 1.0
    recall = both / true if true else 1.0
    return precision, recall, _f1(precision, recall)


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def score_stories(
    location: Path, topics: Iterable[int] | None = None, settings: GroupingSettings | None = None
) -> dict[str, object]:
    """Group the ECB+ articles as the batch does and score against sub-topics and topics."""
    from storydiff.scale.features import signature, story_features
    from storydiff.scale.stories import Assignment, StoryInput, group

    docs = load_corpus(location, topics)
    items = (
        StoryInput(d.name, d.name, None, signature(d.text), story_features(d.text).vector())
        for d in docs
    )
    with tempfile.TemporaryDirectory() as tmp:
        placed = group(items, Path(tmp), settings)
        story_of = {a.key: a.story for a in placed if isinstance(a, Assignment)}
    predicted = [story_of[d.name] for d in docs]
    p, r, f = bcubed(predicted, [d.subtopic for d in docs])
    pp, pr, pf = pairwise(predicted, [d.subtopic for d in docs])
    topic_f = bcubed(predicted, [str(d.topic) for d in docs])[2]
    return {
        "documents": len(docs),
        "gold_stories": len({d.subtopic for d in docs}),
        "predicted_stories": len(set(predicted)),
        "bcubed_precision": round(p, 4),
        "bcubed_recall": round(r, 4),
        "bcubed_f1": round(f, 4),
        "pairwise_precision": round(pp, 4),
        "pairwise_recall": round(pr, 4),
        "pairwise_f1": round(pf, 4),
        "topic_bcubed_f1": round(topic_f, 4),
    }
