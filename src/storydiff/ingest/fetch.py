"""Fetching articles over HTTP, carefully: a bad or hostile server costs one rejection.

Every limit a news crawl needs is here: a deadline for the whole download of one URL (every
redirect hop, retry and backoff wait, and the body however slowly it trickles in), a redirect
limit with each hop vetted by ``urls.check_url`` (redirects are followed by hand, never by
httpx), a size cap enforced while streaming, a content-type check, retries with exponential
backoff on transient failures, a bound on concurrent requests per host, and a User-Agent that
says who is asking.

The transport is injectable (``httpx.MockTransport`` in unit tests, a real one otherwise).
"""

from __future__ import annotations

import contextlib
import socket
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import TYPE_CHECKING
from urllib.parse import urljoin

from storydiff.errors import FetchError, UrlRefused
from storydiff.ingest.urls import Resolver, Target, UrlPolicy, check_url
from storydiff.ingest.urls import system_resolver as _system_resolver
from storydiff.model import Rejection

if TYPE_CHECKING:
    import httpx

USER_AGENT = "storydiff/0.1 (+https://github.com/storydiff/storydiff; news dossier builder)"
DEFAULT_MAX_BYTES = 20 * 1024 * 1024

# What an article or a feed can be served as; anything else (images, PDFs, video) is refused.
ACCEPTED_TYPES: frozenset[str] = frozenset(
    {
        "text/html",
        "application/xhtml+xml",
        "text/plain",
        "application/rss+xml",
        "application/x-rss+xml",  # the older name, still sent by many servers (Python's own)
        "application/atom+xml",
        "application/rdf+xml",
        "application/xml",
        "text/xml",
    }
)
# Statuses worth a second try: the server is busy or a proxy hiccupped.
RETRY_STATUSES: frozenset[int] = frozenset({429, 500, 502, 503, 504})
REDIRECT_STATUSES: frozenset[int] = frozenset({301, 302, 303, 307, 308})


@dataclass(frozen=True, slots=True)
class FetchOptions:
    """Every limit of one fetch; defaults suit a newsroom's list of article URLs."""

    policy: UrlPolicy = field(default_factory=UrlPolicy)
    # Wall-clock seconds for one URL, from its first request to its last byte: redirects,
    # retries and waits included. A server sending a byte at a time cannot hold a run longer.
    deadline: float = 15.0
    timeout: float = 15.0  # the longest wait for any one step (connect, a read) within it
    max_redirects: int = 5
    max_bytes: int = DEFAULT_MAX_BYTES
    retries: int = 2
    backoff: float = 0.5
    max_retry_wait: float = 10.0
    per_host: int = 2
    workers: int = 8
    user_agent: str = USER_AGENT


@dataclass(frozen=True, slots=True)
class Fetched:
    """A successful response body, bounded in size, with what the server said it is."""

    url: str  # as asked for
    final_url: str  # after redirects
    content: bytes
    content_type: str  # media type, lower case, no parameters
    charset: str | None


