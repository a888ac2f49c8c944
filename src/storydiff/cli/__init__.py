"""Command line: ``storydiff analyze`` and ``storydiff eval …``."""

from storydiff.cli import analyze, eval_analysis, eval_ledger, eval_support, evaluate
from storydiff.cli import batch as batch
from storydiff.cli import corpus as corpus
from storydiff.cli import eval_dates as eval_dates
from storydiff.cli import eval_gathered as eval_gathered
from storydiff.cli import eval_ingest as eval_ingest
from storydiff.cli import eval_sentiment as eval_sentiment
from storydiff.cli import schema as schema
from storydiff.cli import serve as serve
from storydiff.cli.app import app

__all__ = ["analyze", "app", "eval_analysis", "eval_ledger", "eval_support", "evaluate"]
