"""Adding articles by URL: fetched through the ingest SSRF guard, loopback refused by default."""

from __future__ import annotations

from dataclasses import replace

import pytest
from fastapi.testclient import TestClient

from storydiff.ingest.urls import UrlPolicy
from storydiff.web import Settings, create_app

from .conftest import (
    ARTICLE_PAGE,
    BASE,
    ArticleServer,
    assert_error,
    csrf_of,
    fake_analyse,
    wait_done,
)


def _allowing(settings: Settings, server: ArticleServer) -> TestClient:
    """The app with this one loopback server allowed, as an operator would allow a host."""
    policy = UrlPolicy(allow_hosts=frozenset({server.host}))
    app = create_app(replace(settings, url_policy=policy), analyse=fake_analyse)
    return TestClient(app, base_url=BASE)


def test_loopback_urls_are_refused_by_default(
    client: TestClient, article_server: ArticleServer
) -> None:
    r = client.post(
        "/stories", data={"csrf": csrf_of(client), "urls": article_server.url("/lease")}
    )
    assert_error(r.json(), 422)
    assert "loopback" in r.json()["error"]["message"]
    assert article_server.hits == []  # refused before any connection


def test_an_allowed_server_gives_its_article(
    settings: Settings, article_server: ArticleServer
) -> None:
    with _allowing(settings, article_server) as client:
        url = article_server.url("/lease")
        form = {"csrf": csrf_of(client), "urls": f"{url}\n{url}\n"}
        r = client.post("/stories", data=form, follow_redirects=False)
        assert r.status_code == 303, r.text
        story_id = r.headers["location"].rsplit("/", 1)[1]
        assert wait_done(settings.db, story_id).status == "done"
        doc = client.get(f"/api/stories/{story_id}/dossier").json()
    assert [a["source"] for a in doc["articles"]] == [url]  # the same URL twice: fetched once
    assert "delayed its vote on the Port Sallis lease" in doc["articles"][0]["text"]
    assert article_server.hits == ["/lease"]


def test_the_api_takes_urls_too(settings: Settings, article_server: ArticleServer) -> None:
    with _allowing(settings, article_server) as client:
        r = client.post("/api/stories", json={"urls": [article_server.url("/lease")]})
        assert r.status_code == 202, r.text
        assert wait_done(settings.db, r.json()["id"]).status == "done"
        refused = client.post("/api/stories", json={"urls": ["http://169.254.169.254/latest"]})
    assert_error(refused.json(), 422)
    assert "metadata" in refused.json()["error"]["message"]


@pytest.mark.parametrize(
    ("urls", "status", "code"),
    [
        ("file:///etc/passwd", 422, "bad_url"),
        ("javascript:alert(1)", 422, "bad_url"),
        ("http://", 422, "bad_url"),
        (" ".join(f"https://example.com/{n}" for n in range(21)), 413, "too_many_urls"),
    ],
)
def test_bad_url_lists_are_refused_before_fetching(
    client: TestClient, urls: str, status: int, code: str
) -> None:
    r = client.post("/stories", data={"csrf": csrf_of(client), "urls": urls})
    assert_error(r.json(), status)
    assert r.json()["error"]["code"] == code


def test_a_feed_is_not_an_article(settings: Settings, article_server: ArticleServer) -> None:
    with _allowing(settings, article_server) as client:
        r = client.post(
            "/stories", data={"csrf": csrf_of(client), "urls": article_server.url("/feed")}
        )
    assert_error(r.json(), 422)
    assert r.json()["error"]["code"] == "not_an_article"


def test_a_missing_page_names_the_url(settings: Settings, article_server: ArticleServer) -> None:
    with _allowing(settings, article_server) as client:
        url = article_server.url("/gone")
        r = client.post("/stories", data={"csrf": csrf_of(client), "urls": url})
    assert_error(r.json(), 422)
    assert r.json()["error"]["message"].startswith(f"{url}: server answered 404")


def test_the_form_offers_urls(client: TestClient) -> None:
    assert 'name="urls"' in client.get("/").text


class _Hostile:
    """A loopback server that trickles one page a byte at a time and garbles another."""

    def __init__(self) -> None:
        import threading
        from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
        from typing import Any

        self.stop = threading.Event()
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                self.send_response(200)
                self.send_header("Content-Type", "text/html")
                if self.path == "/gzip":  # says gzip, sends plain HTML
                    self.send_header("Content-Encoding", "gzip")
                    self.send_header("Content-Length", str(len(ARTICLE_PAGE)))
                    self.end_headers()
                    self.wfile.write(ARTICLE_PAGE)
                    return
                self.send_header("Content-Length", "1000")
                self.end_headers()
                for _ in range(1000):
                    try:
                        self.wfile.write(b"x")
                        self.wfile.flush()
                    except OSError:
                        return
                    if outer.stop.wait(0.2):
                        return

            def log_message(self, *args: Any) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.host = f"127.0.0.1:{self.httpd.server_address[1]}"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def url(self, path: str) -> str:
        return f"http://{self.host}{path}"

    def close(self) -> None:
        self.stop.set()
        self.httpd.shutdown()
        self.httpd.server_close()


def test_a_trickling_or_garbled_page_is_refused_within_the_fetch_timeout(
    settings: Settings,
) -> None:
    import time

    server = _Hostile()
    policy = UrlPolicy(allow_hosts=frozenset({server.host}))
    quick = replace(settings, url_policy=policy, fetch_timeout=1.0)
    try:
        with TestClient(create_app(quick, analyse=fake_analyse), base_url=BASE) as client:
            started = time.monotonic()
            slow = client.post("/api/stories", json={"urls": [server.url("/slow")]})
            elapsed = time.monotonic() - started
            garbled = client.post("/api/stories", json={"urls": [server.url("/gzip")]})
    finally:
        server.close()
    assert_error(slow.json(), 422)
    assert "within the 1 s limit" in slow.json()["error"]["message"]
    assert elapsed < 2.5
    assert_error(garbled.json(), 422)
    assert "corrupt gzip body" in garbled.json()["error"]["message"]
