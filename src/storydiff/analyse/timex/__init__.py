"""Dates and times in an article: found as TimeML expressions, placed on the calendar later.

``extract`` is the entry point (expressions that date something, as ``TimeRecord``s);
``grammar`` holds the regular expressions that find an expression and read its anchor-free
value, ``resolve`` the arithmetic that places a relative one against the article's date,
``vocab`` the word lists. Importing the package loads no spaCy: the align stage reads
``resolve_time`` on runs whose analyses are all stored.
"""

from storydiff.analyse.timex.extract import extract_times, extract_timexes, timex3_value
from storydiff.analyse.timex.grammar import Timex
from storydiff.analyse.timex.resolve import resolve_time

__all__ = ["Timex", "extract_times", "extract_timexes", "resolve_time", "timex3_value"]
