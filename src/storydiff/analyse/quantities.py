"""Numbers stated about the world: how many of what, hedged or bounded.

A quantity is a run of number tokens that is not a date, time or ordinal and not an
identifier ("Resolution 1244", "CC BY-SA 3.0"). Its unit is a measurement unit, a currency or
"percent"; a count of things keeps ``unit=None`` and names the things in ``what`` ("UN member
states"), because the align stage compares counts by what they count.

Every figure the text states either becomes a quantity or is listed as left out, with the
reason ("a year", "part of a date", "a phone number", …): no number is dropped without a word.
Dates are the date grammar's (``find_timexes``); spaCy's DATE label alone is not trusted,
because the small model tags many plain counts ("34944 jobs", "1057 jobs") as DATE.
"""

from __future__ import annotations

import re
from dataclasses import replace
from itertools import pairwise

from spacy.tokens import Doc, Span, Token

from storydiff.analyse.quantity_context import (
    hedge_before,
    identifier_before,
    unit_after,
    what_of,
)
from storydiff.analyse.quantity_parse import digits_value, is_number_word, parse_number
from storydiff.analyse.quantity_share import share_spans
from storydiff.analyse.quantity_tally import tally_spans
from storydiff.analyse.timex.grammar import Timex, find_timexes, unit_name
from storydiff.analyse.timex.vocab import DAY_PARTS, DAY_WORDS, MONTHS, SEASONS, WEEKDAYS
from storydiff.lexicon.numbers import (
    CHANGE_FRACTIONS,
    COUNT_NOUNS,
    CURRENCY_SCALE_ABBREVIATIONS,
    CURRENCY_SYMBOLS,
    DURATION_DAYS,
    EMERGENCY_CALL_WORDS,
    EMERGENCY_NUMBERS,
    RECORD_WINDOW_WORDS,
    SINGLE_DURATION_PREPOSITIONS,
    SKIPPED_NUMBER_WORDS,
    TALLY_UNIT,
    TENS_WORDS,
    TIME_ANCHOR_WORDS,
    TIME_UNIT_WORDS,
    UNITS_WORDS,
)
from storydiff.model import QuantityLeftOut, QuantityRecord

# spaCy labels a date or a time: believed only with a date word in the entity, or for a bare
# three- or four-digit number that counts nothing ("in 1057"), never for "34944 jobs".
_DATE_LABELS = frozenset({"DATE", "TIME"})
_DATE_WORDS = (
    frozenset(m.lower() for m in MONTHS)
    | frozenset(WEEKDAYS)
    | frozenset(SEASONS)
    | frozenset(DAY_PARTS)
    | frozenset(DAY_WORDS)
    | TIME_UNIT_WORDS
    | {"ad", "bc", "bce", "ce", "am", "pm", "a.m.", "p.m.", "o'clock", "fiscal", "fy", "ago"}
)
# Street words after a number and a name: "14458 Rixeyville Rd.", "700 East 87th Street".
_STREET_WORDS = frozenset(
    {"street", "st", "road", "rd", "avenue", "ave", "boulevard", "blvd", "lane", "ln", "drive",
     "dr", "way", "court", "ct", "place", "pl", "highway", "hwy", "parkway", "pkwy", "terrace"}
)  # fmt: skip
# Words right before a person's age: "aged 77", "ages 18 to 38", "at the age of 52".
_AGE_WORDS = frozenset({"aged", "age", "ages"})
# Before a year-shaped number, words that make it a year even before a plural noun
# ("In 2019 police arrested 40 people").
_YEAR_PREPOSITIONS = frozenset(
    {"in", "since", "until", "till", "before", "after", "during", "between", "through"}
)
_DIGITS = re.compile(r"\d+")
# Why a token with digits that no number run took is not a figure of the story.
_TOKEN_REASONS = (
    (
        re.compile(r"\d{1,2}(?::\d\d){1,2}(?:[ap]\.?m\.?)?|\d{1,2}(?:[.:]\d\d)?[ap]\.?m\.?", re.I),
        "a time of day",
    ),
    (re.compile(r"\d{1,4}([/.-])\d{1,2}\1\d{2,4}"), "a date"),
    (re.compile(r"\d*(?:1st|2nd|3rd|[04-9]th|1[1-3]th)", re.IGNORECASE), "an ordinal"),
    (re.compile(r"'?\d{2}(?:\d\d)?'?s"), "a decade"),
    (re.compile(r"\+?\(?\d{3}\)?[-. ]?\d{3,4}[-. ]?\d{0,4}"), "a phone number"),
)
# Words between two numbers that make them a range or list sharing one unit.
_RANGE_JOINERS = frozenset({"and", "to", "-", "–", "—", "or", "and about"})
# A range spaCy keeps in one token: "15–20", "1,200–1,500", "5—10" (en or em dash).
_DASH_RANGE = re.compile(r"(\d[\d,]*(?:\.\d+)?)[–—](\d[\d,]*(?:\.\d+)?)")
_YEAR_RANGE = re.compile(r"(1[5-9]|20)\d\d[–—](\d\d|(1[5-9]|20)\d\d)")
_CURRENCIES = frozenset(CURRENCY_SYMBOLS.values())
_SCALES = frozenset({"hundred", "thousand", "million", "billion", "trillion"})
_SHARED_SCALES = {"million": 1e6, "billion": 1e9, "trillion": 1e12, "bn": 1e9, "mln": 1e6}
# Phone numbers and codes: digits joined by dashes, dots or slashes ("555-1234", "3.0/").
_CODE_LIKE = re.compile(r"\d[-/.]\d.*[-/.]\d|\d{3,}-\d{3,}|/")
# "fallen by a third", "cut by half": a change stated as a fraction in words.
_FRACTION_CHANGE = re.compile(
    r"\b(?:[A-Za-z]+ed|fallen|risen|grown|shrunk|rose|fell|grew|shrank|cut|down|up)"
    r" by (?P<fraction>"
    + "|".join(sorted(map(re.escape, CHANGE_FRACTIONS), key=len, reverse=True))
    + r")\b",
    re.IGNORECASE,
)


