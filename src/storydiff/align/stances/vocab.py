"""Named data for the rule-based stance pass (see ``build`` for how each group is used)."""

from __future__ import annotations

import re

# Words that, said by or of an actor about the issue, put it in favour. A trailing "*" lets the
# word take any ending ("support*" covers "supports", "supportive", "supported").
SUPPORT_CUES = (
    "support*",
    "back",
    "backs",
    "backed",
    "backing",
    "welcom*",
    "endors*",
    "favor*",
    "favour*",
    "in favor",
    "in favour",
    "vote for",
    "voted for",
    "votes for",
    "push for",
    "pushed for",
    "call for",
    "calls for",
    "called for",
    "right to",
    "approv*",
    "intention to",
    "wants to",
    "champion*",
    "steered",
    "signed",
    "accept*",
    "tolerat*",
    "agree to",
    "agreed to",
    "help form",
    "help create",
    "defend*",
    "praised",
    "hailed",
    # lobbying for the votes it needs
    "winning over",
    "won over",
    "win over",
    # standing by an agreement already made
    "honour",
    "honours",
    "honoured",
    "honor",
    "honors",
    "honored",
    "stand by",
    "stands by",
    "stood by",
)

# Words that put an actor against it.
OPPOSE_CUES = (
    "oppos*",
    "against",
    "block*",
    "criticis*",
    "criticiz*",
    "critical of",
    "unhelpful",
    "unacceptable",
    "threat",
    "destabiliz*",
    "destabilis*",
    "re-evaluate",
    "reconsider",
    "prevent*",
    "reject*",
    "condemn*",
    "denounc*",
    "does not stipulate",
    "worse",
    "instability",
    "suspend*",
    "suspension",
    "renegotiat*",
    "halt",
    "scrap*",
    "repeal*",
    "cancel*",
    "challenge",
    "protest*",
    "veto*",
    "overrid*",
    "overrode",
    "revers*",
    "objected",
    "objection*",
    "warned against",
    "decried",
    "decry",
    "decries",
    # harm the issue is said to do: an actor who says it destroys something is against it
    "destroy*",
    "smother*",
    "finish off",
    "wipe out",
    "damag*",
    "ruin*",
    "loss of",
    # faulting how it was made or what it is
    "reckless*",
    "giveaway",
    "ignored",
    "sham",
    "abuse of",
    "unconstitutional",
    "overturn*",
    # a legal challenge: taking the issue to court
    "court",
)

# Phrases that contain a cue word but state no stance ("fires back", "signed up to").
FALSE_CUES = (
    "fires back",
    "fired back",
    "hit back",
    "hits back",
    "pushed back",
    "fought back",
    "came back",
    "went back",
    "back up",
    "backed up",
    "signed up",
    # a body part, not backing: "turning our backs on asylum seekers"
    "our backs",
    "their backs",
    "your backs",
    # a hearing the issue would give someone, not a challenge to it
    "day in court",
    # the parliamentary opposition as a body, not opposition to the issue
    "opposition leader",
    "opposition deputies",
    "opposition lawmakers",
    "opposition party",
    "opposition parties",
    "opposition walkout",
)

# In a quotation, another's pronoun as the subject of a cue's clause: the speaker reports that
# person's act ("the reasons he has given for vetoing"), stating no stance of their own.
OTHERS_PRONOUN = re.compile(r"\b(?:he|she|they)\b", re.IGNORECASE)
CLAUSE_MARKS = (",", ";", ".", ":", "—", "“", '"')

# A negation a few words before a cue flips it ("would not tolerate" opposes,
# "will never accept" opposes, "will not be a threat" supports).
NEGATIONS = (
    "not",
    "never",
    "no",
    "n't",
    "n’t",
    "cannot",
    "without",
    "nor",
    "refused to",
    "refuses to",
)
NEGATION_WORDS = 4  # how many words before the cue a negation may stand
CONTRAST_CHARS = 80  # "not against X. We are against Y": how far the contrasting cue may come
RUN_ON_QUOTE_CHARS = 400  # how far back an unattributed quote paragraph may find its speaker

