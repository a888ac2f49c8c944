"""Wire copies and near-duplicates: marked so every source count treats them as one."""

from __future__ import annotations

import re

from datasketch import MinHash, MinHashLSH

from storydiff.model import Article

NUM_PERM = 128
THRESHOLD = 0.8  # estimated Jaccard over word 5-shingles above which two texts are one report
_WORD = re.compile(r"\w+")


def _minhash(text: str) -> MinHash:
    words = _WORD.findall(text.lower())
    shingles = {" ".join(words[i : i + 5]) for i in range(max(1, len(words) - 4))}
    mh = MinHash(num_perm=NUM_PERM)
    mh.update_batch([s.encode() for s in shingles])
    return mh


def mark_duplicates(articles: list[Article]) -> None:
    """Set ``duplicate_of`` to the earliest article each near-copy repeats."""
    lsh = MinHashLSH(threshold=THRESHOLD, num_perm=NUM_PERM)
    for article in articles:
        mh = _minhash(article.text)
        matches = sorted(lsh.query(mh))
        article.duplicate_of = matches[0] if matches else None
        if article.duplicate_of is None:
            lsh.insert(article.key, mh)
