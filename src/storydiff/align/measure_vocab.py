"""What a figure measures: the acts that name it, as patterns over the words around it.

A count is only one fact with another count when both measure the same thing: "five people
were injured" and "two were killed" in one shooting are two facts, not a conflict. Each group
names a measure that news counts of people carry, in the order they are tried.
"""

from __future__ import annotations

import re

# People who died: the toll of an attack, an accident, a disaster. "Shot dead" and "lives" are
# here because they count the dead; "fatally" because "one fatally" counts a death.
KILLED = re.compile(
    r"\b(?:shot (?:and killed|dead|to death)|killed|kills?|killing|dead|died|dies|deaths?|"
    r"fatal(?:ly|ities)?|slain|murdered|lives|homicides?|bodies|perished|toll|deceased)\b",
    re.IGNORECASE,
)

# People hurt but alive: wounded, taken to hospital, in a named condition.
INJURED = re.compile(
    r"\b(?:shot and (?:wounded|injured)|injur(?:ed|ing|y|ies)|wounded|wounding|wounds|hurt|"
    # "fighting for their lives" is alive: matched before "lives" counts the dead
    r"fighting for (?:their|his|her) li(?:fe|ves)|"
    r"hospitali[sz]ed|(?:critical|serious|stable|fair) condition|non-life-threatening|survived)\b",
    re.IGNORECASE,
)

# People hit by gunfire, whether they lived or not: a count of its own ("four people shot",
# "striking four people").
SHOT = re.compile(r"\b(?:shot|shooting victims?|gunshot|struck|striking)\b", re.IGNORECASE)

# A list of who is in a group, between the group and its verb: "Six people, including two
# congressmen, two police officers and a lobbyist, were injured" is six injured.
INCLUDED_LIST = re.compile(
    r",\s+including\b.*?,\s+(?=(?:were|was|are|is|have|has|had|remain|remains|died)\b)",
    re.IGNORECASE,
)

# People detained: counts of arrests and charges.
ARRESTED = re.compile(
    r"\b(?:arrested|arrests?|detained|charged|in (?:police |federal )?custody|apprehended|"
    r"indicted)\b",
    re.IGNORECASE,
)

# People not yet found, and people held under rubble: counts of their own in a disaster
# ("14 others trapped when a mosque collapsed", "two others missing after a landslide").
MISSING = re.compile(r"\b(?:missing|unaccounted for)\b", re.IGNORECASE)
TRAPPED = re.compile(r"\b(?:trapped|buried|stranded)\b", re.IGNORECASE)

# Tried in this order: "shot and killed" counts the dead, "shot and wounded" the injured.
MEASURES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("killed", KILLED),
    ("injured", INJURED),
    ("arrested", ARRESTED),
    ("shot", SHOT),
    ("missing", MISSING),
    ("trapped", TRAPPED),
)

# What a count of people counts: a figure counting something else ("shot 10 times",
# "3 vehicles") measures no one, whatever act is near.
PEOPLE = re.compile(
    r"^(?:people|persons?|men|man|women|woman|children|child|kids?|boys?|girls?|teens?|"
    r"teenagers?|adults?|victims?|others?|officers?|students?|residents?|civilians?|"
    r"passengers?|workers?|soldiers?|suspects?|individuals?|patrons?|members?|"
    r"bystanders?|youths?|brothers?|sisters?|family members?|relatives?)$",
    re.IGNORECASE,
)

# Between two counts of one phrase of people: the first count's noun, then "and" (or a list
# comma) and at most a determiner: "three [men] and two women", "the two [adults] and their four
# children", "two [girls], two boys and a man". "killed two men and wounded three" is no join.
JOINED_COUNT_GAP = re.compile(
    r"^\s+(?:[\w-]+\s+){0,2}?(?P<noun>[\w-]+)\s*(?:,\s+(?:and\s+)?|\s+and\s+)"
    r"(?:(?:their|the|his|her)\s+)?$",
    re.IGNORECASE,
)
# One person in words as a joined phrase's first part: "One man and [two] women were wounded",
# "the man and [two] children found dead"; a named person and others: "Conley and [seven]
# others were killed" (the figure must count "others").
JOINED_NAMED_BEFORE = re.compile(r"(?:\b[A-Z][\w'’-]+|\b[Hh]e|\b[Ss]he)\s+and\s+$")
JOINED_ONE_BEFORE = re.compile(
    r"(?<![\w-])(?:[Oo]ne|[Aa]n?|[Tt]he)\s+(?:[\w-]+\s+){0,2}?(?P<noun>man|woman|person|boy|"
    r"girl|child|teen|teenager|adult|victim|father|mother|son|daughter|husband|wife)\s+and\s+$"
)

