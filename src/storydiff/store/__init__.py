"""Store: articles and their analyses, keyed by content hash so re-runs skip known work.

SQLite by default; PostgreSQL when ``--db`` is a ``postgresql://`` URL (``store.postgres``).
"""

from storydiff.store.base import Store
from storydiff.store.sqlite import SQLiteStore, open_store

__all__ = ["SQLiteStore", "Store", "open_store"]
