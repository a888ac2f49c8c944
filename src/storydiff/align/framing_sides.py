"""Which sides of the dispute an outlet lets speak, and whether it lets only one side speak.

A voice is anyone the article quotes or whose position it reports (a quote the extractor
misses still leaves the position). A voice's side is its stance in this article, else the
stance it holds in the story's article nearest in time; voices with no known stance stay
unplaced. The outlet's own stance is its framing, not a voice.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from storydiff.model import Quote, Stance


@dataclass(frozen=True, slots=True)
class Sides:
    """One article's voices grouped by the side each takes on the issue."""

    article: str
    support: list[str] = field(default_factory=list)
    oppose: list[str] = field(default_factory=list)
    unplaced: list[str] = field(default_factory=list)

    @property
    def one_sided(self) -> bool:
        """Two or more placed voices, every one of them on the same side."""
        placed = len(self.support) + len(self.oppose)
        return placed >= 2 and not (self.support and self.oppose)


def _side(actor: str, article: str, dates: dict[str, str | None], stances: list[Stance]) -> str:
    """The actor's stance here, else the one from the article closest in date."""
    held = [s for s in stances if s.actor == actor and s.stance in ("support", "oppose")]
    here = [s for s in held if s.article == article]
    if here:
        return here[0].stance
    when = dates.get(article) or ""
    elsewhere = sorted(held, key=lambda s: (abs(_year(s.date) - _year(when)), s.date or ""))
    return elsewhere[0].stance if elsewhere else "unplaced"


def _year(date: str | None) -> int:
    return int(date[:4]) if date and date[:4].isdigit() else 0


def voice_sides(
    article: str, quotes: list[Quote], stances: list[Stance], dates: dict[str, str | None]
) -> Sides:
    """Group the article's voices (quoted speakers and actors with a reported position)."""
    voices: dict[str, str] = {}
    for quote in quotes:
        if quote.article == article and quote.speaker:
            voices.setdefault(quote.speaker, quote.speaker_name or quote.speaker)
    for stance in stances:
        if stance.article == article and stance.actor:
            voices.setdefault(stance.actor, stance.actor_name)
    sides = Sides(article)
    for actor, name in voices.items():
        getattr(sides, _side(actor, article, dates, stances)).append(name)
    return sides
