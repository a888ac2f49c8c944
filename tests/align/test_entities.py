from __future__ import annotations

import pytest

from storydiff.align.entities import EntityIndex, build_entities, name_key
from storydiff.model import Analysis, Article, Mention


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Kosovo Security Forces", "Kosovo's Security Force"),
        ("The Foreign Policy Research Institute", "Foreign Policy Research Institute"),
        ("Kosovo’s Security Force", "Kosovo Security Force"),
        ("Theodore J. Boutrous Jr.", "Theodore Boutrous"),
        ("George T. Conway III", "George Conway"),
        ("Robert J Pickell", "Robert J. Pickell"),
    ],
)
def test_name_key_folds_variants(a: str, b: str) -> None:
    assert name_key(a) == name_key(b)


def _mentions(text: str, names: list[tuple[str, str]]) -> list[Mention]:
    found = []
    for name, label in names:
        at = text.index(name)
        found.append(Mention(at, at + len(name), name, label))
    return found


def _one_article_index(text: str, names: list[tuple[str, str]]) -> EntityIndex:
    """The entities of one article whose mentions are ``names`` (each at its first place)."""
    analyses = {"A": Analysis("A", mentions=_mentions(text, names))}
    return build_entities([Article("A", "a.txt", text)], analyses, {"A": "a1"}, {"A": None})


def test_one_actor_under_many_names() -> None:
    a_text = (
        "President Hashim Thaci spoke. The Kosovo Security Forces (KSF) grew. "
        "The U.S. objected. Aaron Wess Mitchell visited."
    )
    b_text = (
        "Thaci replied. The KSF waited. The United States and US officials met. Michell’s words."
    )
    a = Article("A", "a.txt", a_text)
    b = Article("B", "b.txt", b_text)
    analyses = {
        "A": Analysis(
            "A",
            mentions=_mentions(
                a_text,
                [
                    ("Hashim Thaci", "PERSON"),
                    ("Kosovo Security Forces", "ORG"),
                    ("KSF", "ORG"),
                    ("U.S.", "GPE"),
                    ("Aaron Wess Mitchell", "PERSON"),
                ],
            ),
        ),
        "B": Analysis(
            "B",
            mentions=_mentions(
                b_text,
                [
                    ("Thaci", "ORG"),
                    ("KSF", "ORG"),
                    ("United States", "GPE"),
                    ("US", "GPE"),
                    ("Michell", "ORG"),
                ],
            ),
        ),
    }
    index = build_entities([a, b], analyses, {"A": "a1", "B": "a2"}, {"A": None, "B": None})
    for names in (
        ["Hashim Thaci", "Thaci"],
        ["KSF", "Kosovo Security Forces"],
        ["U.S.", "US", "United States"],
        ["Aaron Wess Mitchell", "Michell"],
    ):
        assert len({index.resolve(n) for n in names}) == 1, names
    thaci = index.resolve("Thaci")
    assert next(e for e in index.entities if e.id == thaci).type == "PERSON"


def test_a_word_ending_a_country_name_does_not_join_a_company() -> None:
    text = (
        "United Corvania signed. Corvania Shipping Group bid. Tessel Maritime Holdings won. "
        "Corvania's envoy spoke. Tessel paid."
    )
    names = [
        ("United Corvania", "GPE"),
        ("Corvania Shipping Group", "ORG"),
        ("Tessel Maritime Holdings", "ORG"),
        ("Corvania", "ORG"),
        ("Tessel", "ORG"),
    ]
    index = _one_article_index(text, names)
    assert index.resolve("Corvania") != index.resolve("Corvania Shipping Group")
    assert index.resolve("Tessel") == index.resolve("Tessel Maritime Holdings")
    # A phrase of common nouns around a name is not that name's surname form.
    assert index.resolve("Corvania Shipping Group") is not None
    assert index.resolve("officials in Tessel") is None
    assert index.resolve("Tessel officials") is None


def test_a_name_with_a_title_before_it_is_the_same_person() -> None:
    text = (
        "Superintendent Michael Harrison spoke. Police Chief Michael Harrison said more. "
        "Michael Harrison left. Harrison returned."
    )
    names = [
        ("Superintendent Michael Harrison", "PERSON"),
        ("Police Chief Michael Harrison", "PERSON"),
        ("Michael Harrison", "PERSON"),
        ("Harrison", "PERSON"),
    ]
    index = _one_article_index(text, names)
    assert len({index.resolve(n) for n, _ in names}) == 1
    assert len(index.entities) == 1


def test_a_longer_name_without_a_title_is_another_person() -> None:
    text = "Anna Maria Lopez spoke. Maria Lopez left."
    names = [("Anna Maria Lopez", "PERSON"), ("Maria Lopez", "PERSON")]
    index = _one_article_index(text, names)
    assert len(index.entities) == 2


def test_a_middle_initial_does_not_make_another_person() -> None:
    text = "Donald J. Trump spoke. Donald Trump left. Trump returned."
    names = [("Donald J. Trump", "PERSON"), ("Donald Trump", "PERSON"), ("Trump", "PERSON")]
    index = _one_article_index(text, names)
    assert len(index.entities) == 1
