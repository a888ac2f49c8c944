"""Stances: who is for or against the story's issue, per article, and who changed over time.

A rule-based pass over stored records (sentences, mentions, quotes with resolved speakers).
Each support/oppose cue near the issue casts a vote for the actor it belongs to:

1. the agent of a passive or prepositional frame ("a plan opposed by X and Y", "criticism from X");
2. inside reported speech: the speakers (pronoun subjects arrive resolved by the quote
   extractor), and a subject named inside the quote ("Russia would not tolerate"); a cue inside
   a conditional threat flips ("would resign if MPs do not approve"); a paragraph that opens
   with a quotation mark and names no one goes on quoting the last speaker;
3. otherwise the actor the words around the cue name (``actors``): the asker of "asked X
   to halt", the subject just before it, the name a relative clause hangs on, the owner of
   "his party's challenge", the actor that opens the sentence.

A negated cue flips, unless it only sets up a contrast ("not against ships … against a deal")
or its object is something else. A person also votes for the country or organisation their
role names ("NATO Secretary General"); an outlet judging the issue in its own voice takes a
stance too (``outlet``).
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from itertools import pairwise

from storydiff.align.entities import EntityIndex
from storydiff.align.framing import enclosing_marks
from storydiff.align.stances.actors import (
    Scope,
    agents_after,
    asker,
    pronoun_owner,
    relative_subject,
    sentence_subject,
    subjects_before,
)
from storydiff.align.stances.affiliation import (
    RolesByArticle,
    affiliations,
    group_of,
    roles_by_article,
)
from storydiff.align.stances.cues import (
    CUE_PATTERN,
    cue_sign,
    is_false_cue,
    is_thing_clause,
    object_of_cue,
)
from storydiff.align.stances.issue import near_issue, object_names_issue
from storydiff.align.stances.outlet import outlet_stance
from storydiff.align.stances.vocab import (
    CLAUSE_MARKS,
    CONTRAST_CHARS,
    DOCUMENT_WORDS,
    NEGATION_WORDS,
    NEGATIONS,
    OTHERS_PRONOUN,
    RUN_ON_QUOTE_CHARS,
    THREAT_WORDS,
)
from storydiff.align.terms import terms
from storydiff.lexicon.datelines import DATELINE
from storydiff.model import (
    Analysis,
    Article,
    Citation,
    Quote,
    Stance,
    StanceChange,
    StanceValue,
)

__all__ = ["build_stances"]


@dataclass(frozen=True, slots=True)
class Vote:
    """One cue's verdict for one actor in one article."""

    actor: str
    article: str
    sign: int
    evidence: Citation


def _negated(text: str, cue_start: int) -> bool:
    """A negation among the few words before the cue, within its clause."""
    before = text[max(0, cue_start - 60) : cue_start]
    before = re.split(r"[,;:.!?]", before)[-1].lower()
    words = before.replace("n’t", " n’t").replace("n't", " n't").split()[-NEGATION_WORDS:]
    joined = " ".join(words)
    return any(n in words or (" " in n and n in joined) for n in NEGATIONS)


def _contrasted(text: str, cue: str, cue_end: int) -> bool:
    """The same cue follows soon without a negation ("We are not against ships. We are
    against a deal"): the negated one only sets up the contrast."""
    tail = text[cue_end : cue_end + CONTRAST_CHARS]
    again = re.search(r"\b" + re.escape(cue) + r"\b", tail, re.I)
    return again is not None and not _negated(text, cue_end + again.start())


def _if_clause(sentence: str, at: int) -> bool:
    """The cue stands in an "if"/"unless" clause of its sentence."""
    head = sentence[:at].lower()
    opener = max(
        head.rfind(" if "),
        head.rfind("“if "),
        head.rfind('"if '),
        1 if head.startswith("if ") else -1,
        head.rfind(" unless "),
    )
    return opener >= 0 and not re.search(r"[;.]", head[opener:])


def _threat(sentence: str) -> bool:
    lower = sentence.lower()
    return any(w in lower for w in THREAT_WORDS)


