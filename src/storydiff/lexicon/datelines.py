"""The dateline an agency or paper opens its first paragraph with, for every stage that reads
or shows that paragraph: the cleaner takes the place, date and outlet from it; a claim's label
leaves it out (it is the outlet's, not the fact's)."""

from __future__ import annotations

import re
from typing import Final

# Reuters/AP-style dateline opening the first paragraph: "HARBOURTON, March 3 (Reuters) -".
DATELINE: Final[re.Pattern[str]] = re.compile(
    r"^(?P<place>[A-Z][A-Z .'’-]{1,40}(?:,\s*[A-Z][A-Za-z .]{1,30})?)"
    r"(?:,\s*(?P<date>[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s*\d{4})?))?"
    r"\s*(?:\((?P<outlet>[A-Za-z][\w/&. -]{1,30})\))?\s*[-–—]{1,2}\s+"
)
