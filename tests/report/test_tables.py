"""The dossier as flat tables: every row traceable, spreadsheets kept inert, both formats."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq

from storydiff.report import to_document
from storydiff.report.tables import COLUMNS, dossier_tables, write_tables

from .test_report import HOSTILE, _dossier


def test_every_table_row_has_its_columns_and_cites_its_article(
    example_doc: dict[str, Any],
) -> None:
    tables = dossier_tables(example_doc)
    assert set(tables) == set(COLUMNS)
    for name, rows in tables.items():
        assert rows, name
        assert all(tuple(row) == COLUMNS[name] for row in rows), name
    members = sum(len(c["members"]) for c in example_doc["claims"])
    assert len(tables["claims"]) == members
    texts = {a["id"]: a["text"] for a in example_doc["articles"]}
    for row in tables["claims"] + tables["quotes"]:
        assert texts[row["article"]][row["start"] : row["end"]] == row["text"]


def test_csv_and_parquet_hold_the_same_rows(example_doc: dict[str, Any], tmp_path: Path) -> None:
    write_tables(example_doc, tmp_path, "csv")
    write_tables(example_doc, tmp_path, "parquet")
    for name in COLUMNS:
        with (tmp_path / f"{name}.csv").open(newline="", encoding="utf-8") as file:
            rows = list(csv.DictReader(file))
        table = pq.read_table(tmp_path / f"{name}.parquet")
        assert table.column_names == list(COLUMNS[name]) and table.num_rows == len(rows)


def test_csv_cells_never_run_as_formulas(tmp_path: Path) -> None:
    doc = to_document(_dossier('=HYPERLINK("http://evil") ' + HOSTILE))
    write_tables(doc, tmp_path, "csv")
    with (tmp_path / "claims.csv").open(newline="", encoding="utf-8") as file:
        cells = [cell for row in csv.reader(file) for cell in row]
    assert not any(cell.startswith(("=", "+", "-", "@")) for cell in cells)
