"""Evaluation: storydiff scored against gold data, one module per capability."""
