"""Fuzz number-word parsing ("2.5 million", "twenty-six", "a dozen")."""

from __future__ import annotations

import atheris

with atheris.instrument_imports(include=["storydiff"]):
    from storydiff.analyse.quantity_parse import parse_number

from _harness import run


def test_one_input(data: bytes) -> None:
    words = atheris.FuzzedDataProvider(data).ConsumeUnicodeNoSurrogates(512).split()
    value = parse_number(words)
    assert value is None or isinstance(value, float)


if __name__ == "__main__":
    run(test_one_input)
