"""Shared web fixtures: an app with a fake analyser (fast), and a live server (browser)."""

from __future__ import annotations

import json
import socket
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
import uvicorn
from fastapi import FastAPI
from fastapi.testclient import TestClient

from storydiff.model import (
    Article,
    Citation,
    Claim,
    ClaimMember,
    Dossier,
    Quote,
    Story,
    SummarySentence,
)
from storydiff.report import to_document, validate
from storydiff.store import stories
from storydiff.web import Settings, create_app

if TYPE_CHECKING:
    from playwright.sync_api import ConsoleMessage, Dialog, Page

HOSTILE = (
    "Port officials met on Monday. <script>alert(1)</script> Then "
    "<img src=x onerror=alert(2)> and [a link](javascript:alert(3)) and "
    '<a href="javascript:alert(4)">click</a>. "We will not sell," the mayor said.'
)
BASE = "http://127.0.0.1"


def _text(item: stories.StoryInput) -> str:
    """An input's text; an article ``storydiff analyze`` kept is its record's JSON."""
    return str(json.loads(item.content)["text"]) if item.kind == "article" else item.content


def fake_dossier(articles: list[Article]) -> Dossier:
    """A dossier citing the first article: what the web layer needs, without spaCy."""
    ids = {a.key: f"a{i + 1}" for i, a in enumerate(articles)}
    text = articles[0].text
    members = [ClaimMember("a1", text[:4], 0, 4)]
    return Dossier(
        story=Story("s1", articles[0].title or articles[0].source, None),
        articles=articles,
        article_ids=ids,
        quotes=[Quote("q1", "a1", None, text[:12], "direct", text[:20], 0, 20, "said", None)],
        claims=[Claim("c1", text[:40], "single-source", "one", members)],
        summary=[SummarySentence(text[:30], [Citation("a1", 0, 4)])],
    )


def fake_analyse(db: Path, story_id: str) -> dict[str, Any]:
    """A valid dossier built straight from the inputs: the web layer without spaCy."""
    inputs = stories.story_inputs(db, story_id)
    articles = [
        Article(key=f"k{i}", source=x.name, text=_text(x), title=x.name)
        for i, x in enumerate(inputs)
    ]
    doc = to_document(fake_dossier(articles))
    validate(doc)
    return doc


def wait_done(db: Path, story_id: str, timeout: float = 120) -> stories.StoryRow:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        row = stories.get_story(db, story_id)
        if row is not None and row.status in ("done", "failed"):
            return row
        time.sleep(0.05)
    raise AssertionError(f"story {story_id} did not finish in {timeout} s")


def csrf_of(client: TestClient) -> str:
    """The CSRF token a browser gets with the story list, as its forms send it."""
    client.get("/")
    return str(client.cookies["storydiff_csrf"])


def assert_error(body: object, status: int) -> None:
    """The app's one error shape."""
    assert isinstance(body, dict) and set(body) == {"error"}
    assert set(body["error"]) == {"status", "code", "message"}
    assert body["error"]["status"] == status and body["error"]["message"]


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(db=tmp_path / "web.db", max_body_bytes=200_000, max_article_bytes=50_000)


@pytest.fixture
def fake_app(settings: Settings) -> FastAPI:
    return create_app(settings, analyse=fake_analyse)


@pytest.fixture
def client(fake_app: FastAPI) -> Iterator[TestClient]:
    with TestClient(fake_app, base_url=BASE) as c:
        yield c


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


class LiveServer:
    """uvicorn on a free loopback port in a thread, stopped at the end of the module."""

    def __init__(self, app: FastAPI) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        config = uvicorn.Config(app, host="127.0.0.1", port=self.port, log_level="warning")
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self) -> LiveServer:
        self.thread.start()
        deadline = time.monotonic() + 20
        while not self.server.started:
            if time.monotonic() > deadline:
                raise RuntimeError("uvicorn did not start")
            time.sleep(0.02)
        return self

    def __exit__(self, *_: object) -> None:
        self.server.should_exit = True
        self.thread.join(10)


ARTICLE_PAGE = (
    b"<!doctype html><html><head><meta charset='utf-8'><title>Lease vote delayed</title></head>"
    b"<body><article><h1>Lease vote delayed</h1><p>The harbour council in Velmara delayed its "
    b"vote on the Port Sallis lease on Monday, council member Ivo Marr said.</p><p>The vote "
    b"will take place next week, after the harbour authority reviews the three bids.</p>"
    b"</article></body></html>"
)


class ArticleServer:
    """A loopback HTTP server with fixed pages, counting the requests it answers."""

    def __init__(self, pages: dict[str, tuple[str, bytes]]) -> None:
        self.hits: list[str] = []
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                outer.hits.append(self.path)
                kind, body = pages.get(self.path, ("text/plain", b"not found"))
                self.send_response(200 if self.path in pages else 404)
                self.send_header("Content-Type", kind)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args: Any) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.host = f"127.0.0.1:{self.httpd.server_address[1]}"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def url(self, path: str) -> str:
        return f"http://{self.host}{path}"


@pytest.fixture
def article_server() -> Iterator[ArticleServer]:
    server = ArticleServer(
        {
            "/lease": ("text/html; charset=utf-8", ARTICLE_PAGE),
            "/feed": ("application/rss+xml", b"<rss><channel></channel></rss>"),
        }
    )
    yield server
    server.httpd.shutdown()
    server.httpd.server_close()


class Watched:
    """A page that records dialogs (there must be none) and CSP or script errors."""

    def __init__(self, page: Page) -> None:
        self.page = page
        self.dialogs: list[str] = []
        self.errors: list[str] = []
        page.on("dialog", self._dialog)
        page.on("console", self._console)
        page.on("pageerror", lambda err: self.errors.append(str(err)))

    def _dialog(self, dialog: Dialog) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def _console(self, message: ConsoleMessage) -> None:
        if message.type == "error":
            self.errors.append(message.text)
