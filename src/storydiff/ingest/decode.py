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


# Bytes that never occur in text. Tab, newline, form feed, carriage return and escape do.
_CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 12, 13, 27))
# Over this share of control characters (NUL most of all), the input is binary, not text.
BINARY_SHARE = 0.05
BINARY_REASON = "binary file, not text or HTML; remove it from the input"
_WIDE_BOMS = (codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def _controls(data: bytes) -> int:
    return len(data) - len(data.translate(None, _CONTROL_BYTES))


def looks_binary(data: bytes) -> bool:
    """A high share of control characters, at the start or over the whole input, means this
    is not text. A stray NUL in text does not: ``scrub`` removes it after decoding."""
    if data.startswith(_WIDE_BOMS):
        return False  # NUL in every character's bytes; judged after decoding (``binary_text``)
    sample = data[:4096]
    return _controls(sample) > len(sample) * BINARY_SHARE or (
        len(data) > len(sample) and _controls(data) > len(data) * BINARY_SHARE
    )


def binary_text(text: str) -> bool:
    """The same test on decoded text (UTF-16 input, JSON strings full of ``\\u0000``)."""
    # Control characters are one byte in UTF-8 and no other character's bytes are below 128.
    return _controls(text.encode("utf-8", "surrogatepass")) > len(text) * BINARY_SHARE


def scrub(text: str) -> tuple[str, str | None]:
    """Text every encoder and database accepts, and a note of what changed, if anything.

    NUL characters are removed (PostgreSQL refuses them in text; they are padding, never
    words) and lone surrogates, which JSON's ``"\\ud800"`` escapes and undecodable file names
    produce, become U+FFFD (UTF-8 cannot encode them).
    """
    notes: list[str] = []
    nuls = text.count("\x00")
    if nuls:
        text = text.replace("\x00", "")
        notes.append(f"{nuls} NUL character{'s' if nuls > 1 else ''} removed")
    text, lone = _LONE_SURROGATE.subn("\ufffd", text)
    if lone:
        notes.append(f"{lone} lone surrogate{'s' if lone > 1 else ''} replaced with U+FFFD")
    return text, "; ".join(notes) or None


def scrubbed(text: str) -> str:
    """``scrub`` without the note, for names and metadata."""
    return scrub(text)[0]


def one_line(text: str, limit: int = 0) -> str:
    """``text`` scrubbed and on one line (line breaks become spaces); with a limit, cut in the
    middle to fit it, since a message's start says what went wrong and its end how to fix it."""
    text = " ".join(scrubbed(text).splitlines())
    if limit and len(text) > limit:
        half = (limit - 3) // 2
        text = f"{text[:half]} … {text[-half:]}"
    return text


def noted(encoding: str, note: str | None) -> str:
    """The encoding a document was read as, with what ``scrub`` changed."""
    return f"{encoding}; {note}" if note else encoding


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
    if data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        try:
            return data.decode("utf-32"), "utf-32"
        except UnicodeDecodeError:
            pass  # UTF-16 text whose first character is U+0000
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
