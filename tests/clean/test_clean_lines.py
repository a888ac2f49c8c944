"""The context-free line classifier and line-shape tests, as (line, expected) tables."""

from __future__ import annotations

import pytest

from storydiff.clean import metadata
from storydiff.clean.lines import shapes


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("Type to search", "site menu"),
        ("Skip to main content", "site menu"),
        ("  • 16x9 Image", "site menu"),
        ("Share this:", "site menu"),
        ("Accessibility links", "site menu"),
        ("Leave a Reply", "comment prompt"),
        (
            "Your email address will not be published. Required fields are marked *",
            "comment prompt",
        ),
        ("12 Comments", "comment prompt"),
        (
            "By JOHN ROE (Own work) [CC BY-SA 4.0 (https://creativecommons.org/licenses/by-sa/4.0)],"
            " via Wikimedia Commons",
            "image credit",
        ),
        ("Photo: Ana Lind / Some Agency (CC BY 2.0)", "image credit"),
        ("Soldiers on parade in the capital. (AP Photo/John Roe)", "image credit"),
        ("We use cookies to improve your experience.", "newsletter or cookie notice"),
        ("Sign up for the Morning Digest, in your inbox every day.", "newsletter or cookie notice"),
        ("XYZ journalists report the news in 12 languages in 9 countries.", "publisher disclaimer"),
        (
            'XYZ has been declared an "undesirable organization" by the government.',
            "publisher disclaimer",
        ),
        ("To find out more, click here.", "publisher disclaimer"),
        ("© 2018 The Daily Example. All rights reserved.", "publisher disclaimer"),
        ("Read more: Ministers meet again in Brussels", "related link"),
        ("ALSO: Harbour Commentary: the quay may lose its charm", "related link"),
        ("WATCH: Ferry crews strike over pay", "related link"),
        (
            "Divers search the harbour near the quay after the ferry sank / Courtesy: The Ledger",
            "image credit",
        ),
        (
            "Embed Harbour Fire Leaves 2 Hurt 1:29 autoplay autoplay Copy this code to your "
            "website or blog",
            "video player",
        ),
        ("About the author", "author bio"),
        ("Hinterlasse einen Kommentar", "comment prompt"),
        ("Votre adresse e-mail ne sera pas publiée.", "comment prompt"),
        ("Wir verwenden Cookies, um unsere Website zu verbessern.", "newsletter or cookie notice"),
        ("Suscríbete a nuestro boletín", "newsletter or cookie notice"),
        ("Bei den Links handelt es sich um Affiliate-Links.", "newsletter or cookie notice"),
        ("© 2019 Zeitung am Morgen. Alle Rechte vorbehalten.", "publisher disclaimer"),
        ("Die Schule blieb am Montag geschlossen. Foto: Anna Berg", "image credit"),
        ("Quelle: jana / Fotolia.com", "image credit"),
        ("Lesen Sie auch: Der Hafen bleibt bis Mai zu", "related link"),
        ("Lea más: El puerto cierra hasta mayo", "related link"),
        ("Get the Harbour Daily newsletter", "newsletter or cookie notice"),
    ],
)
def test_furniture_reason(line: str, reason: str) -> None:
    assert shapes.furniture_reason(line) == reason


@pytest.mark.parametrize(
    "line",
    [
        "The plan drew criticism from NATO, which still has some 4,500 troops in the country.",
        "Serbia's president since then has accused Pristina of wanting to start a war.",
        "U.S. announces support for Kosovo army",
        "“We will see them in court,” he said.",
        "In 2014 the government announced plans for an army of 5,000 soldiers.",
        "Search and rescue teams reached the village on Sunday.",
        "The retailer earns most of its money from affiliate links, the regulator said.",
        "Der Verlag verwendet Cookies nicht, sagte der Sprecher.",
        "Die Quelle: eine Studie der Universität, sagte er.",
    ],
)
def test_body_lines_are_not_furniture(line: str) -> None:
    assert shapes.furniture_reason(line) is None


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Lauren von Bernuth", True),
        ("Jane Doe", True),
        ("Jane", False),
        ("Leave a Comment", False),
        ("The plan drew criticism.", False),
        ("Room 101 Team", False),
    ],
)
def test_is_name_line(line: str, expected: bool) -> None:
    assert shapes.is_name_line(line) is expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("The US Wants To Help Form First-Ever Kosovo Army", True),
        ("After the vote, a country argues over who owns the river", True),
        ("The plan drew immediate criticism from NATO.", False),
        ("Menu", False),
    ],
)
def test_is_headline_like(line: str, expected: bool) -> None:
    assert shapes.is_headline_like(line) is expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("The plan drew immediate criticism from NATO, which has 4,500 troops.", True),
        ("Terrorism in the Balkans: The New Western Front In The War On Terror?", False),
        ("Russia fires back at the notion of a Kosovo army", False),
        ("Leave a Comment", False),
    ],
)
def test_is_sentence_like(line: str, expected: bool) -> None:
    assert shapes.is_sentence_like(line) is expected


