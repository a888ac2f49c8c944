"""Report: the dossier as JSON (the contract), HTML (to read), Markdown (to paste) and CSV."""

from storydiff.report.csv_ledger import render_ledger_csv
from storydiff.report.html import render_html
from storydiff.report.json_dossier import to_document, validate
from storydiff.report.markdown import render_markdown

__all__ = ["render_html", "render_ledger_csv", "render_markdown", "to_document", "validate"]
