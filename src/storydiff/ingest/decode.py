"""Bytes of unknown encoding → text, and the cheap checks that keep junk out.

A page says its encoding in the HTTP header or a ``<meta>`` tag; when it does and the bytes
decode cleanly under it, that wins. Otherwise UTF-8 is tried, then a detector restricted to
the encodings news sites use. Text is not otherwise altered: curly quotes and no-break spaces
stay as written, so offsets into the cleaned text match what the source said.
"""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

# Encodings news pages actually use, most common first. Detectors rank rare code pages
# (mac_latin2, cp775) as high as these on short texts; ties go to the common one.
WEB_ENCODINGS = (
    "utf_16",
    "cp1252",
    "iso8859_1",
    "iso8859_15",
    "cp1250",
    "iso8859_2",
    "cp1251",
    "koi8_r",
    "cp1253",
    "cp1254",
    "cp1256",
    "iso8859_9",
    "shift_jis",
    "euc_jp",
    "gb18030",
    "big5",
    "euc_kr",
)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", re.I)
# Deeper than this, HTML parsers give up (libxml2 stops at 256) or recurse out of stack.
MAX_HTML_DEPTH = 1000
# spaCy's parser refuses longer texts (``nlp.max_length``) and needs about 1 GB of memory per
# 100,000 characters; no news article comes near, so longer plain text is a dump, not a story.
MAX_TEXT_CHARS = 1_000_000
_TAG = re.compile(r"<(/?)([a-zA-Z][\w:-]*)[^>]*?(/?)>")
# Elements that never nest or whose end tag is optional: they do not deepen the tree.
_FLAT = frozenset(
    "area base br col embed hr img input link meta param source track wbr "
    "p li td th tr dt dd option thead tbody tfoot colgroup".split()
)


def looks_binary(data: bytes) -> bool:
    """NUL bytes or a high share of control characters mean this is not text."""
    sample = data[:4096]
    if sample.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return False
    if b"\x00" in sample:
        return True
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13, 27))
    return controls > len(sample) * 0.05


def _known(name: str | None) -> str | None:
    if not name:
        return None
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def declared_charset(data: bytes) -> str | None:
    """The charset a page's ``<meta>`` declares, when it names a real codec."""
    match = _META_CHARSET.search(data[:4096])
    return _known(match.group(1).decode("ascii", "ignore")) if match else None


def decode(data: bytes, declared: str | None = None) -> tuple[str, str]:
    """Decode bytes of unknown encoding; a declared charset that fits wins, then UTF-8."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError:  # a lone surrogate or an odd byte count after the BOM
            return data.decode("utf-16", errors="replace"), "utf-16 (with replacements)"
    for name in (_known(declared), declared_charset(data)):
        if name and name not in {"utf-8", "ascii"}:
            try:
                return data.decode(name), name
            except UnicodeDecodeError:
                pass
    try:
        return data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        pass
    results = list(from_bytes(data[:200_000]))
    common = [m for m in results if m.encoding in WEB_ENCODINGS] or results
    if not common:
        return data.decode("utf-8", errors="replace"), "utf-8 (with replacements)"
    rank = {name: i for i, name in enumerate(WEB_ENCODINGS)}
    best = min(common, key=lambda m: (round(m.chaos, 2), rank.get(m.encoding, len(rank))))
    try:
        return data.decode(best.encoding), best.encoding
    except UnicodeDecodeError:
        return data.decode(best.encoding, errors="replace"), f"{best.encoding} (with replacements)"


def too_long(text: str) -> str | None:
    """The one-line reason plain text is too long to analyse as one article, if it is."""
    if len(text) <= MAX_TEXT_CHARS:
        return None
    return (
        f"text is {len(text):,} characters, over the {MAX_TEXT_CHARS:,} one article can have "
        "for analysis; split it into its articles"
    )


def html_depth(html: str, stop_at: int = MAX_HTML_DEPTH) -> int:
    """How deep the element tree goes (approximately; stops counting past ``stop_at``)."""
    depth = deepest = 0
    for match in _TAG.finditer(html):
        closing, name, self_closing = match.groups()
        if name.lower() in _FLAT or self_closing:
            continue
        depth = max(depth - 1, 0) if closing else depth + 1
        if depth > deepest:
            deepest = depth
            if deepest > stop_at:
                break
    return deepest
