"""Wire copies and near-duplicates: marked so every source count treats them as one.

A story of a few hundred articles is compared exactly (Jaccard over word 5-shingles); past
that, datasketch's MinHash-LSH finds candidates without comparing every pair. datasketch is
imported only then: it pulls in SciPy, which costs two seconds at start-up.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from storydiff.align.terms import jaccard
from storydiff.model import Article

if TYPE_CHECKING:
    from datasketch import MinHash

NUM_PERM = 128
THRESHOLD = 0.8  # Jaccard over word 5-shingles above which two texts are one report
EXACT_UP_TO = 300  # articles; pairwise exact comparison is cheaper than LSH below this
_WORD = re.compile(r"\w+")


def shingles(text: str) -> set[str]:
    words = _WORD.findall(text.lower())
    return {" ".join(words[i : i + 5]) for i in range(max(1, len(words) - 4))}


def _minhash(shingle_set: set[str]) -> MinHash:
    from datasketch import MinHash

    mh = MinHash(num_perm=NUM_PERM)
    mh.update_batch([s.encode() for s in shingle_set])
    return mh


def duplicate_links(articles: list[Article]) -> dict[str, str]:
    """Each near-copy's key → the key of the earliest article it repeats (originals: absent)."""
    links: dict[str, str] = {}
    if len(articles) <= EXACT_UP_TO:
        originals: list[tuple[Article, set[str]]] = []
        for article in articles:
            own = shingles(article.text)
            match = next((o for o, s in originals if jaccard(own, s) >= THRESHOLD), None)
            if match is None:
                originals.append((article, own))
            else:
                links[article.key] = match.key
        return links
    from datasketch import MinHashLSH

    lsh = MinHashLSH(threshold=THRESHOLD, num_perm=NUM_PERM)
    for article in articles:
        mh = _minhash(shingles(article.text))
        matches = sorted(lsh.query(mh))
        if matches:
            links[article.key] = matches[0]
        else:
            lsh.insert(article.key, mh)
    return links
