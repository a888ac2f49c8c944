"""Who a reporting verb's subject is: names, pronouns, groups and documents resolved in-article.

The subject of "said" is often not a name: "he", "the ministers", "NATO officials", "the
letter". Each is resolved against the article itself (never a knowledge base), so a speaker
is always something the reader can find in the text.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import pairwise

from spacy.tokens import Doc, Span, Token

from storydiff.analyse.quotes import vocab
from storydiff.lexicon.names import NAME_SUFFIXES


@dataclass(frozen=True, slots=True)
class Speaker:
    """A resolved speaker: the name, where it is written in full, and the local mention."""

    name: str
    start: int  # the mention naming the speaker (the full-name one when resolved)
    end: int
    local_start: int  # the subject phrase at the cue ("he", "the ministers")
    local_end: int
    co_speakers: tuple[str, ...] = ()
    channel: str | None = None


@dataclass(slots=True)
class SpeakerIndex:
    """Entity mentions of one article outside quotations, for resolving names and pronouns."""

    doc: Doc
    quoted: list[tuple[int, int]]
    ents: list[Span] = field(default_factory=list)
    names: list[Span] = field(default_factory=list)
    _cleaned: list[tuple[tuple[str, int, int], Span]] | None = None
    _genders: dict[str, str | None] | None = None

    def __post_init__(self) -> None:
        text = doc_text(self.doc)
        self.ents = [
            e
            for e in self.doc.ents
            if e.label_ in vocab.SPEAKER_LABELS
            and not self.in_quote(e.start_char)
            and any(t.pos_ == "PROPN" for t in e)
            and not _affiliation(text, e)
            and not (e.label_ == "PERSON" and _a_place(e))
        ]
        self.names = [
            n
            for n in (flat_name(t) for t in self.doc if t.pos_ == "PROPN")
            if n is not None and not self.in_quote(n.start_char) and not _affiliation(text, n)
        ]

    def cleaned(self) -> list[tuple[tuple[str, int, int], Span]]:
        """Every name mention with its cleaned form, computed once per article."""
        if self._cleaned is None:
            self._cleaned = [(clean_name(e), e) for e in self.ents + self.names]
        return self._cleaned

    def gender(self, name: str) -> str | None:
        """ "M" or "F" when a title or a kinship word beside a mention of ``name`` (as
        ``clean_name`` gives it) says so and no mention says otherwise; else None."""
        if self._genders is None:
            seen: dict[str, set[str]] = {}
            for (cleaned, _, _), span in self.cleaned():
                said = _stated_gender(span)
                if said is not None:
                    seen.setdefault(cleaned, set()).add(said)
            self._genders = {n: next(iter(g)) if len(g) == 1 else None for n, g in seen.items()}
        return self._genders.get(name)

    def fits(self, span: Span, gender: str | None) -> bool:
        """The mention can be a person of ``gender`` (None: any)."""
        if gender is None:
            return True
        known = self.gender(clean_name(span)[0])
        return known is None or known == gender

    def in_quote(self, pos: int) -> bool:
        """True when ``pos`` lies inside a quotation, whose names are not the writer's."""
        return any(s <= pos < e for s, e in self.quoted)


def _affiliation(text: str, mention: Span) -> bool:
    """The mention is a lawmaker's party and home ("D-Charleston"), not a name."""
    before = text[max(0, mention.start_char - 3) : mention.start_char]
    return vocab.PARTY_AFFILIATION.search(before) is not None


def doc_text(doc: Doc) -> str:
    """``doc.text``, built once: spaCy joins every token on each access, which is quadratic."""
    cached = doc.user_data.get("storydiff.text")
    if not isinstance(cached, str):
        cached = doc.text
        doc.user_data["storydiff.text"] = cached
    return cached


def _who(tok: Token) -> bool:
    """The name has a relative clause opened by "who": a person, whatever the model says."""
    return any(c.dep_ == "relcl" and c.left_edge.lower_ == "who" for c in tok.children)


