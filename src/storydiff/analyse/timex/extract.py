"""Dates in an article: find them, and place relative ones on the calendar later.

``extract_timexes`` finds every TimeML-style temporal expression (dates, times, durations,
frequencies) with an anchor-free value; ``extract_times`` keeps those that date something
and turns them into ``TimeRecord``s; ``resolve_time`` places a record against the article's
date. The align stage calls ``resolve_time`` because the article's date may be known only
after analysis (or never).

How a ``TimeRecord`` encodes what the text fixes:
- absolute: ``value`` = "2008", "2017-03", "2017-03-10", "2014-Q1", "2014-SU";
- a calendar date without its year ("last February", "March 10"): ``value`` = "XXXX-02" /
  "XXXX-03-10" and ``relative_delta`` = -1 (the latest before the article's date), 0 (in its
  year) or +1 (the next after); ``relative_unit`` is None;
- an offset ("three years ago", "last month", "this week"): ``value`` None, ``relative_unit``
  and ``relative_delta`` (-3 years, -1 month, 0 weeks);
- a weekday ("on Friday"): ``relative_unit`` "weekday", ``relative_delta`` the weekday index
  (0 = Monday), read as the latest such day on or before the article's date;
- a gap to an event ("nearly two decades after it attacked Serbia"): the event lies that far
  before the article's date, so -20 years; or, when the sentence names a year first ("in 2008,
  a decade after a war"), an absolute value counted back from that year (1998).
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from storydiff.analyse.timex.grammar import Timex, find_timexes
from storydiff.analyse.timex.resolve import fill_year, parse_anchor, shift, too_coarse
from storydiff.analyse.timex.vocab import (
    MODIFIER_RE,
    MONTH_IN_A_NAME,
    NINE_ELEVEN,
    NINE_ELEVEN_EVENT,
    NINE_ELEVEN_NUMERIC,
)
from storydiff.model import TimeRecord

if TYPE_CHECKING:  # the caller parses; importing the package loads no spaCy (see __init__)
    from spacy.tokens import Doc, Span, Token

__all__ = ["extract_times", "extract_timexes", "timex3_value"]

_FUTURE_CUES = frozenset({"will", "'ll", "shall", "wo"})
# A modal without "have" speaks of what may yet happen: "would be delivering a speech on
# Monday", "could act as soon as Wednesday" (with "have" it looks back: "could have left").
# "Could" is left out: news writes "could not be reached Tuesday" of the past.
_MODALS = frozenset({"would", "might", "may", "should", "must", "'d"})
# Words before a weekday that set a deadline, and verbs that schedule what follows them.
_DEADLINE_WORDS = frozenset({"by", "until"})
_DEADLINE_PHRASES = ("as soon as", "no later than")
_SCHEDULED = frozenset({"expect", "schedule", "set", "plan", "due"})
_YEARS_DURATION = re.compile(r"^P(\d+)Y$")
# "nearly two decades after": the hedge belongs to the record's text (TimeML leaves it out).
_HEDGE_BEFORE = re.compile(rf"\b(?i:{MODIFIER_RE})\s+$")


def extract_timexes(doc: Doc, text: str) -> list[Timex]:
    """Every temporal expression in ``text`` (``doc`` = nlp(spacy_view(text)))."""
    found: list[Timex] = []
    for timex in find_timexes(doc.text):
        span = doc.char_span(timex.start, timex.end, alignment_mode="expand")
        if span is None:
            continue
        if _is_counted_number(timex, span) or _names_the_attacks(timex, text):
            continue
        if _month_in_a_name(timex, text):
            continue
        if timex.unit == "weekday" and timex.direction == 0:
            timex = _with_direction(timex, _tense(span))
        elif _bare_month(timex, text) and (tense := _tense(span)):
            timex = replace(timex, delta=tense)  # "is up for re-election in November" ahead
        if timex.unit == "year" and timex.delta == -1 and _about_quarters(timex, span):
            timex = _with_value(timex, "XXXX-QX", -5)
        found.append(timex)
    return found


def extract_times(doc: Doc, text: str) -> list[TimeRecord]:
    """The expressions that date something, as records for the timeline."""
    records: list[TimeRecord] = []
    last_year: dict[int, int] = {}  # sentence start → latest absolute year seen in it
    for timex in extract_timexes(doc, text):
        sent = doc.char_span(timex.start, timex.end, alignment_mode="expand")
        if sent is None:
            continue
        bounds = sent.sent.start_char, sent.sent.end_char
        record = _record(timex, text, bounds, last_year.get(bounds[0]))
        if record is None:
            continue
        if record.value is not None and re.fullmatch(r"\d{4}", record.value):
            last_year[bounds[0]] = int(record.value)
        records.append(record)
    return records


def timex3_value(timex: Timex, anchor: str | None) -> str | None:
    """The TimeML TIMEX3 value of ``timex`` against the document date (for evaluation)."""
    if timex.type in {"DURATION", "SET"} or (timex.value and "X" not in timex.value):
        return timex.value
    parsed = parse_anchor(anchor)
    if parsed is None:
        return None
    if timex.value is not None:
        return fill_year(timex.value, timex.delta, parsed)
    if timex.unit is None or too_coarse(timex.unit, parsed) is not None:
        return None
    return shift(timex.unit, timex.delta, parsed, timex.direction) + timex.suffix


def _record(
    timex: Timex, text: str, bounds: tuple[int, int], year_before: int | None
) -> TimeRecord | None:
    """The ``TimeRecord`` for a dating expression; None for durations, sets and "now"."""
    start, end = timex.start, timex.end
    value, unit, delta = timex.value, timex.unit, timex.delta
    if timex.type == "DURATION":
        years = _YEARS_DURATION.match(timex.value or "")
        if timex.signal != "after" or years is None:
            return None
        end = text.find("after", end) + len("after")
        hedge = _HEDGE_BEFORE.search(text, max(0, start - 20), start)
        start = hedge.start() if hedge is not None else start
        value, unit, delta = None, "year", -int(years.group(1))
        if year_before is not None:
            value, unit, delta = f"{year_before + delta:04d}", None, 0
    elif timex.type == "SET" or (value is not None and value.endswith("_REF")):
        return None
    elif value is not None and re.fullmatch(r"\d{3}", value):
        return None  # a decade ("the 1990s") does not date an event
    if unit == "quarter":
        unit, delta = "month", delta * 3
    return TimeRecord(
        start=start,
        end=end,
        text=text[start:end],
        value=value,
        relative_unit=unit,
        relative_delta=delta,
        sentence_start=bounds[0],
        sentence_end=bounds[1],
    )


def _lone_month(timex: Timex) -> bool:
    """A month with no year or day ("XXXX-11")."""
    return timex.value is not None and re.fullmatch(r"XXXX-\d\d", timex.value) is not None


def _bare_month(timex: Timex, text: str) -> bool:
    """A month named alone ("in November"), whose year the verb's tense can tell."""
    words = text[timex.start : timex.end].split()
    return _lone_month(timex) and timex.delta == 0 and len(words) == 1 and words[0][:1].isupper()