def extract_quantities(doc: Doc, text: str) -> list[QuantityRecord]:
    """Every counted or measured number in ``doc`` (parsed from ``spacy_view(text)``)."""
    return read_quantities(doc, text)[0]


def read_quantities(doc: Doc, text: str) -> tuple[list[QuantityRecord], list[QuantityLeftOut]]:
    """The quantities in ``doc``, and every other figure the text states with why it is not
    one: each token with a digit, and each number in words, is in one list or the other."""
    dates: dict[int, list[Timex]] = {}  # sentence start → its dates, read when first asked
    records: list[QuantityRecord] = []
    left_out: list[QuantityLeftOut] = []
    for sent in doc.sents:
        found: list[QuantityRecord] = []
        reads = [_record(run, sent, text, dates) for run in _number_runs(sent)]
        for token in sent:
            if _DASH_RANGE.fullmatch(token.text):
                reads.extend(_dash_range(token, sent, text, dates))
        tallies = tally_spans(sent.text, sent.start_char)
        shares = share_spans(sent.text, sent.start_char)
        found += [
            QuantityRecord(a, b, text[a:b], float(larger), TALLY_UNIT, kind, False, None,
                           sent.start_char, sent.end_char)
            for a, b, larger, kind in tallies
        ] + [
            QuantityRecord(a, b, text[a:b], percent, "percent", what, True, None,
                           sent.start_char, sent.end_char)
            for a, b, percent, what in shares
        ]  # fmt: skip
        changes = _fraction_changes(sent, text)
        wholes = [(a, b) for a, b, _, _ in tallies] + [(a, b) for a, b, _, _ in shares]
        wholes += [(c.start, c.end) for c in changes]
        for read in reads:
            if any(read.start < b and a < read.end for a, b in wholes):
                continue
            if isinstance(read, QuantityRecord):
                found.append(read)
            else:
                left_out.append(read)
        found.sort(key=lambda r: r.start)
        records.extend(_share_units(found, text))
        records.extend(changes)
    left_out.extend(_unread_digits(doc, text, records, left_out))
    left_out.sort(key=lambda x: x.start)
    return records, left_out