def _a_place(span: Span) -> bool:
    """A name the small model calls a person that the text shows is a place: "in Suka Makmur
    village", "the Bireun district"."""
    doc = span.doc
    after = doc[span.end].lower_ if span.end < len(doc) else ""
    root = span.root
    head = root.head
    where = root.dep_ == "pobj" and (
        head.lower_ in ("in", "at", "near", "outside") or head.head.lower_ in vocab.PLACE_NOUNS
    )  # "in Suka Makmur", "the town of Bireun"
    named = root.dep_ == "appos" and head.lower_ in vocab.PLACE_NOUNS  # "the capital, Banda Aceh"
    return after in vocab.PLACE_NOUNS or where or named


def _stated_gender(span: Span) -> str | None:
    """What the words beside one mention say of the person's sex: a title ("Mr. Conway"), a
    kinship word before ("her son Matthew Denice") or in an apposition after it ("George
    Conway, a lawyer and the husband of …")."""
    doc = span.doc
    before = [doc[k].lower_ for k in range(max(span.start - 1, 0), span.start + 1)]
    for word in before:
        if word in vocab.GENDER_TITLES:
            return vocab.GENDER_TITLES[word]
    if span.start > 0 and doc[span.start - 1].lower_ in vocab.KINSHIP_GENDER:
        return vocab.KINSHIP_GENDER[doc[span.start - 1].lower_]
    after = doc[span.end : min(span.end + 10, span.sent.end)]
    if len(after) and after[0].text == ",":
        for tok, nxt in pairwise(after):
            if tok.text in (".", ";"):
                break
            if tok.lower_ in vocab.KINSHIP_GENDER and nxt.lower_ == "of":
                return vocab.KINSHIP_GENDER[tok.lower_]
    return None


def flat_name(tok: Token) -> Span | None:
    """A proper noun with the proper nouns compounded before it ("Hashim Thaci"), as a span.

    Built from the parse, not NER: the small model often labels a person ORG or nothing.
    """
    if tok.pos_ != "PROPN" or tok.dep_ == "compound":
        return None
    doc = tok.doc
    start = tok.i
    while (
        start > 0
        and doc[start - 1].dep_ == "compound"
        and doc[start - 1].pos_ == "PROPN"
        and doc[start - 1].head.i == tok.i
    ):
        start -= 1
    owner = next((c for c in tok.children if c.dep_ == "poss" and c.pos_ == "PROPN"), None)
    if owner is not None and owner.i < tok.i and start == tok.i:
        first = owner.left_edge.i + (owner.left_edge.dep_ == "det")
        if all(t.pos_ == "PROPN" or t.tag_ == "POS" for t in doc[first : tok.i]):
            start = first  # "The Tulare County Sheriff's Office" is one name, not "Office"
    while start < tok.i and (
        doc[start].lower_ in vocab.TITLE_WORDS
        or doc[start].ent_type_ in vocab.NOT_NAME_LABELS
        or doc[start].ent_type_ not in ("", "PERSON", doc[tok.i].ent_type_)
    ):
        start += 1  # "NATO Secretary General Jens Stoltenberg", "Last February Vucic"
    return doc[start : tok.i + 1]


def clean_name(span: Span) -> tuple[str, int, int]:
    """The name without leading titles, articles and a trailing possessive."""
    toks = list(span)
    titles = vocab.TITLE_WORDS if span.label_ != "ORG" else frozenset({"the"})
    while len(toks) > 1 and (toks[0].lower_ in titles or toks[0].lower_ in vocab.NAME_OPENERS):
        toks = toks[1:]
    # an office after an organisation's name: "CREDO Political Director | Murshed Zaheed"
    offices = [k for k, t in enumerate(toks[:-2]) if t.lower_ in titles and t.lower_ != "the"]
    if offices and all(t.pos_ == "PROPN" for t in toks[offices[-1] + 1 :]):
        toks = toks[offices[-1] + 1 :]
    while len(toks) > 1 and toks[-1].text in ("'s", "’s", "'"):
        toks = toks[:-1]
    if toks and toks[-1].text.endswith(("'s", "’s")):
        last = toks[-1]
        start, end = toks[0].idx, last.idx + len(last.text) - 2
    else:
        start, end = toks[0].idx, toks[-1].idx + len(toks[-1].text)
    return doc_text(span.doc)[start:end], start, end


