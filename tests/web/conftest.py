"""Shared web fixtures: an app with a fake analyser (fast), and a live server (browser)."""

from __future__ import annotations

import socket
import threading
import time
from pathlib import Path
from typing import Any

import pytest
import uvicorn
from fastapi import FastAPI

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

HOSTILE = (
    "Port officials met on Monday. <script>alert(1)</script> Then "
    "<img src=x onerror=alert(2)> and [a link](javascript:alert(3)) and "
    '<a href="javascript:alert(4)">click</a>. "We will not sell," the mayor said.'
)
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def fake_analyse(db: Path, story_id: str) -> dict[str, Any]:
    """A valid dossier built straight from the inputs: the web layer without spaCy."""
    inputs = stories.story_inputs(db, story_id)
    articles = [
        Article(key=f"k{i}", source=x.name, text=x.content, title=x.name)
        for i, x in enumerate(inputs)
    ]
    ids = {a.key: f"a{i + 1}" for i, a in enumerate(articles)}
    text = articles[0].text
    members = [ClaimMember("a1", text[:4], 0, 4)]
    dossier = Dossier(
        story=Story("s1", inputs[0].name, None),
        articles=articles,
        article_ids=ids,
        quotes=[Quote("q1", "a1", None, text[:12], "direct", text[:20], 0, 20, "said", None)],
        claims=[Claim("c1", text[:40], "single-source", "one", members)],
        summary=[SummarySentence(text[:30], [Citation("a1", 0, 4)])],
    )
    doc = to_document(dossier)
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


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(db=tmp_path / "web.db", max_body_bytes=200_000, max_article_bytes=50_000)


@pytest.fixture
def fake_app(settings: Settings) -> FastAPI:
    return create_app(settings, analyse=fake_analyse)


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


def need_chromium() -> None:
    if not CHROMIUM.exists():
        pytest.skip("/usr/bin/chromium is missing; install it with .ci/setup.d/chromium.sh")
