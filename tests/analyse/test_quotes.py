"""Attribution on hand-built sentences: one case per pattern the extractor must handle."""

from __future__ import annotations

import random

import pytest
from spacy.language import Language

from storydiff.analyse.nlp import load_nlp, spacy_view
from storydiff.analyse.quotes import extract_quotes
from storydiff.model import QuoteRecord


@pytest.fixture(scope="session")
def nlp() -> Language:
    return load_nlp()


def _quotes(nlp: Language, text: str) -> list[QuoteRecord]:
    return extract_quotes(nlp(spacy_view(text)), text)


def _find(quotes: list[QuoteRecord], words: str) -> QuoteRecord:
    hits = [q for q in quotes if words in q.text]
    assert hits, f"no quote containing {words!r} in {[q.text for q in quotes]}"
    return hits[0]


@pytest.mark.parametrize(
    ("text", "words", "kind", "speaker"),
    [
        (
            "“We will win the vote,” John Smith said on Friday.",
            "We will win",
            "direct",
            "John Smith",
        ),
        (
            '"We will win the vote," John Smith said on Friday.',
            "We will win",
            "direct",
            "John Smith",
        ),
        ("‘We will win the vote,’ said John Smith.", "We will win", "direct", "John Smith"),
        (
            "John Smith tweeted late on Friday: “The vote is lost. We are sad.”",
            "vote is lost",
            "direct",
            "John Smith",
        ),
        ("Anna Lee said “the army must go home now.”", "army must go", "direct", "Anna Lee"),
        (
            "Anna Lee said that the army would leave the region soon.",
            "army would leave",
            "indirect",
            "Anna Lee",
        ),
        (
            "Anna Lee told reporters that the army would leave soon.",
            "army would leave",
            "indirect",
            "Anna Lee",
        ),
        (
            "NATO said it would review its mission in the region.",
            "it would review",
            "indirect",
            "NATO",
        ),
        (
            "According to Anna Lee, the army will leave the region soon.",
            "army will leave",
            "indirect",
            "Anna Lee",
        ),
        (
            "The letter from the ministers decried the “nationalistic rhetoric from Serb "
            "politicians” that raised tensions.",
            "nationalistic rhetoric",
            "partial",
            None,
        ),
        (
            "Opposition leader Oskar Venn, whose People's Coast Party led Tuesday's walkout, "
            "called the deal “a reckless giveaway” in an interview on Wednesday.",
            "reckless giveaway",
            "partial",
            "Oskar Venn",
        ),
        (
            "Senator Maria Gomez, who chairs the budget committee, called the plan “a betrayal "
            "of every voter” on Monday.",
            "betrayal of every voter",
            "partial",
            "Maria Gomez",
        ),
        (
            "Oskar Venn, whose party led the walkout that the Greens, who backed the plan, "
            "condemned, called the deal “a reckless giveaway”.",
            "reckless giveaway",
            "partial",
            "Oskar Venn",
        ),
    ],
)
def test_patterns(nlp: Language, text: str, words: str, kind: str, speaker: str | None) -> None:
    quote = _find(_quotes(nlp, text), words)
    assert quote.kind == kind
    if speaker is not None:
        assert quote.speaker_text == speaker
    assert text[quote.start : quote.end] == quote.text


def test_relative_clause_never_lends_its_own_noun_as_speaker(nlp: Language) -> None:
    """The spokesman spoke, not the company the relative clause describes."""
    text = (
        "A spokesman for Acme Corp, which owns the plant, called the leak "
        "“a minor incident on the site”."
    )
    assert all(q.speaker_text != "Acme Corp" for q in _quotes(nlp, text))


def test_split_quote_and_full_name(nlp: Language) -> None:
    text = (
        "Milovan Drecun chairs the committee.\n\n“The first part is clear,” Drecun said. "
        "“The second part is also clear.”"
    )
    quotes = _quotes(nlp, text)
    first, second = _find(quotes, "first part"), _find(quotes, "second part")
    assert first.speaker_text == second.speaker_text == "Milovan Drecun"
    assert text[first.speaker_start or 0 : first.speaker_end or 0] == "Milovan Drecun"
    assert first.cue == "said"


def test_pronoun_and_mixed_quote(nlp: Language) -> None:
    text = (
        "“We are ready,” Anna Lee said.\n\n"
        "She added that “the plan will work because everyone supports it.”"
    )
    quote = _find(_quotes(nlp, text), "plan will work")
    assert (quote.kind, quote.speaker_text) == ("direct", "Anna Lee")


