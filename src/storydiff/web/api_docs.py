"""``/api/docs``: FastAPI's OpenAPI document read through Swagger UI, from a package.

The stock FastAPI docs page loads Swagger UI from a CDN. Ours takes Swagger UI's script and
stylesheet from the ``swagger-ui-bundle-v2`` package and inlines them, pinned by hash in the
page's Content-Security-Policy like every other script of the app: the page loads nothing but
the OpenAPI document from this server, and no other script can run on it.
"""

from __future__ import annotations

import base64
import hashlib
import json
from functools import cache
from pathlib import Path

from fastapi.responses import HTMLResponse
from markupsafe import Markup

from storydiff.web.render import page

# Swagger UI's own settings: no outside validator badge (it would call validator.swagger.io),
# the plain layout (no top bar with a URL box), the operations listed and linkable.
_SETTINGS = {
    "dom_id": "#swagger-ui",
    "layout": "BaseLayout",
    "deepLinking": True,
    "validatorUrl": None,
    "docExpansion": "list",
    "defaultModelsExpandDepth": 0,
}


def _bundle_folder() -> Path:
    from swagger_ui_bundle import swagger_ui_path

    return Path(swagger_ui_path)


def _hashed(text: str) -> tuple[Markup, str]:
    digest = base64.b64encode(hashlib.sha256(text.encode()).digest()).decode()
    return Markup(text), f"'sha256-{digest}'"


@cache
def swagger_assets(openapi_url: str) -> tuple[tuple[Markup, str], tuple[Markup, str]]:
    """Swagger UI's script (with the call that starts it) and its stylesheet, each with its
    CSP hash source."""
    folder = _bundle_folder()
    bundle = (folder / "swagger-ui-bundle.js").read_text(encoding="utf-8")
    if "</script" in bundle.lower():  # would end our inline <script> early
        raise RuntimeError(f"{folder} holds a script that cannot be inlined")
    settings = json.dumps({**_SETTINGS, "url": openapi_url}).replace("<", "\\u003c")
    start = (
        f"\n;(function () {{ var s = {settings};"
        " s.presets = [SwaggerUIBundle.presets.apis]; window.ui = SwaggerUIBundle(s); })();\n"
    )
    style = (folder / "swagger-ui.css").read_text(encoding="utf-8")
    return _hashed(bundle + start), _hashed(style)


def api_docs_page(openapi_url: str) -> HTMLResponse:
    """The page: the app's header, then Swagger UI reading ``openapi_url``."""
    script, style = swagger_assets(openapi_url)
    return page("api_docs.html.j2", script=script, extra_style=style, openapi_url=openapi_url)
