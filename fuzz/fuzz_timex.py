"""Fuzz the date and time grammar, and resolving what it finds against article dates."""

from __future__ import annotations

import atheris

with atheris.instrument_imports(include=["storydiff"]):
    from storydiff.analyse.timex.grammar import find_timexes

from _harness import run


def test_one_input(data: bytes) -> None:
    text = atheris.FuzzedDataProvider(data).ConsumeUnicodeNoSurrogates(4096)
    for timex in find_timexes(text):
        assert 0 <= timex.start < timex.end <= len(text), timex


if __name__ == "__main__":
    run(test_one_input)
