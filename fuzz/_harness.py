"""What every fuzz target shares: atheris start-up, and the one rule a result must obey.

A target is ``python fuzz/fuzz_X.py [libFuzzer flags]``, e.g. ``-max_total_time=60``. A
crash means a parser raised instead of returning a result or a ``Rejection``; libFuzzer
writes the input that did it next to the working directory (``crash-…``), and that input
becomes a regression test in tests/reliability. Only storydiff's own modules are
instrumented (``include=["storydiff"]``): instrumenting the standard library and the
third-party parsers as well made each target take half a minute to start.
"""

from __future__ import annotations

import sys
from collections.abc import Callable

import atheris

from storydiff.model import Rejection


def check_rejection(item: object) -> None:
    """A rejection is one line a user can read."""
    if isinstance(item, Rejection):
        assert item.reason and "\n" not in item.reason, item


def run(target: Callable[[bytes], None]) -> None:
    """Hand ``target`` to libFuzzer with the command line's flags."""
    atheris.Setup(sys.argv, target)
    atheris.Fuzz()
