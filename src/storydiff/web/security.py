"""Who may talk to the app and what a page may do once loaded.

- Host check: bound to loopback, only ``localhost``/loopback Host headers are answered, so a
  web page elsewhere cannot reach the app by DNS rebinding.
- Access token: when set (required off loopback), every request carries it as a bearer
  header or as the cookie ``?token=`` sets once.
- CSRF: forms carry a random token that must equal a SameSite=Strict cookie and must not
  come from another origin; the JSON API accepts only ``application/json`` bodies (which a
  cross-site form cannot send), and its writes (a bodiless DELETE too) only same-origin or
  with the access token as a bearer.
- Body limit: requests larger than the limit are refused before they are parsed.
"""

from __future__ import annotations

import hmac
import secrets
from typing import Any
from urllib.parse import urlsplit

from fastapi import Request
from fastapi.responses import JSONResponse, RedirectResponse, Response
from starlette.datastructures import URL, MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from storydiff.web.errors import WebError, error_payload, error_response
from storydiff.web.settings import Settings, is_loopback
from storydiff.web.state import state

CSRF_COOKIE = "storydiff_csrf"
TOKEN_COOKIE = "storydiff_token"

BASE_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",  # keeps the Origin header on our own form posts
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
}
DEFAULT_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"


class TooLarge(WebError):
    def __init__(self, limit: int) -> None:
        super().__init__(
            413, "too_large", f"request body over {limit // 1_048_576} MB; send fewer articles"
        )


class BodyLimit:
    """Refuse bodies over the limit, by Content-Length and while streaming."""

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        length = dict(scope["headers"]).get(b"content-length", b"0")
        if not length.isdigit() or int(length) > self.limit:
            await self._refuse(scope, receive, send)
            return
        seen = 0
        started = False

        async def limited() -> Message:
            nonlocal seen
            message = await receive()
            seen += len(message.get("body", b""))
            if seen > self.limit:
                raise TooLarge(self.limit)
            return message

        async def tracked(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, limited, tracked)
        except TooLarge:
            if not started:
                await self._refuse(scope, receive, send)

    async def _refuse(self, scope: Scope, receive: Receive, send: Send) -> None:
        exc = TooLarge(self.limit)
        response = JSONResponse(error_payload(413, exc.code, str(exc.detail)), status_code=413)
        response.headers.update(BASE_HEADERS)
        response.headers["Content-Security-Policy"] = DEFAULT_CSP
        response.headers["Connection"] = "close"
        await response(scope, receive, send)


def _same(a: str | None, b: str | None) -> bool:
    return bool(a) and bool(b) and hmac.compare_digest(str(a).encode(), str(b).encode())


class Guard:
    """Host check, access token and the headers every response carries (plain ASGI: cheap)."""

    def __init__(self, app: ASGIApp, settings: Settings) -> None:
        self.app = app
        self.settings = settings

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in BASE_HEADERS.items():
                    headers.setdefault(name, value)
                headers.setdefault("Content-Security-Policy", DEFAULT_CSP)
                headers.setdefault("Cache-Control", "no-store")
            await send(message)

        refusal = self._refusal(Request(scope))
        if refusal is None:
            await self.app(scope, receive, with_headers)
        else:
            await refusal(scope, receive, with_headers)

    def _refusal(self, request: Request) -> Response | None:
        host = urlsplit(f"//{request.headers.get('host', '')}").hostname or ""
        if self.settings.loopback_only and not is_loopback(host):
            return error_response(request, 421, "wrong_host", "this server only answers localhost")
        token = self.settings.token
        if token is None:
            return None
        given = request.query_params.get("token")
        if given is not None and _same(given, token) and request.method == "GET":
            target = request.url.remove_query_params("token")
            redirect = RedirectResponse(_local(target), status_code=303)
            redirect.set_cookie(TOKEN_COOKIE, token, httponly=True, samesite="strict")
            return redirect
        bearer = request.headers.get("authorization", "")
        if _same(bearer.removeprefix("Bearer "), token) or _same(
            request.cookies.get(TOKEN_COOKIE), token
        ):
            return None
        return error_response(
            request, 401, "unauthorized", "open the link with ?token=… or send a bearer token"
        )


def _local(url: URL) -> str:
    """Path and query only: a redirect never leaves this server."""
    return url.path + (f"?{url.query}" if url.query else "")


def csrf_token(request: Request) -> str:
    """The browser's CSRF token, made on its first page view."""
    return request.cookies.get(CSRF_COOKIE) or secrets.token_urlsafe(24)


def set_csrf(response: Response, token: str) -> None:
    response.set_cookie(CSRF_COOKIE, token, httponly=True, samesite="strict", path="/")


def _cross_site(request: Request) -> bool:
    """True when the browser says the request comes from another origin."""
    origin = request.headers.get("origin")
    if origin and urlsplit(origin).netloc != request.headers.get("host"):
        return True
    return request.headers.get("sec-fetch-site", "same-origin") not in ("same-origin", "none")


def check_csrf(request: Request, form_token: Any) -> None:
    """The form's token must match the cookie, and the browser must not say it is cross-site."""
    if _cross_site(request):
        raise WebError(403, "csrf", "the form came from another site; reload the page")
    if not isinstance(form_token, str) or not _same(form_token, request.cookies.get(CSRF_COOKIE)):
        raise WebError(403, "csrf", "the form has expired; reload the page and try again")


def require_json(request: Request) -> None:
    """API writes: JSON only (a cross-site form cannot send it), and same-origin unless the
    request carries the access token as a bearer header, which no other site can know."""
    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if kind != "application/json":
        raise WebError(415, "unsupported_media_type", "send the body as application/json")
    require_same_site(request)


def require_same_site(request: Request) -> None:
    """API writes without a body (DELETE): same-origin, or with the access token as a bearer."""
    token = state(request).settings.token
    bearer = request.headers.get("authorization", "").removeprefix("Bearer ")
    if _cross_site(request) and not (token and _same(bearer, token)):
        raise WebError(
            403, "cross_site", "API writes from another site need the access token as a bearer"
        )
