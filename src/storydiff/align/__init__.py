"""Align: set what each article says beside what the others say."""

from storydiff.align.story import build_dossier

__all__ = ["build_dossier"]
