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


@cache
def page_csp() -> str:
    """Our inline script and stylesheet by hash; fetches and forms only to this server."""
    return (
        f"default-src 'none'; script-src {_asset('app.js')[1]}; style-src {_asset('app.css')[1]}; "
        "connect-src 'self'; img-src 'self' data:; form-action 'self'; base-uri 'none'; "
        "frame-ancestors 'none'"
    )


def page(name: str, *, status_code: int = 200, **context: Any) -> HTMLResponse:
    """One app page with the page CSP as a header."""
    html = (
        _environment()
        .get_template(name)
        .render(script=_asset("app.js")[0], style=_asset("app.css")[0], **context)
    )
    response = HTMLResponse(html, status_code=status_code)
    response.headers["Content-Security-Policy"] = page_csp()
    return response


def dossier_page(html: str) -> HTMLResponse:
    """The report's own self-contained page, served with its own CSP as a header too."""
    response = HTMLResponse(html)
    response.headers["Content-Security-Policy"] = (
        content_security_policy() + "; frame-ancestors 'none'"
    )
    return response
