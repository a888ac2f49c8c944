"""One options object for the web app, built once by ``storydiff serve`` or by tests."""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass, field
from pathlib import Path

from storydiff.errors import InputError
from storydiff.ingest.urls import UrlPolicy

_REPO_EXAMPLE = Path(__file__).resolve().parents[3] / "examples" / "story"
LOOPBACK_NAMES = frozenset({"localhost", "localhost.localdomain"})


@dataclass(frozen=True, slots=True)
class Settings:
    """Where the data lives and the limits that keep one client from hurting the rest."""

    db: Path
    token: str | None = None
    loopback_only: bool = True  # answer only Host headers naming this machine (DNS rebinding)
    max_body_bytes: int = 12 * 1024 * 1024
    max_article_bytes: int = 2 * 1024 * 1024
    max_articles: int = 50
    max_title_chars: int = 300
    max_issue_chars: int = 200  # the disputed question, in the user's words
    max_urls: int = 20  # one form's worth of links; a crawl belongs in `storydiff analyze`
    fetch_timeout: float = 10.0
    # What added URLs may point at: public addresses only unless the operator allows more
    # (tests allow their own loopback server by "host:port").
    url_policy: UrlPolicy = field(default_factory=UrlPolicy)
    example_dir: Path | None = _REPO_EXAMPLE if _REPO_EXAMPLE.is_dir() else None


def is_loopback(host: str) -> bool:
    """True for names and addresses that only this machine can reach."""
    host = host.strip("[]").lower()
    if host in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def check_bind(host: str, token: str | None) -> None:
    """Refuse to listen beyond this machine without an access token."""
    if not is_loopback(host) and not token:
        raise InputError(
            f"refusing to listen on {host} without an access token; pass --token SECRET "
            "(or set STORYDIFF_TOKEN), or bind to 127.0.0.1"
        )
    if token is not None and len(token) < 16:
        raise InputError("the access token is shorter than 16 characters; use a longer one")