def _fullest(index: SpeakerIndex, ent: Span) -> tuple[str, int, int]:
    """The longest name in the article that ends with this one's surname ("Drecun")."""
    name, start, end = clean_name(ent)
    if ent.label_ not in ("PERSON", ""):
        return name, start, end
    words = name.split()
    best = (name, start, end)
    gender = _stated_gender(ent) or index.gender(name)
    for cand, other in index.cleaned():
        cwords = cand[0].split()
        if (
            cwords
            and _surname(cwords) == _surname(words)
            and index.fits(other, gender)  # "Mr. Trump" is not "Ivanka Trump"
            and len(cwords) > len(best[0].split())
            and (all(w in cwords for w in words) or other.label_ == "PERSON")
        ):
            best = cand
    return best


def _surname(words: list[str]) -> str:
    """The family name: "George T. Conway III" is a Conway."""
    while len(words) > 1 and words[-1].lower().rstrip(",") in NAME_SUFFIXES:
        words = words[:-1]
    return words[-1]


def _ent_at(index: SpeakerIndex, tok: Token, labels: frozenset[str]) -> Span | None:
    for ent in index.ents:
        if ent.start <= tok.i < ent.end and ent.label_ in labels:
            return ent
    return None


def _local(tok: Token) -> tuple[int, int]:
    """The subject phrase as written: the token's subtree, trimmed of edge punctuation."""
    text = doc_text(tok.doc)
    clauses = [
        c for c in tok.children if c.dep_ in ("acl", "advcl") and c.i > tok.i
    ]  # a participle ("Kirk, speaking …") ends the source; "Kirk, who …," runs on, as PolNeAR
    cut = min((c.left_edge.i for c in clauses), default=tok.right_edge.i + 1)
    toks = [
        t
        for t in tok.subtree
        if t.i < cut and "\n" not in text[min(t.idx, tok.idx) : max(t.idx, tok.idx)]
    ]
    if tok.lower_ in vocab.RELATIVE_PRONOUNS:
        toks = [tok]
    dateline = [
        k
        for k, t in enumerate(toks[1:], 1)
        if t.text in vocab.DASHES and toks[k - 1].text == ")" and toks[k - 1].i < tok.i
    ]
    if dateline:
        toks = toks[dateline[-1] + 1 :]  # "RENO, Nev. (AP) — Donald Trump"
    while len(toks) > 1 and (
        toks[0].is_space
        or (toks[0].is_punct and not (toks[0].is_quote and any(t.is_quote for t in toks[1:])))
    ):
        toks = toks[1:]
    while len(toks) > 1 and (
        toks[-1].is_space
        or (toks[-1].is_punct and not (toks[-1].text == ")" and any(t.text == "(" for t in toks)))
    ):
        toks = toks[:-1]
    return toks[0].idx, _closing_comma(toks)


def _closing_comma(toks: list[Token]) -> int:
    """End of the phrase, with the comma or dash that closes an appositive inside it.

    PolNeAR writes "Graham, a former candidate," as the source: the pair of commas is kept.
    """
    last = toks[-1]
    end = last.idx + len(last.text)
    inner = {t.text for t in toks[1:]} & (vocab.DASHES | {","})
    doc = last.doc
    nxt = doc[last.i + 1] if last.i + 1 < len(doc) else None
    if nxt is not None and nxt.text in inner and nxt.idx == end:
        return end + len(nxt.text)
    return end


def _recent(
    index: SpeakerIndex,
    before: int,
    labels: frozenset[str],
    reported: frozenset[int],
    gender: str | None = None,
) -> Span | None:
    """The last mention with one of ``labels`` that ends before ``before``, outside the
    words ``reported``, that can be a person of ``gender``."""
    best: Span | None = None
    for ent in index.ents:
        if (
            ent.end_char <= before
            and ent.label_ in labels
            and ent.root.i not in reported
            and (ent.label_ != "PERSON" or index.fits(ent, gender))
        ):
            best = ent
    return best


