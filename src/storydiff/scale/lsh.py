"""Near-duplicate lookup whose buckets live in SQLite on disk, so memory stays flat.

datasketch's in-memory MinHashLSH keeps every bucket in Python dicts; on a corpus of
millions that outgrows RAM (text-dedup users report exactly this). Here each of ``BANDS``
bands of a signature hashes to one 64-bit bucket id; an indexed SQLite table maps buckets to
the originals that fell in them, and SQLite's page cache is capped. Only originals are
indexed: a copy matches its original, never another copy.
"""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

from storydiff.align.duplicates import NUM_PERM, THRESHOLD
from storydiff.scale.features import similarity

BANDS = 16  # 16 bands of 8 rows: a pair at Jaccard 0.8 shares a bucket 95% of the time,
ROWS = NUM_PERM // BANDS  # one at 0.5 only 6% of the time; candidates are then verified
CACHE_KIB = 16 * 1024  # SQLite page cache: the index's whole share of memory
COMMIT_EVERY = 2000


def buckets(signature: bytes) -> list[int]:
    """One signed 64-bit bucket id per band (the band's number is hashed in)."""
    width = ROWS * 4
    out = []
    for band in range(BANDS):
        digest = hashlib.blake2b(
            signature[band * width : (band + 1) * width], digest_size=8, salt=bytes([band]) * 8
        ).digest()
        out.append(int.from_bytes(digest, "little", signed=True))
    return out


class DiskLSH:
    """Originals by signature; ``match`` finds the most similar earlier original."""

    def __init__(self, path: Path, *, threshold: float = THRESHOLD) -> None:
        path.unlink(missing_ok=True)
        self._db = sqlite3.connect(path)
        self._db.executescript(
            f"""
            PRAGMA journal_mode = OFF;
            PRAGMA synchronous = OFF;
            PRAGMA cache_size = -{CACHE_KIB};
            PRAGMA temp_store = FILE;
            CREATE TABLE originals (
                seq INTEGER PRIMARY KEY, key TEXT NOT NULL, signature BLOB NOT NULL,
                story TEXT NOT NULL
            );
            CREATE TABLE buckets (bucket INTEGER NOT NULL, seq INTEGER NOT NULL,
                PRIMARY KEY (bucket, seq)) WITHOUT ROWID;
            """
        )
        self.threshold = threshold
        self._pending = 0

    def match(self, signature: bytes) -> tuple[str, str, float] | None:
        """(key, story, similarity) of the best earlier original at or over the threshold."""
        ids = buckets(signature)
        marks = ",".join("?" * len(ids))
        rows = self._db.execute(
            f"SELECT o.seq, o.key, o.signature, o.story FROM originals o WHERE o.seq IN "
            f"(SELECT DISTINCT seq FROM buckets WHERE bucket IN ({marks})) ORDER BY o.seq",
            ids,
        ).fetchall()
        best: tuple[str, str, float] | None = None
        for _, key, other, story in rows:
            score = similarity(signature, other)
            if score >= self.threshold and (best is None or score > best[2]):
                best = (key, story, score)
        return best

    def add(self, key: str, signature: bytes, story: str) -> None:
        """Index an original; commits in batches so inserts stay cheap."""
        cursor = self._db.execute(
            "INSERT INTO originals (key, signature, story) VALUES (?, ?, ?)",
            (key, signature, story),
        )
        seq = cursor.lastrowid
        self._db.executemany(
            "INSERT OR IGNORE INTO buckets (bucket, seq) VALUES (?, ?)",
            [(b, seq) for b in buckets(signature)],
        )
        self._pending += 1
        if self._pending >= COMMIT_EVERY:
            self._db.commit()
            self._pending = 0

    def close(self) -> None:
        self._db.commit()
        self._db.close()