def _unread_digits(
    doc: Doc, text: str, records: list[QuantityRecord], left_out: list[QuantityLeftOut]
) -> list[QuantityLeftOut]:
    """Tokens with digits that no number run took ("10:30", "1st", "555-1234", "A320")."""
    covered = [(r.start, r.end) for r in records] + [(x.start, x.end) for x in left_out]
    out: list[QuantityLeftOut] = []
    for digit in _DIGITS.finditer(text):
        if any(a <= digit.start() < b for a, b in covered):
            continue
        span = doc.char_span(digit.start(), digit.end(), alignment_mode="expand")
        if span is None:
            continue
        token = span[0]
        start, end = token.idx, token.idx + len(token.text)
        covered.append((start, end))
        reason = next(
            (why for pattern, why in _TOKEN_REASONS if pattern.fullmatch(token.text)),
            "a code or identifier",
        )
        out.append(QuantityLeftOut(start, end, text[start:end], reason))
    return out


def _dash_range(
    token: Token, sent: Span, text: str, dates: dict[int, list[Timex]]
) -> list[QuantityRecord | QuantityLeftOut]:
    """ "15–20 people", "$5–10 million": a range in one token, read as its two ends."""
    match = _DASH_RANGE.fullmatch(token.text)
    low = digits_value(match[1]) if match else None
    high = digits_value(match[2]) if match else None
    if match is None or low is None or high is None:
        return []  # "1,2–3": left to _unread_digits
    start, end = token.idx, token.idx + len(token.text)
    reason = "a range of years" if _YEAR_RANGE.fullmatch(token.text) else None
    if identifier_before(token):
        reason = "a name or identifier"
    last = token
    doc = token.doc
    if token.i + 1 < len(doc) and doc[token.i + 1].lower_ in _SHARED_SCALES:
        last = doc[token.i + 1]
        high *= _SHARED_SCALES[last.lower_]  # the low end takes it in _share_units
    unit, unit_end = unit_after(token, last)
    time_unit = _time_unit_after(last)
    if unit is None and time_unit is not None:
        reason = reason or _time_reason(time_unit)
        unit, unit_end = _duration_unit(time_unit), time_unit.idx + len(time_unit.text)
    reason = reason or _date_reason([token], dates)
    if reason is not None:
        return [QuantityLeftOut(start, end, text[start:end], reason)]
    hedge = hedge_before(token)
    low_start = hedge.start if hedge is not None else start
    if token.i > 0 and token.nbor(-1).lower_ in CURRENCY_SYMBOLS:
        low_start = min(low_start, token.nbor(-1).idx)
    high_end = max(last.idx + len(last.text), unit_end)
    what = what_of([token], unit)
    ends = ((low_start, start + match.end(1), low), (start + match.start(2), high_end, high))
    return [
        QuantityRecord(
            start=a,
            end=b,
            text=text[a:b],
            value=value,
            unit=unit,
            what=what,
            approx=hedge is not None and hedge.approx,
            bound=hedge.bound if hedge is not None else None,
            sentence_start=sent.start_char,
            sentence_end=sent.end_char,
        )
        for a, b, value in ends
    ]


def _fraction_changes(sent: Span, text: str) -> list[QuantityRecord]:
    """ "fallen by a third" → about 33.3 percent, so it meets "down 33%" in another source."""
    records = []
    for match in _FRACTION_CHANGE.finditer(text, sent.start_char, sent.end_char):
        start, end = match.span()
        records.append(
            QuantityRecord(
                start=start,
                end=end,
                text=text[start:end],
                value=CHANGE_FRACTIONS[match["fraction"].lower()],
                unit="percent",
                what=None,
                approx=True,
                bound=None,
                sentence_start=sent.start_char,
                sentence_end=sent.end_char,
            )
        )
    return records


def _share_units(records: list[QuantityRecord], text: str) -> list[QuantityRecord]:
    """Ranges and lists share their unit and scale: "eight and fourteen percent",
    "US$300 to 350 million"."""
    out = list(records)
    for i in range(len(out) - 1):
        a, b = out[i], out[i + 1]
        if text[a.end : b.start].strip().lower() not in _RANGE_JOINERS:
            continue
        if a.unit is None and b.unit is not None:
            out[i] = replace(a, unit=b.unit)
        elif b.unit is None and a.unit in _CURRENCIES:
            out[i + 1] = replace(b, unit=a.unit)
        scale = next((v for w, v in _SHARED_SCALES.items() if w in b.text.lower()), None)
        # "300 to 350 million"; "500,000 to 1.6 million" is as written
        unscaled = a.value < 1000 and not any(w in a.text.lower() for w in _SHARED_SCALES)
        if scale is not None and unscaled:
            out[i] = replace(out[i], value=a.value * scale)
    return out