def _reported_words(verb: Token) -> frozenset[int]:
    """The words a reporting verb reports: its clausal complement, or, when the verb trails
    its report ("Zamora went to the home…, he said"), the clause it hangs on. Whoever "he" is,
    it is not someone the report itself is about: a speaker says "I", not his own name."""
    out = {t.i for c in verb.children if c.dep_ == "ccomp" for t in c.subtree}
    head = verb.head
    text = doc_text(verb.doc)
    if (
        verb.dep_ in _TRAILING_DEPS
        and verb.lemma_.lower() in vocab.SPEECH_VERBS  # not "…, but he released a statement"
        and head.i < verb.i
        and head.lemma_.lower() not in vocab.SPEECH_VERBS
        and "\n" not in text[head.idx : verb.idx]
    ):  # not "Icahn told Reuters: “…”\n\n“…,” he added", which the parse may join
        own = {t.i for t in verb.subtree}
        out |= {t.i for t in head.subtree if t.i not in own}
    return frozenset(out)


_TRAILING_DEPS = frozenset({"parataxis", "ccomp", "advcl", "conj"})


def _chain(tok: Token) -> list[Token]:
    """The words joined to ``tok`` by "and" or apposition: "Kodheli and her counterpart,
    Krsticevic" is one chain of three, from its first conjunct."""
    top = tok
    while top.dep_ in ("conj", "appos") and top.head is not top:
        top = top.head
    out, todo = [], [top]
    while todo:
        node = todo.pop()
        out.append(node)
        todo.extend(c for c in node.children if c.dep_ in ("conj", "appos"))
    return sorted(out, key=lambda t: t.i)


def _joined(index: SpeakerIndex, subj: Token) -> list[Span]:
    """Names coordinated with a subject ("Kodheli and Krsticevic said"), the subject's own
    name and its appositions left out."""
    chain = [t for t in _chain(subj) if t.i != subj.i and t.dep_ == "conj"]
    out = []
    for tok in chain:
        ent = _ent_at(index, tok, vocab.SPEAKER_LABELS) or flat_name(tok)
        if ent is not None and tok.pos_ == "PROPN":
            out.append(ent)
    return out


# Where people named together can be the group that speaks: its subject, or beside it.
_GROUP_ROLES = frozenset({"nsubj", "nsubjpass", "appos"})


def _phrase_role(tok: Token) -> str:
    """The relation of the noun phrase ``tok`` is in, through its prepositions: "Officials
    from [Serbia, Kodheli and Krsticevic] attended" is a subject, "addressed to [Obama]" not."""
    while tok.dep_ in ("pobj", "prep") and tok.head is not tok:
        tok = tok.head
    return tok.dep_


def _group_members(index: SpeakerIndex, tok: Token) -> list[Span]:
    """People named together just before (else just after) a group phrase like "the ministers".

    Together means in one coordination ("Kodheli and her counterpart, Krsticevic"): people
    who merely share a sentence with them ("… met Tom Lee") are not merged into the group."""
    doc = index.doc
    sents = list(doc.sents)
    here = next((k for k, s in enumerate(sents) if s.start <= tok.i < s.end), 0)
    order = [here - d for d in (1, 2, 3)] + [here + d for d in (1, 2)] + [here]
    for k in order:
        if not 0 <= k < len(sents):
            continue
        people = [
            e
            for e in index.ents
            if e.label_ == "PERSON" and sents[k].start <= e.start < sents[k].end
        ]
        for person in people:
            joined = _chain(person.root)
            if _phrase_role(joined[0]) not in _GROUP_ROLES:
                continue  # "packages addressed to Obama, Clinton and Soros": not who speaks
            chain = {t.i for t in joined}
            together = [e for e in people if e.root.i in chain]
            seen: dict[str, Span] = {}
            for e in together:
                seen.setdefault(clean_name(e)[0], e)
            if len(seen) >= 2:
                return list(seen.values())
    return []


def _channel_phrase(tok: Token) -> str:
    """ "joint letter" for "a joint letter": the noun with its adjectives and compounds."""
    mods = [c for c in tok.lefts if c.dep_ in ("amod", "compound")]
    return " ".join([m.text for m in mods] + [tok.text])


