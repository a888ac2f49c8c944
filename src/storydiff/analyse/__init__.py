"""Analyse: what each article says on its own, as offsets into its text."""

from storydiff.analyse.article import ANALYSER_VERSION, analyse_articles

__all__ = ["ANALYSER_VERSION", "analyse_articles"]