def _number_runs(sent: Span) -> list[list[Token]]:
    """Maximal runs of adjacent number tokens ("2.5 million", "a dozen", "thirty-nine")."""
    runs: list[list[Token]] = []
    current: list[Token] = []
    for token in sent:
        if _is_number_token(token, current):
            current.append(token)
            continue
        if current:
            runs.append(current)
        current = []
    if current:
        runs.append(current)
    return [run for run in runs if _has_digit_or_word(run) or _single_duration(run[0])]


def _is_number_token(token: Token, current: list[Token]) -> bool:
    """A token continues (or starts) a number run; "a" only before "dozen"."""
    low = token.lower_
    if low == "a" and token.i + 1 < len(token.doc) and token.nbor(1).lower_ == "dozen":
        return True
    if low == "half" and _before_dozen(token):
        return True  # "a half-dozen", "half a dozen": six
    if current and _half_hyphen(token):
        return True
    if current and (_compound_hyphen(token) or _scale_hyphen(token)):
        return True
    if not current and _single_duration(token):
        return True
    if low in {"hundred", "thousand", "million", "billion", "trillion", "bn", "bln", "mln"}:
        return bool(current)
    if current and low in CURRENCY_SCALE_ABBREVIATIONS and _after_currency(current[0]):
        return True
    return is_number_word(token.text)


def _before_dozen(token: Token) -> bool:
    """ "half" in "half-dozen", "half a dozen", "half dozen"."""
    after = [t.lower_ for t in token.doc[token.i + 1 : token.i + 3]]
    return after[:1] == ["dozen"] or after[:2] in (["-", "dozen"], ["a", "dozen"])


def _half_hyphen(token: Token) -> bool:
    return token.text == "-" and token.i > 0 and token.nbor(-1).lower_ == "half"


def _compound_hyphen(token: Token) -> bool:
    """The hyphen of "thirty-nine", which spaCy splits into "thirty", "-", "nine"."""
    doc = token.doc
    if token.text != "-" or token.i == 0 or token.i + 1 >= len(doc) or token.whitespace_:
        return False
    tens, unit = doc[token.i - 1], doc[token.i + 1]
    return (
        not tens.whitespace_
        and tens.lower_ in TENS_WORDS
        and 0 < UNITS_WORDS.get(unit.lower_, 0) < 10
    )


def _scale_hyphen(token: Token) -> bool:
    """The hyphen of "$10-million" and "two-dozen": a number and its scale word."""
    doc = token.doc
    if token.text != "-" or token.i == 0 or token.i + 1 >= len(doc) or token.whitespace_:
        return False
    number, scale = doc[token.i - 1], doc[token.i + 1]
    scales = _SCALES | COUNT_NOUNS.keys()
    return not number.whitespace_ and is_number_word(number.text) and scale.lower_ in scales


def _run_words(run: list[Token]) -> list[str]:
    """The run's words for ``parse_number``, a split "thirty-nine" or "1 500 000" joined."""
    if _spaced_thousands(run):
        return ["".join(t.text for t in run)]
    words: list[str] = []
    glue = False
    for token in run:
        if token.lower_ == "a" or _scale_hyphen(token) or _half_hyphen(token):
            continue
        if _compound_hyphen(token):
            words[-1] += "-"
            glue = True
            continue
        if glue:
            words[-1] += token.text
            glue = False
        else:
            words.append(token.text)
    return words


def _single_duration(token: Token) -> bool:
    """The "a" of "within a month" or "for a year": one unit of time, stated as a length."""
    if token.lower_ not in {"a", "an"} or token.i == 0 or token.i + 1 >= len(token.doc):
        return False
    unit = token.nbor(1)
    return (
        token.nbor(-1).lower_ in SINGLE_DURATION_PREPOSITIONS and _duration_unit(unit) is not None
    )


def _after_currency(token: Token) -> bool:
    """Whether a currency symbol stands right before ``token`` ("$5m")."""
    return token.i > 0 and token.nbor(-1).lower_ in CURRENCY_SYMBOLS


def _has_digit_or_word(run: list[Token]) -> bool:
    """Drop runs made only of scale words or the article of "a dozen"."""
    return any(parse_number([t.text]) is not None for t in run)