# A person's age ("a 16-year-old", "aged 21", "Smith, 34,") is an attribute of one person,
# never a count of people: it neither agrees nor conflicts with a toll.
# News gives ages beside names: "Vincent Holt Jr., 27, died", "George Chen (19)".
AGE_AFTER = re.compile(r"^(?:-year-old|-years-old| years? old|-month-old| months? old)")
AGE_BEFORE = re.compile(
    r"(?:\baged?|\bage of|\bturned"
    # either end of a range of ages: "ages 11 to 15", "between the ages of 11 and 15"
    r"|\b(?:ages?|aged)\s+(?:of\s+|between\s+|from\s+)?(?:\d+\s*(?:to|and|-|–))?"
    # a decade of life: "a man in his 20s", "in her early 30's"
    r"|\bin\s+(?:his|her|their)\s+(?:early\s+|mid-?\s*|late\s+)?)\s*$",
    re.IGNORECASE,
)
AGE_BESIDE_NAME = re.compile(r"[A-Z][\w.'’-]*(?:,\s*|\s*\(|,\s+who\s+(?:was|is)\s+)$")
AGE_CLOSE = re.compile(r"^\s*[,)(]")  # "Miranda Doerr, three (pictured)" too
# An age after a person described, not named: "they found a man, 26, dead", "girl, 3."
AGE_BESIDE_PERSON = re.compile(
    r"\b(?:(?:man|woman|boy|girl|teen|teenager|child|toddler|person|victim),|both)\s*$",
    re.IGNORECASE,
)
AGE_CLOSE_PERSON = re.compile(r"^\s*(?:[,)(]|\.(?:\s|$))")

# "the two men who shot up a busy street", "two gunmen who opened fire": the figure counts who
# did the act, not whom it befell.
DOERS_AFTER = re.compile(
    r"^\s+(?:[\w-]+\s+){0,3}?(?:who|that)\s+(?:had\s+)?(?:allegedly\s+|reportedly\s+)?"
    r"(?:shot|opened fire|fired|killed|wounded|attacked|gunned)\b"
    # "two gang members accused of killing a boy": suspects, counted by the arrests
    r"|^\s+(?:[\w-]+\s+){0,3}?(?:accused|suspected|charged|convicted)\s+(?:of|in)\b",
    re.IGNORECASE,
)

# A part of a group already counted: "Two of the victims are in critical condition", "three
# of them", and who is still in hospital ("two remain hospitalized") days on. Neither is the
# toll; the group's own count is.
PART_AFTER = re.compile(
    r"^\s+(?:of\s+(?:the|those|them|these|whom|\d+|one|two|three|four|five|six|seven|eight|"
    r"nine|ten)\b|(?:[\w-]+\s+){0,2}?(?:remains?|still)\b"
    r"|most\s+(?:seriously|critically|severely|badly)\b)",
    re.IGNORECASE,
)
# A group split by outcome: "four people shot, [two] of whom are deceased, [two] of whom have
# non-life-threatening injuries". Unlike "two of the victims", each part is named by what
# befell it, so it is that toll; what follows this prefix says which.
OF_WHOM_OUTCOME = re.compile(
    r"^\s+of\s+whom\s+(?:(?:are|were|was|is|have|has|had|been|later|since|now)\s+)*",
    re.IGNORECASE,
)
# The shot counted by what became of them: "the two men shot who were killed" are dead.
SHOT_WHO_DIED = re.compile(
    r"^\s+(?:[\w-]+\s+){0,2}?shot\s+(?:who|that)\s+(?:[\w-]+\s+){0,2}?(?:killed|died|dead)\b",
    re.IGNORECASE,
)
# A part listed after its group: "eight people, including [five] children, were killed". A
# relative clause makes it a count of its own: "five shot, including two who died".
PART_BEFORE = re.compile(r"\b(?:including|among them|among whom)\s*$", re.IGNORECASE)
PART_OWN_CLAUSE = re.compile(r"^\s+(?:[\w-]+\s+)?(?:who|that)\b", re.IGNORECASE)
# A rate's base ("19.3 deaths per [100,000] people") and an emergency number ("called 911")
# count no one.
NO_COUNT_BEFORE = re.compile(r"\b(?:per|call(?:ed|ing|s)?|dial(?:l?ed|l?ing)?)\s*$", re.IGNORECASE)

# "a father of three" counts children, not the dead or wounded around him.
PARENT_OF = re.compile(
    r"\b(?:father|mother|parent|dad|mom|grandfather|grandmother|grandparent)s?\s+of\s*$",
    re.IGNORECASE,
)

# A count of the reporter's sources, not of anyone the story is about: "two people briefed on
# the matter", "two of the law enforcement officials said", "three officials familiar with".
SOURCES_AFTER = re.compile(
    r"^\s+(?:of\s+the\s+)?(?:[\w-]+\s+){0,2}?(?:people|persons|officials|sources|aides)\s+"
    r"(?:who\s+(?:were\s+|was\s+)?)?(?:briefed|familiar|with\s+knowledge|close\s+to|said|told|"
    r"spoke|speaking|requested|insisted)\b",
    re.IGNORECASE,
)

