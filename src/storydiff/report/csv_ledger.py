"""The claim ledger as CSV, for spreadsheets: one row per claim member.

Cells that a spreadsheet would run as a formula (starting with ``=``, ``+``, ``-``, ``@``,
tab or carriage return) get a leading apostrophe, because article text is untrusted.
"""

from __future__ import annotations

import csv
import io
from typing import Any

COLUMNS = ("claim", "verdict", "statement", "reason", "article", "start", "end", "text")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def inert(value: object) -> str:
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


def render_ledger_csv(doc: dict[str, Any]) -> str:
    """Every claim member with its claim's verdict and reason; offsets stay numeric."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for claim in doc["claims"]:
        for m in claim["members"]:
            writer.writerow(
                [
                    claim["id"],
                    claim["verdict"],
                    inert(claim["statement"]),
                    inert(claim["reason"]),
                    m["article"],
                    int(m["start"]),
                    int(m["end"]),
                    inert(m["text"]),
                ]
            )
    return buffer.getvalue()
