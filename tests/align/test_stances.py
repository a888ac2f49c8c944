"""Stance rules on hand-built records, plus the seed and example-story gates."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from storydiff.align.entities import build_entities
from storydiff.align.stances import build_stances, detect_issue
from storydiff.align.stances.affiliation import affiliations
from storydiff.align.stances.outlet import outlet_stance
from storydiff.align.terms import terms
from storydiff.model import (
    Analysis,
    Article,
    Dossier,
    Mention,
    Quote,
    RoleMention,
    SentenceRecord,
    Stance,
    StanceValue,
)

REPO = Path(__file__).resolve().parents[2]
EXAMPLE_STANCES_FLOOR = 17  # of the 21 gold stances in examples/gold.json


def _mention(text: str, name: str, label: str, nth: int = 0) -> Mention:
    start = -1
    for _ in range(nth + 1):
        start = text.index(name, start + 1)
    return Mention(start, start + len(name), name, label)


def _stances(
    text: str,
    mentions: list[tuple[str, str]],
    quotes: list[tuple[str, list[str]]] = (),  # type: ignore[assignment]
    kind: str = "indirect",
    roles: list[tuple[str, str]] = (),  # type: ignore[assignment]
) -> dict[str, str]:
    article = Article("K", "k.txt", text)
    analysis = Analysis(
        "K",
        sentences=[SentenceRecord(0, len(text))],
        mentions=[_mention(text, n, lbl) for n, lbl in mentions],
        roles=[RoleMention(p, r, 0, 0) for p, r in roles],
    )
    ids = {"K": "a1"}
    index = build_entities([article], {"K": analysis}, ids, {"K": "2020"})
    quote_records = []
    for n, (words, speakers) in enumerate(quotes):
        start = text.index(words)
        ids_ = [s for s in (index.resolve(x) for x in speakers) if s]
        quote_records.append(
            Quote(
                f"q{n}",
                "a1",
                ids_[0] if ids_ else None,
                None,
                kind,  # type: ignore[arg-type]
                words,
                start,
                start + len(words),
                "said",
                None,
                speakers=ids_,
            )
        )
    stances, _ = build_stances(
        [article], {"K": analysis}, ids, {"K": "2020"}, index, "army", terms("army"), quote_records
    )
    return {s.actor_name: s.stance for s in stances}


@pytest.mark.parametrize(
    ("text", "mentions", "expected"),
    [
        (
            "The army plan is opposed by Serbia and NATO.",
            [("Serbia", "GPE"), ("NATO", "ORG")],
            {"Serbia": "oppose", "NATO": "oppose"},
        ),
        ("The army plan drew criticism from NATO.", [("NATO", "ORG")], {"NATO": "oppose"}),
        (
            "The United States just announced support for an army.",
            [("United States", "GPE")],
            {"United States": "support"},
        ),
        (
            "Russia would not tolerate the creation of an army.",
            [("Russia", "GPE")],
            {"Russia": "oppose"},
        ),
        # "cannot" negates; "an abuse of power" faults the issue
        (
            "Russia said an army is an abuse of power that cannot be tolerated.",
            [("Russia", "GPE")],
            {"Russia": "oppose"},
        ),
        # the support is the named group's when it comes "with the support of" them
        (
            "Democrats vowed to stop the army with the support of Republicans.",
            [("Democrats", "NORP"), ("Republicans", "NORP")],
            {"Republicans": "support"},
        ),
        # a dateline's place is the outlet's, not the actor that opens the sentence
        (
            "WASHINGTON — The Supreme Court appears ready to block a massive army lawsuit.",
            [("WASHINGTON", "GPE"), ("Supreme Court", "ORG")],
            {"Supreme Court": "oppose"},
        ),
    ],
)
def test_rules_find_the_actor(
    text: str, mentions: list[tuple[str, str]], expected: dict[str, str]
) -> None:
    found = _stances(text, mentions)
    for actor, stance in expected.items():
        assert found.get(actor) == stance


@pytest.mark.parametrize(
    ("text", "stance"),
    [
        ("Jan Novak said he would resign if lawmakers do not approve the army law.", "support"),
        ("Jan Novak said they would re-evaluate aid if the army changes are approved.", "oppose"),
    ],
)
def test_conditional_threats(text: str, stance: str) -> None:
    words = text[text.index("he " if " he " in text else "they") :]
    found = _stances(text, [("Jan Novak", "PERSON")], quotes=[(words, ["Jan Novak"])])
    assert found.get("Jan Novak") == stance


def test_a_person_speaks_for_the_country_in_their_role() -> None:
    text = (
        "Albanian Defense Minister Ana Dema and her Croatian counterpart, Ivo Horvat, met. "
        "They said they would support an army. Croatia and Albania are neighbours."
    )
    found = _stances(
        text,
        [
            ("Albanian", "NORP"),
            ("Ana Dema", "PERSON"),
            ("Croatian", "NORP"),
            ("Ivo Horvat", "PERSON"),
            ("Croatia", "GPE"),
            ("Albania", "GPE"),
        ],
        quotes=[("they would support an army", ["Ana Dema", "Ivo Horvat"])],
        roles=[("Ana Dema", "Albanian Defense Minister")],
    )
    assert found.get("Albania") == "support"
    assert found.get("Croatia") == "support"


def test_a_possessive_statement_is_not_its_owners_stance() -> None:
    found = _stances(
        "Novak’s statement threatens to destabilize the army talks.", [("Novak", "PERSON")]
    )
    assert "Novak" not in found


def test_the_relative_clause_names_the_actor() -> None:
    text = "Ana Kos, who spent the final week winning over deputies for the army plan, won."
    assert _stances(text, [("Ana Kos", "PERSON")]) == {"Ana Kos": "support"}


def test_the_asker_holds_the_stance_not_the_asked() -> None:
    text = "Ana Kos and Ivo Bar asked Borvia to halt the army plan."
    found = _stances(text, [("Ana Kos", "PERSON"), ("Ivo Bar", "PERSON"), ("Borvia", "GPE")])
    assert found == {"Ana Kos": "oppose", "Ivo Bar": "oppose"}


def test_a_possessive_pronoun_points_back_to_its_person() -> None:
    text = "Jan Novak told a crowd that Borvia would rule on his party's challenge to the army."
    found = _stances(text, [("Jan Novak", "PERSON"), ("Borvia", "GPE")])
    assert found == {"Jan Novak": "oppose"}


def test_the_opening_actor_holds_a_cue_after_its_aside() -> None:
    text = "Opposition leader Jan Novak, whose party left the vote, called the army a giveaway."
    assert _stances(text, [("Jan Novak", "PERSON")]) == {"Jan Novak": "oppose"}


def test_a_denial_that_sets_up_a_contrast_is_not_counted() -> None:
    text = "We are not against ships. We are against the army plan."
    found = _stances(text, [], quotes=[(text, [])])
    assert found == {}
    speaker = "Jan Novak said: " + text
    found = _stances(speaker, [("Jan Novak", "PERSON")], quotes=[(text, ["Jan Novak"])])
    assert found == {"Jan Novak": "oppose"}


@pytest.mark.parametrize(
    "text",
    [
        "Borvia fires back at the notion of an army.",
        "Borvia said the army plan would help an estuary that supports fewer boats.",
        "The army plan was a sham by any honest measure in Borvia.",
        "Borvia said the army means turning our backs on asylum seekers.",
    ],
)
def test_phrases_that_state_no_stance(text: str) -> None:
    assert _stances(text, [("Borvia", "GPE")]) == {}


def test_a_role_after_a_possessive_country_makes_the_person_its_voice() -> None:
    text = "Borvia's fisheries minister, Ana Kos, said she would support the army."
    found = _stances(
        text,
        [("Borvia", "GPE"), ("Ana Kos", "PERSON")],
        quotes=[("she would support the army", ["Ana Kos"])],
    )
    assert found == {"Ana Kos": "support", "Borvia": "support"}


def test_an_unattributed_quote_paragraph_goes_on_quoting_the_last_speaker() -> None:
    text = (
        "“We fish here,” said Ana Kos.\n\n"
        "“Every crew says the same.\n\n"
        "“We are against the army plan.”"
    )
    found = _stances(text, [("Ana Kos", "PERSON")], quotes=[("We fish here,", ["Ana Kos"])])
    assert found == {"Ana Kos": "oppose"}


def test_the_outlet_judging_the_issue_in_its_own_voice_takes_a_side() -> None:
    own = "The reckless army plan passed. Its so-called review of the army took a day."
    quoted = "Jan Novak called the army plan “reckless” and the review of the army “a sham”."
    assert _outlet_stance(own) == "oppose"
    assert _outlet_stance(quoted) is None
    assert _outlet_stance("The reckless army plan passed.") is None  # one word can slip in


def _outlet_stance(text: str) -> str | None:
    article = Article("K", "k.txt", text, outlet="The Daily")
    sentences = [SentenceRecord(0, len(text))]
    stance = outlet_stance(
        article, Analysis("K", sentences=sentences), "a1", "2020", ("army", terms("army")), []
    )
    return stance.stance if stance else None


def test_the_issue_is_what_cues_take_as_object_unless_the_user_names_it() -> None:
    texts = [
        "Borvia opposed the lease. Parliament backed the lease.",
        "Parliament approved the lease on Tuesday. Critics rejected the lease.",
        "The lease was defended in parliament.",
    ]
    articles = [Article(f"K{n}", f"k{n}.txt", t) for n, t in enumerate(texts)]
    analyses = {
        a.key: Analysis(a.key, sentences=[SentenceRecord(0, len(a.text))]) for a in articles
    }
    ids = {a.key: f"a{n}" for n, a in enumerate(articles, start=1)}
    index = build_entities(articles, analyses, ids, dict.fromkeys(ids))
    name, issue = detect_issue(articles, index)
    assert issue == terms("lease") and name is not None and "lease" in name
    assert detect_issue(articles, index, given="the port lease") == (
        "the port lease",
        terms("port lease"),
    )


@pytest.mark.parametrize(
    ("texts", "name", "issue_terms"),
    [
        # a headline's modifier names the issue, not the story's most named entity
        (
            [
                (
                    "Congress rejects veto of 9/11 bill",
                    "Senators opposed the bill. Ada Vance backed the bill.",
                ),
                (
                    "Senate overrides veto of 9/11 victims bill",
                    "The House backed the bill. Vance rejected it.",
                ),
                (
                    "Veto override set",
                    "Ada Vance vetoed the 9/11 bill. Lawmakers supported the bill.",
                ),
            ],
            "9/11 bill",
            None,
        ),
        # words two headlines share are the issue: the objects of cues in the text ("the
        # NRA's plan", "the administration") had named it "Obama administration"
        (
            [
                (
                    "Obama urges new restrictions on assault weapons as part of gun control plan",
                    "Obama has been critical of the NRA's plan. Critics opposed the "
                    "administration.",
                ),
                (
                    "Obama Gun Control Proposals Unveiled",
                    "Rubio rejected the administration. Allies backed the proposals.",
                ),
                (
                    "Obama poised to back plan to curb gun violence",
                    "Aides backed the administration.",
                ),
            ],
            "gun control",
            terms("gun control"),
        ),
        # a name the headlines share is where the question is heard, not the question
        (
            [
                (
                    "Supreme Court Questions Claims in Sex Bias Suit Against Wal-Mart",
                    "The Supreme Court appeared ready to block the sex bias lawsuit.",
                ),
                (
                    "Supreme Court Hears Argument In Wal-Mart Sex Bias Lawsuit",
                    "The Supreme Court heard lawyers backing the lawsuit.",
                ),
                ("Justices Take Up Wal-Mart Suit", "Critics opposed the lawsuit."),
            ],
            "sex bias",
            terms("sex bias"),
        ),
    ],
)
def test_the_issue_is_named_as_headlines_word_it(
    texts: list[tuple[str, str]], name: str, issue_terms: set[str] | None
) -> None:
    articles = [
        Article(f"K{n}", f"k{n}.txt", text, title=title) for n, (title, text) in enumerate(texts)
    ]
    analyses = {
        a.key: Analysis(a.key, sentences=[SentenceRecord(0, len(a.text))]) for a in articles
    }
    ids = {a.key: f"a{n}" for n, a in enumerate(articles, start=1)}
    index = build_entities(articles, analyses, ids, dict.fromkeys(ids))
    found, issue = detect_issue(articles, index)
    assert found == name
    assert issue_terms is None or issue == issue_terms


def test_seed_stances_and_the_us_change(dated_seed_dossier: Dossier, shared: Path) -> None:
    score = _score(dated_seed_dossier, shared / "gold" / "seeds.json")
    assert score["right"] >= 10, score["missed"]
    us = [c for c in dated_seed_dossier.stance_changes if c.actor_name == "United States"]
    assert us and us[0].before.stance == "oppose" and us[0].after.stance == "support"
    assert us[0].before.evidence and us[0].after.evidence
    assert (us[0].before.date, us[0].after.date) == ("2017-03", "2018")


def test_no_stance_change_from_estimated_dates(seed_dossier: Dossier) -> None:
    """Undated, the seeds' estimates (a NATO chief's term, 2014-2024; the Trump years) overlap:
    the same stances are found, and no reversal is dated by them."""
    assert all(a.published is None for a in seed_dossier.articles)
    assert any(s.actor_name == "United States" for s in seed_dossier.stances)
    assert seed_dossier.stance_changes == []


def test_changes_need_an_order_at_the_coarser_precision() -> None:
    from storydiff.align.stances.build import stance_changes

    def stance(article: str, date: str, value: StanceValue) -> Stance:
        return Stance("e1", "Ana", "the lease", article, date, value)

    tie = [stance("a1", "2017", "support"), stance("a2", "2017-03", "oppose")]
    assert stance_changes(tie) == []
    ordered = [stance("a1", "2017-02", "support"), stance("a2", "2017-03-10", "oppose")]
    assert [(c.before.article, c.after.article) for c in stance_changes(ordered)] == [("a1", "a2")]


def test_example_story_stances_and_the_change(example_dossier: Dossier) -> None:
    gold = REPO / "examples" / "gold.json"
    score = _score(example_dossier, gold)
    assert score["right"] >= EXAMPLE_STANCES_FLOOR, score["missed"]
    change = [c for c in example_dossier.stance_changes if c.actor_name == "Mira Dellacourt"]
    assert change, "Dellacourt's reversal is not reported as a change"
    assert change[0].before.stance == "support" and change[0].after.stance == "oppose"
    assert change[0].before.evidence and change[0].after.evidence
    assert change[0].before.article != change[0].after.article


def _score(dossier: Dossier, gold: Path) -> dict[str, Any]:
    from storydiff.evaluate.dossier import load_gold, score_dossier
    from storydiff.report import to_document

    result: dict[str, Any] = score_dossier(to_document(dossier), load_gold(gold))["stances"]
    return result


@pytest.mark.parametrize(
    ("text", "stance"),
    [
        ("Borvia would not support it, officials said of the army plan.", "oppose"),
        ("Borvia would not support ships, and the army plan goes ahead.", None),
    ],
)
def test_a_negated_cue_counts_only_when_its_object_is_the_issue(
    text: str, stance: str | None
) -> None:
    assert _stances(text, [("Borvia", "GPE")]).get("Borvia") == stance


def test_a_bill_or_a_bare_adjective_holds_no_stance() -> None:
    from storydiff.align.entities import EntityIndex
    from storydiff.align.stances.build import _can_hold
    from storydiff.model import Entity

    entities = [
        Entity("e1", "Justice Against Sponsors of Terrorism Act", "ORG"),
        Entity("e2", "Democratic", "NORP"),
        Entity("e3", "Democrats", "NORP"),
        Entity("e4", "Senate", "ORG"),
        Entity("e5", "Chuck Schumer", "PERSON"),
    ]
    index = EntityIndex(entities, {}, {})
    assert [_can_hold(e.id, index) for e in entities] == [False, False, True, True, True]


def test_a_speakers_report_of_anothers_act_or_an_act_a_cue_acts_on_is_no_stance() -> None:
    text = (
        "“I respect the reasons he has given for opposing the army,” Senator Ada Vance said. "
        "“But I urge my colleagues to reverse this veto and back the army.”"
    )
    quotes = [
        ("I respect the reasons he has given for opposing the army", ["Ada Vance"]),
        ("But I urge my colleagues to reverse this veto and back the army.", ["Ada Vance"]),
    ]
    found = _stances(text, [("Ada Vance", "PERSON")], quotes=quotes, kind="direct")
    assert found == {"Ada Vance": "support"}


@pytest.mark.parametrize(
    ("sentence", "cue", "sign"),
    [
        ("Congress overwhelmingly rejected the president's veto of the bill.", "rejected", 1),
        ("The House voted to override the veto on Thursday.", "override", 1),
        ("He had never had a veto overridden by Congress.", "overridden", 1),
        ("The council rejected the harbour lease.", "rejected", -1),
        ("The union rejected the ban on night shifts.", "rejected", 1),
        ("The opposition rejected the plan.", "rejected", -1),
        ("They rejected Ban Ki-moon's plan.", "rejected", -1),
        ("I urge my colleagues to reverse this veto of the bill.", "reverse", 1),
    ],
)
def test_rejecting_an_act_against_something_backs_it(sentence: str, cue: str, sign: int) -> None:
    from storydiff.align.stances.cues import CUE_PATTERN, cue_sign

    match = next(m for m in CUE_PATTERN.finditer(sentence) if m.group() == cue)
    assert cue_sign(match) == sign


def test_a_role_does_not_reach_back_into_the_sentence_before() -> None:
    text = "Nothing would have stopped the massacre at Sandy Hook. President Obama spoke."
    article = Article("K", "k.txt", text)
    analysis = Analysis(
        "K",
        sentences=[SentenceRecord(0, 54), SentenceRecord(55, len(text))],
        mentions=[_mention(text, "Sandy Hook", "GPE"), _mention(text, "Obama", "PERSON")],
    )
    index = build_entities([article], {"K": analysis}, {"K": "a1"}, {"K": "2016"})
    assert affiliations(article, analysis, "a1", index) == {}
