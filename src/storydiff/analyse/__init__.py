"""Analyse: what each article says on its own, as offsets into its text.

Import ``storydiff.analyse.article`` only when something needs analysing: it loads spaCy,
which a fully cached run never needs.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path

# Bump on a change of the stored analysis format; code changes are caught by the digest below.
ANALYSER_VERSION = "3"


@lru_cache(maxsize=1)
def analyser_version() -> str:
    """Which analyses the store may reuse: format version, spaCy model, extractors' code.

    Any edit to an extractor, in a subpackage too, changes the digest, so stored analyses are
    never stale.
    """
    from storydiff.analyse.nlp import model_id

    root = Path(__file__).parent
    digest = hashlib.sha256()
    for path in sorted(root.rglob("*.py")):
        digest.update(path.relative_to(root).as_posix().encode())
        digest.update(path.read_bytes())
    return f"{ANALYSER_VERSION}/{model_id()}/{digest.hexdigest()[:12]}"


__all__ = ["ANALYSER_VERSION", "analyser_version"]