# A figure naming a place is no count: "the 300 block of North Street", "3800 Main St".
ADDRESS_AFTER = re.compile(
    r"^\s+(?:block|(?:[NSEW]\.?\s+)?[A-Z][a-z]+\s+(?:St|Street|Ave|Avenue|Road|Rd|Blvd|Drive|"
    r"Dr|Lane|Ln|Way|Court|Ct|Place|Pl|Highway|Hwy|Boulevard|Parkway|Pkwy)\b)"
)

# Whose age it is: the name right before ("Dylann Roof, 21,", "George Chen (19)") or right
# after ("21-year-old Dylann Roof", not "the 23-year-old Greenville man"); the last
# capitalised word is the surname.
# "Senator Chuck Schumer of New York, 66": the person, not the place he is from.
AGE_NAME_BEFORE_PLACE = re.compile(
    r"((?:[A-Z][\w.'’-]*\s+){0,3}[A-Z][\w'’-]+)\s+of\s+(?:[A-Z][\w.'’-]*\s+){0,2}[A-Z][\w.'’-]*"
    r",\s*$"
)
AGE_NAME_BEFORE = re.compile(
    r"((?:[A-Z][\w.'’-]*\s+){0,3}[A-Z][\w'’-]+)\.?"
    r"(?:,\s*(?:the\s+|a\s+)?|\s*\(|,\s+who\s+(?:was|is)\s+)$"
)
AGE_NAME_AFTER = re.compile(
    r"^(?:-(?:year|month)s?)?-old\s+((?:[A-Z][\w.'’-]*\s+){0,2}[A-Z][\w'’-]+)"
    r"(?![\w'’-]|\s+[A-Z])(?!\s+(?:man|woman|men|women|boy|girl|teen|teenager|resident|native|"
    r"student|mother|father|son|daughter|driver|officer|suspect|victim)\b)"
)
# A figure written with its unit glued on ("23-years", "20-year") before "-old".
AGE_UNIT_GLUED = re.compile(r"[-\s](?:year|month)s?$")  # "22-year-old", "22 year-old"

# A figure in brackets right after another with its unit restates it in other units: "10
# kilometers (six miles)", "55 kilometres (34 miles)". Outlets round the conversion their own
# way, so it is no fact of its own; the figure it converts is.
CONVERSION_BEFORE = re.compile(r"\d[\d.,]*\s*[A-Za-z]+\.?\s*\(\s*$")

# A figure in square brackets is a reference mark ("[40]"), not a statement.
REFERENCE_MARK = (re.compile(r"\[$"), re.compile(r"^\]"))
# A gallery's counter is page furniture, not a statement: "Image 4 of 16" (both figures).
GALLERY_COUNTER = (
    re.compile(r"\b(?:Image|Photo|Picture|Slide)\s+\d+\s+of\s*$", re.IGNORECASE),  # the 16
    re.compile(r"\b(?:Image|Photo|Picture|Slide)\s*$", re.IGNORECASE),  # the 4 ...
    re.compile(r"^\s+of\s+\d"),  # ... before "of 16"
)

# Words between an act and the figure that end the act's reach: "was killed and four others
# were injured" does not make "four" a count of the dead.
BREAKS_GOVERNING = re.compile(r"\b(?:and|or|but|while|as)\b|[,;:]", re.IGNORECASE)

# Words a figure reaches across to its act: "were injured", "people had been shot".
WINDOW_WORDS_AFTER = 10
WINDOW_WORDS_BEFORE = 4
# An act this close before the figure governs it ("killed two", "wounded were four").
GOVERNING_WORDS_BEFORE = 2

# How news hedges a time of day, and the minutes each leaves open around the stated time
# (earliest, latest): "just before 10:30 p.m." is 10:15-10:30, "around 10:45" 10:40-10:50.
# Wider, and "about 6:12" (shots heard) would meet "about 6:30" (police called) as one time.
CLOCK_QUALIFIERS: dict[str, tuple[int, int]] = {
    "just before": (-15, 0),
    "shortly before": (-15, 0),
    "just after": (0, 15),
    "shortly after": (0, 15),
    "around": (-5, 5),
    "about": (-5, 5),
    "approximately": (-5, 5),
    "roughly": (-5, 5),
}

# A toll stated as its latest death ("A third person has died"): the words say the count has
# risen since earlier reports, so they meet an earlier, lower count of the story's dead with
# no more shared words than any figure needs (analyse/quantity_singular.py reads them).
ORDINAL_TOLL = re.compile(r"^[Aa]n?\s+(?:second|third|fourth|fifth|sixth|seventh)\b")
