"""Command line: ``storydiff analyze`` and ``storydiff eval …``."""

from storydiff.cli import analyze, evaluate
from storydiff.cli.app import app

__all__ = ["analyze", "app", "evaluate"]
