"""Framing: the outlet's own loaded words against quoted ones, omissions, one-sided voices."""

from __future__ import annotations

from pathlib import Path

import pytest

from storydiff.align.framing import build_framing, inside_quotes
from storydiff.align.framing_sides import Sides, voice_sides
from storydiff.model import Article, Claim, ClaimMember, Dossier, Framing, Quote, article_date


def _id(dossier: Dossier, file_prefix: str) -> str:
    article = next(a for a in dossier.articles if Path(a.source).name.startswith(file_prefix))
    return dossier.article_ids[article.key]


def _framing(dossier: Dossier, file_prefix: str) -> Framing:
    article_id = _id(dossier, file_prefix)
    return next(f for f in dossier.framing if f.article == article_id)


def _quoted(framing: Framing) -> dict[str, set[bool]]:
    found: dict[str, set[bool]] = {}
    for term in framing.loaded_terms:
        found.setdefault(term.text.lower(), set()).add(term.quoted)
    return found


@pytest.mark.parametrize(
    ("text", "word", "quoted"),
    [
        ("The so-called consultation, a “sham” by any honest measure, took a day.", "sham", False),
        ("Allies argue the vote was a “sham” and unfair.", "sham", True),
        ("Venn called the deal “a reckless giveaway” on radio.", "reckless", True),
        ("“This is a reckless deal,” Venn said.", "reckless", True),
        ("The reckless deal passed.", "reckless", False),
    ],
)
def test_scare_quotes_are_the_writers_own(text: str, word: str, quoted: bool) -> None:
    assert inside_quotes(text, text.index(word), []) is quoted


def test_seed_001_own_words_and_the_institutes_words(seed_dossier: Dossier) -> None:
    """ "threatens to destabilize" is the outlet's; "dubious" is the FPRI's quote."""
    article_id = _id(seed_dossier, "001")
    framing = next(f for f in seed_dossier.framing if f.article == article_id)
    article = next(
        a for a in seed_dossier.articles if seed_dossier.article_ids[a.key] == article_id
    )
    at = article.text.index("threatens to destabilize")
    own = {t.text for t in framing.loaded_terms if not t.quoted and at <= t.start < at + 24}
    assert own == {"threatens", "destabilize"}
    dubious = next(t for t in framing.loaded_terms if t.text == "dubious")
    assert dubious.quoted
    holder = next(
        q
        for q in seed_dossier.quotes
        if q.article == article_id and q.start <= dubious.start < q.end
    )
    assert holder.speaker_name == "Foreign Policy Research Institute"


def test_example_outlet_words_apart_from_quoted_words(example_dossier: Dossier) -> None:
    voices = _quoted(_framing(example_dossier, "03"))
    assert voices["reckless"] == {False} and voices["so-called"] == {False}
    assert voices["sham"] == {False}
    assert _quoted(_framing(example_dossier, "02"))["reckless"] == {True}  # Venn's words


def test_example_omission_of_the_compensation_fund(example_dossier: Dossier) -> None:
    """03 leaves out the 40 million thaler fund that 01, 02 and 04 all report."""
    blog = _id(example_dossier, "03")
    omitted = {
        c.id: c for c in example_dossier.claims if c.id in _framing(example_dossier, "03").omits
    }
    fund = [
        c
        for c in omitted.values()
        if any("40" in m.text and "million" in m.text for m in c.members)
    ]
    assert fund, "03's omissions miss the compensation fund"
    for claim in omitted.values():
        sources = {m.article for m in claim.members}
        assert blog not in sources and len(sources) >= 2


def test_a_copy_is_not_an_independent_source() -> None:
    articles = [Article(k, f"{k}.txt", "text") for k in ("A", "B")]
    articles.append(Article("C", "C.txt", "text", duplicate_of="B"))
    ids = {"A": "a1", "B": "a2", "C": "a3"}
    claim = Claim(
        "c1",
        "40 million",
        "agree",
        "",
        [ClaimMember("a2", "40", 0, 2), ClaimMember("a3", "40", 0, 2)],
    )
    framings = {f.article: f.omits for f in build_framing(articles, ids, [], [claim])}
    assert framings == {"a1": [], "a2": [], "a3": []}
    claim.members.append(ClaimMember("a1", "40", 0, 2))
    other = Article("D", "D.txt", "text")
    framings = {
        f.article: f.omits
        for f in build_framing([*articles, other], {**ids, "D": "a4"}, [], [claim])
    }
    assert framings["a4"] == ["c1"] and framings["a3"] == []


def test_example_one_sided_outlet(example_dossier: Dossier) -> None:
    """03 lets only the lease's opponents speak; the wire copy and the others hear both sides."""
    dates = {example_dossier.article_ids[a.key]: article_date(a) for a in example_dossier.articles}

    def sides(prefix: str) -> Sides:
        return voice_sides(
            _id(example_dossier, prefix), example_dossier.quotes, example_dossier.stances, dates
        )

    blog = sides("03")
    assert blog.one_sided and blog.oppose and not blog.support
    for prefix in ("01", "02", "04"):
        assert not sides(prefix).one_sided, prefix
    shown = {f.article: f for f in example_dossier.framing}  # what the dossier itself says
    assert shown[_id(example_dossier, "03")].one_sided
    assert shown[_id(example_dossier, "03")].sides["oppose"] == blog.oppose
    assert not any(shown[_id(example_dossier, p)].one_sided for p in ("01", "02", "04"))


def test_voices_without_a_known_stance_stay_unplaced() -> None:
    quote = Quote("q1", "a1", "e1", "Ana Kos", "direct", "We fish.", 0, 8, "said", None)
    sides = voice_sides("a1", [quote], [], {"a1": "2024"})
    assert sides.unplaced == ["Ana Kos"] and not sides.one_sided