def _record(
    run: list[Token], sent: Span, text: str, dates: dict[int, list[Timex]]
) -> QuantityRecord | QuantityLeftOut:
    """The quantity a number run states, or why it states none (a date, id, code, idiom)."""
    first, last = run[0], run[-1]
    reason = _excluded(run, dates)
    if reason is not None:
        start, end = first.idx, last.idx + len(last.text)
        return QuantityLeftOut(start, end, text[start:end], reason)
    words = _run_words(run)
    if len(run) > 1 and run[-1].lower_ in CURRENCY_SCALE_ABBREVIATIONS and _after_currency(run[0]):
        words[-1] = "million" if run[-1].lower_ == "m" else "thousand"
        if run[-1].lower_ == "b":
            words[-1] = "billion"
    value = 1.0 if len(run) == 1 and _single_duration(run[0]) else parse_number(words)
    if value is None:
        start, end = first.idx, last.idx + len(last.text)
        return QuantityLeftOut(start, end, text[start:end], "no value could be read")
    if _minus_before(first):
        value = -value
    hedge = hedge_before(first)
    unit, unit_end = unit_after(first, last)
    time_unit = _time_unit_after(last)
    if unit is None and time_unit is not None:
        unit, unit_end = _duration_unit(time_unit), time_unit.idx + len(time_unit.text)
    start = hedge.start if hedge is not None else first.idx
    if first.i > 0 and (first.nbor(-1).lower_ in CURRENCY_SYMBOLS or value < 0):
        start = min(start, first.nbor(-1).idx)
    end = max(last.idx + len(last.text), unit_end)
    end = _hyphen_end(last, end)
    return QuantityRecord(
        start=start,
        end=end,
        text=text[start:end],
        value=value,
        unit=unit,
        what=what_of(run, unit),
        approx=hedge is not None and hedge.approx,
        bound=hedge.bound if hedge is not None else None,
        sentence_start=sent.start_char,
        sentence_end=sent.end_char,
    )


def _minus_before(first: Token) -> bool:
    """In "-2.64%" a minus sign glued to the number and standing apart from the word before."""
    if first.i == 0:
        return False
    sign = first.nbor(-1)
    if sign.text not in {"-", "−"} or sign.whitespace_:
        return False
    return sign.i == 0 or bool(sign.nbor(-1).whitespace_)


def _hyphen_end(last: Token, end: int) -> int:
    """Extend "2,500" to "2,500-strong" and "120" to "120-seat parliament"'s "120-seat"."""
    doc = last.doc
    if last.i + 2 < len(doc) and doc[last.i + 1].text == "-" and not doc[last.i + 1].whitespace_:
        word = doc[last.i + 2]
        if is_number_word(word.text):  # "5-10%": a range, its ends read apart
            return end
        return max(end, word.idx + len(word.text))
    return end


def _excluded(run: list[Token], dates: dict[int, list[Timex]]) -> str | None:
    """Why a number run is no quantity: a date, time, ordinal, identifier, code, the word
    "one", a point in time; None when it is one."""
    first, last = run[0], run[-1]
    if len(run) == 1 and first.lower_ in SKIPPED_NUMBER_WORDS and not _single_duration(first):
        return f"the word {first.lower_!r}, rarely a figure in dispute"
    if _phone_like(first, last) or _emergency_number(run):
        return "a phone number"
    if _digit_groups(run) and not _spaced_thousands(run):  # "020 7946 0958"
        digits = sum(c.isdigit() for t in run for c in t.text)
        leading_zero = any(t.text.startswith("0") for t in run)
        return "a phone number" if digits >= 7 or leading_zero else "numbers side by side"
    if any(_CODE_LIKE.search(t.text) for t in run) or _glued_to_code(first, last):
        return "part of a code, version or link"
    if identifier_before(first) or _identifier_tail(first):  # "Resolution 1244", "March 3"
        return _date_reason(run, dates) or "a name or identifier"
    time_unit = _time_unit_after(last)
    if time_unit is not None:  # a stated length counts; "three years ago" is the date reader's
        return _time_reason(time_unit)
    if unit_after(first, last)[0] is not None:  # "£1784", "1784 km": money or a measure
        return None
    reason = _date_reason(run, dates) or _entity_reason(run) or _age_reason(run)
    reason = reason or _address_reason(last) or _year_reason(run)
    if reason is None and {t.ent_type_ for t in run} & _DATE_LABELS:
        # spaCy reads it as a date; it is a count when it, or the other end of its range,
        # names what it counts ("34944 jobs", "the toll rose to 34944", "up to 609639 trees",
        # "1001 to 1002 new cases") or it is grouped in thousands ("13,500").
        partner = _range_partner(last) if len(run) == 1 else None
        ends = [run] if partner is None else [run, [partner]]
        counts = any(_names_what(end) for end in ends) or any("," in t.text for t in run)
        return None if counts else "counts nothing named (read as a date)"
    return reason


