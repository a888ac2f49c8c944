"""Fetching against local servers: limits, retries, and the private-address guard."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

import httpx
import pytest

from storydiff.ingest.fetch import USER_AGENT, Fetched, Fetcher, FetchOptions
from storydiff.ingest.urls import UrlPolicy, UrlRefused, check_url
from storydiff.model import Rejection

from .conftest import ARTICLE_HTML, QuietServer

HTML = {"Content-Type": "text/html; charset=utf-8"}
LOCAL = UrlPolicy(allow_private=True)


def _fetcher(**options: Any) -> Fetcher:
    options.setdefault("policy", LOCAL)
    return Fetcher(FetchOptions(**options), sleep=lambda _: None)


def test_local_page_is_fetched_with_our_user_agent(serve: Callable[..., Any]) -> None:
    server = serve({"/a": (200, HTML, ARTICLE_HTML)})
    result = _fetcher().fetch(server.url("/a"))
    assert isinstance(result, Fetched) and result.content == ARTICLE_HTML
    assert result.content_type == "text/html" and result.charset == "utf-8"
    assert server.hits == [("/a", USER_AGENT)]


def test_redirects_are_followed_by_hand_up_to_the_limit(serve: Callable[..., Any]) -> None:
    server = serve({})
    server.routes.update(
        {
            "/r1": (302, {"Location": "/r2"}, b""),
            "/r2": (301, {"Location": server.url("/a")}, b""),
            "/a": (200, HTML, ARTICLE_HTML),
            "/loop": (302, {"Location": "/loop"}, b""),
        }
    )
    result = _fetcher().fetch(server.url("/r1"))
    assert isinstance(result, Fetched) and result.final_url == server.url("/a")
    looped = _fetcher(max_redirects=3).fetch(server.url("/loop"))
    assert isinstance(looped, Rejection) and "more than 3 redirects" in looped.reason


@pytest.mark.parametrize("location", ["http://[::1", "//[", "http://a]b/"])
def test_a_redirect_to_a_malformed_url_costs_only_that_url(
    serve: Callable[..., Any], location: str
) -> None:
    server = serve({"/bad": (302, {"Location": location}, b""), "/a": (200, HTML, ARTICLE_HTML)})
    # fetch_all runs in a thread pool: the bad redirect used to raise ValueError out of it.
    bad, good = _fetcher().fetch_all([server.url("/bad"), server.url("/a")])
    assert isinstance(bad, Rejection) and "malformed URL" in bad.reason, bad
    assert "\n" not in bad.reason and len(server.hits) == 2  # refused at once, not retried
    assert isinstance(good, Fetched)


def test_an_unforeseen_error_costs_only_its_url(monkeypatch: pytest.MonkeyPatch) -> None:
    def boom(self: Fetcher, url: str) -> Fetched:
        raise RuntimeError("unforeseen\nin two lines")

    monkeypatch.setattr(Fetcher, "_follow", boom)
    (result,) = _fetcher().fetch_all(["https://news.example/a"])
    assert isinstance(result, Rejection)
    assert (
        result.reason
        == "could not be fetched (RuntimeError: unforeseen in two lines); check the URL"
    )


@pytest.mark.parametrize(
    ("route", "options", "reason"),
    [
        ((200, {"Content-Type": "image/png"}, b"\x89PNG"), {}, "content type image/png"),
        ((200, HTML, b"x" * 5000), {"max_bytes": 1000}, "over the"),
        ((200, {**HTML, "Content-Length": "0"}, b""), {"max_bytes": 10}, ""),
        ((404, HTML, b"gone"), {}, "answered 404"),
        ((503, HTML, b"busy"), {"retries": 2}, "503 after 3 tries"),
    ],
)
def test_limits_give_one_line_reasons(
    serve: Callable[..., Any], route: Any, options: dict[str, Any], reason: str
) -> None:
    server = serve({"/x": route})
    result = _fetcher(**options).fetch(server.url("/x"))
    if not reason:
        assert isinstance(result, Fetched)
        return
    assert isinstance(result, Rejection) and reason in result.reason, result
    assert "\n" not in result.reason


def test_streamed_body_stops_at_the_cap(serve: Callable[..., Any]) -> None:
    # No Content-Length: the cap must be enforced while reading.
    def chunked() -> tuple[int, dict[str, str], bytes]:
        return 200, {**HTML, "Content-Length": str(3_000_000)}, b"y" * 3_000_000

    server = serve({"/big": chunked})
    result = _fetcher(max_bytes=100_000).fetch(server.url("/big"))
    assert isinstance(result, Rejection) and "limit" in result.reason


def test_retries_with_backoff_then_succeeds() -> None:
    calls: list[int] = []
    waits: list[float] = []

    def handler(request: httpx.Request) -> httpx.Response:
        calls.append(1)
        if len(calls) < 3:
            return httpx.Response(503)
        return httpx.Response(200, headers=HTML, content=ARTICLE_HTML)

    fetcher = Fetcher(
        FetchOptions(policy=LOCAL, retries=3, backoff=0.1),
        transport=httpx.MockTransport(handler),
        resolver=lambda host, port: ["93.184.216.34"],
        sleep=waits.append,
    )
    result = fetcher.fetch("https://news.example/story")
    assert isinstance(result, Fetched) and len(calls) == 3
    assert waits == [0.1, 0.2]


def test_transport_errors_are_retried_and_reported() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectTimeout("slow", request=request)

    fetcher = Fetcher(
        FetchOptions(retries=1),
        transport=httpx.MockTransport(handler),
        resolver=lambda host, port: ["93.184.216.34"],
        sleep=lambda _: None,
    )
    result = fetcher.fetch("https://news.example/story")
    assert isinstance(result, Rejection) and "timed out after 2 tries" in result.reason


def test_connection_goes_to_the_checked_address() -> None:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, headers=HTML, content=ARTICLE_HTML)

    fetcher = Fetcher(
        transport=httpx.MockTransport(handler), resolver=lambda host, port: ["93.184.216.34"]
    )
    assert isinstance(fetcher.fetch("https://news.example/a?b=1"), Fetched)
    request = seen[0]
    assert request.url.host == "93.184.216.34" and request.headers["Host"] == "news.example"
    assert request.extensions["sni_hostname"] == "news.example"


@pytest.mark.parametrize(
    ("address", "problem"),
    [
        ("127.0.0.1", "loopback"),
        ("10.1.2.3", "private"),
        ("192.168.0.10", "private"),
        ("169.254.169.254", "metadata"),
        ("169.254.10.1", "link-local"),
        ("::1", "loopback"),
        ("::ffff:10.0.0.1", "private"),
        ("fe80::1", "link-local"),
        ("100.64.0.1", "private"),
    ],
)
def test_private_addresses_are_refused_after_resolution(address: str, problem: str) -> None:
    with pytest.raises(UrlRefused, match=problem):
        check_url("http://innocent.example/", UrlPolicy(), lambda host, port: [address])


def test_non_http_schemes_are_refused() -> None:
    with pytest.raises(UrlRefused, match="only http"):
        check_url("file:///etc/passwd", UrlPolicy())


def test_local_server_refused_without_allow_private(serve: Callable[..., Any]) -> None:
    server = serve({"/a": (200, HTML, ARTICLE_HTML)})
    result = _fetcher(policy=UrlPolicy()).fetch(server.url("/a"))
    assert isinstance(result, Rejection) and "--allow-private" in result.reason
    assert server.hits == []


def test_redirect_to_a_private_address_is_refused(serve: Callable[..., Any]) -> None:
    inner = serve({"/secret": (200, HTML, b"<p>internal admin page</p>")})
    outer = serve(
        {
            "/go": (302, {"Location": inner.url("/secret")}, b""),
            "/meta": (302, {"Location": "http://169.254.169.254/latest/meta-data/"}, b""),
        }
    )
    # Only the first hop's host:port is allowed: the test's stand-in for a public site.
    policy = UrlPolicy(allow_hosts=frozenset({f"127.0.0.1:{outer.port}"}))
    fetcher = _fetcher(policy=policy)
    result = fetcher.fetch(outer.url("/go"))
    assert isinstance(result, Rejection) and "redirected to" in result.reason
    assert "loopback" in result.reason and inner.hits == []
    meta = fetcher.fetch(outer.url("/meta"))
    assert isinstance(meta, Rejection) and "metadata" in meta.reason


def test_fetch_all_keeps_order_and_bounds_each_host(serve: Callable[..., Any]) -> None:
    server = serve({f"/{i}": (200, HTML, ARTICLE_HTML + str(i).encode()) for i in range(6)})
    results = list(_fetcher(per_host=2).fetch_all([server.url(f"/{i}") for i in range(6)]))
    assert [r.url for r in results] == [server.url(f"/{i}") for i in range(6)]
    assert all(isinstance(r, Fetched) for r in results)


def test_slow_server_times_out(serve: Callable[..., Any]) -> None:
    def stalled() -> tuple[int, dict[str, str], bytes]:
        time.sleep(1.5)
        return 200, HTML, ARTICLE_HTML

    server = serve({"/slow": stalled})
    started = time.monotonic()
    result = _fetcher(timeout=0.3, retries=1).fetch(server.url("/slow"))
    assert isinstance(result, Rejection) and "timed out after 2 tries" in result.reason
    assert time.monotonic() - started < 3


@pytest.mark.parametrize(
    ("addresses", "problem"),
    [
        (["93.184.216.34", "10.0.0.5"], "private"),  # one bad answer among good ones is enough
        (["fd12:3456::1"], "private"),
        (["0.0.0.0"], "private"),  # "this host": the stdlib counts it as private
        (["224.0.0.1"], "reserved"),
        (["100.100.100.200"], "metadata"),
        (["fd00:ec2::254"], "metadata"),
    ],
)
def test_every_resolved_address_is_checked(addresses: list[str], problem: str) -> None:
    with pytest.raises(UrlRefused, match=problem):
        check_url("https://news.example/a", UrlPolicy(), lambda host, port: addresses)


def test_name_resolving_to_a_private_address_is_never_asked(serve: Callable[..., Any]) -> None:
    server = serve({"/a": (200, HTML, ARTICLE_HTML)})
    fetcher = Fetcher(FetchOptions(), resolver=lambda host, port: ["127.0.0.1"])
    result = fetcher.fetch(f"http://rebind.example:{server.port}/a")
    assert isinstance(result, Rejection) and "loopback" in result.reason
    assert server.hits == []


@pytest.mark.parametrize(
    ("location", "problem"),
    [
        ("http://intranet.example/admin", "private"),  # resolves to 10.0.0.7 below
        ("http://[fe80::1]/", "link-local"),
        ("file:///etc/passwd", "only http"),
        ("http://169.254.169.254/latest/meta-data/", "metadata"),
    ],
)
def test_every_redirect_hop_is_checked_after_resolution(
    serve: Callable[..., Any], location: str, problem: str
) -> None:
    outer = serve({"/go": (302, {"Location": location}, b"")})

    def resolve(host: str, port: int) -> list[str]:
        return {"intranet.example": ["10.0.0.7"]}.get(host, [host.strip("[]")])

    policy = UrlPolicy(allow_hosts=frozenset({f"127.0.0.1:{outer.port}"}))
    fetcher = Fetcher(FetchOptions(policy=policy), resolver=resolve, sleep=lambda _: None)
    result = fetcher.fetch(outer.url("/go"))
    assert isinstance(result, Rejection) and problem in result.reason, result
    assert "redirected to" in result.reason and outer.hits == [("/go", USER_AGENT)]


class _Trickle:
    """A server that sends its headers at once, then one body byte every ``gap`` seconds."""

    def __init__(self, gap: float, size: int = 1000, first: float = 0.0) -> None:
        import threading
        from http.server import BaseHTTPRequestHandler

        self.stop = threading.Event()
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                if self.path == "/redirect":
                    self.send_response(302)
                    self.send_header("Location", "/slow")
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                outer.stop.wait(first)
                self.send_response(200)
                self.send_header("Content-Type", "text/html")
                self.send_header("Content-Length", str(size))
                self.end_headers()
                for _ in range(size):
                    try:
                        self.wfile.write(b"x")
                        self.wfile.flush()
                    except OSError:
                        return
                    if outer.stop.wait(gap):
                        return

            def log_message(self, *args: Any) -> None:
                pass

        self.httpd = QuietServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.port = self.httpd.server_address[1]
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def close(self) -> None:
        self.stop.set()
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.mark.parametrize("path", ["/slow", "/redirect"])
def test_a_trickled_body_ends_at_the_whole_download_deadline(path: str) -> None:
    # Every byte comes well within the per-read timeout; only the deadline can end it.
    server = _Trickle(gap=0.2)
    try:
        started = time.monotonic()
        result = _fetcher(deadline=1.0, timeout=5.0, retries=2).fetch(server.url(path))
        elapsed = time.monotonic() - started
    finally:
        server.close()
    assert isinstance(result, Rejection) and "within the 1 s limit" in result.reason, result
    assert elapsed < 2.0


def test_a_stall_after_some_bytes_ends_at_the_deadline_not_a_read_timeout_later() -> None:
    # A byte at once, then nothing: each read may wait 5 s, the whole download only 1 s.
    server = _Trickle(gap=30.0)
    try:
        started = time.monotonic()
        result = _fetcher(deadline=1.0, timeout=5.0).fetch(server.url("/slow"))
        elapsed = time.monotonic() - started
    finally:
        server.close()
    assert isinstance(result, Rejection) and "within the 1 s limit" in result.reason, result
    assert elapsed < 2.0


def test_slow_headers_end_at_the_deadline() -> None:
    server = _Trickle(gap=0.0, size=10, first=5.0)
    try:
        started = time.monotonic()
        result = _fetcher(deadline=1.0, timeout=5.0, retries=3).fetch(server.url("/slow"))
        elapsed = time.monotonic() - started
    finally:
        server.close()
    assert isinstance(result, Rejection) and "1 s limit" in result.reason, result
    assert elapsed < 2.0


def test_a_corrupt_gzip_body_is_one_line_not_an_exception(serve: Callable[..., Any]) -> None:
    server = serve({"/gz": (200, {**HTML, "Content-Encoding": "gzip"}, ARTICLE_HTML)})
    result = _fetcher().fetch(server.url("/gz"))
    assert isinstance(result, Rejection), result
    assert "the server sent a corrupt gzip body" in result.reason and "\n" not in result.reason
