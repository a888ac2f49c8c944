"""Dataclass records to JSON-ready dicts and back, driven by their type hints."""

from __future__ import annotations

import dataclasses
import types
import typing
from functools import cache
from typing import Any, TypeVar

T = TypeVar("T")


def to_plain(record: Any) -> Any:
    """A record as plain dicts and lists, ready for ``json.dumps``.

    A record's tuples come out as lists too: JSON Schema counts only a list as an array.
    """
    if dataclasses.is_dataclass(record) and not isinstance(record, type):
        return {f.name: to_plain(getattr(record, f.name)) for f in dataclasses.fields(record)}
    if isinstance(record, (list, tuple)):
        return [to_plain(value) for value in record]
    if isinstance(record, dict):
        return {key: to_plain(value) for key, value in record.items()}
    return record


@cache
def _hints(cls: Any) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def _convert(hint: Any, value: Any) -> Any:
    if value is None:
        return None
    origin = typing.get_origin(hint)
    args = typing.get_args(hint)
    if origin in (typing.Union, types.UnionType):
        options = [a for a in args if a is not type(None)]
        return _convert(options[0], value) if len(options) == 1 else value
    if origin is list:
        return [_convert(args[0], v) for v in value]
    if origin is tuple:
        return tuple(_convert(args[0], v) for v in value)
    if origin is dict:
        return {k: _convert(args[1], v) for k, v in value.items()}
    if dataclasses.is_dataclass(hint) and isinstance(hint, type):
        return from_plain(hint, value)
    return value


def from_plain(cls: type[T], data: dict[str, Any]) -> T:
    """Rebuild a record from ``to_plain`` output; unknown keys are ignored."""
    hints = _hints(cls)  # type: ignore[arg-type]  # dataclass types are hashable
    names = {f.name for f in dataclasses.fields(cls)}  # type: ignore[arg-type]
    kwargs = {k: _convert(hints[k], v) for k, v in data.items() if k in names}
    return cls(**kwargs)
