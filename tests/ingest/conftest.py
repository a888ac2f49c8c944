"""Local HTTP servers for fetch tests: nothing here reaches the internet."""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest

Route = tuple[int, dict[str, str], bytes]
Routes = dict[str, Route | Callable[[], Route]]


class QuietServer(ThreadingHTTPServer):
    """A test server for which a client hanging up early (a fetch giving up on purpose) is
    part of the test, not an error to print over the test run's output."""

    def handle_error(self, request: Any, client_address: Any) -> None:
        if isinstance(sys.exc_info()[1], ConnectionError):
            return
        super().handle_error(request, client_address)


class _Server:
    def __init__(self, routes: Routes) -> None:
        self.routes = routes
        self.hits: list[tuple[str, str]] = []  # (path, user agent)
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                outer.hits.append((self.path, self.headers.get("User-Agent", "")))
                route = outer.routes.get(self.path, (404, {}, b"not found"))
                status, headers, body = route() if callable(route) else route
                self.send_response(status)
                for key, value in headers.items():
                    self.send_header(key, value)
                if "Content-Length" not in headers:
                    self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args: Any) -> None:
                pass

        self.httpd = QuietServer(("127.0.0.1", 0), Handler)
        self.port = self.httpd.server_address[1]
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def serve() -> Iterator[Callable[[Routes], _Server]]:
    """Start local servers with the given routes; all are shut down after the test."""
    servers: list[_Server] = []

    def start(routes: Routes) -> _Server:
        server = _Server(routes)
        servers.append(server)
        return server

    yield start
    for server in servers:
        server.close()


ARTICLE_HTML = (
    b"<!doctype html><html><head><title>Port lease vote delayed</title>"
    b'<meta charset="utf-8"></head><body><nav><a href="/">Home</a></nav><article>'
    b"<h1>Port lease vote delayed</h1>"
    b"<p>The city council delayed its vote on the port lease on Tuesday after the harbour "
    b"authority asked for more time to review the bids from three operators.</p>"
    b"<p>Council members said the delay would last at least two weeks, and that the public "
    b"hearing planned for Thursday would go ahead as scheduled at the town hall.</p>"
    b"</article></body></html>"
)