# Consequences that make a conditional a threat: "would resign if lawmakers do not approve"
# (the speaker supports), "would re-evaluate the assistance if the changes are approved" (opposes).
THREAT_WORDS = (
    "resign",
    "re-evaluate",
    "reconsider",
    "withdraw",
    "cut",
    "sanction",
    "suspend",
    "veto",
    "walk out",
    "retaliat",
    "court",
    "legal door",
    "force a",
    "election",
)

# Frames that name the actor after the cue ("a plan opposed by X", "criticism from X").
AGENT_AFTER_CUE = ("by", "from")
AGENT_GAP_CHARS = 30  # "signed two years ago by X": the marker may stand a little after the cue
AGENT_LEAD_CHARS = 40  # "by the country's Serb minority": how far after "by" the agent is named

# Words that may stand between a subject and its cue ("Russia would not tolerate",
# "The United States just announced support", "Dellacourt, who steered").
SUBJECT_GAP_WORDS = frozenset(
    (
        "would",
        "will",
        "could",
        "should",
        "might",
        "may",
        "can",
        "must",
        "shall",
        "not",
        "never",
        "has",
        "have",
        "had",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "being",
        "also",
        "just",
        "still",
        "now",
        "again",
        "did",
        "does",
        "do",
        "n't",
        "said",
        "says",
        "say",
        "told",
        "announced",
        "announces",
        "declared",
        "stated",
        "insisted",
        "made",
        "clear",
        "that",
        "they",
        "it",
        "he",
        "she",
        "we",
        "on",
        "who",
        "which",
        "the",
        "a",
        "an",
        "its",
        "their",
        "his",
        "her",
        "to",
        "strong",
        "strongly",
        "firmly",
        "openly",
        "already",
        "repeatedly",
        "long",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "today",
        "yesterday",
        "drew",
        "voiced",
        "expressed",
        "gave",
        "offered",
        "immediate",
        "its",
        "full",
        "remains",
        "remained",
        "continue",
        "continues",
        "continued",
        "to",
        "want",
        "wants",
    )
)
SUBJECT_GAP_MAX = 6  # words

# A possessor counts as the subject when what it owns is its own proposal ("Thaci's plans call
# for an army"), unlike "Mitchell's statement threatens to destabilize".
OWNED_PROPOSALS = frozenset(
    ("plan", "plans", "proposal", "push", "intention", "bid", "idea", "government", "party", "camp")
)

# Words that join actors named together ("NATO and the United States").
COORDINATORS = frozenset(("and", "or", "the", "as", "well", "both", ",", "its", "their"))

# Nouns that stand for the disputed question once it has been named ("the plan drew criticism").
ISSUE_ANAPHORA = (
    "the plan",
    "his plan",
    "her plan",
    "the plans",
    "his plans",
    "her plans",
    "the move",
    "the proposal",
    "the changes",
    "the bill",
    "the law",
    "the idea",
    "the notion",
    "the deal",
    "the agreement",
    "the decision",
    "the project",
    "steps such as",
    "such steps",
    "these steps",
    "the measure",
    "the reform",
    "such an",
    "the creation",
    "the vote",
    "the result",
    "the outcome",
    "the contract",
    "the concession",
)
# Objects that point back to the issue already named ("would not support it").
ISSUE_PRONOUNS = frozenset(("it", "this", "that", "them", "such"))
ISSUE_WINDOW = 90  # characters either side of a cue in which the issue must be named
ISSUE_OBJECT_CHARS = 60  # how far after a cue its object (the issue) may be named
ISSUE_TERMS_KEPT = 8  # the issue's terms: its leading noun and the nearest rivals
ISSUE_NAME_TERMS = 2  # the issue is named after its leading terms only ("lease", not "vote")
ISSUE_TITLE_WEIGHT = 3  # a headline's wording of the issue counts as three mentions in text
ISSUE_RIVAL_SHARE = 0.4  # a rival is kept when cues take it as object at least this often

