"""Whether a cleaned text reads as a news article, and if not, why in words a user reads.

Before a story is analysed, inputs that are not news (documentation, login walls, listicles)
are named as such instead of lending the dossier their "claims" and their title.
"""

from __future__ import annotations

from storydiff.clean.page_vocab import INSTRUCTION_OPENINGS, READER_WORDS, REPORTING_WORDS

# One line under this many words is a headline alone, not a brief.
_HEADLINE_WORDS = 25
# Below this many words a text is too short to judge: a brief is still news.
_FEWEST_WORDS = 80
# "you" per 100 words from which a text with no reporting words talks to its reader.
_READER_RATE = 1.5
# Share of lines that open with an instruction from which a text is a manual.
_INSTRUCTION_SHARE = 0.2


def not_news_reason(text: str) -> str | None:
    """Why ``text`` does not read as a news article; None when it does (or is too short to
    judge, unless it is a headline alone)."""
    words = len(text.split())
    lines = [line for line in text.splitlines() if line.strip()]
    if words == 0:
        return "nothing is left after cleaning: the page held no article text"
    if (
        len(lines) == 1
        and words < _HEADLINE_WORDS
        and not text.rstrip().endswith((".", "!", "?", '"', "”"))
        and not REPORTING_WORDS.search(text)
    ):
        return (
            f"only a headline is left after cleaning ({words} words): the page held no article "
            "text (a video page, a list of links or a paywall); pass the article's full text"
        )
    if words < _FEWEST_WORDS or REPORTING_WORDS.search(text):
        return None
    instructions = sum(1 for line in lines if INSTRUCTION_OPENINGS.match(line))
    readers = len(READER_WORDS.findall(text))
    if instructions >= _INSTRUCTION_SHARE * len(lines) and instructions >= 2:
        return (
            f"does not read as a news article: nobody is reported as saying anything and "
            f"{instructions} of its {len(lines)} lines are instructions"
        )
    if readers * 100 >= _READER_RATE * words:
        return (
            "does not read as a news article: nobody is reported as saying anything and it "
            f"addresses the reader ('you' {readers} times in {words} words)"
        )
    return None
