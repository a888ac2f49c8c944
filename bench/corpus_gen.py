"""Generated news corpora for the benchmarks, streamed: memory does not grow with their size.

Real articles (examples/story and ../shared/seeds) are turned into many events: each event
renames every name of its base story consistently (another port, other politicians), and
each of its articles is a base article with sentences shuffled and words swapped; about one
in five is a wire copy of an earlier article of the same event, with a new header. A few
dozen events run at once, as on a news day, so stories interleave in the stream.
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
_CAPITAL = re.compile(r"\b[A-Z][a-z]{3,}\b")
_SENTENCE = re.compile(r"(?<=[.!?])\s+")
_SYLLABLES = ["ka", "lor", "ven", "dri", "mas", "tel", "bor", "quin", "sa", "rud", "fen", "ox",
              "ath", "mer", "gil", "pon", "zu", "hal", "nik", "trev"]  # fmt: skip


@dataclass(frozen=True, slots=True)
class GenArticle:
    key: str
    event: int
    copy_of: str | None
    published: str
    title: str
    text: str


def base_stories() -> list[list[str]]:
    """Cleaned texts of the example story, and of the seeds when ../shared is present."""
    from storydiff.clean import clean_document
    from storydiff.ingest import read_paths
    from storydiff.model import RawDocument

    stories = []
    for folder in (REPO / "examples" / "story", SHARED / "seeds"):
        if folder.is_dir():
            docs = [d for d in read_paths([folder]) if isinstance(d, RawDocument)]
            stories.append([clean_document(d).text for d in docs])
    return stories


def _pseudo_word(rng: random.Random) -> str:
    return "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()


def _rename(text: str, names: dict[str, str]) -> str:
    return _CAPITAL.sub(lambda m: names.get(m.group(), m.group()), text)


def _vary(text: str, rng: random.Random) -> str:
    """Shuffle a third of the sentences and swap about 3% of adjacent word pairs."""
    sentences = _SENTENCE.split(text)
    for _ in range(len(sentences) // 3):
        i, j = rng.randrange(len(sentences)), rng.randrange(len(sentences))
        sentences[i], sentences[j] = sentences[j], sentences[i]
    words = " ".join(sentences).split(" ")
    for _ in range(len(words) // 30):
        i = rng.randrange(len(words) - 1)
        words[i], words[i + 1] = words[i + 1], words[i]
    return " ".join(words)


@dataclass(slots=True)
class _Event:
    id: int
    base: list[str]
    names: dict[str, str]
    left: int
    day: date
    done: list[tuple[str, str]]


def _open_event(n: int, bases: list[list[str]], seed: int) -> _Event:
    base = bases[n % len(bases)]
    rng = random.Random(seed * 1_000_003 + n)
    names = {w: _pseudo_word(rng) for text in base for w in _CAPITAL.findall(text)}
    return _Event(n, base, names, rng.randint(4, 16), date(2024, 1, 1) + timedelta(n // 20), [])


def generate(total: int, *, seed: int = 7, concurrent: int = 40) -> Iterator[GenArticle]:
    """``total`` articles from events of 4–16 articles, ``concurrent`` events open at once."""
    rng = random.Random(seed)
    bases = base_stories()
    events: list[_Event] = []
    next_event = 0
    for made in range(total):
        while len(events) < concurrent:
            events.append(_open_event(next_event, bases, seed))
            next_event += 1
        event = rng.choice(events)
        key = f"g{made:08d}"
        day = event.day.isoformat()
        if event.done and rng.random() < 0.2:
            original_key, original = rng.choice(event.done)
            yield GenArticle(key, event.id, original_key, day, "", f"Wire copy.\n\n{original}")
        else:
            text = _rename(rng.choice(event.base), event.names)
            text = _vary(text, rng)
            event.done.append((key, text))
            yield GenArticle(key, event.id, None, day, "", text)
        event.left -= 1
        if event.left <= 0:
            events.remove(event)
