"""Which URLs storydiff may fetch: public http(s) addresses only, unless the user says so.

A URL from a feed or a redirect is attacker-controlled input. Fetching it blindly lets a page
make storydiff read a router's admin page or a cloud metadata service (169.254.169.254), so
every hop is checked *after* DNS resolution, and the connection then goes to the address that
was checked (no second lookup that a rebinding DNS server could answer differently).
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from storydiff.errors import UrlRefused

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
Resolver = Callable[[str, int], list[str]]

# Cloud metadata services answer on these; some are not "private" in the stdlib's sense.
METADATA_ADDRESSES: frozenset[str] = frozenset(
    {"169.254.169.254", "169.254.170.2", "100.100.100.200", "168.63.129.16", "fd00:ec2::254"}
)
# Carrier-grade NAT space: internal to a provider, never a news site.
_SHARED = ipaddress.ip_network("100.64.0.0/10")


@dataclass(frozen=True, slots=True)
class UrlPolicy:
    """What may be fetched. ``allow_hosts`` entries ("host" or "host:port") skip the address
    check for exactly those hosts, e.g. a local test server, while redirects elsewhere are
    still checked."""

    allow_private: bool = False
    allow_hosts: frozenset[str] = field(default_factory=frozenset)


def system_resolver(host: str, port: int) -> list[str]:
    """Every address ``host`` resolves to, as the OS resolver gives them."""
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


def address_problem(address: IPAddress) -> str | None:
    """Why an address is off limits, or None for a public unicast address."""
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped
    if str(address) in METADATA_ADDRESSES:
        return "a cloud metadata address"
    if address.is_loopback:
        return "a loopback address"
    if address.is_link_local:
        return "a link-local address"
    if address.is_private or (isinstance(address, ipaddress.IPv4Address) and address in _SHARED):
        return "a private address"
    if address.is_multicast or address.is_reserved or address.is_unspecified:
        return "a reserved address"
    return None


@dataclass(frozen=True, slots=True)
class Target:
    """A checked URL: where to connect (``address``) and what to call the host."""

    url: str
    scheme: str
    host: str
    port: int
    address: str


def malformed(url: str) -> str | None:
    """Why ``url`` cannot be parsed at all ("http://[::1" has an unclosed IPv6 bracket, a port
    may be out of range), or None. Asked where URLs enter, before anything is fetched."""
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - parsing the port is the check
    except ValueError as err:
        return f"malformed URL ({err}); check it"
    return None


def check_url(url: str, policy: UrlPolicy, resolve: Resolver = system_resolver) -> Target:
    """Resolve and vet ``url``; raise ``UrlRefused`` with a reason a user can act on."""
    try:
        parts = urlsplit(url)
    except ValueError as err:
        raise UrlRefused(f"malformed URL ({err}); check it") from None
    if parts.scheme not in {"http", "https"}:
        raise UrlRefused(f"only http and https URLs are fetched, not {parts.scheme or 'none'}:")
    host = (parts.hostname or "").rstrip(".").lower()
    if not host:
        raise UrlRefused("URL has no host name")
    try:
        port = parts.port or (443 if parts.scheme == "https" else 80)
    except ValueError as err:
        raise UrlRefused(f"bad port in URL ({err})") from None
    try:
        addresses = resolve(host, port)
    except (OSError, UnicodeError) as err:
        raise UrlRefused(f"cannot resolve host {host} ({err}); check the URL") from None
    if not addresses:
        raise UrlRefused(f"host {host} has no address; check the URL")
    allowed = host in policy.allow_hosts or f"{host}:{port}" in policy.allow_hosts
    if not (allowed or policy.allow_private):
        for text in addresses:
            problem = address_problem(ipaddress.ip_address(text.split("%")[0]))
            if problem:
                raise UrlRefused(
                    f"{host} resolves to {text}, {problem}; pass --allow-private to fetch it"
                )
    return Target(url, parts.scheme, host, port, addresses[0])
