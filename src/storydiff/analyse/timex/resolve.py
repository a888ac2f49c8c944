"""Placing a relative date on the calendar, given the article's date (the anchor).

Pure arithmetic, shared by ``resolve_time`` (for ``TimeRecord``) and the TimeML evaluation
(for ``Timex``). The result is as precise as both the expression and the anchor allow: "last
month" needs the anchor's month, "on Friday" its day.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from storydiff.analyse.timex.vocab import ANCHOR_YEAR
from storydiff.model import TimeRecord

UNKNOWN_ANCHOR = "relative to the article's date, which is unknown"

_SEASON_MONTH = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
_NEEDS = {"day": 3, "week": 3, "weekday": 3, "month": 2, "quarter": 2, "year": 1}


@dataclass(frozen=True, slots=True)
class Anchor:
    """The article's date at whatever precision it is known."""

    year: int
    month: int | None = None
    day: int | None = None

    @property
    def precision(self) -> int:
        """1 = year, 2 = month, 3 = day."""
        return 1 + (self.month is not None) + (self.day is not None)


def parse_anchor(anchor: str | None) -> Anchor | None:
    """Read "2017-03-10", "2017-03" or "2017" (a longer ISO timestamp is cut to its date)."""
    if not anchor:
        return None
    m = re.match(r"^(\d{4})(?:-(\d\d)(?:-(\d\d))?)?", anchor)
    if m is None:
        return None
    year, month, day = (int(g) if g else None for g in m.groups())
    assert year is not None
    try:  # "2017-02-30" or year 0 would break every offset taken from it
        dt.date(year, month or 1, day or 1)
    except ValueError:
        return None
    return Anchor(year, month, day)


def too_coarse(unit: str, anchor: Anchor) -> str | None:
    """Why an offset in ``unit`` cannot be placed on an anchor this coarse, else None."""
    if anchor.precision >= _NEEDS.get(unit, 1):
        return None
    known = "year" if anchor.precision == 1 else "month"
    return f"needs the article's {'day' if _NEEDS[unit] == 3 else 'month'}, but only its {known} is known"  # noqa: E501


def shift(unit: str, delta: int, anchor: Anchor, direction: int = 0) -> str:
    """The ISO value ``delta`` units from the anchor; the caller checked the precision."""
    if unit == "year":
        return f"{anchor.year + delta:04d}"
    assert anchor.month is not None
    if unit in {"month", "quarter"}:
        months = delta * (3 if unit == "quarter" else 1)
        index = anchor.year * 12 + anchor.month - 1 + months
        year, month = divmod(index, 12)
        if unit == "quarter":
            return f"{year:04d}-Q{month // 3 + 1}"
        return f"{year:04d}-{month + 1:02d}"
    assert anchor.day is not None
    date = dt.date(anchor.year, anchor.month, anchor.day)
    if unit == "weekday":
        back = (date.weekday() - delta) % 7 or (7 if direction == -2 else 0)
        ahead = (delta - date.weekday()) % 7 or (7 if direction == 2 else 0)
        if direction > 0 or (direction == 0 and ahead < back):
            return (date + dt.timedelta(days=ahead)).isoformat()
        return (date - dt.timedelta(days=back)).isoformat()
    if unit == "week":
        year, week, _ = (date + dt.timedelta(weeks=delta)).isocalendar()
        return f"{year:04d}-W{week:02d}"
    return (date + dt.timedelta(days=delta)).isoformat()


def fill_year(value: str, delta: int, anchor: Anchor) -> str | None:
    """Replace "XXXX" in "XXXX-02", "XXXX-03-10", "XXXX-SU", "XXXX-Q3" or "XXXX-QX".

    ``delta`` -1 means the latest such period before the anchor's, +1 the next one after,
    0 the nearest one (the anchor's year when only the year is known), ``ANCHOR_YEAR`` the
    anchor's year ("this November"). For "XXXX-QX" it
    counts quarters from the anchor's.
    """
    rest = value[5:]
    if delta == ANCHOR_YEAR:
        return f"{anchor.year:04d}-{rest}"
    if rest == "QX":
        if anchor.month is None:
            return None
        return shift("quarter", delta, anchor)
    if delta == 0 and anchor.month is None:
        return f"{anchor.year:04d}-{rest}"
    if anchor.month is None:
        return None
    start_month = _period_month(rest)
    year = anchor.year
    if delta == 0:  # the nearest: "November" in a May article is last November
        if start_month - anchor.month > 5:
            year -= 1
        elif anchor.month - start_month > 6:
            year += 1
        return f"{year:04d}-{rest}"
    if delta < 0 and start_month >= anchor.month:
        year -= 1
    if delta > 0 and start_month <= anchor.month:
        year += 1
    return f"{year:04d}-{rest}"


def _period_month(rest: str) -> int:
    """The first month of "02", "03-10", "SU" or "Q3"."""
    if rest in _SEASON_MONTH:
        return _SEASON_MONTH[rest]
    if rest.startswith("Q"):
        return (int(rest[1]) - 1) * 3 + 1
    return int(rest[:2])


def resolve_time(record: TimeRecord, anchor: str | None) -> tuple[str | None, str | None]:
    """(ISO value, why unresolved) for ``record`` against the article's date ``anchor``."""
    if record.value is not None and "X" not in record.value:
        return record.value, None
    parsed = parse_anchor(anchor)
    if parsed is None:
        return None, UNKNOWN_ANCHOR
    if record.value is not None:
        value = fill_year(record.value, record.relative_delta, parsed)
        if value is None:
            return None, "needs the article's month, but only its year is known"
        return value, None
    if record.relative_unit is None:
        return None, "the expression names no date"
    reason = too_coarse(record.relative_unit, parsed)
    if reason is not None:
        return None, reason
    return shift(record.relative_unit, record.relative_delta, parsed, direction=-1), None
