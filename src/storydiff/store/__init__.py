"""Store: articles and their analyses, keyed by content hash so re-runs skip known work.

SQLite by default; PostgreSQL when ``--db`` is a ``postgresql://`` URL (``store.postgres``).
Both build the same tables (``store.schema``, one schema with dialect fill-ins) and run the
same statements (``store.sql``): the web app's stories, the corpus and its story placements
(filled by ``storydiff.scale.corpus``), and full-text search over articles and dossier quotes.
"""

from storydiff.store.base import Store
from storydiff.store.sql import SqlStore
from storydiff.store.sqlite import SQLiteStore, open_store

__all__ = ["SQLiteStore", "SqlStore", "Store", "open_store"]
