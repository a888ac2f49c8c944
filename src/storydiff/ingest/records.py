"""Turning one exported record (a JSON object, a WARC response) into a document.

Exports name the article's body differently; the names below are the ones news datasets and
scrapers actually use. HTML is preferred when both are present: it carries the metadata.
"""

from __future__ import annotations

from typing import Any, Literal

from storydiff.ingest.decode import binary_text, noted, one_line, scrub, too_long
from storydiff.ingest.sidecar import Metadata, metadata_from
from storydiff.model import RawDocument, Rejection

TEXT_FIELDS = ("text", "maintext", "body", "content", "article")
HTML_FIELDS = ("html", "raw_html", "content_html")
URL_FIELDS = ("url", "link", "source_url")

Loaded = tuple[RawDocument | Rejection, Metadata | None]


def from_record(record: object, label: str, max_chars: int) -> Loaded:
    """A JSON object with a text or html field → a document and its stated metadata."""
    if not isinstance(record, dict):
        return Rejection(label, 'record is not a JSON object; expected {"text": …}'), None
    html = _first_string(record, HTML_FIELDS)
    text = _first_string(record, TEXT_FIELDS)
    body = html or text
    kind: Literal["text", "html"] = "html" if html else "text"
    if body and binary_text(body):
        return Rejection(label, "record text is binary (control characters); fix the export"), None
    body, note = scrub(body) if body else (body, None)
    if not body or not body.strip():
        names = ", ".join(TEXT_FIELDS + HTML_FIELDS)
        return Rejection(label, f"record has no text; give it one of the fields {names}"), None
    if len(body) > max_chars:
        return Rejection(label, f"record text is over {max_chars // 1_048_576} MB; split it"), None
    reason = too_long(body) if kind == "text" else None
    if reason is not None:
        return Rejection(label, reason), None
    url = _first_string(record, URL_FIELDS)
    source = f"{label} ({one_line(url, 300)})" if url else label
    return RawDocument(source, body, kind, noted("utf-8", note)), metadata_from(record)


def _first_string(record: dict[str, Any], keys: tuple[str, ...]) -> str | None:
    for key in keys:
        value = record.get(key)
        if isinstance(value, str) and value.strip():
            return value
    return None
