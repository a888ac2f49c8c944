"""Lines of scraped text: which are article text and which are page furniture.

``shapes`` answers one question about a single line (a menu? a byline? a sentence?); the
learned judge, ``model``, scores every line from ``features`` of it and its neighbours and
from ``vocabulary`` it shares with the lines already believed, weights in ``model.json``
(retrained by ``bench/train_line_classifier.py``). ``layout`` decides from both where the
article begins and ends.
"""

from storydiff.clean.lines.model import article_lines

__all__ = ["article_lines"]
