"""Named word lists the attribution extractor reads; every group says why it exists.

Kept apart from the logic (as trafilatura keeps its XPaths) so that a reviewer can widen or
narrow a list without reading the parser code, and so tests can point at the data.
"""

from __future__ import annotations

import re

# Verbs whose subject is a speaker and whose clausal complement is what was said. The core of
# news attribution ("said", "told"); lemmas, because spaCy gives us the lemma of any tense.
SPEECH_VERBS: frozenset[str] = frozenset(
    {
        "say",
        "tell",
        "add",
        "state",
        "declare",
        "announce",
        "explain",
        "note",
        "remark",
        "comment",
        "reply",
        "respond",
        "answer",
        "write",
        "tweet",
        "post",
        "report",
        "claim",
        "assert",
        "insist",
        "argue",
        "contend",
        "maintain",
        "stress",
        "underscore",
        "emphasize",
        "emphasise",
        "warn",
        "caution",
        "predict",
        "suggest",
        "acknowledge",
        "admit",
        "concede",
        "confirm",
        "deny",
        "reveal",
        "disclose",
        "allege",
        "charge",
        "complain",
        "decry",
        "denounce",
        "condemn",
        "criticize",
        "criticise",
        "praise",
        "urge",
        "promise",
        "pledge",
        "vow",
        "threaten",
        "ask",
        "demand",
        "recall",
        "continue",
        "conclude",
        "observe",
        "point",
        "mention",
        "testify",
        "tout",
        "boast",
        "quip",
        "joke",
        "muse",
        "concur",
        "agree",
        "hint",
        "indicate",
        "signal",
        "reiterate",
        "repeat",
        "proclaim",
        "affirm",
        "counter",
        "retort",
        "shout",
        "yell",
        "whisper",
        "cry",
        "scream",
        "rule",
        "order",
        "advise",
        "inform",
        "assure",
        "remind",
        "notify",
        "estimate",
        "forecast",
        "speculate",
        "accuse",
        "blast",
        "slam",
        "call",
        "describe",
        "characterize",
        "defend",
    }
)

# Verbs of belief and intention: PolNeAR (and careful readers) count "X believes that ..." as
# an attribution too, but a dossier of quotes should not, so they are kept separate and only
# used when a caller asks for cognitive attributions.
COGNITION_VERBS: frozenset[str] = frozenset(
    {
        "believe",
        "think",
        "feel",
        "know",
        "expect",
        "hope",
        "fear",
        "worry",
        "doubt",
        "suspect",
        "understand",
        "realize",
        "recognize",
        "conclude",
        "decide",
        "find",
        "show",
        "suggest",
    }
)

# Verbs of intention whose infinitive is the attributed content ("vowed to repeal"); PolNeAR
# annotates them, a quote dossier does not, so they too run only in cognitive mode.
INTENT_VERBS: frozenset[str] = frozenset(
    {
        "want",
        "plan",
        "vow",
        "refuse",
        "decline",
        "promise",
        "pledge",
        "seek",
        "intend",
        "threaten",
        "hope",
        "aim",
        "expect",
        "urge",
        "call",
        "agree",
        "decide",
        "propose",
        "offer",
        "prefer",
        "hop",  # spaCy's small model lemmatises "hoping" as "hop"
    }
)

# Verbs that take a quoted noun phrase as their object ("decried the 'nationalistic rhetoric'"),
# which is how a partial quote is told apart from scare quotes: the fragment is what the
# subject said, not the writer's distance from a word.
FRAGMENT_VERBS: frozenset[str] = SPEECH_VERBS | {"call", "describe", "dismiss", "label", "term"}