def test_group_resolves_to_members(nlp: Language) -> None:
    text = (
        "Officials said Defense Minister Mimi Kodheli and her counterpart, Damir Krsticevic, "
        "met on Monday.\n\nThe ministers told reporters that they would support the plan."
    )
    quote = _find(_quotes(nlp, text), "would support")
    names = {quote.speaker_text, *quote.co_speakers}
    assert {"Mimi Kodheli", "Damir Krsticevic"} <= names


def test_missing_closing_mark_is_repaired(nlp: Language) -> None:
    text = (
        "Mitchell made one statement: “Kosovo has the right to a force and it will not be a "
        "threat to Serbs.Mitchell’s statement alone threatens the region."
    )
    quote = _find(_quotes(nlp, text), "Kosovo has the right")
    assert quote.text.endswith("threat to Serbs.")
    assert quote.warning is not None


@pytest.mark.parametrize(
    "text",
    [
        "Serbia sent a train with the sign “Kosovo is Serbia” toward the border.",
        "Thaci warned Belgrade against meddling in the affairs of the “sovereign state”.",
        "The allies argue the vote was a “sham” and conducted under threats.",
        "Thaci wants to allow the emergence of a ‘regular army’ in Kosovo.",
    ],
)
def test_scare_quotes_are_not_quotes(nlp: Language, text: str) -> None:
    for quote in _quotes(nlp, text):
        assert quote.kind != "partial" and quote.kind != "direct", quote


def test_odd_marks_keep_other_quotes(nlp: Language) -> None:
    text = "“It is done,” Anna Lee said. He paused ” and “ left.\n\n“Good,” John Smith said."
    speakers = {q.speaker_text for q in _quotes(nlp, text)}
    assert {"Anna Lee", "John Smith"} <= speakers


def test_random_text_never_raises(nlp: Language) -> None:
    rng = random.Random(11)
    words = [
        "he",
        "said",
        "“",
        "”",
        '"',
        "'",
        "‘",
        "’",
        "that",
        "NATO",
        "Anna",
        "Lee",
        ".",
        ",",
        ":",
        "\n\n",
        "according",
        "to",
        "the",
        "ministers",
        "told",
        "it",
    ]
    texts = [" ".join(rng.choice(words) for _ in range(rng.randint(0, 30))) for _ in range(30)]
    for text, doc in zip(texts, nlp.pipe(spacy_view(t) for t in texts), strict=True):
        for quote in extract_quotes(doc, text):
            assert 0 <= quote.start <= quote.end <= len(text)


def test_pronoun_skips_an_organisation_subject(nlp: Language) -> None:
    text = (
        "At a rally, opposition leader Oskar Venn told a crowd that the Constitutional Court "
        "would rule on the challenge. ‘They can dredge the river,’ he said."
    )
    quote = _find(_quotes(nlp, text), "dredge the river")
    assert quote.speaker_text == "Oskar Venn"


def test_defended_introduces_the_next_quote(nlp: Language) -> None:
    text = (
        "Maritime Minister Edvin Sorell defended the deal before the vote. "
        "“Nobody is selling anything. The water stays ours.”"
    )
    quote = _find(_quotes(nlp, text), "Nobody is selling")
    assert quote.speaker_text == "Edvin Sorell"


# --- issue 19 item 4: the speaker is the one the syntax and the quotes around give ---------------


def test_he_said_is_the_subject_not_the_nearest_name(nlp: Language) -> None:
    text = (
        "Icahn, who has long criticised Beta chairman Tom Lee, disagreed on Monday. "
        "“The board is wrong,” he said."
    )
    assert _find(_quotes(nlp, text), "board is wrong").speaker_text == "Icahn"


def test_he_said_after_a_sentence_about_its_subject(nlp: Language) -> None:
    text = (
        "Carl Icahn criticised Beta chairman Tom Lee on Monday. "
        "“They have failed shareholders,” he said."
    )
    assert _find(_quotes(nlp, text), "failed shareholders").speaker_text == "Carl Icahn"


def test_quote_paragraph_after_its_speakers_sentence(nlp: Language) -> None:
    text = "Carl Icahn criticised the board on Monday.\n\n“They have failed shareholders.”"
    assert _find(_quotes(nlp, text), "failed shareholders").speaker_text == "Carl Icahn"


