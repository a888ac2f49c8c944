"""The dossier as one self-contained HTML file: no network, article text always escaped."""

from __future__ import annotations

import base64
import hashlib
from functools import cache
from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup, escape


@cache
def _environment() -> Environment:
    return Environment(
        loader=PackageLoader("storydiff.report", "templates"),
        autoescape=select_autoescape(["html", "j2"], default_for_string=True, default=True),
    )


def _cite(c: dict[str, Any]) -> Markup:
    """A clickable citation; every attribute value is escaped."""
    return Markup(
        '<span class="cite" data-article="{a}" data-start="{s}" data-end="{e}">[{a}:{s}–{e}]</span>'
    ).format(a=escape(c["article"]), s=int(c["start"]), e=int(c["end"]))


def render_html(doc: dict[str, Any]) -> str:
    """Render with a CSP that allows only our own script, pinned by hash."""
    env = _environment()
    script = env.loader.get_source(env, "highlight.js")[0] if env.loader else ""
    digest = base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()
    template = env.get_template("dossier.html.j2")
    return template.render(doc=doc, cite=_cite, script=Markup(script), script_hash=digest)
