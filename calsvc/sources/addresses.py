"""Pages at addresses an organiser gives, fetched only from the public internet: over http or
https, from a host whose every address is public (no loopback, private, link-local — the
cloud metadata address among them —, shared, multicast or reserved range), checked again at
each redirect, and connected to at the very address that was checked (so a name that
resolves differently a moment later cannot point the fetch inside).
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Callable
from urllib.parse import urljoin, urlsplit

import urllib3

from ..errors import SourceError
from .fetch import REDIRECTS, TIMEOUT_SECONDS, USER_AGENT, read_limited, reason

Resolver = Callable[[str, int], list[str]]


def resolve(host: str, port: int) -> list[str]:
    """The addresses a host name resolves to."""
    found = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return sorted({str(info[4][0]) for info in found})


def public_target(
    url: str, resolver: Resolver = resolve, public: Callable[[str], bool] | None = None
) -> tuple[str, str, int, str]:
    """(scheme, host, port, the address to connect to) of a URL that may be fetched; a
    SourceError saying why not otherwise. `public` judges an address (is_public)."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        raise SourceError(url, None, "only http:// and https:// addresses are fetched")
    if not parts.hostname:
        raise SourceError(url, None, "the address names no host")
    port = parts.port or (443 if parts.scheme == "https" else 80)
    try:
        addresses = resolver(parts.hostname, port)
    except (OSError, UnicodeError) as error:
        raise SourceError(url, None, f"{parts.hostname} cannot be resolved: {error}") from error
    if not addresses:
        raise SourceError(url, None, f"{parts.hostname} resolves to no address")
    for address in addresses:
        if not (public or is_public)(address):
            raise SourceError(
                url,
                None,
                f"{parts.hostname} resolves to {address}, which is not a public internet "
                "address; only public pages are fetched",
            )
    return parts.scheme, parts.hostname, port, addresses[0]


def is_public(address: str) -> bool:
    """Whether an IP address is on the public internet (an IPv4 address mapped into IPv6 is
    judged as itself)."""
    ip = ipaddress.ip_address(address.split("%")[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return ip.is_global and not ip.is_multicast


def fetch_public(
    url: str,
    *,
    limit_mb: int,
    resolver: Resolver = resolve,
    public: Callable[[str], bool] | None = None,
    timeout: float = TIMEOUT_SECONDS,
) -> bytes:
    """A public page's bytes, following at most REDIRECTS redirects, each checked."""
    for _ in range(REDIRECTS + 1):
        scheme, host, port, address = public_target(url, resolver, public)
        pool = _pool(scheme, host, port, address, timeout)
        parts = urlsplit(url)
        path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
        try:
            response = pool.urlopen(
                "GET",
                path,
                headers={"Host": parts.netloc, "User-Agent": USER_AGENT},
                redirect=False,
                retries=False,
                preload_content=False,
            )
        except urllib3.exceptions.HTTPError as error:
            raise SourceError(url, None, f"cannot fetch: {reason(error)}") from error
        try:
            if response.status in (301, 302, 303, 307, 308) and response.headers.get("Location"):
                url = urljoin(url, response.headers["Location"])
                continue
            if response.status != 200:
                raise SourceError(url, None, f"the server answered {response.status}")
            return read_limited(url, response, limit_mb)
        finally:
            response.close()  # (a pool of one, for this request: its connection goes with it)
            pool.close()
    raise SourceError(url, None, f"more than {REDIRECTS} redirects")


def _pool(
    scheme: str, host: str, port: int, address: str, timeout: float
) -> urllib3.HTTPConnectionPool:
    """A connection to the checked address, speaking TLS for the host's own name."""
    limits = urllib3.Timeout(connect=timeout, read=timeout)
    if scheme == "https":
        return urllib3.HTTPSConnectionPool(
            address, port, timeout=limits, server_hostname=host, assert_hostname=host, maxsize=1
        )
    return urllib3.HTTPConnectionPool(address, port, timeout=limits, maxsize=1)