# Nouns that carry speech when they are the subject ("The letter decried ...", "the statement
# said ..."): the speaker is whoever wrote or gave it, named earlier in the article.
CHANNEL_NOUNS: frozenset[str] = frozenset(
    {
        "letter",
        "statement",
        "interview",
        "tweet",
        "post",
        "report",
        "memo",
        "email",
        "e-mail",
        "speech",
        "briefing",
        "conference",
        "communique",
        "communiqué",
        "release",
        "op-ed",
        "article",
        "column",
        "editorial",
        "blog",
        "broadcast",
        "video",
        "message",
        "note",
        "petition",
        "declaration",
        "document",
        "filing",
        "complaint",
        "lawsuit",
        "study",
        "survey",
        "poll",
        "appearance",
        "address",
        "remarks",
        "testimony",
        "hearing",
        "podcast",
        "show",
        "program",
        "programme",
        "radio",
        "television",
        "channel",
        "newspaper",
    }
)

# Cue verbs that already name their channel, so the record gets one even with no "in an
# interview" phrase.
CHANNEL_VERBS: dict[str, str] = {
    "tweet": "tweeted",
    "post": "posted",
    "write": "wrote",
    "testify": "testified",
    "email": "emailed",
}

# Plural role nouns that name a group of speakers ("the ministers said", "officials said").
# Resolved to the organisation inside the phrase ("NATO officials") or to the people named
# just before ("the ministers" after "Minister A and her counterpart B").
GROUP_NOUNS: frozenset[str] = frozenset(
    {
        "minister",
        "official",
        "aide",
        "leader",
        "lawmaker",
        "deputy",
        "diplomat",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "representative",
        "member",
        "senator",
        "congressman",
        "legislator",
        "MP",
        "mp",
        "envoy",
        "ambassador",
        "negotiator",
        "source",
        "analyst",
        "expert",
        "adviser",
        "advisor",
        "president",
        "secretary",
        "chief",
        "head",
        "governor",
        "mayor",
        "general",
        "commander",
        "officer",
        "counterpart",
        "partner",
        "ally",
        "authority",
        "government",
        "administration",
        "campaign",
        "party",
        "committee",
        "ministry",
        "alliance",
        "delegation",
        "team",
        "staff",
        "spokespeople",
        "people",
        "critic",
        "supporter",
        "opponent",
        "voter",
        "resident",
        "protester",
        "activist",
        "observer",
        "participant",
        "candidate",
        "director",
        "executive",
        "manager",
    }
)

# Personal pronouns that may stand for a person speaker; "it"/"they" also stand for
# organisations and groups, so they get their own lists.
PERSON_PRONOUNS: frozenset[str] = frozenset({"he", "she", "him", "her"})
FIRST_PERSON_PRONOUNS: frozenset[str] = frozenset({"i", "we"})
# The writer's links between paragraphs, not the speaker's words: a reported clause that
# opens with one ("Meanwhile, police were …", an official said) starts after it.
CLAUSE_OPENER = re.compile(
    r"(?:Meanwhile|Regardless|However|Still|Instead|Nevertheless|Nonetheless|Moreover|"
    r"Furthermore|Separately|Similarly|Likewise|Indeed|In addition|Also|Additionally),\s+"
)
# What a title or a kinship word beside a name says of the person's sex, and what a pronoun
# says: "Her son Matthew Denice" is not "she"; "Mr. Trump" is not "the president's daughter
# Ivanka Trump"; "George Conway, … the husband of Kellyanne Conway" is "Mr. Conway".
GENDER_TITLES: dict[str, str] = {"mr.": "M", "mr": "M", "ms.": "F", "ms": "F", "mrs.": "F",
                                 "mrs": "F", "miss": "F"}  # fmt: skip