def _identifier_tail(first: Token) -> bool:
    """The "277" of "No. 10-277": a number glued by a hyphen to an identifier's number."""
    doc = first.doc
    if first.i < 2 or doc[first.i - 1].text != "-" or doc[first.i - 1].whitespace_:
        return False
    number = doc[first.i - 2]
    return not number.whitespace_ and number.like_num and identifier_before(number)


def _emergency_number(run: list[Token]) -> bool:
    """ "called 911", "a 911 call", "999 operators": the number people call, not a count."""
    first = run[0]
    before = first.doc[first.i - 1].lower_ if first.i > 0 else ""
    after = run[-1].doc[run[-1].i + 1].lower_ if run[-1].i + 1 < len(first.doc) else ""
    return (
        len(run) == 1
        and first.text in EMERGENCY_NUMBERS
        and (before in EMERGENCY_CALL_WORDS or after in EMERGENCY_CALL_WORDS)
    )


def _names_what(run: list[Token]) -> bool:
    """Whether the number counts something the sentence names: a plural noun right after
    it, or the noun phrase ``what_of`` finds."""
    last = run[-1]
    nxt = last.doc[last.i + 1] if last.i + 1 < len(last.doc) else None
    return (nxt is not None and nxt.tag_ in {"NNS", "NNPS"}) or what_of(run, None) is not None


def _time_reason(time_unit: Token) -> str | None:
    """None for a stated length ("three years"); else why the number is the date reader's."""
    if _duration_unit(time_unit) is None:
        if time_unit.lower_ in {"old", "year-old", "years-old"}:
            return "an age"
        return f"a time span in {time_unit.lower_}"
    if not _anchored(time_unit):
        return None
    following = time_unit.nbor(1).lower_
    if following == "old":
        return "an age"
    if following in RECORD_WINDOW_WORDS:
        return "the window of a record (a …-year low)"
    return "a point in time (… ago, … later)"


def _sentence_dates(sent: Span, dates: dict[int, list[Timex]]) -> list[Timex]:
    """The dates and times the date grammar finds in ``sent`` (computed once per sentence)."""
    if sent.start not in dates:
        at = sent.start_char
        dates[sent.start] = [
            replace(t, start=t.start + at, end=t.end + at)
            for t in find_timexes(sent.text)
            if t.type in {"DATE", "TIME"}
        ]
    return dates[sent.start]


def _date_reason(run: list[Token], dates: dict[int, list[Timex]]) -> str | None:
    """ "a year" or "part of a date" when the date reader reads the run as (part of) a date.
    A bare four-digit number alone is left to ``_year_reason``: the date reader reads any
    number from 1500 to 2099 as a year unless it counts a plural noun ("1500 staff")."""
    start, end = run[0].idx, run[-1].idx + len(run[-1].text)
    for timex in _sentence_dates(run[0].sent, dates):
        if (timex.start, timex.end) == (start, end) and len(run) == 1:
            continue
        if timex.start < end and start < timex.end:
            if timex.type == "TIME":
                return "a time of day"
            if timex.value is not None and re.fullmatch(r"\d{4}", timex.value):
                return "a year"
            return "part of a date"
    return None


def _entity_reason(run: list[Token]) -> str | None:
    """spaCy's ORDINAL label; its DATE or TIME label only with a date word in the entity
    ("the 5 May deadline", "5 pm"): the small model tags many counts ("34944 jobs") as DATE."""
    labels = {t.ent_type_ for t in run}
    if "ORDINAL" in labels:
        return "an ordinal"
    if not labels & _DATE_LABELS:
        return None
    words = [t for t in _entity(run[0]) if t.i < run[0].i or t.i > run[-1].i]
    if any(t.lower_ in _DATE_WORDS for t in words):
        return "a time of day" if "TIME" in labels else "part of a date"
    return None


