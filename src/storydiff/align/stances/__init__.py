"""Stances: who is for or against the story's issue, per article, and who changed over time.

``build`` is the entry point: each support/oppose cue (``cues``) near the issue (``issue``
finds it) casts a vote for the actor it belongs to, read from the words around it
(``actors``), from the group a person's role names (``affiliation``), or for the outlet
judging the issue in its own voice (``outlet``). Word lists: ``vocab``.
"""

from storydiff.align.stances.build import build_stances
from storydiff.align.stances.issue import detect_issue

__all__ = ["build_stances", "detect_issue"]
