"""Counts of people joined in one phrase: "three men and two women were hurt" is five hurt.

News breaks a toll down as it states it ("Three children and two adults were found dead",
"two girls and two boys are in intensive care"). Read figure by figure, each part is a toll
of its own and none is the story's; an analyst adds them up. The sum cites the whole phrase.
"""

from __future__ import annotations

import re
from dataclasses import replace

from storydiff.align.measure_vocab import (
    JOINED_COUNT_GAP,
    JOINED_NAMED_BEFORE,
    JOINED_ONE_BEFORE,
    PEOPLE,
)
from storydiff.model import QuantityRecord

# The people noun that closes a joined phrase's last count: "two [juvenile] women".
_LAST_NOUN = re.compile(r"^\s+(?:[\w-]+\s+){0,2}?([\w-]+)\b")


def _joins(text: str, left: QuantityRecord, right: QuantityRecord) -> bool:
    """``left`` counts people and ``right`` follows it as the next part of one phrase."""
    if left.unit is not None or right.unit is not None or left.bound or right.bound:
        return False
    if left.sentence_start != right.sentence_start:
        return False
    gap = JOINED_COUNT_GAP.match(text[left.end : right.start])
    return gap is not None and PEOPLE.match(gap.group("noun")) is not None


def _closing_end(text: str, record: QuantityRecord) -> int | None:
    """Where the people noun after a joined phrase's last count ends, if one follows."""
    found = _LAST_NOUN.match(text[record.end : record.end + 40])
    if found is None or PEOPLE.match(found.group(1)) is None:
        return None
    return record.end + found.end(1)


def _one_before(text: str, record: QuantityRecord) -> int | None:
    """Where a phrase's first part starts when it is one person in words ("a woman and two
    children") or by name ("Conley and seven others"): a count the figure reader leaves to
    the sentence's act."""
    before = text[max(record.sentence_start, record.start - 40) : record.start]
    found = JOINED_ONE_BEFORE.search(before)
    if found is None and record.what == "others":
        found = JOINED_NAMED_BEFORE.search(before)
    if found is None:
        return None
    return record.start - len(before) + found.start()


def join_counts(text: str, records: list[QuantityRecord]) -> list[QuantityRecord]:
    """``records`` with each joined phrase of people counts as one sum, in their order."""
    ordered = sorted(records, key=lambda r: r.start)
    merged: dict[int, QuantityRecord | None] = {}  # id of a part -> its sum, or None: dropped
    k = 0
    while k < len(ordered):
        run = [ordered[k]]
        while k + len(run) < len(ordered) and _joins(text, run[-1], ordered[k + len(run)]):
            run.append(ordered[k + len(run)])
        k += len(run)
        one = _one_before(text, run[0]) if run[0].unit is None and not run[0].bound else None
        end = _closing_end(text, run[-1]) if len(run) > 1 or one is not None else None
        if end is None:
            k += 1 - len(run)  # no phrase: the next figure may start one
            continue
        start = run[0].start if one is None else one
        merged[id(run[0])] = replace(
            run[0],
            start=start,
            end=end,
            text=text[start:end],
            value=sum(r.value for r in run) + (one is not None),
            what="people",
            approx=any(r.approx for r in run),
        )
        merged.update((id(r), None) for r in run[1:])
    out = [merged.get(id(r), r) for r in records]
    return [r for r in out if r is not None]
