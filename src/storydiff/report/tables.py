"""The dossier as flat tables, one row per record, for spreadsheets, pandas and DuckDB:
claims (one row per source's words), quotes, stances, timeline and sources.

Every row keeps its article id and character offsets, so a table row is as traceable as a line
of the dossier. CSV cells a spreadsheet would run as a formula are made inert (as the ledger
CSV does); Parquet keeps the types.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

from storydiff.report.csv_ledger import inert

Row = dict[str, Any]

# Each table's columns, in order: also the header of a table with no rows.
COLUMNS: dict[str, tuple[str, ...]] = {
    "claims": (
        "claim",
        "verdict",
        "measure",
        "statement",
        "reason",
        "article",
        "start",
        "end",
        "text",
    ),
    "quotes": (
        "quote",
        "article",
        "speaker",
        "speaker_id",
        "kind",
        "cue",
        "channel",
        "start",
        "end",
        "text",
    ),
    "stances": ("actor", "actor_id", "issue", "article", "date", "stance", "evidence"),
    "timeline": ("event", "date", "estimated", "article", "start", "end", "text", "sentence"),
    "sources": (
        "article",
        "title",
        "outlet",
        "author",
        "published",
        "estimated",
        "source",
        "copy_of",
    ),
}


def _spans(citations: list[dict[str, Any]]) -> str:
    return " ".join(f"{c['article']}:{c['start']}-{c['end']}" for c in citations)


def dossier_tables(doc: dict[str, Any]) -> dict[str, list[Row]]:
    """Each table's rows, columns in a fixed order; ``doc`` is the validated dossier.json."""
    return {
        "claims": [
            {
                "claim": c["id"],
                "verdict": c["verdict"],
                "measure": c.get("measure"),
                "statement": c["statement"],
                "reason": c["reason"],
                "article": m["article"],
                "start": m["start"],
                "end": m["end"],
                "text": m["text"],
            }
            for c in doc["claims"]
            for m in c["members"]
        ],
        "quotes": [
            {
                "quote": q["id"],
                "article": q["article"],
                "speaker": q["speaker_name"],
                "speaker_id": q["speaker"],
                "kind": q["kind"],
                "cue": q["cue"],
                "channel": q["channel"],
                "start": q["start"],
                "end": q["end"],
                "text": q["text"],
            }
            for q in doc["quotes"]
        ],
        "stances": [
            {
                "actor": s["actor_name"],
                "actor_id": s["actor"],
                "issue": s["issue"],
                "article": s["article"],
                "date": s["date"],
                "stance": s["stance"],
                "evidence": _spans(s["evidence"]),
            }
            for s in doc["stances"]
        ],
        "timeline": [
            {
                "event": t["id"],
                "date": t["date"],
                "estimated": t["estimated"],
                "article": t["article"],
                "start": t["start"],
                "end": t["end"],
                "text": t["text"],
                "sentence": t["event"],
            }
            for t in doc["timeline"]
        ],
        "sources": [
            {
                "article": a["id"],
                "title": a["title"],
                "outlet": a["outlet"],
                "author": a["author"],
                "published": a["published"],
                "estimated": (a.get("published_estimate") or {}).get("value"),
                "source": a["source"],
                "copy_of": a["duplicate_of"],
            }
            for a in doc["articles"]
        ],
    }


def _csv(rows: list[Row], columns: tuple[str, ...]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow(
            [row[c] if isinstance(row[c], int | float | bool) else inert(row[c]) for c in columns]
        )
    return buffer.getvalue()


def write_tables(doc: dict[str, Any], folder: Path, form: str) -> list[Path]:
    """Each table as ``folder/NAME.csv`` or ``folder/NAME.parquet``; the paths written."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, rows in dossier_tables(doc).items():
        columns = COLUMNS[name]
        path = folder / f"{name}.{form}"
        if form == "csv":
            path.write_text(_csv(rows, columns), "utf-8")
        else:
            _parquet(rows, columns, path)
        written.append(path)
    return written


def _parquet(rows: list[Row], columns: tuple[str, ...], path: Path) -> None:
    """pyarrow is imported here: a CSV run never pays for it."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    if rows:
        pq.write_table(pa.Table.from_pylist(rows), path)
    else:  # no rows to infer types from: every column a string
        pq.write_table(pa.table({c: pa.array([], pa.string()) for c in columns}), path)
