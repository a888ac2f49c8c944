"""Entity mentions and roles from spaCy NER, repaired where the small model errs."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from storydiff.analyse.entity_vocab import (
    ACTOR_LABELS,
    MAX_NAME_TOKENS,
    NOT_ORG_ACRONYMS,
    ORG_HEADS,
    ROLE_WORDS,
)
from storydiff.model import Mention, RoleMention

_LEADING_DETERMINERS = frozenset({"the", "The"})


def _trim(span: Span) -> Span | None:
    """Drop leading "the", a trailing possessive and anything before a paragraph break."""
    start, end = span.start, span.end
    doc = span.doc
    for i in range(end - 1, start - 1, -1):
        if "\n" in doc[i].text or "\n" in doc[i].whitespace_:
            if i == end - 1 and "\n" in doc[i].whitespace_:
                continue
            start = i + 1
            break
    while start < end and (doc[start].text in _LEADING_DETERMINERS or doc[start].is_space):
        start += 1
    while end > start and (doc[end - 1].text in ("'s", "'") or doc[end - 1].is_space):
        end -= 1
    if start >= end or end - start > MAX_NAME_TOKENS:
        return None
    return doc[start:end]


def _extend_person(span: Span) -> Span:
    """ "Aaron" + "Wess Mitchell": the small model often stops a name at the first token."""
    doc = span.doc
    end = span.end
    while (
        end < len(doc)
        and doc[end].pos_ == "PROPN"
        and doc[end].text[:1].isupper()
        and not doc[end - 1].whitespace_.count("\n")
        and doc[end].ent_type_ in ("", "PERSON", "ORG")
        and end - span.start < 4
    ):
        end += 1
    return doc[span.start : end]


def _extend_possessive_org(span: Span) -> Span:
    """ "Kosovo's Security Force" is one name; NER sees "Kosovo" and "Security Force"."""
    doc = span.doc
    if span.start >= 2 and doc[span.start - 1].text == "'s" and span[-1].lower_ in ORG_HEADS:
        owner = doc[span.start - 2]
        if owner.ent_type_ == "GPE" and owner.text[:1].isupper():
            return doc[owner.i : span.end]
    return span


def _relabel(span: Span) -> str:
    """Fix the commonest mislabel: a two-word personal name tagged ORG after a title."""
    label = span.label_
    if label == "ORG" and span.start > 0 and span.doc[span.start - 1].lower_ in ROLE_WORDS:
        return "PERSON"
    return label


def extract_mentions(doc: Doc, text: str) -> list[Mention]:
    """Actor mentions with offsets into ``text`` (the original, unfolded article text)."""
    mentions: list[Mention] = []
    for ent in doc.ents:
        if ent.label_ not in ACTOR_LABELS:
            continue
        span = _trim(ent)
        if span is None or not span.text[:1].isupper():
            continue
        label = _relabel(ent)
        if label == "PERSON":
            span = _extend_person(span)
        elif label == "ORG":
            span = _extend_possessive_org(span)
        start, end = span.start_char, span.end_char
        mentions.append(Mention(start, end, text[start:end], label))
    mentions += _untagged_acronyms(doc, text)
    return sorted(mentions, key=lambda m: m.start)


def _untagged_acronyms(doc: Doc, text: str) -> list[Mention]:
    """ "A KFOR mission": all-capital short forms the model missed are organisations."""
    found = []
    for token in doc:
        word = token.text
        if (
            not token.ent_type_
            and 2 <= len(word) <= 6
            and word.isalpha()
            and word.isupper()
            and word not in NOT_ORG_ACRONYMS
            and token.pos_ in ("PROPN", "NOUN", "ADJ")
            and not _in_capitalised_line(token)
        ):
            found.append(Mention(token.idx, token.idx + len(word), word, "ORG"))
    return found


def _in_capitalised_line(token: Token) -> bool:
    """Headlines in capitals are not a run of acronyms."""
    line = token.sent.text
    letters = [c for c in line if c.isalpha()]
    return len(letters) > 12 and sum(c.isupper() for c in letters) > 0.6 * len(letters)


def _title_word(token: Token) -> bool:
    """A word that can sit inside a title run: "Serbian", "Maritime", "opposition"."""
    if token.ent_type_ in ("NORP", "GPE", "ORG") and token.text[:1].isupper():
        return True
    sentence_initial_word = token.is_sent_start and token.pos_ != "PROPN"
    if token.ent_type_ in ("DATE", "TIME") or (
        sentence_initial_word and token.dep_ not in ("compound", "amod")
    ):
        return False
    capitalised_noun = token.text[:1].isupper() and token.pos_ in ("PROPN", "NOUN", "ADJ")
    modifier = token.dep_ in ("compound", "amod") and token.pos_ in ("NOUN", "ADJ", "PROPN")
    return capitalised_noun or modifier


def _role_before(span: Span) -> Span | None:
    """ "Serbian Prime Minister Aleksandar Vucic", "opposition leader Oskar Venn": the title
    run right before the name, which must contain a role word."""
    doc = span.doc
    i = span.start - 1
    has_role_word = False
    while i >= 0 and "\n" not in doc[i].whitespace_:
        token = doc[i]
        if token.lower_ in ROLE_WORDS:
            has_role_word = True
        elif not _title_word(token) or i < span.start - 6:
            break
        i -= 1
    start = i + 1
    while (
        start < span.start and doc[start].lower_ not in ROLE_WORDS and not _title_word(doc[start])
    ):
        start += 1
    # a leading modifier that is not part of the title ("Velmara's") is dropped
    while start < span.start and doc[start].text in ("'s", "'"):
        start += 1
    if not has_role_word or start >= span.start:
        return None
    return doc[start : span.start]


def _role_appositive(span: Span) -> Span | None:
    """ "Milovan Drecun, chairman of …" and "Hashim Thaci, the president of Kosovo"."""
    doc = span.doc
    for child in span.root.children:
        if child.dep_ == "appos" and child.i >= span.end:
            sub = list(child.subtree)
            phrase = doc[sub[0].i : sub[-1].i + 1]
            if any(t.lower_ in ROLE_WORDS for t in phrase) and len(phrase) <= 12:
                return phrase
    return None


def extract_roles(doc: Doc, text: str, mentions: list[Mention]) -> list[RoleMention]:
    """Titles attached to people, each at its offsets so a dossier can cite and date it."""
    roles: list[RoleMention] = []
    for mention in mentions:
        if mention.label != "PERSON":
            continue
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None:
            continue
        for role in (_role_before(span), _role_appositive(span)):
            if role is not None:
                title = text[role.start_char : role.end_char].strip(" ,")
                if title.lower().startswith(("the ", "a ")):
                    title = title.split(" ", 1)[1]
                roles.append(RoleMention(mention.text, title, role.start_char, role.end_char))
    return roles
