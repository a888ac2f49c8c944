"""Quantity recall on generated news articles: is every stated figure read, or said why not?

Each generated article is a short news item (a dateline sentence, the figure's sentence, a
closing sentence) that states one figure in one of many shapes: bare digits ("34944 jobs"),
grouped digits ("1,057 people"), decimals, scale words ("2.5 million"), number words
("forty-two"), percents, currencies ("$5m", "£3.2 billion") and measures ("120 km"). The
generator knows each figure's offsets and value; a figure is *found* when a quantity of the
article overlaps its offsets with the same value, *left out* when the analysis lists it
among the figures it left out (with a reason), and *lost* otherwise. ``other_quantities``
counts quantities read elsewhere in the articles: their other sentences state no figure,
only dates ("Friday, March 3", "in 2023"), so each is a false figure.

    .venv/bin/python bench/bench_quantities.py [--articles 5000] [--seed 15] [--json]

Results are printed; ``--out FILE`` also writes them as JSON.
"""

from __future__ import annotations

import argparse
import json
import math
import random
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

# Sentences a figure can stand in: (template, kind). ``{F}`` is the figure; a kind says which
# figure shapes read naturally there: a count of things, a percent, money or a measure.
COUNT_TEMPLATES = [
    "The company cut {F} jobs.",
    "Police said {F} people attended the rally.",
    "Officials counted {F} ballots on Sunday night.",
    "The storm destroyed {F} homes across the region.",
    "The airline carried {F} passengers last year.",
    "The ministry confirmed {F} new cases.",
    "Organisers expect {F} visitors at the fair.",
    "The hospital treated {F} patients after the crash.",
    "The council approved {F} new homes in the district.",
    "Rescuers evacuated {F} residents from the valley.",
    "{F} workers joined the strike, the union said.",
    "According to the report, {F} schools remain closed.",
    "The army deployed {F} soldiers to the border.",
    "The plant employs {F} staff, the firm said.",
    "At least {F} people were injured in the blast.",
    "About {F} protesters gathered outside parliament.",
    "Nearly {F} households lost power on Monday.",
    "More than {F} flights were cancelled.",
    "The agency estimated that {F} children had missed school.",
    "Some {F} migrants crossed the border in the first week.",
    "The union, which represents {F} members, backed the deal.",
    "\u201cWe have lost {F} customers,\u201d the chief executive said.",
    "Up to {F} trees will be felled, campaigners warned.",
    "The census counted {F} inhabitants in the province.",
]
PERCENT_TEMPLATES = [
    "Unemployment fell to {F} in March.",
    "Exports rose by {F}, the agency said.",
    "Turnout was {F}, officials said.",
    "The party won {F} of the vote.",
    "Shares in the bank dropped {F} on Friday.",
]
MONEY_TEMPLATES = [
    "The fund raised {F} for the victims.",
    "The contract is worth {F}, the ministry said.",
    "The city will spend {F} on new buses.",
    "Investors lost about {F} in the collapse.",
    "The club paid {F} for the striker.",
]
# Measures, each with the units that fit its sentence.
MEASURE_TEMPLATES = [
    ("The new bridge is {F} long.", ["km", "kilometres", "metres", "miles"]),
    ("The ship carried {F} of grain.", ["tonnes"]),
    ("The fire burned {F} of forest.", ["hectares", "acres"]),
    ("The pipeline runs {F} under the sea.", ["km", "kilometres", "miles"]),
]
LEADS = [
    "The announcement came on Tuesday.",
    "Officials gave the figures in a statement.",
    "The news broke late on Friday, March 3.",
    "Reporters gathered at the town hall in the morning.",
    "The decision was taken in 2023.",
    "",
]
CLOSINGS = [
    "Further details were expected later in the week.",
    "The government did not comment.",
    "A spokesman declined to say more.",
    "The review will be published next year.",
    "",
]
UNITS_WORDS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
TEENS = ["ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
         "eighteen", "nineteen"]  # fmt: skip
TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
MEASURES = {  # spelling -> storydiff's unit name
    "km": "kilometre",
    "kilometres": "kilometre",
    "miles": "mile",
    "metres": "metre",
    "tonnes": "tonne",
    "hectares": "hectare",
    "acres": "acre",
}
CURRENCIES = {"$": "dollar", "£": "pound", "€": "euro"}


@dataclass(frozen=True, slots=True)
class Figure:
    surface: str
    value: float
    unit: str | None
    shape: str


@dataclass(frozen=True, slots=True)
class GenItem:
    text: str
    start: int
    end: int
    figure: Figure


def _count(rng: random.Random) -> int:
    """A count spread over magnitudes: 2 to ten million, log-uniform."""
    return max(2, int(math.exp(rng.uniform(math.log(2), math.log(10_000_000)))))


def _words(n: int) -> str:
    """ "forty-two", "seven", "three hundred" for n below 1000."""
    hundreds, rest = divmod(n, 100)
    parts = [f"{UNITS_WORDS[hundreds]} hundred"] if hundreds else []
    if rest >= 20:
        tens, unit = divmod(rest, 10)
        parts.append(TENS[tens] + (f"-{UNITS_WORDS[unit]}" if unit else ""))
    elif rest >= 10:
        parts.append(TEENS[rest - 10])
    elif rest:
        parts.append(UNITS_WORDS[rest])
    return " ".join(parts)