def _month_in_a_name(timex: Timex, text: str) -> bool:
    """ "the Women's March": a lone month after a possessive names an event, not a date."""
    return _lone_month(timex) and (
        MONTH_IN_A_NAME.search(text, max(0, timex.start - 3), timex.start) is not None
    )


def _is_counted_number(timex: Timex, span: Span) -> bool:
    """In "2000 people" a four-digit number that counts a plural noun is not a year, nor in
    "the 2000 block" a number that names a stretch of street."""
    if not re.fullmatch(r"\d{4}", span.text):
        return False
    token = span[0]
    if token.i + 1 < len(token.doc) and token.doc[token.i + 1].lower_ == "block":
        return True  # "the 2000 block of West 76th Street" is an address
    return token.dep_ == "nummod" and token.head.tag_ in {"NNS", "NNPS"} and token.head.i > token.i


def _names_the_attacks(timex: Timex, text: str) -> bool:
    """ "9/11" and "the Sept. 11 hijackers" name the 2001 attacks, not a day of this year: a
    ledger that dated them would find two sources "agreeing" on September 11 of the story's
    year."""
    if NINE_ELEVEN_NUMERIC.fullmatch(text[timex.start : timex.end]):
        return True
    window = max(0, timex.start - 12)
    return any(
        NINE_ELEVEN_EVENT.match(text, found.end()) is not None
        and found.start() < timex.end
        and timex.start < found.end()
        for found in NINE_ELEVEN.finditer(text, window, timex.end + 12)
    )  # also "the 19 Sept. 11 hijackers", whose "19 Sept." the grammar reads as a day


