"""Analyse: what each article says on its own, as offsets into its text.

Import ``storydiff.analyse.article`` only when something needs analysing: it loads spaCy,
which a fully cached run never needs.
"""

# Bump when any extractor changes its output: the store re-analyses cached articles then.
ANALYSER_VERSION = "1"

__all__ = ["ANALYSER_VERSION"]