def _age_reason(run: list[Token]) -> str | None:
    """ "Kim, 31, said", "Kim, who was 31,", "aged 77", "at the age of 52", "ages 18 to 38": a
    person's age."""
    first, last = run[0], run[-1]
    value = parse_number(_run_words(run))
    if len(run) != 1 or value is None or not 0 < value < 125 or first.i < 2:
        return None
    doc = first.doc
    before, two_before = doc[first.i - 1], doc[first.i - 2]
    if before.lower_ in _AGE_WORDS or (before.lower_ == "of" and two_before.lower_ in _AGE_WORDS):
        return "an age"
    after = doc[last.i + 1] if last.i + 1 < len(doc) else None
    closed = after is None or after.text in {",", ".", ";", ")"} or after.lower_ == "and"
    if before.text == "," and two_before.pos_ == "PROPN" and closed:
        return "an age"
    # "Pinckney, who was 42, first answered …": the relative clause gives the name's age.
    named = doc[first.i - 4] if first.i >= 4 else None
    if (
        before.lower_ in ("was", "is")
        and two_before.lower_ == "who"
        and doc[first.i - 3].text == ","
        and named is not None
        and named.pos_ == "PROPN"
        and closed
    ):
        return "an age"
    return None


def _address_reason(last: Token) -> str | None:
    """ "the 600 block of Hill Street", "14458 Rixeyville Rd.", "the 48205 ZIP code"."""
    after = last.doc[last.i + 1 : last.i + 5]
    words = [t.lower_.rstrip(".") for t in after]
    if words[:2] == ["block", "of"] or words[:1] in (["zip"], ["postcode"]):
        return "an address"
    for n, token in enumerate(after):
        if words[n] in _STREET_WORDS and n > 0:
            return "an address"
        if not token.is_title:
            break
    return None


def _year_reason(run: list[Token]) -> str | None:
    """ "a year" for a bare three- or four-digit number that reads as one: from 1500 to 2099
    after "in", "since", … ("In 2019 police arrested"), from 1800 to 2099 that spaCy tags
    DATE unless a verb or hedge counts with it ("the 2014 images", not "treated 2065
    patients" or "some 1834 migrants");
    otherwise one from 1800 to 2099, or one spaCy tags DATE ("founded in 1057"), unless it
    counts a plural noun ("1057 jobs", "2000 people"). An end of a range ("1000-1001 jobs")
    is a year only when the other end is one too."""
    token = run[0]
    if len(run) != 1 or re.fullmatch(r"\d{3,4}", token.text) is None:
        return None
    year_shaped = re.fullmatch(r"(1[5-9]|20)\d\d", token.text) is not None
    partner = _range_partner(token)
    if partner is not None and re.fullmatch(r"(1[5-9]|20)\d\d|\d\d", partner.text) is None:
        return None
    if year_shaped and token.i > 0 and token.nbor(-1).lower_ in _YEAR_PREPOSITIONS:
        return "a year"
    modern = re.fullmatch(r"(18|19|20)\d\d", token.text) is not None
    counts_plural = token.dep_ == "nummod" and token.head.tag_ in {"NNS", "NNPS"}
    after_verb = token.i > 0 and token.nbor(-1).pos_ in {"VERB", "AUX"}
    counted = after_verb or hedge_before(token) is not None  # "treated", "some", "up to"
    if modern and token.ent_type_ == "DATE" and not (counts_plural and counted):
        return "a year"
    if counts_plural:
        return None
    return "a year" if modern or token.ent_type_ == "DATE" else None


def _range_partner(token: Token) -> Token | None:
    """The other end of a range: "287" for "252" in "252-287" or "252 to 287"."""
    doc = token.doc
    if token.i >= 2 and doc[token.i - 2].is_digit and _joined(doc[token.i - 2], token):
        return doc[token.i - 2]
    if token.i + 2 < len(doc) and doc[token.i + 2].is_digit and _joined(token, doc[token.i + 2]):
        return doc[token.i + 2]
    return None


def _joined(left: Token, right: Token) -> bool:
    """ "252-287", "252 to 287": two numbers one token apart, joined as a range."""
    return _dashed(left, right) or (right.i == left.i + 2 and left.nbor(1).lower_ == "to")


def _entity(token: Token) -> Span:
    """The named-entity span ``token`` is in, cut at a full stop: spaCy may miss a sentence
    break and run one entity over it ("Friday, March 3. 33699 workers")."""
    doc = token.doc
    sent = token.sent
    start = token.i
    while start > sent.start and doc[start].ent_iob_ == "I" and doc[start - 1].text != ".":
        start -= 1
    end = token.i + 1
    while end < sent.end and doc[end].ent_iob_ == "I" and doc[end].text != ".":
        end += 1
    return doc[start:end]