KINSHIP_GENDER: dict[str, str] = {
    **dict.fromkeys(
        ("son", "husband", "father", "brother", "widower", "boyfriend", "grandson", "nephew",
         "uncle", "grandfather", "stepson", "stepfather"), "M"),
    **dict.fromkeys(
        ("daughter", "wife", "mother", "sister", "widow", "girlfriend", "granddaughter", "niece",
         "aunt", "grandmother", "stepdaughter", "stepmother"), "F"),
}  # fmt: skip
PRONOUN_GENDER: dict[str, str] = {"he": "M", "him": "M", "his": "M", "she": "F", "her": "F"}
# Nouns after a name that make it a place, whatever the model labelled it ("Suka Makmur
# village" is no one who speaks).
PLACE_NOUNS: frozenset[str] = frozenset(
    {"village", "town", "city", "district", "province", "county", "region", "island",
     "street", "avenue", "road", "township", "neighborhood", "neighbourhood", "state",
     "capital"}
)  # fmt: skip
# Words that open a sentence and that the small model folds into the name after them
# ("Plus Obama is nominating …" gave the speaker "Plus Obama").
NAME_OPENERS: frozenset[str] = frozenset(
    {"plus", "and", "but", "so", "also", "then", "now", "still", "yet", "meanwhile"}
)
# Words before a title in quotation marks that make it the programme or paper one spoke to
# or on ("told “Fox & Friends.”", "said on “Meet the Press”"), not words anyone said.
PROGRAMME_BEFORE = re.compile(
    r"\b(?:told|on|to|with|appeared on|interview with|wrote in)\s*$", re.IGNORECASE
)
# Offices one person holds at a time, so "the president" is whoever the story titles so.
OFFICE_TITLES: frozenset[str] = frozenset(
    {"president", "governor", "mayor", "chancellor", "pope", "premier", "sheriff"}
)
# Pronouns a description makes a speaker of their own: "those briefed on the effort", "those
# familiar with the strategy" are the unnamed sources, not the last person named.
DESCRIBED_PRONOUNS: frozenset[str] = frozenset({"those", "people", "someone", "anyone"})
ORG_PRONOUNS: frozenset[str] = frozenset({"it"})
PLURAL_PRONOUNS: frozenset[str] = frozenset({"they", "them"})
RELATIVE_PRONOUNS: frozenset[str] = frozenset({"who", "which", "that"})

# Entity labels that can speak. NORP ("Serbs said") and GPE ("Russia says") do speak in news.
SPEAKER_LABELS: frozenset[str] = frozenset({"PERSON", "ORG", "GPE", "NORP"})
# A party and home state or district after a lawmaker's name ("Sen. Marlon Kimpson,
# D-Charleston,", "Harry Reid, D-Nev."): the place there is an affiliation, never a speaker.
PARTY_AFFILIATION = re.compile(r"\b[DRI]-$")

# Words spaCy's small model often folds into a PERSON span, stripped so that "President
# Hashim Thaci" and "Hashim Thaci" are one speaker.
TITLE_WORDS: frozenset[str] = frozenset(
    {
        "president",
        "prime",
        "minister",
        "secretary",
        "general",
        "chairman",
        "chairwoman",
        "senator",
        "sen.",
        "rep.",
        "gov.",
        "mr.",
        "mrs.",
        "ms.",
        "dr.",
        "mr",
        "mrs",
        "ms",
        "dr",
        "sir",
        "lord",
        "lady",
        "king",
        "queen",
        "prince",
        "chancellor",
        "ambassador",
        "mayor",
        "governor",
        "judge",
        "justice",
        "the",
        "spokesman",
        "spokeswoman",
        "gen.",
        "col.",
        "lt.",
        "capt.",
        "adm.",
        "rev.",
        "pope",
        "deputy",
        "vice",
        "foreign",
        "defense",
        "defence",
        "assistant",
        "state",
        # offices of groups and forces before a name: "CREDO Political Director Murshed
        # Zaheed", "Democratic Leader Chuck Schumer", "co-founder Ezra Levin"
        "director",
        "political",
        "executive",
        "founder",
        "co-founder",
        "chief",
        "leader",
        "representative",
        "speaker",
        "whip",
    }
)

