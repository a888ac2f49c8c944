"""Quotes: who said what in one article, as offsets into its text.

``extract`` is the entry point and finds quotations; ``marks`` pairs quotation marks (and
repairs unbalanced ones), ``cues`` and ``speaker`` read a reporting verb and resolve who it
belongs to, ``indirect`` finds reported speech outside marks (headline colons in
``headline``), ``unsourced`` views and questions with no named source, and ``spans``
where a cue and its content begin and end; ``record`` is the record a scorer reads. The
learned scorer (``model``, over ``candidates`` and ``features``, weights in ``model.npz``)
rereads the rules' output in the cognitive mode scored on PolNeAR. Word lists: ``vocab``.
"""

from storydiff.analyse.quotes.extract import extract_attributions, extract_quotes
from storydiff.analyse.quotes.record import Attribution

__all__ = ["Attribution", "extract_attributions", "extract_quotes"]