def _digit_groups(run: list[Token]) -> bool:
    """Two numerals in digits side by side ("020 7946 0958"): not one figure, unless
    ``_spaced_thousands``."""
    return any(
        digits_value(a.text) is not None and digits_value(b.text) is not None
        for a, b in pairwise(run)
    )


def _spaced_thousands(run: list[Token]) -> bool:
    """ "1 500 000": thousands grouped by spaces, one figure (not "713 222-TIPS")."""
    groups = [t.text for t in run]
    doc = run[-1].doc
    after = doc[run[-1].i + 1] if run[-1].i + 1 < len(doc) else None
    glued = after is not None and not run[-1].whitespace_ and after.text in {"-", ".", "/"}
    return (
        not glued
        and len(groups) > 1
        and re.fullmatch(r"[1-9]\d{0,2}", groups[0]) is not None
        and all(re.fullmatch(r"\d{3}", g) for g in groups[1:])
        and all(t.whitespace_ == " " for t in run[:-1])
    )


def _glued_to_code(first: Token, last: Token) -> bool:
    """Numbers inside version strings or URLs: "3.0)" after "/", "v2", "+1"."""
    doc = first.doc
    before = doc[first.i - 1] if first.i > 0 else None
    after = doc[last.i + 1] if last.i + 1 < len(doc) else None
    if before is not None and not before.whitespace_ and before.text in {"/", "+", "#", "v"}:
        return True
    return after is not None and not last.whitespace_ and after.text in {"/", ":"}


def _phone_like(first: Token, last: Token) -> bool:
    """Phone-like "555-1234" or "020-7946-0958": digit groups joined by dashes, three groups,
    or three digits and four that count nothing after them ("500-1000 people" is a range)."""
    doc = first.doc
    area = last.i + 4 < len(doc) and doc[last.i + 1].text == ")" and doc[last.i + 2].is_digit
    if area and _dashed(doc[last.i + 2], doc[last.i + 4]):  # the "(630)" of "(630) 897-8707"
        return True
    pairs = [(doc[first.i - 2], first)] if first.i >= 2 else []
    if last.i + 2 < len(doc):
        pairs.append((last, doc[last.i + 2]))
    for left, right in pairs:
        if not (_dashed(left, right) and left.is_digit and right.is_digit):
            continue
        chained = left.i >= 1 and doc[left.i - 1].text == ")"  # "(630) 897-8707"
        chained = chained or (left.i >= 2 and _dashed(doc[left.i - 2], left))
        chained = chained or (right.i + 2 < len(doc) and _dashed(right, doc[right.i + 2]))
        nxt = doc[right.i + 1] if right.i + 1 < len(doc) else None
        counts = nxt is not None and (nxt.pos_ == "NOUN" or unit_after(right, right)[0] is not None)
        if chained or (len(left.text) == 3 and len(right.text) == 4 and not counts):
            return True
    return False


def _dashed(left: Token, right: Token) -> bool:
    """ "555" "-" "1234": two tokens joined by a hyphen with no space."""
    dash = left.doc[left.i + 1]
    return (
        right.i == left.i + 2 and dash.text == "-" and not left.whitespace_ and not dash.whitespace_
    )


def _time_unit_after(last: Token) -> Token | None:
    """The time word after a number: "three years", "five-year", "70 years old"."""
    doc = last.doc
    nxt = last.i + 1
    if nxt < len(doc) and doc[nxt].text == "-" and nxt + 1 < len(doc):
        nxt += 1
    if nxt < len(doc) and doc[nxt].lower_ in TIME_UNIT_WORDS:
        return doc[nxt]
    return None


def _duration_unit(token: Token) -> str | None:
    """ "years" → "year", "centuries" → "century"; None for words that are not lengths."""
    single = unit_name(token.text)
    return single if single in DURATION_DAYS else None


def _anchored(time_unit: Token) -> bool:
    """ "three years ago", "70 years old", "a 12-year low": a point in time, an age, a record."""
    doc = time_unit.doc
    nxt = time_unit.i + 1
    return nxt < len(doc) and doc[nxt].lower_ in TIME_ANCHOR_WORDS | RECORD_WINDOW_WORDS
