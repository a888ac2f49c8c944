"""Reading the value of a number written in digits or words ("4,500", "2.5 million",
"twenty-six", "a dozen"), shared by the quantity and date readers."""

from __future__ import annotations

import re

from storydiff.lexicon.numbers import COUNT_NOUNS, SCALE_WORDS, TENS_WORDS, UNITS_WORDS

# "4,500", "13,500", "3.0", "1.5"; a comma must group thousands, so "1,2" is not a number.
_DIGITS = re.compile(r"^\d{1,3}(,\d{3})+(\.\d+)?$|^\d+(\.\d+)?$")


def digits_value(word: str) -> float | None:
    """Value of a numeral in digits, thousands commas allowed; None when it is not one."""
    if _DIGITS.match(word) is None:
        return None
    return float(word.replace(",", ""))


def word_value(word: str) -> float | None:
    """Value of one number word ("seven", "twenty-six", "dozen"), None otherwise."""
    low = word.lower()
    if low in UNITS_WORDS:
        return float(UNITS_WORDS[low])
    if low in TENS_WORDS:
        return float(TENS_WORDS[low])
    if low in COUNT_NOUNS:
        return float(COUNT_NOUNS[low])
    if "-" in low:
        tens, _, unit = low.partition("-")
        if tens in TENS_WORDS and unit in UNITS_WORDS and 0 < UNITS_WORDS[unit] < 10:
            return float(TENS_WORDS[tens] + UNITS_WORDS[unit])
    return None


def is_number_word(word: str) -> bool:
    """True for a token that can be part of a number: digits, number words, scale words."""
    low = word.lower()
    return digits_value(low) is not None or word_value(low) is not None or low in SCALE_WORDS


def parse_number(words: list[str]) -> float | None:
    """Value of a run of number tokens: "2.5 million", "twenty six", "three hundred"."""
    total = 0.0
    current: float | None = None
    for word in words:
        low = word.lower()
        if low in SCALE_WORDS:
            scale = SCALE_WORDS[low]
            base = 1.0 if current is None else current
            if scale >= 1e3:
                total += base * scale
                current = None
            else:
                current = base * scale
            continue
        if low in COUNT_NOUNS and current is not None:
            current *= COUNT_NOUNS[low]  # "two dozen" is 24, not 2 + 12
            continue
        if low == "half" and total == 0.0 and current is None:
            current = 0.5  # "half a dozen"
            continue
        value = digits_value(low)
        if value is None:
            value = word_value(low)
        if value is None:
            return None
        current = value if current is None else current + value
    if current is None and total == 0.0:
        return None
    return total + (current or 0.0)