def _cue_actors(
    scope: Scope,
    sent_start: int,
    sent_end: int,
    match: re.Match[str],
    sign: int,
    issue: set[str],
) -> list[tuple[str, int]]:
    """Who holds the stance a cue expresses, and with which sign."""
    text = scope.article.text
    sentence = text[sent_start:sent_end]
    cue_start, cue_end = sent_start + match.start(), sent_start + match.end()
    dateline = DATELINE.match(sentence)  # "WASHINGTON — The court …": the outlet's, no actor
    floor = sent_start + (dateline.end() if dateline and dateline.end() <= match.start() else 0)
    agents = agents_after(scope, cue_start, cue_end, sent_end)
    if agents:  # reporting a stance, never conditional
        return [(a, sign) for a in agents]
    if _negated(text, cue_start):
        if _contrasted(text, match.group(0), cue_end) or not object_names_issue(
            text, cue_end, issue
        ):
            return []  # "not against ships … against a deal": it denies a stance on another thing
        sign = -sign
    if _if_clause(sentence, match.start()):
        if not _threat(sentence):
            return []
        sign = -sign
        holders = [q for q in scope.quotes if q.start <= cue_start < q.end]
        head = sentence[: match.start()].lower()
        cut = sent_start + max(head.rfind(" if "), head.rfind(" unless "), 0)
        if holders:
            return [(s, sign) for q in holders for s in q.speakers]
        return [(a, sign) for a in subjects_before(scope, floor, cut)]
    quote = next((q for q in scope.quotes if q.start <= cue_start < q.end), None)
    if quote is not None:
        inner = subjects_before(scope, max(quote.start, floor), cue_start)
        if (
            quote.kind == "direct"
            and not inner
            and _someone_elses_act(scope, quote, max(quote.start, floor), cue_start)
        ):
            return []
        return [(a, sign) for a in dict.fromkeys([*quote.speakers, *inner])]
    run_on = _run_on_speakers(scope, cue_start)
    if run_on is not None:
        return [(a, sign) for a in run_on]
    return [(a, sign) for a in _holders(scope, floor, cue_start)]


def _someone_elses_act(scope: Scope, quote: Quote, floor: int, cue_start: int) -> bool:
    """In a speaker's own words, a cue whose clause has another person in it (a pronoun or a
    person named) reports that person's act, not the speaker's stance: "I respect the
    reasons he has given for vetoing the act," said a senator who voted to override the veto;
    "We believe Lewis was the one that fired those rounds against the other man," said a
    police spokesman. (In reported speech, "they said they would support" is themselves.)"""
    clause = scope.article.text[floor:cue_start]
    start = floor + max(clause.rfind(mark) for mark in CLAUSE_MARKS) + 1
    if OTHERS_PRONOUN.search(scope.article.text, start, cue_start) is not None:
        return True
    return any(
        e not in quote.speakers and scope.is_person(e)  # not "A Kosovo army goes against"
        for _, e in scope.entity_mentions(start, cue_start)
    )


def _run_on_speakers(scope: Scope, cue_start: int) -> list[str] | None:
    """A paragraph that opens with a quotation mark and names no speaker goes on quoting the
    last speaker (news style for a quote that runs across paragraphs); None when the cue is not
    in such a paragraph."""
    text = scope.article.text
    marks = enclosing_marks(text, cue_start)
    paragraph = text.rfind("\n", 0, cue_start) + 1
    if marks is None or marks[0] != paragraph:
        return None
    earlier = [q for q in scope.quotes if q.end <= paragraph]
    if not earlier or paragraph - earlier[-1].end > RUN_ON_QUOTE_CHARS:
        return None
    return earlier[-1].speakers


def _holders(scope: Scope, sent_start: int, cue_start: int) -> list[str]:
    """The actor of a cue in the writer's own words: the first frame that fits, tightest first."""
    for finder in (asker, subjects_before, relative_subject, pronoun_owner, sentence_subject):
        found = finder(scope, sent_start, cue_start)
        if found:
            return found
    return []


def _article_votes(
    article: Article,
    analysis: Analysis,
    article_id: str,
    index: EntityIndex,
    issue: set[str],
    quotes: list[Quote],
    roles: RolesByArticle | None = None,
) -> list[Vote]:
    mentions = [
        (m, e)
        for m in sorted(analysis.mentions, key=lambda m: m.start)
        if (e := index.by_span.get((article.key, m.start, m.end))) is not None
    ]
    scope = Scope(article, article_id, index, mentions, quotes)
    speaks_for = affiliations(article, analysis, article_id, index, roles)
    text = article.text
    votes: list[Vote] = []
    for sent in analysis.sentences:
        sentence = text[sent.start : sent.end]
        previous_end = -1
        for match in CUE_PATTERN.finditer(sentence):
            at, to = sent.start + match.start(), sent.start + match.end()
            acted_on = object_of_cue(sentence, previous_end, match)
            previous_end = match.end()
            if acted_on or is_false_cue(text, at, to) or is_thing_clause(text, at):
                continue
            quote = next((q for q in quotes if q.start <= at < q.end), None)
            scope_text = quote.text if quote is not None else ""
            if not (
                near_issue(text, at, to, issue) or (quote is not None and terms(scope_text) & issue)
            ):
                continue
            evidence = Citation(article_id, sent.start, sent.end, sentence.strip())
            for actor, sign in _cue_actors(
                scope, sent.start, sent.end, match, cue_sign(match), issue
            ):
                for holder in dict.fromkeys([actor, *speaks_for.get(actor, [])]):
                    votes.append(Vote(holder, article_id, sign, evidence))
    return votes


