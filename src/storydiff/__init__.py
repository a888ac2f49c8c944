"""storydiff: many news articles about one story in, a dossier citing a source span per line out.

    import storydiff
    dossier = storydiff.analyze(["articles/", "https://example.org/story"])
    dossier = storydiff.analyze({"wire": "text of one article", "daily": "<html>…"})
    document = storydiff.to_json(dossier)   # the JSON contract, validated

Names load on first use, so ``import storydiff`` stays cheap (spaCy loads only to analyse).
"""

from __future__ import annotations

from importlib import import_module, metadata
from typing import Any

try:
    __version__ = metadata.version("storydiff")
except metadata.PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0+unknown"

# Public name -> the module that defines it.
_EXPORTS = {
    "analyze": "storydiff.api",
    "to_json": "storydiff.api",
    "Dossier": "storydiff.model",
    "Article": "storydiff.model",
    "Claim": "storydiff.model",
    "Quote": "storydiff.model",
    "Stance": "storydiff.model",
    "StorydiffError": "storydiff.errors",
    "InputError": "storydiff.errors",
}

__all__ = sorted([*_EXPORTS, "__version__"])


def __getattr__(name: str) -> Any:
    if name in _EXPORTS:
        return getattr(import_module(_EXPORTS[name]), name)
    raise AttributeError(f"module 'storydiff' has no attribute {name!r}")
