"""Named word lists the number and date readers share; each group says why it exists.

Kept as data, apart from the logic, so that a reviewer can see (and extend) what counts as a
hedge or a bound without reading the matching code. Multi-word entries are lower case and
space separated; matching is done on lower-cased tokens.
"""

from __future__ import annotations

from typing import Final

# Hedges mark a figure as approximate: "some 4,500 troops", "around 4,500", "an estimated
# 10,000". A reader comparing sources must know that 4,500 and "about 4,600" need not conflict.
APPROX_HEDGES: Final[frozenset[str]] = frozenset(
    {
        "some",
        "about",
        "around",
        "approximately",
        "roughly",
        "nearly",
        "almost",
        "close to",
        "an estimated",
        "estimated",
        "circa",
        "some estimated",
        "just under",
        "just over",
        "more or less",
        "roughly about",
    }
)

# Bounds turn a figure into an inequality. "over 100 states" is compatible with "110
# countries"; treating it as a point value would report a false conflict.
LOWER_BOUNDS: Final[frozenset[str]] = frozenset(
    {
        "over",
        "more than",
        "at least",
        "no fewer than",
        "no less than",
        "in excess of",
        "upwards of",
        "above",
        "exceeding",
        "not less than",
        "well over",
        "just over",
        # "as few as 10" stresses a minimum
        "as few as",
    }
)
UPPER_BOUNDS: Final[frozenset[str]] = frozenset(
    {
        "under",
        "fewer than",
        "less than",
        "up to",
        "at most",
        "no more than",
        "below",
        "not more than",
        # "as many as 100 died" stresses a maximum
        "as many as",
        "just under",
        "a maximum of",
    }
)

# Cardinal number words. spaCy's ``like_num`` knows them too, but we need their values.
UNITS_WORDS: Final[dict[str, int]] = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
TENS_WORDS: Final[dict[str, int]] = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
# Scale words multiply what precedes them: "2.5 million", "three hundred".
SCALE_WORDS: Final[dict[str, float]] = {
    "hundred": 1e2,
    "thousand": 1e3,
    "million": 1e6,
    "mln": 1e6,
    "billion": 1e9,
    "bln": 1e9,
    "bn": 1e9,
    "trillion": 1e12,
}
# Words that stand for a count on their own ("a dozen eggs", "dozens of people" is vaguer
# and left out on purpose: it has no value to compare).
COUNT_NOUNS: Final[dict[str, int]] = {"dozen": 12, "score": 20}

# Number words too vague or too often idiomatic to report as a figure: "one of the founders",
# "one single paper". A claim about exactly one thing is rarely what sources dispute.
SKIPPED_NUMBER_WORDS: Final[frozenset[str]] = frozenset({"one", "zero"})

# Percent spellings; the unit is normalised to "percent".
PERCENT_WORDS: Final[frozenset[str]] = frozenset({"%", "percent", "per cent", "pct", "percentage"})

# Currencies: symbols before the number and names after it, normalised to one name each so
# that "$5 million" and "5 million dollars" compare.
CURRENCY_SYMBOLS: Final[dict[str, str]] = {
    "$": "dollar",
    "us$": "dollar",
    "€": "euro",
    "£": "pound",
    "¥": "yen",
}
CURRENCY_WORDS: Final[dict[str, str]] = {
    "dollar": "dollar",
    "dollars": "dollar",
    "usd": "dollar",
    "euro": "euro",
    "euros": "euro",
    "eur": "euro",
    "pound": "pound",
    "pounds": "pound",
    "sterling": "pound",
    "yen": "yen",
    "yuan": "yuan",
    "rouble": "rouble",
    "roubles": "rouble",
    "ruble": "rouble",
    "rubles": "rouble",
    "dinar": "dinar",
    "dinars": "dinar",
    "franc": "franc",
    "francs": "franc",
    "peso": "peso",
    "pesos": "peso",
    "rupee": "rupee",
    "rupees": "rupee",
    "cent": "cent",
    "cents": "cent",
}

# Measurement units, singular and plural and abbreviated, normalised to one name. A count of
# things ("troops") is not a unit: it goes into ``what`` instead.
MEASURE_UNITS: Final[dict[str, str]] = {
    "km": "kilometre",
    "kilometre": "kilometre",
    "kilometres": "kilometre",
    "kilometer": "kilometre",
    "kilometers": "kilometre",
    "mile": "mile",
    "miles": "mile",
    "mi": "mile",
    "m": "metre",
    "metre": "metre",
    "metres": "metre",
    "meter": "metre",
    "meters": "metre",
    "cm": "centimetre",
    "centimetres": "centimetre",
    "centimeters": "centimetre",
    "foot": "foot",
    "feet": "foot",
    "ft": "foot",
    "inch": "inch",
    "inches": "inch",
    "kg": "kilogram",
    "kilogram": "kilogram",
    "kilograms": "kilogram",
    "kilo": "kilogram",
    "kilos": "kilogram",
    "gram": "gram",
    "grams": "gram",
    "g": "gram",
    "tonne": "tonne",
    "tonnes": "tonne",
    "ton": "ton",
    "tons": "ton",
    "pound-weight": "pound-weight",
    "lb": "pound-weight",
    "lbs": "pound-weight",
    "hectare": "hectare",
    "hectares": "hectare",
    "acre": "acre",
    "acres": "acre",
    "litre": "litre",
    "litres": "litre",
    "liter": "litre",
    "liters": "litre",
    "gallon": "gallon",
    "gallons": "gallon",
    "barrel": "barrel",
    "barrels": "barrel",
    "megawatt": "megawatt",
    "megawatts": "megawatt",
    "mw": "megawatt",
    "degree": "degree",
    "degrees": "degree",
    "point": "point",
    "points": "point",
    "square kilometres": "square kilometre",
    "square kilometers": "square kilometre",
    "square miles": "square mile",
    "sq km": "square kilometre",
}