def _tense(span: Span) -> int:
    """+1 when the verb governing ``span`` speaks of the future ("will meet on Friday"),
    -1 when of the past ("met on Friday"), 0 when the text does not say."""
    first = span[0]
    verb = next((t for t in first.ancestors if t.pos_ in {"VERB", "AUX"}), None)
    before = first.doc[max(first.i - 3, 0) : first.i].text.lower()
    deadline = (first.i > 0 and first.doc[first.i - 1].lower_ in _DEADLINE_WORDS) or (
        before.endswith(_DEADLINE_PHRASES)
    )
    if deadline and (verb is None or verb.tag_ not in {"VBD", "VBN"}):
        return 1  # "a running mate by Friday"; not "by Tuesday, police had arrested …"
    if verb is None:
        return 0
    if verb.tag_ in {"VBN", "VBG"} and verb.dep_ in {"advcl", "acl"} and verb.head is not verb:
        # "expected to begin on Wednesday, followed by the House on Thursday": a participle's
        # clause takes its time from the verb it hangs on
        head = verb.head
        head_tense = 1 if head.lemma_.lower() in _SCHEDULED else _verb_tense(head, modal=False)
        if head_tense:
            return head_tense
    # "said on Wednesday he would resign": a date before the modal clause's subject is the
    # report's, whatever the parse attached it to
    later_subject = any(c.dep_ in {"nsubj", "nsubjpass"} and c.i > first.i for c in verb.children)
    return _verb_tense(verb, modal=not later_subject)


def _verb_tense(verb: Token, *, modal: bool = True) -> int:
    """The verb's own tense; ``modal``: a modal's "may yet happen" counts as ahead (not
    through a participle: "would appeal the decision, announced Wednesday" looks back)."""
    words = [verb, *verb.children]
    if any(t.lower_ in _FUTURE_CUES or t.lower_ == "going" for t in words):
        return 1
    if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in _SCHEDULED:
        return 1  # "the vote is expected to begin Wednesday"
    if verb.tag_ == "VBN" and verb.lemma_.lower() in _SCHEDULED and not _past_aux(verb):
        return 1  # "a rally set for Wednesday", "the game is scheduled for Thursday night"
    if modal and _may_yet_happen(words):
        return 1
    if verb.tag_ in {"VBD", "VBN"} or any(t.tag_ == "VBD" for t in verb.children):
        return -1
    return 0


def _past_aux(verb: Token) -> bool:
    """ "was scheduled", "had been set": the schedule is told as past."""
    return any(c.dep_ in ("aux", "auxpass") and c.tag_ in ("VBD", "VBN") for c in verb.children)


def _may_yet_happen(words: list[Token]) -> bool:
    """A modal without a perfect "have": "would be delivering", not "may have left"."""
    modal = any(t.lower_ in _MODALS for t in words)
    return modal and not any(t.lemma_.lower() == "have" and t.dep_ == "aux" for t in words)


def _about_quarters(timex: Timex, span: Span) -> bool:
    """In an earnings sentence "a year earlier" means the same quarter a year before."""
    said = span.text.lower()
    return ("ago" in said or "earlier" in said) and "quarter" in span.sent.text.lower()


def _with_value(timex: Timex, value: str, delta: int) -> Timex:
    """A copy of ``timex`` with a calendar value instead of an offset."""
    return Timex(timex.start, timex.end, timex.type, value, None, delta, 0, "", timex.signal)


def _with_direction(timex: Timex, direction: int) -> Timex:
    """A copy of ``timex`` looking forward instead of back."""
    return Timex(
        timex.start,
        timex.end,
        timex.type,
        timex.value,
        timex.unit,
        timex.delta,
        direction,
        timex.suffix,
        timex.signal,
    )
