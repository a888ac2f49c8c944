"""Named word lists the attribution extractor reads; every group says why it exists.

Kept apart from the logic (as trafilatura keeps its XPaths) so that a reviewer can widen or
narrow a list without reading the parser code, and so tests can point at the data.
"""

from __future__ import annotations

# Verbs whose subject is a speaker and whose clausal complement is what was said. The core of
# news attribution ("said", "told"); lemmas, because spaCy gives us the lemma of any tense.
SPEECH_VERBS: frozenset[str] = frozenset(
    {
        "say", "tell", "add", "state", "declare", "announce", "explain", "note", "remark",
        "comment", "reply", "respond", "answer", "write", "tweet", "post", "report", "claim",
        "assert", "insist", "argue", "contend", "maintain", "stress", "underscore", "emphasize",
        "emphasise", "warn", "caution", "predict", "suggest", "acknowledge", "admit", "concede",
        "confirm", "deny", "reveal", "disclose", "allege", "charge", "complain", "decry",
        "denounce", "condemn", "criticize", "criticise", "praise", "urge", "promise", "pledge",
        "vow", "threaten", "ask", "demand", "recall", "continue", "conclude", "observe",
        "point", "mention", "testify", "tout", "boast", "quip", "joke", "muse", "concur",
        "agree", "hint", "indicate", "signal", "reiterate", "repeat", "proclaim", "affirm",
        "counter", "retort", "shout", "yell", "whisper", "cry", "scream", "rule", "order",
        "advise", "inform", "assure", "remind", "notify", "estimate", "forecast", "speculate",
        "accuse", "blast", "slam", "call", "describe", "characterize",
    }
)

# Verbs of belief and intention: PolNeAR (and careful readers) count "X believes that ..." as
# an attribution too, but a dossier of quotes should not, so they are kept separate and only
# used when a caller asks for cognitive attributions.
COGNITION_VERBS: frozenset[str] = frozenset(
    {"believe", "think", "feel", "know", "expect", "hope", "fear", "worry", "doubt", "suspect",
     "understand", "realize", "recognize", "conclude", "decide", "find", "show", "suggest"}
)

# Verbs of intention whose infinitive is the attributed content ("vowed to repeal"); PolNeAR
# annotates them, a quote dossier does not, so they too run only in cognitive mode.
INTENT_VERBS: frozenset[str] = frozenset(
    {"want", "plan", "vow", "refuse", "decline", "promise", "pledge", "seek", "intend",
     "threaten", "hope", "aim", "expect", "urge", "call"}
)

# Verbs that take a quoted noun phrase as their object ("decried the 'nationalistic rhetoric'"),
# which is how a partial quote is told apart from scare quotes: the fragment is what the
# subject said, not the writer's distance from a word.
FRAGMENT_VERBS: frozenset[str] = SPEECH_VERBS | {"call", "describe", "dismiss", "label", "term"}

# Nouns that carry speech when they are the subject ("The letter decried ...", "the statement
# said ..."): the speaker is whoever wrote or gave it, named earlier in the article.
CHANNEL_NOUNS: frozenset[str] = frozenset(
    {
        "letter", "statement", "interview", "tweet", "post", "report", "memo", "email", "e-mail",
        "speech", "briefing", "conference", "communique", "communiqué", "release", "op-ed",
        "article", "column", "editorial", "blog", "broadcast", "video", "message", "note",
        "petition", "declaration", "document", "filing", "complaint", "lawsuit", "study",
        "survey", "poll", "appearance", "address", "remarks", "testimony", "hearing", "podcast",
        "show", "program", "programme", "radio", "television", "channel", "newspaper",
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
        "minister", "official", "aide", "leader", "lawmaker", "deputy", "diplomat", "spokesman",
        "spokeswoman", "spokesperson", "representative", "member", "senator", "congressman",
        "legislator", "MP", "mp", "envoy", "ambassador", "negotiator", "source", "analyst",
        "expert", "adviser", "advisor", "president", "secretary", "chief", "head", "governor",
        "mayor", "general", "commander", "officer", "counterpart", "partner", "ally",
        "authority", "government", "administration", "campaign", "party", "committee",
        "ministry", "alliance", "delegation", "team", "staff", "spokespeople", "people",
        "critic", "supporter", "opponent", "voter", "resident", "protester", "activist",
        "observer", "participant", "candidate", "director", "executive", "manager",
    }
)

# Personal pronouns that may stand for a person speaker; "it"/"they" also stand for
# organisations and groups, so they get their own lists.
PERSON_PRONOUNS: frozenset[str] = frozenset({"he", "she", "him", "her"})
FIRST_PERSON_PRONOUNS: frozenset[str] = frozenset({"i", "we"})
ORG_PRONOUNS: frozenset[str] = frozenset({"it"})
PLURAL_PRONOUNS: frozenset[str] = frozenset({"they", "them"})
RELATIVE_PRONOUNS: frozenset[str] = frozenset({"who", "which", "that"})

# Entity labels that can speak. NORP ("Serbs said") and GPE ("Russia says") do speak in news.
SPEAKER_LABELS: frozenset[str] = frozenset({"PERSON", "ORG", "GPE", "NORP"})

# Words spaCy's small model often folds into a PERSON span, stripped so that "President
# Hashim Thaci" and "Hashim Thaci" are one speaker.
TITLE_WORDS: frozenset[str] = frozenset(
    {
        "president", "prime", "minister", "secretary", "general", "chairman", "chairwoman",
        "senator", "sen.", "rep.", "gov.", "mr.", "mrs.", "ms.", "dr.", "mr", "mrs", "ms", "dr",
        "sir", "lord", "lady", "king", "queen", "prince", "chancellor", "ambassador", "mayor",
        "governor", "judge", "justice", "the", "spokesman", "spokeswoman", "gen.", "col.",
        "lt.", "capt.", "adm.", "rev.", "pope", "deputy", "vice", "foreign", "defense",
        "defence", "assistant", "state",
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
