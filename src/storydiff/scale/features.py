"""What story grouping reads of an article: a MinHash signature, its names and its terms.

Grouping must run over millions of articles without a model, so features come from the text
alone: capitalised word runs stand in for entities (names tell one event from another in the
same topic), stemmed content words for what happens. Computed once per article on a worker
and stored in Parquet, so grouping never re-reads the text.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass

import numpy as np

from storydiff.align.duplicates import NUM_PERM, shingles
from storydiff.align.terms import stem
from storydiff.lexicon.words import STOPWORDS

SIGNATURE_BYTES = NUM_PERM * 4  # uint32 per permutation
MAX_TERMS = 25  # content words per article; more only adds noise to the overlap
MAX_NAMES = 25
NAME_WEIGHT = 2.0  # a shared name says more about "same event" than a shared word

_TOKEN = re.compile(r"[^\W\d_][\w'’.-]*[\w]|[^\W\d_]")
_BREAK = re.compile(r"[.!?:;\"“”\n]")

# Capitalised words that open sentences or headlines without naming anything.
NAME_STOPWORDS = STOPWORDS | frozenset(
    {
        "he", "she", "we", "you", "i", "his", "her", "our", "your", "my", "mr", "mrs", "ms",
        "dr", "after", "before", "when", "while", "during", "under", "over", "some", "many",
        "most", "all", "one", "two", "three", "monday", "tuesday", "wednesday", "thursday",
        "friday", "saturday", "sunday", "january", "february", "march", "april", "may", "june",
        "july", "august", "september", "october", "november", "december", "yesterday", "today",
        "tomorrow", "read", "more", "share", "click", "update", "updated", "photo", "video",
    }
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class StoryFeatures:
    """An article as grouping sees it: weights are log-scaled counts, names boosted."""

    names: dict[str, float]
    terms: dict[str, float]

    def vector(self) -> dict[str, float]:
        """One flat feature space: ``n:`` names and ``t:`` terms never collide."""
        out = {f"n:{k}": v for k, v in self.names.items()}
        out.update({f"t:{k}": v for k, v in self.terms.items()})
        return out


def signature(text: str) -> bytes:
    """MinHash of word 5-shingles, the same shingles ``align.duplicates`` compares."""
    from datasketch import MinHash

    mh = MinHash(num_perm=NUM_PERM)
    mh.update_batch([s.encode() for s in shingles(text)])
    return bytes(mh.hashvalues.astype(np.uint32).tobytes())


def similarity(a: bytes, b: bytes) -> float:
    """Estimated Jaccard of two signatures: the share of equal minima."""
    x = np.frombuffer(a, dtype=np.uint32)
    y = np.frombuffer(b, dtype=np.uint32)
    return float(np.count_nonzero(x == y)) / len(x)


def _top(counts: Counter[str], limit: int, weight: float) -> dict[str, float]:
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:limit]
    return {k: round(weight * (1.0 + math.log(c)), 4) for k, c in ranked}


def _words(body: str) -> list[tuple[str, bool, bool, bool]]:
    """(word, capitalised, opens a sentence, follows the last word with only a space)."""
    out = []
    last_end = 0
    for match in _TOKEN.finditer(body):
        word = match.group().removesuffix("'s").removesuffix("’s").rstrip(".")
        before = body[last_end : match.start()]
        adjacent = last_end > 0 and not before.strip(" \t")
        opens = last_end == 0 or bool(_BREAK.search(body[max(0, last_end - 1) : match.start()]))
        out.append((word, word[:1].isupper(), opens, adjacent))
        last_end = match.end()
    return out


def _close(run: list[str], names: Counter[str]) -> None:
    """A finished run of capitalised words: each word, and the whole run as one name."""
    for word in run:
        names[word] += 1
    if len(run) > 1:
        names[" ".join(run)] += 1
    run.clear()


def story_features(text: str, title: str | None = None) -> StoryFeatures:
    """Names (capitalised runs, minus sentence openers) and stemmed content terms.

    A capitalised word that opens a sentence counts as a name only if the text never writes
    it in lower case ("Officials said" vs "officials"), which needs no tagger.
    """
    body = f"{title}\n{text}" if title else text
    words = _words(body)
    lowered = {w for w, cap, _, _ in words if not cap}
    names: Counter[str] = Counter()
    terms: Counter[str] = Counter()
    run: list[str] = []
    for word, cap, opens, adjacent in words:
        lower = word.lower()
        is_name = (
            cap
            and len(lower) > 1
            and lower not in NAME_STOPWORDS
            and not (opens and lower in lowered)
        )
        if run and not (is_name and adjacent):
            _close(run, names)
        if is_name:
            run.append(lower)
            continue
        if lower in STOPWORDS or len(lower) < 3:
            continue
        terms[stem(lower)] += 1
    _close(run, names)
    return StoryFeatures(_top(names, MAX_NAMES, NAME_WEIGHT), _top(terms, MAX_TERMS, 1.0))