class _Clock:
    """The time left of one URL's deadline."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.ends = time.monotonic() + seconds

    def left(self) -> float:
        return self.ends - time.monotonic()

    def expired(self) -> FetchError:
        return FetchError(
            f"download did not finish within the {self.seconds:g} s limit (the server is too "
            "slow); try again later"
        )


def _cut_at(response: httpx.Response, seconds: float) -> threading.Timer | None:
    """Shut the response's socket when the deadline passes, waking a read that waits for bytes.

    A read's own timeout restarts with every byte, so it alone cannot end a body trickled in.
    """
    stream = response.extensions.get("network_stream")
    sock = stream.get_extra_info("socket") if stream is not None else None
    if not isinstance(sock, socket.socket):
        return None  # an in-memory transport (tests): the per-chunk check is enough

    def cut() -> None:
        # The plain socket's shutdown, also under TLS: the reader sees the end of the stream.
        with contextlib.suppress(OSError):
            socket.socket.shutdown(sock, socket.SHUT_RDWR)

    timer = threading.Timer(max(seconds, 0.0), cut)
    timer.daemon = True
    timer.start()
    return timer


def _media_type(header: str | None) -> tuple[str, str | None]:
    """("text/html", "utf-8") from a Content-Type header."""
    if not header:
        return "", None
    media, *params = (part.strip() for part in header.split(";"))
    charset = next(
        (p.split("=", 1)[1].strip("\"' ") for p in params if p.lower().startswith("charset=")),
        None,
    )
    return media.lower(), charset or None


def _pinned(target: Target) -> tuple[str, dict[str, str], dict[str, object]]:
    """URL, headers and extensions that connect to the vetted address, not a new lookup."""
    import httpx

    parsed = httpx.URL(target.url)
    literal = f"[{target.address}]" if ":" in target.address else target.address
    default = 443 if target.scheme == "https" else 80
    host_header = target.host if target.port == default else f"{target.host}:{target.port}"
    url = str(parsed.copy_with(host=literal.strip("[]"), port=target.port))
    extensions: dict[str, object] = {}
    if target.scheme == "https":
        extensions["sni_hostname"] = target.host
    return url, {"Host": host_header}, extensions


class Fetcher:
    """Fetch URLs under one set of limits; safe to share between threads."""

    def __init__(
        self,
        options: FetchOptions | None = None,
        *,
        transport: httpx.BaseTransport | None = None,
        resolver: Resolver = _system_resolver,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        import httpx  # loaded when something is fetched, not at every start-up

        self.options = options or FetchOptions()
        self._resolve = resolver
        self._sleep = sleep
        self._client = httpx.Client(
            transport=transport,
            timeout=min(self.options.timeout, self.options.deadline),
            follow_redirects=False,
            headers={"User-Agent": self.options.user_agent, "Accept": "text/html, */*;q=0.5"},
        )
        self._locks: dict[str, threading.BoundedSemaphore] = {}
        self._locks_guard = threading.Lock()

    def close(self) -> None:
        self._client.close()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def _host_slot(self, host: str) -> threading.BoundedSemaphore:
        with self._locks_guard:
            if host not in self._locks:
                self._locks[host] = threading.BoundedSemaphore(self.options.per_host)
            return self._locks[host]

    def fetch(self, url: str) -> Fetched | Rejection:
        """One URL → its body, or a rejection with a one-line reason."""
        try:
            return self._follow(url)
        except FetchError as err:
            return Rejection(url, str(err))
        except Exception as err:  # a server we did not foresee costs its URL, never the run
            detail = " ".join(str(err).split())[:120] or "no detail"
            return Rejection(
                url, f"could not be fetched ({type(err).__name__}: {detail}); check the URL"
            )

    def fetch_all(self, urls: Iterable[str]) -> Iterator[Fetched | Rejection]:
        """Many URLs concurrently (bounded per host), results in the order given."""
        with ThreadPoolExecutor(max_workers=self.options.workers) as pool:
            yield from pool.map(self.fetch, urls)

    def _follow(self, url: str) -> Fetched:
        """Follow redirects by hand so that every hop passes the address check."""
        current = url
        clock: _Clock | None = None
        for _ in range(self.options.max_redirects + 1):
            try:
                target = check_url(current, self.options.policy, self._resolve)
            except UrlRefused as err:
                where = "" if current == url else f" (redirected to {current})"
                raise FetchError(f"refused{where}: {err}") from None
            with self._host_slot(target.host):
                # The deadline starts with the first request, not while waiting for a slot.
                clock = clock or _Clock(self.options.deadline)
                outcome = self._get_with_retries(target, clock)
            if isinstance(outcome, str):
                current = _redirect_target(current, outcome)
                continue
            return Fetched(url, current, *outcome)
        raise FetchError(
            f"more than {self.options.max_redirects} redirects; open the URL in a browser "
            "and pass the final address"
        )

    def _get_with_retries(
        self, target: Target, clock: _Clock
    ) -> str | tuple[bytes, str, str | None]:
        """The body (or a redirect location), retrying transient failures with backoff."""
        import httpx

        attempts = self.options.retries + 1
        for attempt in range(attempts):
            if clock.left() <= 0:
                raise clock.expired()
            try:
                outcome = self._get(target, clock)
            except httpx.TransportError as err:
                _refuse_bad_location(err)
                if clock.left() <= 0:
                    raise clock.expired() from None
                wait = self.options.backoff * 2**attempt
                last = attempt == attempts - 1 or wait >= clock.left()
                if last:
                    kind = "timed out" if isinstance(err, httpx.TimeoutException) else "failed"
                    raise FetchError(
                        f"request {kind} after {_tries(attempt + 1)} ({type(err).__name__}); "
                        "check the URL or try again later"
                    ) from None
                self._sleep(wait)
                continue
            if isinstance(outcome, int):  # a retryable status
                wait = self._wait(attempt)
                if attempt == attempts - 1 or wait >= clock.left():
                    raise FetchError(
                        f"server answered {outcome} after {_tries(attempt + 1)}; try again later"
                    )
                self._sleep(wait)
                continue
            return outcome
        raise AssertionError("unreachable")

    def _wait(self, attempt: int) -> float:
        return float(min(self.options.backoff * 2**attempt, self.options.max_retry_wait))

    def _get(self, target: Target, clock: _Clock) -> int | str | tuple[bytes, str, str | None]:
        """One request: a retryable status, a redirect location, or (body, type, charset)."""
        import httpx

        url, headers, extensions = _pinned(target)
        # No step may wait past the deadline: connecting and the headers are bounded here,
        # the body by the watchdog and the check after every chunk below.
        timeout = httpx.Timeout(max(min(self.options.timeout, clock.left()), 0.001))
        request = self._client.build_request(
            "GET", url, headers=headers, extensions=extensions, timeout=timeout
        )
        response: httpx.Response = self._client.send(request, stream=True)
        watchdog = _cut_at(response, clock.left())
        try:
            status = response.status_code
            if status in REDIRECT_STATUSES:
                location = str(response.headers.get("location") or "")
                if not location:
                    raise FetchError(f"redirect ({status}) without a Location header")
                return location
            if status in RETRY_STATUSES:
                return status
            if status >= 400:
                raise FetchError(f"server answered {status}; check the URL")
            media, charset = _media_type(response.headers.get("content-type"))
            if media and media not in ACCEPTED_TYPES:
                raise FetchError(f"content type {media} is not an article (HTML or text)")
            declared = response.headers.get("content-length", "")
            limit = self.options.max_bytes
            if declared.isdigit() and int(declared) > limit:
                raise FetchError(_too_big(int(declared), limit))
            chunks: list[bytes] = []
            size = 0
            try:
                for chunk in response.iter_bytes():
                    if clock.left() <= 0:
                        raise clock.expired()
                    size += len(chunk)
                    if size > limit:
                        raise FetchError(_too_big(size, limit, partial=True))
                    chunks.append(chunk)
            except httpx.DecodingError:
                encoding = response.headers.get("content-encoding", "compressed").strip()
                raise FetchError(
                    f"the server sent a corrupt {encoding.lower()[:20]} body; "
                    "try again later or tell the site"
                ) from None
            return b"".join(chunks), media, charset
        finally:
            if watchdog is not None:
                watchdog.cancel()
            response.close()


# httpx reads a redirect's Location even when it does not follow it, and says so this way.
_BAD_LOCATION = "Invalid URL in location header:"


def _refuse_bad_location(err: Exception) -> None:
    """A Location httpx cannot parse is the server's mistake: refused at once, not retried."""
    message = str(err)
    if message.startswith(_BAD_LOCATION):
        detail = message.removeprefix(_BAD_LOCATION).strip().rstrip(".")[:120]
        raise FetchError(_malformed(detail))


def _malformed(detail: str) -> str:
    return f"redirected to a malformed URL ({detail}); tell the site or pass the article's address"


def _redirect_target(current: str, location: str) -> str:
    """The absolute URL a Location header points at, or a refusal when it is no URL at all."""
    try:
        return urljoin(current, location)
    except ValueError as err:  # e.g. "http://[::1": an unclosed IPv6 literal
        shown = location if len(location) <= 80 else location[:77] + "..."
        raise FetchError(_malformed(f"{shown!r}: {err}")) from None


def _tries(count: int) -> str:
    return "1 try" if count == 1 else f"{count} tries"


def _too_big(size: int, limit: int, partial: bool = False) -> str:
    more = "over " if partial else ""
    return (
        f"response is {more}{size // 1024} KB, over the {limit // 1024} KB limit; "
        "raise --max-bytes if this really is one article"
    )