def count_figure(rng: random.Random) -> Figure:
    """A count of things in one of the shapes news writes them in."""
    shape = rng.choice(["digits", "digits", "grouped", "scaled", "words", "decimal-scaled"])
    n = _count(rng)
    if shape == "grouped" and n < 1000:
        shape = "digits"
    if shape == "words":
        n = rng.randint(2, 999)
        return Figure(_words(n), float(n), None, shape)
    if shape == "grouped":
        return Figure(f"{n:,}", float(n), None, shape)
    if shape == "scaled":
        m = rng.randint(1, 900)
        scale, factor = rng.choice([("million", 1e6), ("billion", 1e9), ("thousand", 1e3)])
        return Figure(f"{m} {scale}", m * factor, None, shape)
    if shape == "decimal-scaled":
        m = round(rng.uniform(1, 99), rng.choice([1, 2]))
        return Figure(f"{m} million", m * 1e6, None, shape)
    return Figure(str(n), float(n), None, shape)


def percent_figure(rng: random.Random) -> Figure:
    x = rng.choice([rng.randint(1, 99), round(rng.uniform(0.1, 99.9), 1)])
    sign = rng.choice(["%", " percent", " per cent"])
    return Figure(f"{x}{sign}", float(x), "percent", "percent")


def money_figure(rng: random.Random) -> Figure:
    symbol = rng.choice(list(CURRENCIES))
    unit = CURRENCIES[symbol]
    shape = rng.choice(["plain", "grouped", "scaled", "abbrev"])
    n = _count(rng)
    if shape == "grouped" and n >= 1000:
        return Figure(f"{symbol}{n:,}", float(n), unit, "money")
    if shape == "scaled":
        m = round(rng.uniform(1, 999), rng.choice([0, 1]))
        m = int(m) if float(m).is_integer() else m
        scale, factor = rng.choice([("million", 1e6), ("billion", 1e9)])
        return Figure(f"{symbol}{m} {scale}", m * factor, unit, "money")
    if shape == "abbrev":
        m = rng.randint(1, 999)
        return Figure(f"{symbol}{m}m", m * 1e6, unit, "money")
    return Figure(f"{symbol}{n}", float(n), unit, "money")


def measure_figure(rng: random.Random, spellings: list[str]) -> Figure:
    spelling = rng.choice(spellings)
    x = rng.choice([_count(rng) % 100_000 + 2, round(rng.uniform(1, 999), 1)])
    surface = f"{x:,}" if isinstance(x, int) and rng.random() < 0.5 else str(x)
    return Figure(f"{surface} {spelling}", float(x), MEASURES[spelling], "measure")


def _sentence(rng: random.Random) -> tuple[str, Figure]:
    kind = rng.choices(["count", "percent", "money", "measure"], weights=[6, 2, 2, 1])[0]
    if kind == "count":
        return rng.choice(COUNT_TEMPLATES), count_figure(rng)
    if kind == "percent":
        return rng.choice(PERCENT_TEMPLATES), percent_figure(rng)
    if kind == "money":
        return rng.choice(MONEY_TEMPLATES), money_figure(rng)
    template, spellings = rng.choice(MEASURE_TEMPLATES)
    return template, measure_figure(rng, spellings)


def generate(total: int, *, seed: int = 15) -> Iterator[GenItem]:
    """``total`` articles of up to three sentences, each stating one figure."""
    rng = random.Random(seed)
    for _ in range(total):
        template, figure = _sentence(rng)
        before, _, after = template.partition("{F}")
        if not before and figure.surface[:1].islower():
            figure = Figure(figure.surface.capitalize(), figure.value, figure.unit, figure.shape)
        lead = rng.choice(LEADS)
        prefix = f"{lead} {before}" if lead else before
        closing = rng.choice(CLOSINGS)
        text = prefix + figure.surface + after + (f" {closing}" if closing else "")
        yield GenItem(text, len(prefix), len(prefix) + len(figure.surface), figure)


def _same(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=1e-6)


def run(total: int, seed: int) -> dict[str, object]:
    from storydiff.analyse import quantities as q
    from storydiff.analyse.nlp import load_nlp, spacy_view

    nlp = load_nlp()
    items = list(generate(total, seed=seed))
    outcome: Counter[str] = Counter()
    by_shape: dict[str, Counter[str]] = {}
    reasons: Counter[str] = Counter()
    lost: list[str] = []
    read = getattr(q, "read_quantities", None)
    started = time.perf_counter()
    docs = nlp.pipe((spacy_view(i.text) for i in items), batch_size=64)
    for item, doc in zip(items, docs, strict=True):
        if read is not None:
            found, left_out = read(doc, item.text)
        else:
            found, left_out = q.extract_quantities(doc, item.text), []
        outcome["other"] += sum(not (r.start < item.end and item.start < r.end) for r in found)
        hit = any(
            r.start < item.end and item.start < r.end and _same(r.value, item.figure.value)
            for r in found
        )
        why = next((x.reason for x in left_out if x.start < item.end and item.start < x.end), None)
        result = "found" if hit else ("left out" if why is not None else "lost")
        if why is not None and not hit:
            reasons[why] += 1
        outcome[result] += 1
        by_shape.setdefault(item.figure.shape, Counter())[result] += 1
        if result == "lost" and len(lost) < 25:
            lost.append(f"{item.figure.surface!r} in {item.text!r}")
    return {
        "articles": total,
        "seed": seed,
        "found": outcome["found"],
        "left_out": outcome["left out"],
        "lost": outcome["lost"],
        "recall": round(outcome["found"] / total, 4),
        "other_quantities": outcome["other"],
        "by_shape": {k: dict(v) for k, v in sorted(by_shape.items())},
        "left_out_reasons": dict(reasons.most_common()),
        "lost_examples": lost,
        "seconds": round(time.perf_counter() - started, 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=5000)
    parser.add_argument("--seed", type=int, default=15)
    parser.add_argument("--out", type=Path)
    args = parser.parse_args()
    result = run(args.articles, args.seed)
    text = json.dumps(result, indent=1, ensure_ascii=False)
    print(text)
    if args.out is not None:
        args.out.write_text(text + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
