"""Evaluation: storydiff scored against gold data, one module per capability."""

# The HTML benchmark layouts `storydiff eval extraction|cleaning` read; here, not in
# extraction.py, so the command line can name them without importing the scorers.
DATASETS = ("trafilatura", "cleaneval", "l3s-gn1", "scrapinghub")
