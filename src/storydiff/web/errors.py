"""One error shape for every failure: ``{"error": {"status", "code", "message"}}``.

The API always answers with it; a browser asking for a page gets the same three fields
as an (escaped) HTML page. Unexpected exceptions never leak a traceback or a path.
"""

from __future__ import annotations

import logging
from http import HTTPStatus
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel
from starlette.exceptions import HTTPException

log = logging.getLogger("storydiff.web")


class ErrorBody(BaseModel):
    status: int
    code: str
    message: str


class ErrorOut(BaseModel):
    """What every error response carries."""

    error: ErrorBody


ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    "4XX": {"model": ErrorOut, "description": "The request cannot be served; see the message."},
    "5XX": {"model": ErrorOut, "description": "A fault in storydiff; nothing was changed."},
}


class WebError(HTTPException):
    """An expected failure with a stable machine-readable code."""

    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(status, message)
        self.code = code


def _code(status: int) -> str:
    try:
        return HTTPStatus(status).phrase.lower().replace(" ", "_").replace("-", "_")
    except ValueError:
        return "error"


def error_payload(status: int, code: str, message: str) -> dict[str, Any]:
    return {"error": {"status": status, "code": code, "message": message}}


def error_response(request: Request, status: int, code: str, message: str) -> Response:
    """JSON for the API and scripts; an HTML page for a browser asking for a page."""
    wants_html = "text/html" in request.headers.get("accept", "")
    if wants_html and not request.url.path.startswith("/api/"):
        from storydiff.web.render import page

        return page("error.html.j2", status_code=status, status=status, code=code, message=message)
    return JSONResponse(error_payload(status, code, message), status_code=status)


async def _http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    code = exc.code if isinstance(exc, WebError) else _code(exc.status_code)
    message = exc.detail if isinstance(exc.detail, str) else HTTPStatus(exc.status_code).phrase
    response = error_response(request, exc.status_code, code, message)
    if exc.headers:
        response.headers.update(exc.headers)
    return response


async def _invalid(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, RequestValidationError)
    first = exc.errors()[0] if exc.errors() else {}
    where = ".".join(str(p) for p in first.get("loc", ()) if p != "body") or "request"
    message = f"{where}: {first.get('msg', 'invalid value')}"
    return error_response(request, 422, "invalid_request", message)


async def _crash(request: Request, exc: Exception) -> Response:
    log.exception("unhandled error on %s", request.url.path)
    return error_response(request, 500, "internal_error", "internal error; see the server log")


def install(app: FastAPI) -> None:
    """Route every kind of failure through the one shape."""
    app.add_exception_handler(HTTPException, _http_error)
    app.add_exception_handler(RequestValidationError, _invalid)
    app.add_exception_handler(Exception, _crash)