def _author_in(prev: Token) -> Token | None:
    """The subject of the clause that mentions a document, else a group noun in its sentence."""
    head = prev.head
    while head.dep_ in ("prep", "pobj", "dobj") and head.head is not head:
        if head.lower_ == vocab.ACCORDING_TO[0]:
            return None  # "According to a bankruptcy petition, Sayoc resided …": not its author
        head = head.head
    subj = next((c for c in head.children if c.dep_ == "nsubj"), None)
    if subj is not None and subj.i != prev.i:
        return subj
    for tok in prev.sent:
        if (
            tok.i != prev.i
            and tok.tag_ in ("NNS", "NNPS")
            and tok.lemma_.lower() in vocab.GROUP_NOUNS
        ):
            return tok
    return None


def _channel_author(index: SpeakerIndex, tok: Token, depth: int) -> Speaker | None:
    """Who wrote "the letter": the subject of this clause ("the department issued a statement
    saying …"), else of the latest clause before it that mentions such a document. "A
    statement" is a new one: a story quoting Trump's statement and then "Clinton released a
    statement" has two authors, so an indefinite document reaches no further back."""
    new = any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in tok.children)
    earlier = [] if new else list(reversed(index.doc[: tok.i]))
    for prev in [tok, *earlier]:
        if prev.lemma_.lower() != tok.lemma_.lower() or prev.pos_ != "NOUN":
            continue
        subj = _author_in(prev)
        if subj is not None:
            found = resolve(index, subj, depth + 1, anchor=tok)
            if found is not None:
                local = _local(tok)
                return Speaker(
                    found.name,
                    found.start,
                    found.end,
                    local[0],
                    local[1],
                    found.co_speakers,
                    _channel_phrase(prev),
                )
    return None


def resolve(
    index: SpeakerIndex, subj: Token, depth: int = 0, anchor: Token | None = None
) -> Speaker | None:
    """Resolve a subject token to a speaker, or None when nothing in the article fits."""
    if depth > 3:
        return None
    anchor = anchor or subj
    local = _local(subj)
    lower = subj.lower_
    if lower in vocab.RELATIVE_PRONOUNS and subj.head.dep_ == "relcl":
        found = resolve(index, subj.head.head, depth + 1)
        return _relocal(found, local)
    ent = _ent_at(index, subj, vocab.SPEAKER_LABELS)
    if ent is None or ent.label_ != "PERSON":
        flat = flat_name(subj)
        if ent is None or flat is None or ent.end <= flat.end:  # not "Democracy for America"
            ent = _person_after(index, subj) or flat or ent
    if ent is None:
        appos = next((c for c in subj.children if c.dep_ == "appos"), None)
        if appos is not None:
            ent = flat_name(appos) or _ent_at(index, appos, vocab.SPEAKER_LABELS)
    if ent is not None:
        name, start, end = _fullest(index, ent)
        others = tuple(
            n
            for n in dict.fromkeys(_fullest(index, m)[0] for m in _joined(index, subj))
            if n != name
        )  # "Kodheli and Krsticevic said": the text says they spoke together
        return Speaker(name, start, end, local[0], local[1], others)
    titled = _titled(index, subj)
    if titled is not None:
        return _named(index, titled, local)
    if lower in vocab.DESCRIBED_PRONOUNS and any(
        c.dep_ in ("acl", "amod", "relcl", "prep") for c in subj.children
    ):
        edge = subj.right_edge  # the whole description: "those briefed on the effort"
        return _as_written(index, (local[0], max(local[1], edge.idx + len(edge.text))))
    if subj.pos_ == "PRON" or lower in vocab.PLURAL_PRONOUNS:
        return _pronoun(index, subj, local)
    if subj.lemma_.lower() in vocab.CHANNEL_NOUNS:
        author = _channel_author(index, subj, depth)
        if author is not None:
            return author  # else the document itself speaks ("the letter from the ministers")
    for child in subj.children:
        if child.dep_ in ("compound", "poss", "nmod"):
            org = _ent_at(index, child, frozenset({"ORG"}))  # a place's police speak as such
            if org is not None:
                name, start, end = clean_name(org)
                return Speaker(name, start, end, local[0], local[1])
    if subj.lemma_.lower() in vocab.GROUP_NOUNS and subj.tag_ in ("NNS", "NNPS"):
        members = _group_members(index, anchor)
        if members:
            names = [_fullest(index, m) for m in members]
            first = names[0]
            return Speaker(
                first[0], first[1], first[2], local[0], local[1], tuple(n[0] for n in names[1:])
            )
    return _as_written(index, local)


