"""Evaluation: storydiff scored against gold data, one module per capability."""

from typing import Literal, get_args

# The HTML benchmark layouts `storydiff eval extraction|cleaning` read; here, not in
# extraction.py, so the command line can name them (and --help list them) without importing
# the scorers.
Dataset = Literal["trafilatura", "cleaneval", "l3s-gn1", "scrapinghub"]
DATASETS: tuple[str, ...] = get_args(Dataset)
