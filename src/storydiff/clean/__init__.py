"""Clean stage: one ``RawDocument`` in, one ``Article`` out.

Page furniture (menus, captions, credits, bios, comment forms, disclaimers) is removed and
every removal is recorded with its reason; what the furniture says about the article (title,
author, outlet, credit, date) is kept as metadata.
"""

from storydiff.clean.batch import clean_all
from storydiff.clean.clean import clean_document

__all__ = ["clean_all", "clean_document"]
