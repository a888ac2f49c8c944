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


class _Placement:
    """Each actor's placed stances, indexed once, so many articles' voices are placed in time
    linear in the story: an actor's side is the same for every article of one year."""

    def __init__(self, stances: list[Stance], dates: dict[str, str | None]) -> None:
        self.dates = dates
        self.held: dict[str, list[Stance]] = {}
        self.here: dict[tuple[str, str], str] = {}
        for s in stances:
            if s.actor and s.stance in ("support", "oppose"):  # voices have an actor
                self.held.setdefault(s.actor, []).append(s)
                self.here.setdefault((s.actor, s.article), s.stance)
        self._nearest: dict[tuple[str, int], str] = {}

    def side(self, actor: str, article: str) -> str:
        """The actor's stance here, else the one from the article closest in date."""
        here = self.here.get((actor, article))
        if here is not None:
            return here
        year = _year(self.dates.get(article) or "")
        found = self._nearest.get((actor, year))
        if found is None:
            held = self.held.get(actor, [])
            nearest = min(
                held, key=lambda s: (abs(_year(s.date) - year), s.date or ""), default=None
            )
            found = self._nearest[(actor, year)] = nearest.stance if nearest else "unplaced"
        return found


def _year(date: str | None) -> int:
    return int(date[:4]) if date and date[:4].isdigit() else 0


def sides_by_article(
    articles: list[str], quotes: list[Quote], stances: list[Stance], dates: dict[str, str | None]
) -> dict[str, Sides]:
    """Each article's voices (quoted speakers and actors with a reported position) by side."""
    voices: dict[str, dict[str, str]] = {article: {} for article in articles}
    for quote in quotes:
        if quote.article in voices and quote.speaker:
            voices[quote.article].setdefault(quote.speaker, quote.speaker_name or quote.speaker)
    for stance in stances:
        if stance.article in voices and stance.actor:
            voices[stance.article].setdefault(stance.actor, stance.actor_name)
    placement = _Placement(stances, dates)
    found = {}
    for article, named in voices.items():
        sides = Sides(article)
        for actor, name in named.items():
            getattr(sides, placement.side(actor, article)).append(name)
        found[article] = sides
    return found


def voice_sides(
    article: str, quotes: list[Quote], stances: list[Stance], dates: dict[str, str | None]
) -> Sides:
    """Group the article's voices (quoted speakers and actors with a reported position)."""
    return sides_by_article([article], quotes, stances, dates)[article]
