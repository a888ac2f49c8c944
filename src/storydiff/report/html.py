"""The dossier as one self-contained HTML file: no network, article text always escaped.

The page's only script and stylesheet are inlined and pinned by hash in its
Content-Security-Policy, so nothing that comes from an article can run, even if escaping
were ever to fail. The web app serves the same page with the same policy as a header.
Charts are matplotlib's SVG reduced to inert drawing markup (``inert_svg``), inlined too.
"""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Sequence
from functools import cache
from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup, escape

from storydiff.report import page, view
from storydiff.report.charts import render_charts


@cache
def _environment() -> Environment:
    env = Environment(
        loader=PackageLoader("storydiff.report", "templates"),
        autoescape=select_autoescape(["html", "j2"], default_for_string=True, default=True),
    )
    env.globals.update(
        cite=cite, spans=view.spans, sides=view.sides, counted=view.counted, verdicts=view.VERDICTS
    )
    return env


def packaged_asset(env: Environment, name: str) -> tuple[Markup, str]:
    """A script or stylesheet of a template folder and its CSP hash source (``'sha256-…'``):
    inline in the page, allowed by hash, so no other script can run."""
    text = env.loader.get_source(env, name)[0] if env.loader else ""
    digest = base64.b64encode(hashlib.sha256(text.encode()).digest()).decode()
    return Markup(text), f"'sha256-{digest}'"


@cache
def asset(name: str) -> tuple[Markup, str]:
    """A packaged script or stylesheet of the dossier page and its CSP hash source."""
    return packaged_asset(_environment(), name)


def content_security_policy() -> str:
    """Nothing may load; only our own inline script and stylesheet, pinned by hash, apply."""
    _, script = asset("highlight.js")
    _, style = asset("dossier.css")
    return (
        f"default-src 'none'; script-src {script}; style-src {style}; img-src data:; "
        "base-uri 'none'; form-action 'none'"
    )


def cite(c: dict[str, Any], label: str | None = None) -> Markup:
    """A keyboard-reachable button that highlights one cited span; every value is escaped."""
    start, end = int(c["start"]), int(c["end"])
    text = label if label is not None else f"[{c['article']}:{start}–{end}]"
    return Markup(
        '<button type="button" class="cite" data-spans="{spans}" '
        'aria-label="{text}: {a} characters {s}–{e}">{text}</button>'
    ).format(spans=view.spans([c]), a=escape(c["article"]), s=start, e=end, text=text)


# The page's limits, for the notes that say what a big story's page leaves out.
_LIMITS = {
    "rows": page.ROWS,
    "members": page.MEMBERS,
    "quotes": page.QUOTES,
    "omits": page.OMITS,
}


def render_html(doc: dict[str, Any], *, links: Sequence[tuple[str, str]] = ()) -> str:
    """The dossier page; ``links`` (href, label) are the web app's navigation, if any."""
    script, _ = asset("highlight.js")
    style, _ = asset("dossier.css")
    shown = page.page(doc)
    return (
        _environment()
        .get_template("dossier.html.j2")
        .render(
            doc=doc,
            glance=view.glance(doc),
            page=shown,
            text_ids=shown.text_ids,
            limits={**_LIMITS, "per_actor": page.per_actor(doc)},
            charts=render_charts(doc),
            csp=Markup(content_security_policy()),  # our own constant; quotes must stay literal
            script=script,
            style=style,
            links=links,
        )
    )