@pytest.mark.parametrize(
    ("paragraph", "name", "expected"),
    [
        (
            "Lauren is one of the co-founders of Citizen Truth. She graduated in 2010.",
            "Lauren von Bernuth",
            True,
        ),
        ("She is a reporter covering the Balkans.", "Jane Doe", True),
        ("Jane Doe is a freelance writer based in Vienna.", None, True),
        ("Lauren said the army would number 5,000 soldiers.", "Lauren von Bernuth", False),
        ("NATO is a military alliance of 29 countries.", None, False),
    ],
)
def test_starts_bio(paragraph: str, name: str | None, expected: bool) -> None:
    assert shapes.starts_bio(paragraph, name) is expected


@pytest.mark.parametrize(
    ("line", "author"),
    [
        ("By Jane Doe", "Jane Doe"),
        ("Posted by Mattias Grell", "Mattias Grell"),
        ("By Jane Doe and John Roe, Reuters", "Jane Doe and John Roe"),
        ("By Wednesday, the talks had collapsed.", None),
        ("The plan drew immediate criticism.", None),
    ],
)
def test_byline_author(line: str, author: str | None) -> None:
    assert metadata.byline_author(line) == author


@pytest.mark.parametrize(
    ("line", "credit"),
    [
        ("With reporting by AFP and Reuters", "With reporting by AFP and Reuters"),
        (
            "(Reporting by Jane Doe; Editing by John Roe)",
            "Reporting by Jane Doe; Editing by John Roe",
        ),
        ("Reporters said the vote was close.", None),
    ],
)
def test_credit_text(line: str, credit: str | None) -> None:
    assert metadata.credit_text(line) == credit


@pytest.mark.parametrize(
    ("text", "outlet"),
    [
        ("Lauren is one of the co-founders of Citizen Truth. She writes.", "Citizen Truth"),
        ("Jane is a reporter for The Daily Example.", "The Daily Example"),
        ("Jane likes hiking.", None),
    ],
)
def test_bio_outlet(text: str, outlet: str | None) -> None:
    assert metadata.bio_outlet(text) == outlet


@pytest.mark.parametrize(
    ("line", "outlet"),
    [
        ("RFE/RL journalists report the news in 27 languages.", "RFE/RL"),
        ("© 2017 Reuters. All rights reserved.", "Reuters"),
        ("If you are in Russia, please note.", None),
    ],
)
def test_disclaimer_outlet(line: str, outlet: str | None) -> None:
    assert metadata.disclaimer_outlet(line) == outlet


@pytest.mark.parametrize(
    ("paragraph", "place", "date", "outlet"),
    [
        ("HARBOURTON, March 3 (Reuters) - The port reopened.", "HARBOURTON", "March 3", "Reuters"),
        ("PRISTINA (AP) — Kosovo's president said.", "PRISTINA", None, "AP"),
    ],
)
def test_dateline(paragraph: str, place: str, date: str | None, outlet: str | None) -> None:
    found = metadata.dateline(paragraph)
    assert found is not None
    assert (found.place, found.date, found.outlet) == (place, date, outlet)


@pytest.mark.parametrize(
    "paragraph", ["NATO members Croatia and Albania are warning.", "KALMERE is a city."]
)
def test_no_dateline(paragraph: str) -> None:
    assert metadata.dateline(paragraph) is None
