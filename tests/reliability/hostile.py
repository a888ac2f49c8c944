"""A hostile corpus, generated (never stored): every kind of input that has broken readers.

``build(folder, feed_url)`` writes the files and returns what it wrote, by kind, so a test
can check each file was either analysed or skipped with a reason. ``feed_url`` is the URL of
a local feed that lists itself; a small feed file in the corpus points at it.
"""

from __future__ import annotations

import gzip
import shutil
import zlib
from pathlib import Path

EXAMPLE_STORY = Path(__file__).resolve().parents[2] / "examples" / "story"

ARTICLE = (
    "The harbour authority delayed its vote on the port lease on Tuesday, officials said.\n\n"
    "“We need more time to study the three bids,” the authority's chair, Ana Ruiz, told "
    "reporters. The lease is worth $40 million over ten years.\n\n"
    "Council members said the hearing would still go ahead on Thursday at the town hall.\n"
)
# Five quotation styles in one paragraph; the corpus repeats it to thousands of marks.
QUOTED_PARAGRAPH = '“Yes,” she said. ‘No,’ he said. «Maybe» they said. „Later“ we said. "Now."\n\n'
# Direction overrides and zero-width characters, the kind pasted from chat apps and PDFs.
INVISIBLE = ("\u202e", "\u200b", "\u200f", "\u2066", "\u200d", "\ufeff")
BOMB_BYTES = 64 * 1024 * 1024  # 64 MB of zeros: about 65 KB once compressed


def _warc_bomb(path: Path) -> None:
    """One WARC response whose page inflates to BOMB_BYTES, written without holding it."""
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n"
    head = (
        b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://bomb.example/\r\n"
        b"Content-Type: application/http; msgtype=response\r\n"
        b"Content-Length: " + str(len(http) + BOMB_BYTES).encode() + b"\r\n\r\n"
    )
    packer = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    zeros = bytes(1 << 20)
    with path.open("wb") as out:
        out.write(packer.compress(head + http))
        for _ in range(BOMB_BYTES // len(zeros)):
            out.write(packer.compress(zeros))
        out.write(packer.compress(b"\r\n\r\n") + packer.flush())


def _hostile_files() -> dict[str, bytes]:
    nested = "<div>" * 5000 + "<p>deep</p>"
    unclosed = "<html><body><article><h1>Port vote<p>" + ARTICLE.replace("\n\n", "<p><div>")
    mixed = (
        ARTICLE.encode("utf-8")
        + "Le président a déclaré.\n".encode("latin-1")
        + "Мэр сказал.\n".encode("cp1251")
    )
    shuffled = "".join(ch + INVISIBLE[i % len(INVISIBLE)] for i, ch in enumerate(ARTICLE))
    return {
        "binary.txt": bytes(range(256)) * 64,
        "nul-bytes.txt": ARTICLE.encode().replace(b" ", b"\x00"),
        "invalid-utf8.txt": b"\xc3\x28\xa0\xa1\xe2\x28\xa1\xf0\x28\x8c\xbc" * 40,
        "mixed-encodings.txt": mixed,
        "utf16.txt": ARTICLE.encode("utf-16"),
        "right-to-left.txt": ("\u202e" + ARTICLE + "\u202c").encode(),
        "zero-width.txt": shuffled.encode(),
        "deep.html": f"<html><body>{nested}</body></html>".encode(),
        "unclosed.html": unclosed.encode(),
        "quote-marks.txt": (QUOTED_PARAGRAPH * 200).encode(),  # 2,000 quotation marks
        "lone-quotes.txt": ("“We will not sign, the minister said.\n\n" * 300).encode(),
        "bomb.txt.gz": gzip.compress(bytes(40 * 1024 * 1024), 9),
        "empty.txt": b"",
    }


def feed_listing(url: str) -> str:
    """An RSS feed with one entry, linking to ``url``: served at ``url``, a feed of itself."""
    item = f"<item><title>Itself</title><link>{url}</link></item>"
    return f'<?xml version="1.0"?><rss version="2.0"><channel>{item}</channel></rss>'


def build(folder: Path, feed_url: str) -> dict[str, list[str]]:
    """Write the corpus under ``folder``; return the file names by kind (good and hostile)."""
    folder.mkdir(parents=True, exist_ok=True)
    kinds: dict[str, list[str]] = {"good": [], "hostile": []}
    for source in sorted(EXAMPLE_STORY.glob("*.txt")):
        shutil.copy(source, folder / source.name)
        kinds["good"].append(source.name)
    for name, data in _hostile_files().items():
        (folder / name).write_bytes(data)
        kinds["hostile"].append(name)
    with (folder / "paragraph-10mb.txt").open("w", encoding="utf-8") as out:
        for _ in range(10):
            out.write("word " * 209_716)  # 10 MB on one line
    with (folder / "lines-100k.txt").open("w", encoding="utf-8") as out:
        out.writelines(f"Line {n}.\n" for n in range(100_000))
    _warc_bomb(folder / "bomb.warc.gz")
    feed = (
        f'<?xml version="1.0"?><rss><channel><item><link>{feed_url}</link></item></channel></rss>'
    )
    (folder / "self-feed.rss").write_text(feed, "utf-8")
    kinds["hostile"] += ["paragraph-10mb.txt", "lines-100k.txt", "bomb.warc.gz", "self-feed.rss"]
    return kinds
