"""One exception family, each carrying a one-line message: what went wrong, where, how to fix.

    StorydiffError         E000  (only its subclasses are raised)
    ├── InputError         E001  nothing usable in what the user gave us
    │   ├── UrlRefused     E002  a URL that must not be fetched (malformed, not http(s), private)
    │   └── FetchError     E003  a URL that could not be fetched (server, time limit, size, type)
    ├── ModelMissingError  E004  a model is not installed, or its shipped weights do not fit
    ├── StoreError         E005  the database cannot be opened or migrated
    ├── GoldError          E006  an evaluation gold file is missing or malformed
    ├── ContractError      E007  an output breaks its own contract (a storydiff bug)
    └── BatchError         E008  a partition failed on a Dask worker; finished ones are kept

Each class has a stable ``code``, listed in ``CATALOGUE``, which the command line prints before
the message (``error: [E005] cannot open the store …``) so a user can look it up or quote it.
``str(err)`` stays the message alone: it also becomes a rejection's reason or a web story's
error, where no code is shown. A code is never reused or renumbered; a new class takes the
next free one.

Per-article problems are not exceptions: they become ``Rejection`` records and the batch
goes on (a refused or failed URL is one: ``UrlRefused`` and ``FetchError`` end as its reason).
"""

from __future__ import annotations

import json
from typing import Any, ClassVar


class StorydiffError(Exception):
    """Base class; ``str(err)`` is the one line shown to the user, after its code."""

    code: ClassVar[str] = "E000"

    def line(self) -> str:
        """The line the command line prints: ``[E001] what went wrong, where; how to fix``."""
        return f"[{self.code}] {self}"


class InputError(StorydiffError):
    """Nothing usable in what the user gave us: no such file, a bad option, nothing analysable."""

    code = "E001"


class UrlRefused(InputError):
    """A URL that must not be fetched: malformed, not http(s), or pointing inside the network."""

    code = "E002"


class FetchError(InputError):
    """A URL that could not be fetched: the server's answer, the time limit, its size or type."""

    code = "E003"


class ModelMissingError(StorydiffError):
    """A model storydiff needs is not installed, or its shipped weights do not fit the code."""

    code = "E004"


class StoreError(StorydiffError):
    """The database cannot be opened, created or migrated."""

    code = "E005"


class GoldError(StorydiffError):
    """An evaluation gold file is missing or malformed."""

    code = "E006"


class ContractError(StorydiffError):
    """An output breaks its own contract (the dossier's JSON Schema, a chart's SVG): a bug of
    ours, named by where it breaks (for the schema, the failing value's JSON path)."""

    code = "E007"

    @classmethod
    def from_validation(cls, err: Any, wrote: str = "") -> ContractError:
        """One line from a ``jsonschema.ValidationError``: where, what value, which rule.

        ``wrote`` says what was still written, e.g. "wrote out/dossier.json as it is".
        """
        where = json_path(err.absolute_path)
        value = _short(err.instance)
        rule = " ".join(str(err.message).split())
        shown = repr(err.instance)
        if rule.startswith(shown) and len(shown) > 1:
            rule = rule[len(shown) :].strip()  # the value is shown once, truncated
        rule = rule if len(rule) <= 100 else rule[:97] + "..."
        done = f"; {wrote}" if wrote else ""
        return cls(
            f"the dossier breaks its schema at {where} = {value} ({rule}){done}; "
            "this is a storydiff bug: please report it with the input that caused it"
        )


class BatchError(StorydiffError):
    """A partition failed on a Dask worker; finished partitions are kept for the next run."""

    code = "E008"


# Every code and its class; the module docstring draws the same tree with what each means.
CATALOGUE: dict[str, type[StorydiffError]] = {
    "E000": StorydiffError,
    "E001": InputError,
    "E002": UrlRefused,
    "E003": FetchError,
    "E004": ModelMissingError,
    "E005": StoreError,
    "E006": GoldError,
    "E007": ContractError,
    "E008": BatchError,
}


def json_path(parts: Any) -> str:
    """``timeline[3].date`` from the keys and indexes leading to a value; ``$`` for the root."""
    path = "$"
    for part in parts:
        if isinstance(part, int):
            path += f"[{part}]"
        elif isinstance(part, str) and part.isidentifier():
            path += f".{part}"
        else:
            path += f"[{json.dumps(str(part), ensure_ascii=False)}]"
    return path.removeprefix("$.") if path != "$" else path


def _short(value: Any, limit: int = 60) -> str:
    """A value as JSON on one line, cut to ``limit`` characters."""
    try:
        text = json.dumps(value, ensure_ascii=False, default=repr)
    except ValueError:  # a circular structure
        text = repr(value)
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 3] + "..."
