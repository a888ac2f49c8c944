"""Stance rules on hand-built records, plus the seed and example-story gates."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

import pytest

from storydiff.align.entities import build_entities
from storydiff.align.stances import build_stances
from storydiff.align.terms import terms
from storydiff.model import Analysis, Article, Mention, Quote, RoleMention, SentenceRecord

REPO = Path(__file__).resolve().parents[2]
SHARED = REPO.parent / "shared"


def _mention(text: str, name: str, label: str, nth: int = 0) -> Mention:
    start = -1
    for _ in range(nth + 1):
        start = text.index(name, start + 1)
    return Mention(start, start + len(name), name, label)


def _stances(
    text: str,
    mentions: list[tuple[str, str]],
    quotes: list[tuple[str, list[str]]] = (),  # type: ignore[assignment]
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
                "indirect",
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


def _score(paths: list[Path], gold: Path) -> dict[str, object]:
    from storydiff.evaluate.dossier import load_gold, score_dossier
    from storydiff.pipeline import run_story
    from storydiff.report import to_document
    from storydiff.store import open_store

    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(Path(tmp) / "t.db")
        dossier, _ = run_story(paths, store)
        store.close()
    result: dict[str, object] = score_dossier(to_document(dossier), load_gold(gold))["stances"]
    result["dossier_changes"] = dossier.stance_changes
    return result


@pytest.mark.skipif(not (SHARED / "seeds").is_dir(), reason="../shared is not present")
def test_seed_stances_and_the_us_change() -> None:
    score = _score([SHARED / "seeds"], SHARED / "gold" / "seeds.json")
    assert score["right"] >= 10, score["missed"]  # type: ignore[operator]
    changes = score["dossier_changes"]
    us = [c for c in changes if c.actor_name == "United States"]  # type: ignore[attr-defined]
    assert us and us[0].before.stance == "oppose" and us[0].after.stance == "support"
    assert us[0].before.evidence and us[0].after.evidence


def test_example_story_finds_a_change() -> None:
    gold = REPO / "examples" / "gold.json"
    expected = json.loads(gold.read_text())["stances"]["positions"]
    score = _score([REPO / "examples" / "story"], gold)
    assert expected and score["right"] >= 4  # type: ignore[operator]
    assert score["changes"], "no stance change found in the example story"
