"""``python -m storydiff …``: the same command line as ``storydiff …``."""

from storydiff.cli import app

app(prog_name="storydiff")
