"""Fetching articles over HTTP, carefully: a bad or hostile server costs one rejection.

Every limit a news crawl needs is here: a timeout, a redirect limit with each hop vetted by
``urls.check_url`` (redirects are followed by hand, never by httpx), a size cap enforced while
streaming, a content-type check, retries with exponential backoff on transient failures, a
bound on concurrent requests per host, and a User-Agent that says who is asking.

The transport is injectable (``httpx.MockTransport`` in unit tests, a real one otherwise).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import TYPE_CHECKING
from urllib.parse import urljoin

from storydiff.ingest.urls import Resolver, Target, UrlPolicy, UrlRefused, check_url
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
    timeout: float = 15.0
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


class _Refused(Exception):
    """Internal: one fetch failed for a reason the user should read."""


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
            timeout=self.options.timeout,
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
        except _Refused as err:
            return Rejection(url, str(err))

    def fetch_all(self, urls: Iterable[str]) -> Iterator[Fetched | Rejection]:
        """Many URLs concurrently (bounded per host), results in the order given."""
        with ThreadPoolExecutor(max_workers=self.options.workers) as pool:
            yield from pool.map(self.fetch, urls)

    def _follow(self, url: str) -> Fetched:
        """Follow redirects by hand so that every hop passes the address check."""
        current = url
        for _ in range(self.options.max_redirects + 1):
            try:
                target = check_url(current, self.options.policy, self._resolve)
            except UrlRefused as err:
                where = "" if current == url else f" (redirected to {current})"
                raise _Refused(f"refused{where}: {err}") from None
            with self._host_slot(target.host):
                outcome = self._get_with_retries(target)
            if isinstance(outcome, str):
                current = urljoin(current, outcome)
                continue
            return Fetched(url, current, *outcome)
        raise _Refused(
            f"more than {self.options.max_redirects} redirects; open the URL in a browser "
            "and pass the final address"
        )

    def _get_with_retries(self, target: Target) -> str | tuple[bytes, str, str | None]:
        """The body (or a redirect location), retrying transient failures with backoff."""
        import httpx

        attempts = self.options.retries + 1
        for attempt in range(attempts):
            last = attempt == attempts - 1
            try:
                outcome = self._get(target)
            except httpx.TransportError as err:
                if last:
                    kind = "timed out" if isinstance(err, httpx.TimeoutException) else "failed"
                    raise _Refused(
                        f"request {kind} after {attempts} tries ({type(err).__name__}); "
                        "check the URL or try again later"
                    ) from None
                self._sleep(self.options.backoff * 2**attempt)
                continue
            if isinstance(outcome, int):  # a retryable status
                if last:
                    raise _Refused(
                        f"server answered {outcome} after {attempts} tries; try again later"
                    )
                self._sleep(self._wait(attempt))
                continue
            return outcome
        raise AssertionError("unreachable")

    def _wait(self, attempt: int) -> float:
        return float(min(self.options.backoff * 2**attempt, self.options.max_retry_wait))

    def _get(self, target: Target) -> int | str | tuple[bytes, str, str | None]:
        """One request: a retryable status, a redirect location, or (body, type, charset)."""
        url, headers, extensions = _pinned(target)
        request = self._client.build_request("GET", url, headers=headers, extensions=extensions)
        response: httpx.Response = self._client.send(request, stream=True)
        try:
            status = response.status_code
            if status in REDIRECT_STATUSES:
                location = str(response.headers.get("location") or "")
                if not location:
                    raise _Refused(f"redirect ({status}) without a Location header")
                return location
            if status in RETRY_STATUSES:
                return status
            if status >= 400:
                raise _Refused(f"server answered {status}; check the URL")
            media, charset = _media_type(response.headers.get("content-type"))
            if media and media not in ACCEPTED_TYPES:
                raise _Refused(f"content type {media} is not an article (HTML or text)")
            declared = response.headers.get("content-length", "")
            limit = self.options.max_bytes
            if declared.isdigit() and int(declared) > limit:
                raise _Refused(_too_big(int(declared), limit))
            chunks: list[bytes] = []
            size = 0
            for chunk in response.iter_bytes():
                size += len(chunk)
                if size > limit:
                    raise _Refused(_too_big(size, limit, partial=True))
                chunks.append(chunk)
            return b"".join(chunks), media, charset
        finally:
            response.close()


def _too_big(size: int, limit: int, partial: bool = False) -> str:
    more = "over " if partial else ""
    return (
        f"response is {more}{size // 1024} KB, over the {limit // 1024} KB limit; "
        "raise --max-bytes if this really is one article"
    )
