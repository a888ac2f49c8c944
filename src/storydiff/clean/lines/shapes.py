"""Line shapes and the context-free line classifier.

Each function answers one question about a single line of text; where a line sits in the page
(head, body, tail) is decided in ``layout``. Keeping the two apart lets the same shape tests be
reused for HTML paragraphs and plain text.
"""

from __future__ import annotations

import re
from functools import lru_cache

from storydiff.clean import vocab

_WORD = re.compile(r"[^\W\d_][\w’'.-]*|\d[\d,.]*")


def normalise(line: str) -> str:
    """Lower-cased line without bullets, surrounding space or trailing punctuation."""
    return line.strip().lstrip(vocab.BULLETS).strip().rstrip(":.!|").strip().lower()


def words(line: str) -> list[str]:
    """The word tokens of a line (numbers count as words)."""
    return _WORD.findall(line)


def is_title_case(line: str) -> bool:
    """Most longer words capitalised, as in headlines and menu entries."""
    long_words = [w for w in words(line) if len(w) > 3 and w[0].isalpha()]
    if not long_words:
        return False
    capitalised = sum(1 for w in long_words if w[0].isupper())
    return capitalised / len(long_words) >= 0.75


def is_sentence_like(line: str) -> bool:
    """Prose: several words, a sentence end, and not a title-case headline."""
    text = line.strip()
    if not text or text[-1] not in vocab.SENTENCE_END:
        return False
    count = len(words(text))
    if count < vocab.MIN_SENTENCE_WORDS:
        return False
    # Title-case lines are headlines even with a question mark ("… On Terror?").
    return not is_title_case(text) or count > vocab.MAX_TITLE_WORDS


def is_headline_like(line: str) -> bool:
    """A heading: a few words, capitalised start, no full stop at the end."""
    text = line.strip()
    count = len(words(text))
    if not vocab.MIN_TITLE_WORDS <= count <= vocab.MAX_TITLE_WORDS:
        return False
    if text.endswith(".") and not text.endswith("..."):
        return False
    first = text.lstrip("“\"'‘")[:1]
    return first.isupper() or first.isdigit()


def is_name_line(line: str) -> bool:
    """A person's name alone on a line ("Lauren von Bernuth")."""
    tokens = line.strip().split()
    if not 2 <= len(tokens) <= vocab.MAX_NAME_WORDS:
        return False
    if any(ch.isdigit() for ch in line) or line.strip()[-1:] in ".?!:":
        return False
    for token in tokens:
        if token.lower() in vocab.NAME_PARTICLES:
            continue
        if not (token[0].isupper() and re.fullmatch(r"[\w’'.-]+", token)):
            return False
    return tokens[0].lower() not in vocab.NAME_PARTICLES and tokens[-1][0].isupper()


@lru_cache(maxsize=8192)
def furniture_reason(line: str) -> str | None:
    """Why ``line`` is page furniture wherever it appears, or None when it may be content.

    Cached: the layout pass and the line model's features both ask it of every line.
    """
    text = line.strip().lstrip(vocab.BULLETS).strip()
    key = normalise(line)
    if not key:
        return None
    if key in vocab.UI_STRINGS or vocab.MEDIA_LABEL.match(key):
        return "site menu"
    if vocab.VIDEO_EMBED.search(text):
        return "video player"
    if any(p.search(text) for p in vocab.COMMENT_PATTERNS):
        return "comment prompt"
    count = len(words(text))
    if count <= vocab.MAX_CREDIT_WORDS and any(p.search(text) for p in vocab.IMAGE_CREDIT_PATTERNS):
        return "image credit"
    if any(p.search(text) for p in vocab.NOTICE_PATTERNS):
        return "newsletter or cookie notice"
    if any(p.search(text) for p in vocab.DISCLAIMER_PATTERNS):
        return "publisher disclaimer"
    if count <= vocab.MAX_RELATED_WORDS and any(p.match(text) for p in vocab.RELATED_PATTERNS):
        return "related link"
    if vocab.BIO_HEADINGS.match(text):
        return "author bio"
    return None


def starts_bio(paragraph: str, name: str | None) -> bool:
    """A third-person paragraph about a writer: opens with their name or a pronoun."""
    text = paragraph.strip()
    if not vocab.BIO_CUES.search(text):
        return False
    first = text.split()[0].rstrip(",’'s") if text.split() else ""
    if name is not None:
        parts = [p for p in name.split() if p.lower() not in vocab.NAME_PARTICLES]
        return first in parts or first in vocab.BIO_OPENERS
    # No name line before it: "Jane Doe is a reporter at …" (present tense: "X was a
    # journalist" is usually news about X, not a bio).
    opener = r"^[A-Z][\w’'-]+(\s+[A-Z][\w’'-]+){0,3}\s+(is|has been|writes|covers)\b"
    return re.match(opener, text) is not None