# Entity labels of words the parser sometimes compounds onto a name ("Last February Vucic").
NOT_NAME_LABELS: frozenset[str] = frozenset(
    {"DATE", "TIME", "CARDINAL", "ORDINAL", "PERCENT", "MONEY", "QUANTITY"}
)

# Prepositional cues that attribute the clause around them ("according to X, ...").
ACCORDING_TO: tuple[str, str] = ("according", "to")

# Minimum length, in words, of a quoted fragment inside someone's reported clause before we
# call it a partial quote: one- and two-word fragments ('a "sham"', 'a ‘regular army’') are
# nearly always the writer's scare quotes or a term, not a speaker's words.
PARTIAL_MIN_WORDS = 3

# Dependents written before a cue verb that PolNeAR counts as part of the cue: auxiliaries,
# negation and adverbs ("has said", "would not say", "also said").
CUE_LEFT_DEPS: frozenset[str] = frozenset({"aux", "auxpass", "neg", "advmod"})

# Dependents after a cue verb that end its phrase: the subject of an inverted cue ("said Mr.
# Trump"), coordinated or reported clauses, which are content or cues of their own.
CUE_RIGHT_STOPS: frozenset[str] = frozenset(
    {"nsubj", "nsubjpass", "conj", "cc", "ccomp", "parataxis", "dep"}
)

# Verbs of stance whose object is what the source said or holds ("criticized Rubio for …",
# "endorsed Clinton", "called him a liar"): PolNeAR annotates the object as the content.
OBJECT_VERBS: frozenset[str] = frozenset(
    {
        "call",
        "describe",
        "criticize",
        "criticise",
        "endorse",
        "support",
        "praise",
        "defend",
        "accuse",
        "propose",
        "announce",
        "cite",
        "question",
        "express",
        "back",
        "oppose",
        "thank",
        "discuss",
        "reject",
        "blame",
        "dismiss",
        "condemn",
        "denounce",
        "deny",
        "predict",
        "recommend",
        "welcome",
        "applaud",
        "attack",
        "mock",
        "blast",
        "slam",
        "decry",
        "tout",
        "acknowledge",
        "admit",
        "reveal",
        "report",
        "demand",
        "promise",
        "pledge",
        "suggest",
        "claim",
        "echo",
        "label",
        "characterize",
        "challenge",
        "favor",
        "favour",
        "prefer",
        "want",
        "seek",
        "urge",
    }
)

# Verbs whose object is the listener, not the words ("told reporters"): never content.
HEARER_VERBS: frozenset[str] = frozenset({"tell", "inform", "remind", "assure", "notify"})

# Verbs whose object is not what was said either: the listener, or another sense of the verb
# ("maintained a lead", "continued the tour", "posted a loss", "advised the campaign").
NOT_CONTENT_OBJECTS: frozenset[str] = HEARER_VERBS | frozenset(
    {"continue", "maintain", "advise", "post", "answer", "signal", "mean", "point"}
)

# Dependents that open an object content, and those that may follow it inside the content
# ("him" + "a liar" + "for continuing …").
OBJECT_DEPS: frozenset[str] = frozenset({"dobj", "oprd"})
OBJECT_TAIL_DEPS: frozenset[str] = frozenset({"oprd", "prep", "xcomp", "ccomp", "attr", "dobj"})

# Prepositions that set the scene of the act ("endorsed Clinton at a rally on Monday") rather
# than finish what was said ("accused him of lying"): PolNeAR's content stops before them.
SETTING_PREPS: frozenset[str] = frozenset({"during", "after", "before", "since", "amid", "at"})

# Title prefixes that label a genre, not a speaker, before a headline colon ("Analysis: …").
HEADLINE_LABELS: frozenset[str] = frozenset(
    {
        "analysis",
        "opinion",
        "exclusive",
        "breaking",
        "watch",
        "video",
        "photos",
        "live",
        "update",
        "editorial",
        "review",
        "interview",
        "commentary",
        "explainer",
        "fact check",
        "breaking news",
        "news guide",
        "correction",
        "podcast",
        "listen",
        "read",
        "editor's note",
        "editor’s note",
        "stat of the week",
    }
)

