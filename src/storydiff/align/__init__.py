"""Align: set what each article says beside what the others say."""

from storydiff.align.duplicates import mark_duplicates
from storydiff.align.story import build_dossier

__all__ = ["build_dossier", "mark_duplicates"]
