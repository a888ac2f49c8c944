"""Fuzz the bytes → document step: binary sniffing, charset detection, HTML depth."""

from __future__ import annotations

import atheris

with atheris.instrument_imports(include=["storydiff"]):
    from storydiff.ingest.files import to_document
    from storydiff.model import RawDocument

from _harness import check_rejection, run

CHARSETS = (None, "utf-8", "koi8-r", "shift_jis", "no-such-charset")


def test_one_input(data: bytes) -> None:
    provider = atheris.FuzzedDataProvider(data)
    charset = CHARSETS[provider.ConsumeIntInRange(0, len(CHARSETS) - 1)]
    html = provider.ConsumeBool()
    item = to_document(provider.ConsumeBytes(len(data)), "fuzz", html_hint=html, charset=charset)
    check_rejection(item)
    if isinstance(item, RawDocument):
        assert item.content.strip()


if __name__ == "__main__":
    run(test_one_input)
