"""Fuzz quotation-mark pairing: every span lies inside the text, marks around the quote."""

from __future__ import annotations

import atheris

with atheris.instrument_imports(include=["storydiff"]):
    from storydiff.analyse.quotes.marks import find_quote_spans

from _harness import run


def test_one_input(data: bytes) -> None:
    text = atheris.FuzzedDataProvider(data).ConsumeUnicodeNoSurrogates(4096)
    for span in find_quote_spans(text):
        assert 0 <= span.open <= span.start <= span.end <= span.close <= len(text), span


if __name__ == "__main__":
    run(test_one_input)