def _named(index: SpeakerIndex, ent: Span, local: tuple[int, int]) -> Speaker:
    """The speaker a mention names, by the fullest form of the name in the article, cited at
    ``local`` (the words of the sentence that stand for them: a pronoun, a title)."""
    name, start, end = _fullest(index, ent)
    return Speaker(name, start, end, local[0], local[1])


def _as_written(
    index: SpeakerIndex, phrase: tuple[int, int], local: tuple[int, int] | None = None
) -> Speaker:
    """A speaker no name stands for, in the text's words ("police", "those briefed on it"),
    cited at ``local`` when another word stands for them (a pronoun), else at ``phrase``."""
    text = doc_text(index.doc)[phrase[0] : phrase[1]].rstrip(",—–- ")
    words = text.split()
    while len(words) > 1 and words[0].lower() in ("the", "a", "an", "even", "also", "only"):
        words = words[1:]  # "even officials there admit": the officials
    while len(words) > 1 and words[-1].lower() in ("and", "or", "but"):
        words = words[:-1]  # "the authorities in New York and [elsewhere]"
    at = local or phrase
    return Speaker(" ".join(words) or text, phrase[0], phrase[1], at[0], at[1])


# Words before a title that make its bearer not the office's holder now.
_NOT_THE_HOLDER = frozenset({"former", "ex", "then", "vice", "deputy", "acting", "late"})


def _titled(index: SpeakerIndex, subj: Token) -> Span | None:
    """ "said the president" is the one person the article titles so ("President Barack
    Obama"), when it titles one only and not as a former holder."""
    if subj.lower_ not in vocab.OFFICE_TITLES or subj.tag_ != "NN":
        return None
    words = [c.lower_ for c in subj.children if c.dep_ not in ("acl", "punct")]
    if words != ["the"]:
        return None  # "the president of the company", "the former president"
    holders: dict[str, Span] = {}
    for ent in index.ents:
        if ent.label_ != "PERSON" or ent.start >= subj.i:
            continue
        before = [t.lower_ for t in index.doc[max(ent.start - 3, 0) : ent.end]]
        if subj.lower_ in before and not _NOT_THE_HOLDER & set(before):
            holders.setdefault(clean_name(ent)[0].split()[-1], ent)
    return next(iter(holders.values())) if len(holders) == 1 else None


def _person_after(index: SpeakerIndex, subj: Token) -> Span | None:
    """A person named right after an inverted cue's subject the parser cut short: "said
    Indivisible co-founder Ezra Levin" (subject "co"), not the group."""
    verb = subj.head
    if subj.i < verb.i or verb.lemma_.lower() not in vocab.SPEECH_VERBS:
        return None
    return next(
        (
            e
            for e in index.ents
            if e.label_ == "PERSON"
            and subj.i < e.start <= subj.i + 4
            and e.root.sent.start == subj.sent.start
            and all(t.pos_ in ("PROPN", "NOUN", "PUNCT") for t in index.doc[subj.i : e.start])
        ),
        None,
    )


def _relocal(found: Speaker | None, local: tuple[int, int]) -> Speaker | None:
    if found is None:
        return None
    return Speaker(
        found.name, found.start, found.end, local[0], local[1], found.co_speakers, found.channel
    )


def _is_subject(mention: Span) -> bool:
    """The mention is a clause's subject, or in apposition to one ("Venn, the leader,")."""
    root = mention.root
    while root.dep_ in ("appos", "compound") and root.head is not root:
        root = root.head
    return root.dep_ in ("nsubj", "nsubjpass")


