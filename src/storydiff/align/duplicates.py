"""Wire copies and near-duplicates: marked so every source count treats them as one.

A story of a few hundred articles is compared exactly (Jaccard over word 5-shingles, and how
much of the shorter text the longer holds, so an excerpt counts as a copy); past that,
datasketch's MinHash-LSH finds near-identical texts without comparing every pair. datasketch is
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
# An excerpt counts as a copy of the text holding it from this size on (about 60 words): two
# short texts can share a wire sentence and still be two reports.
MIN_EXCERPT_SHINGLES = 60
_WORD = re.compile(r"\w+")


def shingles(text: str) -> set[str]:
    words = _WORD.findall(text.lower())
    return {" ".join(words[i : i + 5]) for i in range(max(1, len(words) - 4))}


def _one_report(a: set[str], b: set[str]) -> str | None:
    """How two texts are one report: "copy" when near-identical, "excerpt" when nearly all the
    shorter text's shingles are in the longer one ("Click here to read the full story")."""
    if jaccard(a, b) >= THRESHOLD:
        return "copy"
    shorter = min(len(a), len(b))
    if shorter >= MIN_EXCERPT_SHINGLES and len(a & b) >= THRESHOLD * shorter:
        return "excerpt"
    return None


def _minhash(shingle_set: set[str]) -> MinHash:
    from datasketch import MinHash

    mh = MinHash(num_perm=NUM_PERM)
    mh.update_batch([s.encode() for s in shingle_set])
    return mh


def duplicate_links(articles: list[Article]) -> dict[str, str]:
    """Each near-copy's key → the key of the earliest article it repeats, or of the fuller
    text an excerpt was taken from (originals: absent)."""
    links: dict[str, str] = {}
    if len(articles) <= EXACT_UP_TO:
        originals: list[tuple[Article, set[str]]] = []
        for article in articles:
            own = shingles(article.text)
            found = next(
                ((k, how) for k, (_, s) in enumerate(originals) if (how := _one_report(own, s))),
                None,
            )
            if found is None:
                originals.append((article, own))
                continue
            k, how = found
            first, theirs = originals[k]
            if how == "copy" or len(own) <= len(theirs):
                links[article.key] = first.key
                continue
            # An excerpt came first: the full text stands for both, and for the excerpt's copies.
            originals[k] = (article, own)
            links = {copy: article.key if o == first.key else o for copy, o in links.items()}
            links[first.key] = article.key
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