def _value(signs: list[int]) -> StanceValue:
    pro, con = signs.count(1), signs.count(-1)
    if pro > con:
        return "support"
    if con > pro:
        return "oppose"
    return "mixed" if pro else "neutral"


def build_stances(
    articles: list[Article],
    analyses: dict[str, Analysis],
    ids: dict[str, str],
    dates: dict[str, str | None],
    index: EntityIndex,
    issue_name: str | None,
    issue: set[str],
    quotes: list[Quote],
) -> tuple[list[Stance], list[StanceChange]]:
    """Stances per actor and article, and the actors whose stance changed over time."""
    votes: list[Vote] = []
    outlets: list[Stance] = []
    quotes_in: dict[str, list[Quote]] = defaultdict(list)
    for quote in quotes:
        quotes_in[quote.article].append(quote)
    roles = roles_by_article(index)
    for article in articles:
        if article.duplicate_of is not None:
            continue
        article_id, analysis = ids[article.key], analyses[article.key]
        article_quotes = quotes_in.get(article_id, [])
        votes += _article_votes(article, analysis, article_id, index, issue, article_quotes, roles)
        own = outlet_stance(
            article, analysis, article_id, dates[article.key], (issue_name, issue), article_quotes
        )
        outlets += [own] if own is not None else []
    grouped: dict[tuple[str, str], list[Vote]] = defaultdict(list)
    for vote in votes:
        if not _can_hold(vote.actor, index):
            continue
        grouped[(vote.actor, vote.article)].append(vote)
    date_of = {ids[k]: v for k, v in dates.items()}
    stances: list[Stance] = []
    for (actor, article_id), vs in grouped.items():
        value = _value([v.sign for v in vs])
        if value == "neutral":
            continue
        leading = [v for v in vs if value == "mixed" or v.sign == (1 if value == "support" else -1)]
        stances.append(
            Stance(
                actor=actor,
                actor_name=index.name_of(actor) or actor,
                issue=issue_name or "",
                article=article_id,
                date=date_of.get(article_id),
                stance=value,
                evidence=list(dict.fromkeys(v.evidence for v in leading))[:3],
            )
        )
    stances += outlets
    stated = {ids[a.key] for a in articles if a.published}
    return stances, stance_changes([s for s in stances if s.article in stated])


def _can_hold(entity_id: str, index: EntityIndex) -> bool:
    """A person, or a group that can act: not a text ("… Terrorism Act") and not a bare
    adjective that names no country or people ("Democratic"; "Democrats" can hold one)."""
    entity = next((e for e in index.entities if e.id == entity_id), None)
    if entity is None:
        return False
    if entity.type == "PERSON":
        return True
    group = group_of(entity_id, index)
    name = entity.name.strip()
    if group is None or not name or name.split()[-1].lower() in DOCUMENT_WORDS:
        return False
    return not (entity.type == "NORP" and group == entity_id and not name.endswith("s"))


def stance_changes(stances: list[Stance]) -> list[StanceChange]:
    """Reversals between articles whose dates are stated, never estimated: an estimate is an
    interval (a term of office, a year mentioned), and two overlapping intervals order nothing.
    Dates of unequal precision are compared at the coarser one ("2017" and "2017-03" tie)."""
    by_actor: dict[str, list[Stance]] = defaultdict(list)
    for stance in stances:
        if stance.date and stance.stance in ("support", "oppose"):
            by_actor[stance.actor or stance.actor_name].append(stance)
    changes = []
    for items in by_actor.values():
        items.sort(key=lambda s: s.date or "")
        for before, after in pairwise(items):
            if before.stance != after.stance and _before(before.date or "", after.date or ""):
                changes.append(StanceChange(after.actor, after.actor_name, before, after))
    return changes


def _before(earlier: str, later: str) -> bool:
    """Whether ``earlier`` falls before ``later`` at the precision both give."""
    n = min(len(earlier), len(later))
    return earlier[:n] < later[:n]