def _salient(index: SpeakerIndex, pronoun: Token, ent: Span | None) -> Span | None:
    """ "Icahn, who has criticised chairman Tom Lee, disagreed. “…,” he said": "he" is the
    subject the sentence before was about, not the name written nearest to the pronoun.

    When the sentence holding the chosen mention has a person as its subject and the chosen
    one is not a subject, that subject wins (its main verb's subject first)."""
    if ent is None or _is_subject(ent):
        return ent
    sent = ent.root.sent
    gender = vocab.PRONOUN_GENDER.get(pronoun.lower_)
    people = [e for e in index.ents if e.label_ == "PERSON" and index.fits(e, gender)] + [
        n for n in index.names if n.root.ent_type_ in ("", "PERSON") and index.fits(n, gender)
    ]  # the small model leaves many a surname ("Icahn") unlabelled
    subjects = [
        e
        for e in people
        if sent.start <= e.start
        and e.end <= sent.end
        and e.end_char <= pronoun.idx
        and _is_subject(e)
        and not (e.start <= ent.root.i < e.end)
    ]
    main = [e for e in subjects if _main_subject(e.root)]  # "Fudge, …, said the effort to
    # unseat Pelosi was not a failure": Fudge, whom the sentence is about
    return max(main or subjects, key=lambda e: e.start) if subjects else ent


def _main_subject(tok: Token) -> bool:
    """The token (or the name it is in apposition to) is the subject of its sentence's main
    verb, or of a verb joined to it: "Darby now is …", not "whether Pinckney was …"."""
    while tok.dep_ in ("appos", "compound") and tok.head is not tok:
        tok = tok.head
    head = tok.head
    while head.dep_ == "conj" and head.head is not head:
        head = head.head
    return tok.dep_ in ("nsubj", "nsubjpass") and head.dep_ == "ROOT"


def _chained(index: SpeakerIndex, pronoun: Token, ent: Span) -> Token | None:
    """The same pronoun as the main subject of a sentence from the chosen mention's on: "…, he
    still had no news about whether Pinckney was among them. “…,” he said" is the "he" the
    story follows, not the name in his sentence's clause."""
    found = [
        t
        for t in index.doc[ent.sent.start : pronoun.i]
        if t.lower_ == pronoun.lower_ and _main_subject(t) and not index.in_quote(t.idx)
    ]
    return found[-1] if found else None


def _unnamed_speaker(index: SpeakerIndex, pronoun: Token) -> Token | None:
    """ "…, a local official told AFP. “We have a power outage now,” he added": the person
    who spoke in the sentence before, when the text names them by role only."""
    sent = pronoun.sent
    if sent.start == 0:
        return None
    before = index.doc[sent.start - 1].sent
    found = [
        t
        for t in before
        if t.dep_ == "nsubj"
        and t.tag_ == "NN"
        and t.head.lemma_.lower() in vocab.SPEECH_VERBS
        and not index.in_quote(t.idx)
    ]
    return found[-1] if found else None


def _subject_names(index: SpeakerIndex, pronoun: Token, reported: frozenset[int]) -> list[Span]:
    """Names the small model left unlabelled that are a clause's subject in the pronoun's own
    sentence, before it: "Brock has not spoken, but he released a statement"; or the main
    subject of the sentence before, when the article names that person in full elsewhere:
    "Wray elaborated at the briefing that … “These are not hoax devices,” he said" is Chris
    Wray, not the suspect named a paragraph up."""
    sent = pronoun.sent
    own = [
        n
        for n in index.names
        if sent.start <= n.start
        and n.end_char <= pronoun.idx
        and n.root.i not in reported
        and n.root.dep_ in ("nsubj", "nsubjpass")
        and n.root.ent_type_ in ("", "PERSON")
    ]
    if own or sent.start == 0:
        return own
    before = index.doc[sent.start - 1].sent
    surnames = {e[-1].lower_ for e in index.ents if e.label_ == "PERSON" and len(e) > 1}
    return [
        n
        for n in index.names
        if before.start <= n.start < before.end
        and n.root.ent_type_ in ("", "PERSON")
        and n[-1].lower_ in surnames
        and _main_subject(n.root)
    ]