@pytest.mark.parametrize(
    "text",
    [
        "“The offer is fair,” said Carl Icahn, who bid for Beta Corp.\n\n"
        "“We will not raise it. The board should accept.”",
        "Carl Icahn said on Monday: “The board has failed. It should resign.\n\n"
        "“We will fight on.”",
        "Carl Icahn told Reuters on Monday: “The board has failed.”\n\n"
        "“It should resign,” he added.",
    ],
)
def test_quote_continued_after_a_paragraph_break(nlp: Language, text: str) -> None:
    quotes = _quotes(nlp, text)
    assert len(quotes) == 2
    assert {q.speaker_text for q in quotes} == {"Carl Icahn"}


@pytest.mark.parametrize(
    "text",
    [
        "Lee said that they would re-examine the offer next week, and the board agreed.",
        "“We hope they would re-examine it,” Lee said.",
        "Lee said the offer was a re-run of the last one.",
    ],
)
def test_span_never_ends_inside_a_word(nlp: Language, text: str) -> None:
    quotes = _quotes(nlp, text)
    assert quotes
    for q in quotes:
        after = text[q.end : q.end + 1]
        assert not (text[q.end - 1].isalnum() and (after.isalnum() or after == "-")), q.text
        assert q.start == 0 or not (text[q.start - 1].isalnum() and text[q.start].isalnum())


def test_one_quote_once(nlp: Language) -> None:
    text = "Lee said the plan was “a reckless giveaway” that would hurt the workers."
    quotes = _quotes(nlp, text)
    holding = [q for q in quotes if "reckless giveaway" in q.text]
    assert len(holding) == 1, quotes


def test_voices_merge_only_when_named_together(nlp: Language) -> None:
    text = (
        "Officials from Serbia, Mimi Kodheli and Damir Krsticevic attended the summit with "
        "Tom Lee.\n\nThe ministers said they would support the plan."
    )
    quote = _find(_quotes(nlp, text), "would support")
    assert {quote.speaker_text, *quote.co_speakers} == {"Mimi Kodheli", "Damir Krsticevic"}


def test_coordinated_subject_speaks_together(nlp: Language) -> None:
    text = (
        "Mimi Kodheli and Damir Krsticevic said in a joint statement that they would "
        "support the plan."
    )
    quote = _find(_quotes(nlp, text), "would support")
    assert (quote.speaker_text, quote.co_speakers) == ("Mimi Kodheli", ("Damir Krsticevic",))


@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
        # a dateline is the outlet's, not the speaker's words
        (
            "SPRINGFIELD, March 6, 2016 — Two people were killed in the shooting at the bar on "
            "Sunday night, police said.",
            "Two people were killed",
            "police",
        ),
        # a clause the parser split at a contracted "would" keeps the verb after it
        (
            "Trump called it the easy route while insisting that he’d rather Congress approve "
            "his border wall.",
            "rather Congress approve his border wall",
            "Trump",
        ),
        # nor is a lead-in before an inserted cue; a subject before it stays
        (
            "Given that, Mr. Sellers said, Wal-Mart’s personnel decisions were made by local "
            "managers.",
            "Wal-Mart’s personnel decisions",
            "Sellers",
        ),
        (
            "This campaign, Mr. Sellers says, is different from the last one in every way.",
            "This campaign, Mr. Sellers says, is different",
            "Sellers",
        ),
        # nor is the writer's link to the paragraph before
        (
            "Regardless, investigators were treating the devices as live explosives, Police "
            "Commissioner James O'Neill said.",
            "investigators were treating",
            "Commissioner James O'Neill",
        ),
    ],
)
def test_a_reported_clause_starts_at_what_was_said(
    nlp: Language, text: str, words: str, speaker: str
) -> None:
    quote = _find(_quotes(nlp, text), words)
    assert quote.text.startswith(words)
    assert text[quote.start : quote.end] == quote.text
    assert quote.speaker_text == speaker


def test_a_second_speakers_report_ends_the_first_ones_words(nlp: Language) -> None:
    """ "…, while police said …" is the police's; "… signatures to ask the court …" has no
    speaker of its own and stays in the content."""
    rival = "Organisers said 1,000 people attended the vigil, while police said 300 attended it."
    said = _find(_quotes(nlp, rival), "1,000 people")
    assert "police" not in said.text and said.speaker_text == "Organisers"
    purpose = (
        "Oskar Venn said his party had collected enough signatures to ask the Constitutional "
        "Court to review the vote."
    )
    assert "to review the vote" in _find(_quotes(nlp, purpose), "signatures").text


