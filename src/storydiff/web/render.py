"""App pages: Jinja2 with autoescape on, and a CSP that lets only our own hashed assets run."""

from __future__ import annotations

from functools import cache
from typing import Any

from fastapi.responses import HTMLResponse
from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup

from storydiff.report.html import content_security_policy, packaged_asset


@cache
def _environment() -> Environment:
    return Environment(
        loader=PackageLoader("storydiff.web", "templates"),
        autoescape=select_autoescape(["html", "j2"], default_for_string=True, default=True),
    )


@cache
def _asset(name: str) -> tuple[Markup, str]:
    return packaged_asset(_environment(), name)


def _policy(script: str, styles: list[str]) -> str:
    """Only these inline scripts and stylesheets, by hash; fetches and forms only to this
    server."""
    return (
        f"default-src 'none'; script-src {script}; style-src {' '.join(styles)}; "
        "connect-src 'self'; img-src 'self' data:; form-action 'self'; base-uri 'none'; "
        "frame-ancestors 'none'"
    )


@cache
def page_csp() -> str:
    """The policy of a page with our own script and stylesheet."""
    return _policy(_asset("app.js")[1], [_asset("app.css")[1]])


def page(
    name: str,
    *,
    status_code: int = 200,
    script: tuple[Markup, str] | None = None,
    extra_style: tuple[Markup, str] | None = None,
    **context: Any,
) -> HTMLResponse:
    """One app page with its CSP as a header. ``script`` (text and CSP hash source) takes the
    place of app.js, ``extra_style`` is a second stylesheet (the API docs' Swagger UI)."""
    own_script, style = _asset("app.js"), _asset("app.css")
    script = script or own_script
    html = (
        _environment()
        .get_template(name)
        .render(
            script=script[0],
            style=style[0],
            extra_style=extra_style[0] if extra_style else None,
            **context,
        )
    )
    response = HTMLResponse(html, status_code=status_code)
    styles = [style[1], *([extra_style[1]] if extra_style else [])]
    response.headers["Content-Security-Policy"] = _policy(script[1], styles)
    return response


def dossier_page(html: str) -> HTMLResponse:
    """The report's own self-contained page, served with its own CSP as a header too."""
    response = HTMLResponse(html)
    response.headers["Content-Security-Policy"] = (
        content_security_policy() + "; frame-ancestors 'none'"
    )
    return response