# Adjectival compounds "120-seat parliament", "2,500-strong force": the number counts the
# word after the hyphen (seats) of the noun that follows, or for "strong" the noun itself.
HYPHEN_SIZE_WORDS: Final[frozenset[str]] = frozenset({"strong", "member", "man", "person"})

# After a currency, a bare "m" is a scale ("$5m"), not metres.
CURRENCY_SCALE_ABBREVIATIONS: Final[dict[str, float]] = {"m": 1e6, "k": 1e3, "b": 1e9}

# Time units: "five-year plan" or "three days" is a duration, which the date reader owns.
TIME_UNIT_WORDS: Final[frozenset[str]] = frozenset(
    {
        "second",
        "seconds",
        "minute",
        "minutes",
        "hour",
        "hours",
        "day",
        "days",
        "week",
        "weeks",
        "month",
        "months",
        "year",
        "years",
        "decade",
        "decades",
        "century",
        "centuries",
        "quarter",
        "quarters",
        "night",
        "nights",
        "weekend",
        "weekends",
        "morning",
        "mornings",
        "evening",
        "evenings",
        "afternoon",
        "afternoons",
        "old",
        "year-old",
        "years-old",
    }
)

# A length of time stated as a fact ("a 99-year lease", "within 30 days", "for eleven days"):
# a quantity like any other, in the unit named, with its length in days so that "30 days"
# and "a month" can be compared across sources.
DURATION_DAYS: Final[dict[str, float]] = {
    "day": 1.0,
    "week": 7.0,
    "month": 30.44,
    "year": 365.25,
    "decade": 3652.5,
    "century": 36525.0,
}

# Words right after a duration that turn it into a point in time ("three years ago", "a decade
# after", "five years later") or an age ("70 years old"): the date reader owns those.
TIME_ANCHOR_WORDS: Final[frozenset[str]] = frozenset(
    {"ago", "after", "before", "later", "earlier", "since", "back", "old", "hence"}
)

# Words after a duration that make it the window of a record ("a 12-year low", "a sixteen-month
# high"): a way of saying "lowest since", not a length anyone reports as a fact.
RECORD_WINDOW_WORDS: Final[frozenset[str]] = frozenset({"high", "low", "record", "peak"})

# Fractions that state a change in words ("fallen by a third", "cut by half"), as the percent
# a reader would compare with a figure given in numbers ("down 33 percent").
CHANGE_FRACTIONS: Final[dict[str, float]] = {
    "a third": 33.3,
    "one third": 33.3,
    "two thirds": 66.7,
    "two-thirds": 66.7,
    "half": 50.0,
    "a half": 50.0,
    "a quarter": 25.0,
    "one quarter": 25.0,
    "three quarters": 75.0,
    "three-quarters": 75.0,
    "a fifth": 20.0,
    "a tenth": 10.0,
}

# The numbers people call in an emergency, and the words that show one is being called:
# "called 911", "a 911 dispatcher" are a phone number, never a count of anything.
EMERGENCY_NUMBERS: Final[frozenset[str]] = frozenset({"911", "999", "112", "000"})
EMERGENCY_CALL_WORDS: Final[frozenset[str]] = frozenset(
    {"call", "called", "calling", "calls", "caller", "callers", "dial", "dialed", "dialled",
     "dispatcher", "dispatchers", "operator", "operators", "center", "centre", "line", "tape",
     "tapes", "recording", "recordings", "system"}
)  # fmt: skip

# Denominators of a share written in words ("two-thirds of voters", "a quarter of the
# budget"), as the fraction they stand for. Read as numbers, "two-thirds" was the count 2 of
# "thirds" and met every other "two" of the story; as a share it meets "67 percent".
SHARE_DENOMINATORS: Final[dict[str, float]] = {
    "half": 2.0,
    "halves": 2.0,
    "third": 3.0,
    "thirds": 3.0,
    "quarter": 4.0,
    "quarters": 4.0,
    "fourth": 4.0,
    "fourths": 4.0,
    "fifth": 5.0,
    "fifths": 5.0,
    "tenth": 10.0,
    "tenths": 10.0,
}

# Prepositions before "a"/"an" and a time unit that state a length ("within a month", "for a
# year"); elsewhere "a year" is usually a point or a rate ("a year ago", "twice a year").
SINGLE_DURATION_PREPOSITIONS: Final[frozenset[str]] = frozenset({"within", "for", "over"})

# Capitalised words after which a number is a name or an identifier, not a count:
# "Resolution 1244", "Article 5", "Flight 17", "Voyager 2". A general rule (a proper noun
# just before the number) catches most; these catch the common nouns written in lower case.
IDENTIFIER_WORDS: Final[frozenset[str]] = frozenset(
    {
        "resolution",
        "article",
        "articles",
        "chapter",
        "section",
        "paragraph",
        "clause",
        "no",
        "no.",
        "number",
        "nr",
        "flight",
        "route",
        "highway",
        "page",
        "pages",
        "version",
        "v",
        "room",
        "channel",
        "line",
        "platform",
        "gate",
        "unit",
        "level",
        "phase",
        "stage",
        "grade",
        "size",
        "model",
        "item",
        "figure",
        "table",
        "annex",
        "protocol",
        "by-sa",
        "cc",
        "license",
        "licence",
        "covid",
    }
)

# The unit of a vote tally or a score ("97-1", "134 to 63"): one result, two counts. Its value
# is the larger count; two tallies meet only when both counts do (align/claims.py).
TALLY_UNIT: Final = "tally"