@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
        # "they" is the last group that was a subject, never the one person named since.
        (
            "Deputies followed Rafe Lindqvist from a barbecue two miles away. They said he "
            "was arguing with his brother before the shots.",
            "arguing with his brother",
            "Deputies",
        ),
        # A trailing "he said" is not the man the report is about.
        (
            "Sheriff Tom Morrow spoke at a news conference. The two boys were listed in "
            "serious condition, Morrow said.\n\nRafe Lindqvist went to the marina to meet a "
            "friend who was throwing a party there, he said.",
            "went to the marina",
            "Sheriff Tom Morrow",
        ),
        # An office named for its holder is one name, not "Office".
        (
            "The Harbour County Sheriff's Office said two boats were damaged in the fire.",
            "two boats were damaged",
            "Harbour County Sheriff's Office",
        ),
        # A place's police speak as themselves, not as the place.
        (
            "The driver was taken into custody, according to the Boston police department.",
            "The driver was taken into custody",
            "Boston police department",
        ),
        # A new statement is its own author's, not the one the story quoted first.
        (
            "Trump issued a statement on Sunday. “We can't afford to be politically correct "
            "anymore,” the statement continued.\n\nEarlier Sunday, Clinton released a "
            "statement unequivocally calling the massacre an “act of terror.”",
            "act of terror",
            "Clinton",
        ),
        # A statement speaks for whoever issued it.
        (
            "The harbour authority later issued a statement saying the quay would reopen.",
            "the quay would reopen",
            "harbour authority",
        ),
        # A lawmaker's party and home ("D-Lakeport") is no one who speaks.
        (
            "State Sen. Marla Kent, D-Lakeport, said she is praying for the families.\n\n"
            "“I ask the nation to keep Lakeport in its prayers,” she said.",
            "I ask the nation",
            "Marla Kent",
        ),
        # "he" follows the man the story follows, not a name in his sentence's clause.
        (
            "Tom Darby is presiding elder of the district's churches.\n\n"
            "By 11 p.m., he still had no news about whether Paul Perkins was among them.\n\n"
            "“We just don't know,” he said softly.",
            "We just don't know",
            "Tom Darby",
        ),
        # A name the model leaves unlabelled, subject earlier in the pronoun's own sentence.
        (
            "Jacob died over the weekend.\n\nBrock has not spoken publicly, but he released a "
            'statement saying: "The true heroes are the teachers who protected the children."',
            "The true heroes",
            "Brock",
        ),
        # "the president" is the one the story titles so, not a vice president
        (
            "President Barack Obama unveiled the plan, drawn up by Vice President Joe Biden.\n\n"
            "“I intend to use whatever weight this office holds,” said the president, "
            "speaking about his recommendations.",
            "I intend to use",
            "Barack Obama",
        ),
        # "she" is not her son; "Mr. Conway" is the husband, not Kellyanne Conway
        (
            "“Matthew’s death was preventable,” one of the women, Maureen Maloney, said. Her "
            "son Matthew Denice, 23, was killed in 2011 in a motorcycle accident. “He should "
            "have never been here in the first place,” she said.",
            "He should have never been here",
            "Maureen Maloney",
        ),
        (
            "Among those predicting defeats for Mr. Trump was George T. Conway III, a lawyer "
            "and the husband of Kellyanne Conway, the president’s counselor. “If he knows he "
            "is going to lose,” Mr. Conway wrote on Twitter.",
            "If he knows",
            "George T. Conway III",
        ),
        # "he" is not the main subject the text calls "Ms."
        (
            "President Donald Trump spoke on Friday.\n\nBut Ms. Coulter, who has viscerally "
            "attacked Mr. Trump for caving on the wall, has clearly gotten under his skin. "
            "“I don’t know her,” he said before quickly correcting himself.",
            "I don’t know her",
            "Donald Trump",
        ),
        # a place the model calls a person is no "he"; a name with "who" is a person
        (
            "The quake struck the town of Bireun on Tuesday.\n\n“Dozens of people were "
            "injured,” said Fauzi, who like many Indonesians uses a single name.\n\nHe said "
            "at least 22 houses were badly damaged in the district.",
            "at least 22 houses",
            "Fauzi",
        ),
        # "he" after a speaker named by role only is that speaker
        (
            "Sutopo Purwo Nugroho gave the toll.\n\nIn Bener Meriah, about 300 people slept "
            "outdoors, a local official told AFP.\n\n“We have a power outage now,” he added.",
            "We have a power outage",
            "local official",
        ),
        # nor a sentence's opening word the model folded into a name
        ("Plus Obama said he would act on his own.", "he would act", "Obama"),
        # an adverb before a group is not part of who speaks
        (
            "The White House proposals, even officials there admit, are not a cure-all.",
            "are not a cure-all",
            "officials there",
        ),
        # unnamed sources described are themselves, not the last name before them
        (
            "The plan includes directing the Centers for Disease Control and Prevention to "
            "research gun violence, according to those briefed on the effort.",
            "The plan includes",
            "those briefed on the effort",
        ),
        # a document cited is no one's words but its own
        (
            "According to a 2012 bankruptcy petition filed in Miami, Mr. Sayoc resided at the "
            "time at his mother's home.",
            "resided at the time",
            "2012 bankruptcy petition",
        ),
        # "he" is the surname the sentence before is about, when the story names him in full.
        (
            "Cesar Sayoc was taken into custody on Friday, FBI Director Chris Wray confirmed."
            "\n\nA spokeswoman for Brevard College in North Carolina confirmed to HuffPost that "
            "Sayoc attended the school for three semesters starting in the fall of 1980 and did "
            "not graduate.\n\nAuthorities were initially vague about the content of the "
            "packages, calling them simply “suspected explosive devices.” Wray elaborated at "
            "Friday’s press briefing that each device contained roughly 6 inches of PVC pipe, "
            "as well as a small clock and wiring. “These are not hoax devices,” he said.",
            "These are not hoax devices",
            "Chris Wray",
        ),
        # "she" is the one the sentence before is about, not a subject inside its report.
        (
            "Ohio Rep. Marcia Fudge, among the handful of Democrats who backed Ryan's bid, "
            "said the effort to unseat Pelosi was not a failure.\n\n"
            "“We didn’t lose today,” she said.",
            "We didn’t lose today",
            "Marcia Fudge",
        ),
        # A person after an inverted cue, and an office between a group and a name.
        (
            "“He failed in that today,” said Indivisible co-founder Ezra Levin.",
            "He failed",
            "Ezra Levin",
        ),
        (
            "“The plan is doomed to fail,” CREDO Political Director Murshed Zaheed said.",
            "doomed to fail",
            "Murshed Zaheed",
        ),
        # An organisation's full name runs on past its head noun.
        (
            "“It was a display of cowardice,” said Democracy for America, one of several groups.",
            "a display of cowardice",
            "Democracy for America",
        ),
    ],
)
def test_speaker_is_who_the_text_says_not_the_nearest_name(
    nlp: Language, text: str, words: str, speaker: str
) -> None:
    assert _find(_quotes(nlp, text), words).speaker_text == speaker


