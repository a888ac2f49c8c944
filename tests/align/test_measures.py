"""What a figure measures, read from the words around it (sentences written for the test)."""

from __future__ import annotations

import pytest

from storydiff.align.measures import measure_of


def _measure(sentence: str, figure: str, what: str | None = None, nth: int = 0) -> str | None:
    start = -1
    for _ in range(nth + 1):
        start = sentence.index(figure, start + 1)
    return measure_of(sentence, start, start + len(figure), what, 0)


@pytest.mark.parametrize(
    ("sentence", "figure", "what", "expected"),
    [
        ("Five people were injured in a shooting on Elm Street.", "Five", "people", "injured"),
        ("One person was killed and four others were injured.", "four", "others", "injured"),
        (
            "The gunman opened fire, killing 12 soldiers and wounding 29 others.",
            "12",
            "soldiers",
            "killed",
        ),
        (
            "The gunman opened fire, killing 12 soldiers and wounding 29 others.",
            "29",
            "others",
            "injured",
        ),
        ("The attack left 13 dead and more than 30 injured.", "more than 30", None, "injured"),
        ("Also wounded were four patrons of the bar.", "four", "patrons", "injured"),
        ("Two people were shot and killed outside the store.", "Two", "people", "killed"),
        ("Police found four people who had been shot.", "four", "people", "shot"),
        ("Police arrested three men on Friday.", "three", "men", "arrested"),
        ("The death toll rose to 12 on Sunday.", "12", None, "killed"),
        ("Vincent Holt Jr., 27, died from multiple gunshots.", "27", None, "age"),
        ("A 16-year-old boy was charged with killing a 17-year-old.", "16", None, "age"),
        ("Victims: George Chen (19) was shot near the house.", "19", None, "age"),
        ("He was shot near the house [40] on Friday.", "40", None, "reference"),
        ("The suspect was shot 10 times by officers.", "10", "times", None),
        ("The council approved 3 new parks.", "3", "parks", None),
        # Ranges of ages, a parent's children and an age beside a name are no tolls.
        ("Five children, ages 11 to 15, were shot on Sunday.", "15", None, "age"),
        ("One of five children between the ages of 11 and 15 was wounded.", "15", None, "age"),
        ("Nathan, a father of three, was shot and killed.", "three", None, None),
        # Who did the act are not whom it befell.
        ("Police named the two men who shot up a busy street.", "two", "men", None),
        ("The two men who opened fire, killing one visitor, fled.", "two", "men", None),
        ("Two men who were shot on Friday died.", "Two", "men", "shot"),
        # Suspects, parts of a group already counted, gallery counters and custody.
        ("Two gang members accused of killing a boy were indicted.", "Two", "members", None),
        ("Two of the victims are in critical condition.", "Two", None, None),
        ("Two victims remain hospitalized after the shooting.", "Two", "victims", None),
        ("Image 4 of 16 The scene where a deputy was fatally shot.", "16", None, "reference"),
        ("Image 4 of 16 The scene where a deputy was fatally shot.", "4", None, "reference"),
        ("A student is dead and two people are in police custody.", "two", "people", "arrested"),
        ("The three most seriously injured victims had spinal injuries.", "three", None, None),
        ("Officers found a man, 26, dead from gunshot wounds.", "26", None, "age"),
        ("Police arrested a man in the killing of a girl, 3.", "3", None, "age"),
        ("Three were killed. Two others are fighting for their lives.", "Two", "others", "injured"),
        ("His friend killed him while the two were playing with a gun.", "two", None, None),
        ("Eight people, including five children, were killed.", "five", "children", None),
        ("Five were shot, including two who died at the scene.", "two", None, "killed"),
        # A group split by outcome: each part is that toll, unless it is who is still there.
        ("Four were shot, two of whom are deceased.", "two", "whom", "killed"),
        ("Four were shot, two of whom have minor injuries.", "two", "whom", "injured"),
        ("Four were shot, two of whom remain hospitalized.", "two", "whom", None),
        ("The two men shot who were killed were identified.", "two", "men", "killed"),
        # A list of who is in the group stands between it and its act; "striking" is shot.
        (
            "Six people, including two congressmen, two police officers, a congressional aide "
            "and a lobbyist, were injured in the attack.",
            "Six",
            "people",
            "injured",
        ),
        ("A gunman opened fire, striking four people.", "four", "people", "shot"),
        # The trapped and the missing are counts of their own.
        ("It left 14 others trapped when a mosque collapsed.", "14", "others", "trapped"),
        ("It killed one and left two others missing.", "two", "others", "missing"),
        # A conversion in brackets restates the figure before it.
        ("The quake struck at a depth of 10 kilometers (six miles).", "six", None, "conversion"),
        ("Bensu Elianita, a 22 year-old resident, said.", "22 year", None, "age"),
        # The reporter's sources are no count of the story.
        ("Two people briefed on the matter said he fled.", "Two", "people", "sources"),
        ("Two of the law enforcement officials said he fled.", "Two", None, "sources"),
        ("The rate was 19.3 deaths per 100,000 people.", "100,000", "people", None),
        ("A man called 911 to report that he had killed his wife.", "911", None, None),
        ("Skip Wells, 1 of 4 Marines killed on Thursday, was 21.", "1", None, None),
        ("The block where a man in his 20s was fatally shot.", "20", None, "age"),
        ("Elijah and Shakur, both 16, were killed in the shootout.", "16", None, "age"),
        (
            "The shooting death of Mira Dorn, three (pictured), was an accident.",
            "three",
            None,
            "age",
        ),
    ],
)
def test_measure_of(sentence: str, figure: str, what: str | None, expected: str | None) -> None:
    assert _measure(sentence, figure, what) == expected


