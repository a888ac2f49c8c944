"""What the dossier's charts plot, taken from the JSON document without any plotting library.

Dates in a dossier are as precise as the article was: ``2019``, ``2019-03`` or ``2019-03-12``.
A chart places each at the start of its period; anything else (``None``, a range) is left out
of the chart and counted, so the caption can say how many items only the tables show.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from datetime import date
from typing import Any

_ISO_PREFIX = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
MAX_ACTORS = 16  # more rows than this stop being readable on a phone
MAX_ARTICLES = 40  # rows of articles in the event and voice charts (a big story has thousands)
MAX_SPEAKERS = 7  # distinct colours a reader can tell apart; the rest become "others"
OTHERS = "others"


def plot_date(value: str | None) -> date | None:
    """``2019``/``2019-03``/``2019-03-12`` as the first day of that period; otherwise None."""
    found = _ISO_PREFIX.match(value or "")
    if not found:
        return None
    year, month, day = (int(part) if part else 1 for part in found.groups())
    try:
        return date(year, month, day)
    except ValueError:
        return None


@dataclass(frozen=True, slots=True)
class StancePoint:
    """One actor's stance in one article, at that article's date."""

    actor: str
    when: date
    stance: str
    article: str


@dataclass(frozen=True, slots=True)
class StanceSeries:
    """Per actor, their dated stances in time order; ``left_out`` counts what is not plotted."""

    actors: list[str]
    points: list[StancePoint]
    left_out: int


def stance_series(doc: dict[str, Any]) -> StanceSeries:
    """Dated stances of the most-reported actors (at most ``MAX_ACTORS``), in time order."""
    dated = [
        StancePoint(s["actor_name"], when, s["stance"], s["article"])
        for s in doc["stances"]
        if (when := plot_date(s["date"])) is not None
    ]
    counts = Counter(p.actor for p in dated)
    actors = sorted(counts, key=lambda a: (-counts[a], a.casefold()))[:MAX_ACTORS]
    kept = sorted((p for p in dated if p.actor in actors), key=lambda p: (p.actor, p.when))
    # One mark per actor, date and stance: many articles of one day draw it once.
    drawn = list({(p.actor, p.when, p.stance): p for p in kept}.values())
    return StanceSeries(actors, drawn, len(doc["stances"]) - len(kept))


@dataclass(frozen=True, slots=True)
class EventPoint:
    """One timeline event at its date, in the row of the article that reports it."""

    event: str
    when: date
    article: str
    estimated: bool


@dataclass(frozen=True, slots=True)
class EventSeries:
    rows: list[str]  # article ids, in the dossier's order
    points: list[EventPoint]
    left_out: int
    rows_cut: int = 0  # reporting articles past MAX_ARTICLES, not drawn


def event_series(doc: dict[str, Any]) -> EventSeries:
    """Dated timeline events by reporting article; estimated dates marked as such."""
    points = [
        EventPoint(t["event"], when, t["article"], bool(t["estimated"] or not t["resolved"]))
        for t in doc["timeline"]
        if (when := plot_date(t["date"])) is not None
    ]
    per_article = Counter(p.article for p in points)
    rows = [a["id"] for a in doc["articles"] if a["id"] in per_article]
    kept = _most(rows, per_article)
    drawn = [p for p in points if p.article in kept]
    return EventSeries(
        [r for r in rows if r in kept],
        drawn,
        len(doc["timeline"]) - len(drawn),
        len(rows) - len(kept),
    )


def _most(rows: list[str], weight: Counter[str]) -> set[str]:
    """The MAX_ARTICLES rows of most weight (the earlier on a tie); all of them when fewer."""
    if len(rows) <= MAX_ARTICLES:
        return set(rows)
    return set(sorted(rows, key=lambda r: -weight[r])[:MAX_ARTICLES])


@dataclass(frozen=True, slots=True)
class VoiceShares:
    """Per article, the share of its quotes each speaker has; small voices pooled as others."""

    articles: list[str]
    speakers: list[str]  # the most quoted overall, then OTHERS when anyone was pooled
    shares: dict[str, dict[str, float]]  # article -> speaker -> fraction of its quotes
    articles_cut: int = 0  # articles with quotes past MAX_ARTICLES, not drawn


def voice_shares(doc: dict[str, Any]) -> VoiceShares:
    """Who gets quoted, per outlet, as fractions of each article's quotes."""
    overall: Counter[str] = Counter()
    for framing in doc["framing"]:
        for v in framing["voices"]:
            overall[v["speaker_name"]] += v["quotes"]
    top = [name for name, _ in sorted(overall.items(), key=lambda i: (-i[1], i[0]))]
    named = top[:MAX_SPEAKERS]
    shares: dict[str, dict[str, float]] = {}
    for framing in doc["framing"]:
        total = sum(v["quotes"] for v in framing["voices"])
        if not total:
            continue
        row: dict[str, float] = {}
        for v in framing["voices"]:
            key = v["speaker_name"] if v["speaker_name"] in named else OTHERS
            row[key] = row.get(key, 0.0) + v["quotes"] / total
        shares[framing["article"]] = row
    speakers = named + ([OTHERS] if len(top) > len(named) else [])
    quoting = [f["article"] for f in doc["framing"] if f["article"] in shares]
    kept = _most(
        quoting,
        Counter({f["article"]: sum(v["quotes"] for v in f["voices"]) for f in doc["framing"]}),
    )
    return VoiceShares(
        [a for a in quoting if a in kept], speakers, shares, len(quoting) - len(kept)
    )
