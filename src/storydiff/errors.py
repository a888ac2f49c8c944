"""One exception family, each carrying a one-line message: what went wrong, where, how to fix.

    StorydiffError
    ├── InputError        nothing usable in what the user gave us
    ├── ModelMissingError the spaCy pipeline is not installed
    ├── StoreError        the database cannot be opened or migrated
    └── GoldError         an evaluation gold file is missing or malformed

Per-article problems are not exceptions: they become ``Rejection`` records and the batch
goes on.
"""

from __future__ import annotations


class StorydiffError(Exception):
    """Base class; ``str(err)`` is the one line shown to the user."""


class InputError(StorydiffError):
    pass


class ModelMissingError(StorydiffError):
    pass


class StoreError(StorydiffError):
    pass


class GoldError(StorydiffError):
    pass