def test_an_act_in_the_previous_sentence_does_not_reach_a_figure() -> None:
    text = "Two men were killed.\nPolice said 40 officers searched the area."
    assert _measure(text, "40", "officers") is None


@pytest.mark.parametrize(
    ("sentence", "figure"),
    [
        ("The shooting happened in the 300 block of North Street.", "300"),
        ("Officers were called to 3800 Main St. after midnight.", "3800"),
    ],
)
def test_addresses_are_not_counts(sentence: str, figure: str) -> None:
    assert _measure(sentence, figure) == "address"


def test_a_length_in_years_is_not_an_age() -> None:
    assert _measure("The port signed a 99-year lease with the state.", "99-year") is None
    assert _measure("A 16-year-old was arrested.", "16-year") == "age"


@pytest.mark.parametrize(
    ("sentence", "figure", "subject"),
    [
        ("Police arrested Dylann Roof, 21, on Thursday.", "21", "Dylann Roof"),
        ("The 21-year-old Dylann Roof was arrested.", "21", "Dylann Roof"),
        ("Victims: George Chen (19) and others.", "19", "George Chen"),
        ("A 23-year-old man was arrested.", "23", None),
        ("23-year-old Tyler Donaldson died Sunday.", "23-year", "Tyler Donaldson"),
        ("Police located Stephon Harris, the 20-year-old man wanted.", "20-year", "Stephon Harris"),
        ("Police said the 23-year-old Greenville man will be charged.", "23-year", None),
        ("Senator Chuck Sumner of New York, 66, said no.", "66", "Senator Chuck Sumner"),
    ],
)
def test_an_age_belongs_to_the_name_beside_it(sentence: str, figure: str, subject: str) -> None:
    from storydiff.align.measures import age_subject

    start = sentence.index(figure)
    assert age_subject(sentence, start, start + len(figure)) == subject


def test_one_person_by_surname_but_a_couple_stays_two() -> None:
    from storydiff.align.measures import same_person

    assert same_person("Dylann Roof", "Roof")
    assert same_person("Dylann Roof", "Dylann Storm Roof")
    assert not same_person("Mary Smith", "John Smith")