def test_a_clause_the_speaker_reports_of_himself_is_not_a_second_quote(nlp: Language) -> None:
    text = 'Sanders said he agrees Trump is a "total opportunist."'
    quotes = _quotes(nlp, text)
    assert [(q.kind, q.speaker_text) for q in quotes] == [("indirect", "Sanders")]
    assert quotes[0].text.startswith("he agrees Trump")


def test_people_listed_near_a_group_do_not_speak_for_it(nlp: Language) -> None:
    """Names listed as the addressees of packages are not "the authorities" who warned."""
    text = (
        "The packages have been addressed to former President Barack Obama; former Vice "
        "President Joseph R. Biden Jr.; former Secretary of State Hillary Clinton; and "
        "George Soros.\n\nBut the authorities in New York and elsewhere have warned that "
        "the devices should be considered dangerous."
    )
    quote = _find(_quotes(nlp, text), "should be considered dangerous")
    assert (quote.speaker_text, quote.co_speakers) == ("authorities in New York", ())


def test_what_nobody_said_is_no_quote(nlp: Language) -> None:
    text = "Authorities haven't said whether the devices were built to explode."
    assert not [q for q in _quotes(nlp, text) if "built to explode" in q.text]


def test_a_programme_in_quotation_marks_is_whom_one_spoke_to(nlp: Language) -> None:
    text = (
        "“It would have been a massacre,” Sen. Rand Paul said on “Fox & Friends.” “We were "
        "like sitting ducks.”"
    )
    quotes = _quotes(nlp, text)
    assert [(q.text, q.speaker_text) for q in quotes] == [
        ("It would have been a massacre,", "Rand Paul"),
        ("We were like sitting ducks.", "Rand Paul"),
    ]
