"""The dossier as the public JSON contract (../DOSSIER_SCHEMA.md), validated by its schema."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from functools import cache
from importlib import resources
from typing import Any

from storydiff.codec import to_plain
from storydiff.model import Dossier

SCHEMA_ID = "storydiff.dossier/2"


@cache
def dossier_schema() -> dict[str, Any]:
    """The JSON Schema shipped inside the package."""
    text = resources.files("storydiff.schema").joinpath("dossier.schema.json").read_text("utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema


def validate(document: dict[str, Any]) -> None:
    """Raise ``jsonschema.ValidationError`` when a document breaks the contract."""
    _validator().validate(document)


_STRINGS = {"type": "string"}


@cache
def _validator() -> Any:
    """One validator for the shipped schema; the schema itself is checked in the tests.

    Lists of plain strings (each article's omitted claims: millions in a story of thousands
    of articles) are checked in one pass instead of one schema descent per item; any list
    with a non-string goes the standard way, so the errors are the same.
    """
    from jsonschema import Draft202012Validator, validators  # loaded on first validation

    standard = Draft202012Validator.VALIDATORS["items"]

    def items(validator: Any, items: Any, instance: Any, schema: dict[str, Any]) -> Any:
        if (
            items == _STRINGS
            and "prefixItems" not in schema
            and isinstance(instance, list)
            and all(isinstance(item, str) for item in instance)
        ):
            return
        yield from standard(validator, items, instance, schema)

    checker = validators.extend(Draft202012Validator, {"items": items})  # type: ignore[no-untyped-call]
    return checker(dossier_schema())


def to_document(dossier: Dossier, *, now: datetime | None = None) -> dict[str, Any]:
    """The JSON document users script against."""
    ids = dossier.article_ids
    articles = []
    for article in dossier.articles:
        plain = to_plain(article)
        key = plain.pop("key")
        plain["duplicate_of"] = ids.get(article.duplicate_of or "")
        left_out = dossier.quantities_left_out.get(article.key, [])
        plain["quantities_left_out"] = [to_plain(x) for x in left_out]
        articles.append({"id": ids[key], **plain})
    changes = [
        {
            "actor": c.actor,
            "actor_name": c.actor_name,
            "from": {"article": c.before.article, "date": c.before.date, "stance": c.before.stance},
            "to": {"article": c.after.article, "date": c.after.date, "stance": c.after.stance},
        }
        for c in dossier.stance_changes
    ]
    stamp = (now or datetime.now(UTC)).strftime("%Y-%m-%dT%H:%M:%SZ")
    return {
        "schema": SCHEMA_ID,
        "generated_at": stamp,
        "story": to_plain(dossier.story),
        "articles": articles,
        "entities": [to_plain(e) for e in dossier.entities],
        "quotes": [to_plain(q) for q in dossier.quotes],
        "quantities": [to_plain(q) for q in dossier.quantities],
        "claims": [to_plain(c) for c in dossier.claims],
        "stances": [to_plain(s) for s in dossier.stances],
        "stance_changes": changes,
        "timeline": [to_plain(t) for t in dossier.timeline],
        "framing": [to_plain(f) for f in dossier.framing],
        "summary": [to_plain(s) for s in dossier.summary],
        "rejected": [to_plain(r) for r in dossier.rejections],
    }
