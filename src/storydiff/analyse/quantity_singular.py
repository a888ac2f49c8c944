"""Counts a sentence states without a figure: "A man was shot and killed", "one person died",
"a third victim has died".

A death is most often reported as "a man was killed", which holds no number at all, and a
rising toll as "a third person has died". An analyst reads 1 killed and 3 dead; so does the
ledger, citing the words that say it ("A man", "A third person").
"""

from __future__ import annotations

import re

from storydiff.model import QuantityRecord

# Who a singular count is about: people a toll or an arrest counts.
_PERSON = (
    r"man|woman|person|teen|teenager|boy|girl|child|toddler|infant|baby|victim|resident|student|"
    r"officer|deputy|driver|motorist|passenger|pedestrian|bystander|customer|worker|employee|"
    r"suspect|gunman|shooter"
)
# What was done to them: the acts whose counts the ledger reads (see align/measure_vocab.py).
_ACT = (
    r"(?:shot (?:and killed|dead|to death)|killed|fatally (?:shot|wounded|injured)|died|dead|"
    r"wounded|injured|hurt|hospitali[sz]ed|shot|arrested|charged|taken into custody)"
)
# "A man was shot", "One person who was hit has died", "an 18-year-old woman was wounded":
# the article word, at most three modifiers, the person, then a form of be / have and the act.
# "A third person has died", "a second victim died": the toll has reached that count.
_ORDINALS = {"second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7}
SINGULAR = re.compile(
    rf"(?<![\w-])(?P<count>[Aa]n?|[Oo]ne|[Aa]nother)\s+"
    rf"(?:(?!{'|'.join(_ORDINALS)}\b)(?:\d+-year-old|[a-z]+(?:-[a-z]+)*)\s+){{0,3}}?"
    rf"(?P<noun>{_PERSON})(?:\s+(?:who|that)(?:\s+\w+){{0,4}}?)?\s+"
    rf"(?:(?:was|has been|had been|is|has|had|were)\s+)?(?:\w+\s+)?{_ACT}\b"
)
ORDINAL_TOLL = re.compile(
    rf"(?<![\w-])[Aa]\s+(?P<ordinal>{'|'.join(_ORDINALS)})\s+(?P<noun>{_PERSON})\s+"
    r"(?:has |had |have )?(?:died|been killed|succumbed)\b"
)


# One named or described person whom an act befell, with no article word: "13-year-old Ethan
# Payne was shot and killed", "a 16-year-old has died", "the shooting death of a student",
# "the fatal shooting of 20-year-old Tyrell Hall", "killed one and wounded four", "one of the
# wounded has died". Each counts one person; the words cited are the person's.
_NAME = r"[A-Z][a-z'’-]+(?:\s+[A-Z][a-z'’.-]+){0,3}"
ONE_PERSON = re.compile(
    rf"(?<![\w-])(?P<noun>(?:[Aa]n?\s+)?\d+-year-old(?:\s+{_NAME})?|{_NAME}(?=,\s+\d+,))"
    rf"(?:,\s+\d+,)?\s+(?:(?:was|has been|had been|has|had)\s+)?(?:\w+\s+)?"
    r"(?:shot (?:and killed|dead|to death)|killed|died|fatally (?:shot|wounded))\b"
    r"|(?:shooting |stabbing |fatal )?(?:death|killing|fatal shooting) of "
    rf"(?P<victim>(?:(?:a|an|the)\s+)?(?:\d+-year-old\s+)?"
    rf"(?:(?:[A-Za-z]+\s+){{0,4}}?(?:{_PERSON})\b|{_NAME}))"
    r"|(?<=\bkilled )(?P<one>one)\b(?! of)"
    r"|(?P<of>[Oo]ne of the (?:wounded|injured|victims)) (?:has |had )?died\b"
)


def singular_counts(
    text: str, sentences: list[tuple[int, int]], taken: list[QuantityRecord]
) -> list[QuantityRecord]:
    """Counts of one person (or a toll's n-th) stated in words, outside any figure ``taken``."""
    # Ages inside the words ("an 18-year-old woman") describe the person, they count nothing.
    spans = [(r.start, r.end) for r in taken if r.unit != "year"]
    found: list[QuantityRecord] = []
    for start, end in sentences:
        sentence = text[start:end]
        matches = [*ORDINAL_TOLL.finditer(sentence), *SINGULAR.finditer(sentence)]
        for match in [*matches, *ONE_PERSON.finditer(sentence)]:
            if match.re is ONE_PERSON:  # the person's own words
                group = next(g for g in ("noun", "victim", "one", "of") if match.group(g))
                at, stop = start + match.start(group), start + match.end(group)
            else:  # the count word through the person: "A man", "A third person"
                at, stop = start + match.start(), start + match.end("noun")
            if any(a < stop and at < b for a, b in spans):
                continue  # a figure already read (an age inside is no figure: see ``taken``)
            ordinal = match.groupdict().get("ordinal")
            value = _ORDINALS[ordinal.lower()] if ordinal else 1
            words = text[at:stop]
            last = words.split()[-1]
            what = last if re.fullmatch(_PERSON, last, re.IGNORECASE) else "person"
            found.append(
                QuantityRecord(at, stop, words, float(value), None, what, False, None, start, end)
            )
            spans.append((at, stop))
    return sorted(found, key=lambda r: r.start)