def _pronoun(
    index: SpeakerIndex, subj: Token, local: tuple[int, int], depth: int = 0
) -> Speaker | None:
    """Most recent fitting mention outside quotes: a person for he/she, an org for it."""
    lower = subj.lower_
    reported = _reported_words(subj.head) if subj.dep_ in ("nsubj", "nsubjpass") else frozenset()
    if lower in vocab.PLURAL_PRONOUNS:
        return _plural(index, subj, local, reported)
    if lower in vocab.PERSON_PRONOUNS or lower in vocab.FIRST_PERSON_PRONOUNS:
        labels = frozenset({"PERSON"})
    elif lower in vocab.ORG_PRONOUNS:
        labels = frozenset({"ORG", "GPE", "NORP"})
    else:
        labels = frozenset({"ORG", "GPE", "NORP", "PERSON"})
    gender = vocab.PRONOUN_GENDER.get(lower)
    ent = _recent(index, subj.idx, labels, reported, gender)
    if "PERSON" in labels:
        people = {e.root.lower_ for e in index.ents if e.label_ == "PERSON"}
        spoken = [
            n
            for n in index.names
            if n.end_char <= subj.idx
            and n.root.i not in reported
            and n.root.dep_ in ("nsubj", "appos")
            and n.root.head.lemma_ in vocab.SPEECH_VERBS | {"spokeswoman", "spokesman"}
            and (
                n.root.ent_type_ not in vocab.NOT_PERSON_LABELS
                or n.root.lower_ in people
                or _who(n.root)  # "said Fauzi, who like many Indonesians uses one name"
            )
        ]  # a court is not "he"; Perrek is anywhere
        spoken += _subject_names(index, subj, reported)
        spoken = [n for n in spoken if index.fits(n, gender)]  # "she said" is not her son
        latest = max(spoken, key=lambda n: n.start_char, default=None)
        if latest is not None and (ent is None or latest.start_char > ent.start_char):
            ent = latest
        unnamed = _unnamed_speaker(index, subj)
        if unnamed is not None and (ent is None or unnamed.idx > ent.end_char):
            holder = _titled(index, unnamed)  # "the president insisted …": the one titled so
            if holder is None:
                return _as_written(index, _local(unnamed), local)
            return _named(index, holder, local)
        if ent is not None and depth < 3 and not _main_subject(ent.root):
            earlier = _chained(index, subj, ent)
            if earlier is not None:
                return _pronoun(index, earlier, local, depth + 1)
        ent = _salient(index, subj, ent)
    if ent is None:
        return Speaker(subj.text, local[0], local[1], local[0], local[1])
    return _named(index, ent, local)


def _plural(
    index: SpeakerIndex, subj: Token, local: tuple[int, int], reported: frozenset[int]
) -> Speaker:
    """ "Deputies followed Zamora … They said": "they" is the last group that was a clause's
    subject (an organisation, a country, a people, or a plural noun such as "deputies"),
    never one named person; left as written when none is."""
    groups = [
        e.root
        for e in index.ents
        if e.label_ in _GROUP_LABELS and e.end_char <= subj.idx and _is_subject(e)
    ]
    groups += [
        t
        for t in subj.doc[: subj.i]
        if t.tag_ in ("NNS", "NNPS")
        and t.dep_ in ("nsubj", "nsubjpass")
        and not t.ent_type_
        and not index.in_quote(t.idx)
    ]
    found = [t for t in groups if t.i not in reported]
    if not found:
        return Speaker(subj.text, local[0], local[1], local[0], local[1])
    head = max(found, key=lambda t: t.i)
    ent = _ent_at(index, head, _GROUP_LABELS)
    if ent is not None:
        return _named(index, ent, local)
    start, end = _local(head)
    return Speaker(doc_text(subj.doc)[start:end], start, end, local[0], local[1])


_GROUP_LABELS = frozenset({"ORG", "GPE", "NORP"})
