"""One exception family, each carrying a one-line message: what went wrong, where, how to fix.

    StorydiffError
    ├── InputError        nothing usable in what the user gave us
    ├── ModelMissingError the spaCy pipeline is not installed
    ├── StoreError        the database cannot be opened or migrated
    ├── GoldError         an evaluation gold file is missing or malformed
    └── ContractError     a dossier breaks its own JSON Schema (a storydiff bug)

Per-article problems are not exceptions: they become ``Rejection`` records and the batch
goes on.
"""

from __future__ import annotations

import json
from typing import Any


class StorydiffError(Exception):
    """Base class; ``str(err)`` is the one line shown to the user."""


class InputError(StorydiffError):
    pass


class ModelMissingError(StorydiffError):
    pass


class StoreError(StorydiffError):
    pass


class GoldError(StorydiffError):
    pass


class ContractError(StorydiffError):
    """A dossier breaks its own schema: a bug of ours, named by the failing value's JSON path."""

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