# Verbs whose object is asked to act, so a cue after "asked X to" is the asker's stance
# ("Lundria and Carrow asked Kalmere to halt the dredging"), never X's.
ASKING_VERBS = (
    "asked",
    "asks",
    "ask",
    "urged",
    "urges",
    "urge",
    "called on",
    "calls on",
    "pressed",
    "told",
    "tells",
    "begged",
    "requested",
    "appealed to",
)

RELATIVE_CLAUSE_CHARS = 120  # "X, who spent the final week winning over …": clause length
PRONOUN_OWNER_CHARS = 250  # how far back "his party's challenge" may find its owner
SENTENCE_SUBJECT_LEAD = 4  # words before a sentence's opening actor ("Opposition leader")

# A role word right after a country, demonym or organisation makes the person its voice
# ("Albanian Defense Minister", "her Croatian counterpart", "NATO chief", "U.S. ambassador").
ROLE_NOUNS = (
    "minister",
    "counterpart",
    "ambassador",
    "envoy",
    "secretary",
    "chief",
    "president",
    "prime minister",
    "premier",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "foreign minister",
    "defense minister",
    "defence minister",
    "official",
    "diplomat",
    "head",
    "leader",
    "representative",
    "chancellor",
    "commander",
    "delegate",
    "general",
)
ROLE_PREFIX_CHARS = 60  # how far before a person's name to look for "Croatian counterpart, "

# Demonyms that do not start with the country's own name.
IRREGULAR_DEMONYMS = {
    "american": "united states",
    "u.s.": "united states",
    "british": "united kingdom",
    "french": "france",
    "german": "germany",
    "chinese": "china",
    "dutch": "netherlands",
    "greek": "greece",
    "spanish": "spain",
    "swiss": "switzerland",
    "turkish": "turkey",
    "danish": "denmark",
    "swedish": "sweden",
    "finnish": "finland",
    "polish": "poland",
    "irish": "ireland",
    "israeli": "israel",
    "iranian": "iran",
    "iraqi": "iraq",
    "pakistani": "pakistan",
    "thai": "thailand",
    "filipino": "philippines",
    "kosovar": "kosovo",
    "montenegrin": "montenegro",
    "bosnian": "bosnia",
}

# Loaded words (framing_vocab.LOADED_TERMS) that judge the issue when the outlet uses them in
# its own voice: +1 praises it, -1 condemns it. Words of alarm ("crisis") judge no side.
OUTLET_JUDGEMENTS = {
    "reckless": -1,
    "sham": -1,
    "so-called": -1,
    "dubious": -1,
    "illegal": -1,
    "illegitimate": -1,
    "historic": 1,
    "landmark": 1,
    "heroic": 1,
    "bold": 1,
}
OUTLET_MIN_JUDGEMENTS = 2  # one loaded word can slip in; two all one way make a stance


# Last words of a name that make it a text, not an actor: a bill does not support or oppose
# ("Justice Against Sponsors of Terrorism Act — oppose" read the bill's own subject as its
# stance). Those who back or fight it are the holders.
DOCUMENT_WORDS: frozenset[str] = frozenset(
    {"act", "bill", "law", "resolution", "amendment", "treaty", "ordinance", "statute", "code"}
)

# Acts against something: rejecting or overriding one of them is backing what it was against
# ("Congress rejected Obama's veto of the bill", "voted to override his veto": for the bill).
NEGATIVE_ACTS = (
    "veto",
    "vetoes",
    "ban",
    "bans",
    "repeal",
    "objection",
    "objections",
    "opposition",
    "boycott",
    "blockade",
    "moratorium",
)
