"""The web app: keep stories, run analyses in the background, read dossiers in a browser.

``create_app`` is imported on first use: FastAPI costs a second at start-up, and every other
``storydiff`` command imports this package's settings without needing it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from storydiff.web.settings import Settings

if TYPE_CHECKING:
    from storydiff.web.app import create_app

__all__ = ["Settings", "create_app"]


def __getattr__(name: str) -> Any:
    if name == "create_app":
        from storydiff.web.app import create_app

        return create_app
    raise AttributeError(name)
