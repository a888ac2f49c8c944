"""Report: the dossier as JSON (the contract), HTML (to read) and Markdown (to paste)."""

from storydiff.report.html import render_html
from storydiff.report.json_dossier import to_document, validate
from storydiff.report.markdown import render_markdown

__all__ = ["render_html", "render_markdown", "to_document", "validate"]
