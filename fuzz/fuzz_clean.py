"""Fuzz the cleaner: plain text and HTML in, an ``Article`` out, never an exception."""

from __future__ import annotations

import atheris

with atheris.instrument_imports(include=["storydiff"]):
    from storydiff.clean import clean_document
    from storydiff.model import RawDocument

from _harness import run


def test_one_input(data: bytes) -> None:
    provider = atheris.FuzzedDataProvider(data)
    kind = "html" if provider.ConsumeBool() else "text"
    text = provider.ConsumeUnicodeNoSurrogates(4096)
    article = clean_document(RawDocument("https://news.example/a", text, kind))
    assert isinstance(article.text, str)


if __name__ == "__main__":
    run(test_one_input)
