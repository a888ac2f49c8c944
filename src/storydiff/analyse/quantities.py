"""Numbers stated about the world: how many of what, hedged or bounded.

A quantity is a run of number tokens that spaCy does not read as a date, time or ordinal and
that is not an identifier ("Resolution 1244", "CC BY-SA 3.0"). Its unit is a measurement
unit, a currency or "percent"; a count of things keeps ``unit=None`` and names the things in
``what`` ("UN member states"), because the align stage compares counts by what they count.
"""

from __future__ import annotations

import re
from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from storydiff.analyse.quantity_context import (
    hedge_before,
    identifier_before,
    unit_after,
    what_of,
)
from storydiff.analyse.quantity_parse import digits_value, is_number_word, parse_number
from storydiff.analyse.timex_grammar import unit_name
from storydiff.lexicon.numbers import (
    CHANGE_FRACTIONS,
    CURRENCY_SCALE_ABBREVIATIONS,
    CURRENCY_SYMBOLS,
    DURATION_DAYS,
    RECORD_WINDOW_WORDS,
    SINGLE_DURATION_PREPOSITIONS,
    SKIPPED_NUMBER_WORDS,
    TIME_ANCHOR_WORDS,
    TIME_UNIT_WORDS,
)
from storydiff.model import QuantityRecord

# spaCy entity labels whose numbers are not counts; the date reader owns DATE and TIME.
_NOT_COUNTS = frozenset({"DATE", "TIME", "ORDINAL"})
# Words between two numbers that make them a range or list sharing one unit.
_RANGE_JOINERS = frozenset({"and", "to", "-", "or", "and about"})
_CURRENCIES = frozenset(CURRENCY_SYMBOLS.values())
_SHARED_SCALES = {"million": 1e6, "billion": 1e9, "trillion": 1e12}
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
    records: list[QuantityRecord] = []
    for sent in doc.sents:
        found = [_record(run, sent, text) for run in _number_runs(sent)]
        records.extend(_share_units([r for r in found if r is not None], text))
        records.extend(_fraction_changes(sent, text))
    return records


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
        if scale is not None and not any(w in a.text.lower() for w in _SHARED_SCALES):
            out[i] = replace(out[i], value=a.value * scale)
    return out


def _number_runs(sent: Span) -> list[list[Token]]:
    """Maximal runs of adjacent number tokens ("2.5 million", "a dozen")."""
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
    if not current and _single_duration(token):
        return True
    if low in {"hundred", "thousand", "million", "billion", "trillion", "bn", "bln", "mln"}:
        return bool(current)
    if current and low in CURRENCY_SCALE_ABBREVIATIONS and _after_currency(current[0]):
        return True
    return is_number_word(token.text)


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


def _record(run: list[Token], sent: Span, text: str) -> QuantityRecord | None:
    """The quantity a number run states, or None when it is a date, id, code or idiom."""
    if _excluded(run):
        return None
    words = [t.text for t in run if t.lower_ != "a"]
    if len(run) > 1 and run[-1].lower_ in CURRENCY_SCALE_ABBREVIATIONS and _after_currency(run[0]):
        words[-1] = "million" if run[-1].lower_ == "m" else "thousand"
        if run[-1].lower_ == "b":
            words[-1] = "billion"
    value = 1.0 if len(run) == 1 and _single_duration(run[0]) else parse_number(words)
    if value is None:
        return None
    first, last = run[0], run[-1]
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
        return max(end, word.idx + len(word.text))
    return end


def _excluded(run: list[Token]) -> bool:
    """Dates, times, ordinals, identifiers, codes, the word "one", points in time."""
    first, last = run[0], run[-1]
    if len(run) == 1 and first.lower_ in SKIPPED_NUMBER_WORDS and not _single_duration(first):
        return True
    if any(_CODE_LIKE.search(t.text) for t in run) or _glued_to_code(first, last):
        return True
    if identifier_before(first):
        return True
    time_unit = _time_unit_after(last)
    if time_unit is not None:  # a stated length counts; "three years ago" is the date reader's
        return _duration_unit(time_unit) is None or _anchored(time_unit)
    if any(t.ent_type_ in _NOT_COUNTS for t in run) and not _counts_despite_entity(run):
        return True
    return len(run) == 1 and _looks_like_year(first)


def _counts_despite_entity(run: list[Token]) -> bool:
    """spaCy sometimes tags "13,500 lives" as DATE; a comma-grouped count is never a year."""
    return any("," in t.text and digits_value(t.text) is not None for t in run)


def _glued_to_code(first: Token, last: Token) -> bool:
    """Numbers inside version strings or URLs: "3.0)" after "/", "v2", "+1"."""
    doc = first.doc
    before = doc[first.i - 1] if first.i > 0 else None
    after = doc[last.i + 1] if last.i + 1 < len(doc) else None
    if before is not None and not before.whitespace_ and before.text in {"/", "+", "#", "v"}:
        return True
    if after is not None and not last.whitespace_ and after.text in {"/", ":"}:
        return True
    return _phone_like(first, last)


def _phone_like(first: Token, last: Token) -> bool:
    """Phone-like "555-1234": two groups of three or more digits joined by a dash."""
    doc = first.doc
    pairs = [(doc[first.i - 2], first)] if first.i >= 2 else []
    if last.i + 2 < len(doc):
        pairs.append((last, doc[last.i + 2]))
    for left, right in pairs:
        dash = doc[left.i + 1]
        glued = dash.text == "-" and not left.whitespace_ and not dash.whitespace_
        long_groups = len(left.text) >= 3 and len(right.text) >= 3
        if glued and long_groups and left.is_digit and right.is_digit:
            return True
    return False


def _looks_like_year(token: Token) -> bool:
    """A bare four-digit number from 1800 to 2099 is a year unless it counts a noun."""
    if re.fullmatch(r"(18|19|20)\d\d", token.text) is None:
        return False
    head = token.head
    counts_noun = token.dep_ == "nummod" and head.tag_ in {"NNS", "NNPS"}
    return not counts_noun


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