# Most words a sentence right after a quotation may have and still be its attribution when the
# parser split it off ("“…?” Trump said of Apple."): a longer one is the writer's next claim.
CUE_REACH = 5

# Subordinators that open a reported clause under any verb ("figures that", "wondered
# whether"): with one of these, an unlisted verb still carries an attribution.
REPORT_MARKS: frozenset[str] = frozenset({"that", "whether", "if"})

# Dashes that close a dateline ("RENO, Nev. (AP) —") or an aside inside a source phrase.
DASHES: frozenset[str] = frozenset({"—", "–", "--"})

# Verbs whose stance is stated through a preposition ("called for a ban", "referring to the
# wall", "warned of a crisis"): the preposition belongs to the cue, its object is the content.
PREP_CUES: dict[str, frozenset[str]] = {
    "call": frozenset({"for", "on"}),
    "refer": frozenset({"to"}),
    "point": frozenset({"to"}),
    "talk": frozenset({"about"}),
    "speak": frozenset({"about", "of", "out"}),
    "ask": frozenset({"about"}),
    "warn": frozenset({"of", "about", "against"}),
    "complain": frozenset({"about", "of"}),
    "argue": frozenset({"for", "against"}),
    "push": frozenset({"for"}),
    "advocate": frozenset({"for"}),
    "press": frozenset({"for"}),
    "say": frozenset({"of"}),
    "respond": frozenset({"to"}),
    "comment": frozenset({"on"}),
    "boast": frozenset({"about", "of"}),
    "joke": frozenset({"about"}),
    "rail": frozenset({"against"}),
}

# Relative pronouns that open a writer's aside after a comma (", which surprised many"); PolNeAR
# leaves the aside out of the content.
ASIDE_PRONOUNS: frozenset[str] = frozenset({"which", "who", "whom", "whose"})

# Entity labels that "he" or "she" does not stand for ("the Constitutional Court would rule"),
# unless the same name is labelled a person elsewhere in the article.
NOT_PERSON_LABELS: frozenset[str] = frozenset({"ORG", "GPE", "NORP", "FAC", "LOC"})

# Verbs that state a view without saying whose ("Trump seemed unperturbed"), and verbs whose
# passive does the same ("Cruz is expected to win"): PolNeAR annotates them with no source.
SEEM_VERBS: frozenset[str] = frozenset({"seem", "appear"})
EXPECT_VERBS: frozenset[str] = frozenset({"expect"})

# Dummy subjects that are not part of a view ("it seems that …" is a clause, handled apart).
EXPLETIVES: frozenset[str] = frozenset({"it", "there"})

# Verbs that put a question, and the words that open the question put ("was asked whether
# …"): PolNeAR marks the question as content even when the asker goes unnamed.
QUESTION_VERBS: frozenset[str] = frozenset({"ask"})
QUESTION_WORDS: frozenset[str] = frozenset(
    {"if", "whether", "what", "who", "whom", "why", "how", "when", "where", "which"}
)

# Adjectives that state a stance or intention with "be" ("is eager to tap", "was aware that"):
# PolNeAR reads them as cues, the clause after them as the content.
STANCE_ADJECTIVES: frozenset[str] = frozenset(
    {
        "eager",
        "willing",
        "unwilling",
        "reluctant",
        "determined",
        "confident",
        "aware",
        "certain",
        "convinced",
        "hopeful",
        "optimistic",
        "afraid",
        "worried",
        "concerned",
        "happy",
        "glad",
        "keen",
    }
)

# Verbs that take a clause without reporting one: "that means that …" is the writer's inference,
# and "continued" cues a quotation ("he continued: …") but its clause is an action.
NOT_INDIRECT: frozenset[str] = frozenset({"mean", "continue"})
