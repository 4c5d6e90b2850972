"""Which host a link may name: from configuration, never from whatever a client sends.

With CALSVC_BASE_URL set, every link is built on it and the request's Host does not matter.
Without it, links use the request's host, so only the host names in CALSVC_ALLOWED_HOSTS are
answered (others get a 400, as Django's ALLOWED_HOSTS does), forwarded schemes other than
http and https are refused, and responses say that they vary with the host.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from flask import Flask, Response, request
from werkzeug.exceptions import BadRequest

SCHEMES = frozenset({"http", "https"})
HEALTH = "/healthz"  # answered whatever the host (the container's check asks 127.0.0.1)


def parse_hosts(text: str) -> frozenset[str]:
    """'cal.example.org, localhost' → the lowercase names ('*' allows any)."""
    return frozenset(name.strip().lower() for name in text.split(",") if name.strip())


def host_name(host: str) -> str:
    """The host without its port: 'localhost:8000' → 'localhost', '[::1]:80' → '[::1]'."""
    host = host.lower()
    if host.startswith("["):
        return host.split("]", 1)[0] + "]"
    return host.rsplit(":", 1)[0] if host.count(":") == 1 else host


def install(app: Flask, *, base_url: str, allowed: frozenset[str], proxy_hops: int) -> None:
    """Checks every request's host and scheme, and marks what depends on them."""
    vary = "Host" + (", X-Forwarded-Host, X-Forwarded-Proto" if proxy_hops else "")

    @app.before_request
    def check_host() -> None:
        if request.scheme not in SCHEMES:
            raise BadRequest(f"the forwarded scheme {request.scheme!r} is not http or https")
        if base_url or "*" in allowed or request.path == HEALTH:
            return  # /healthz names no host: a health check by any name gets its answer
        name = host_name(request.host)
        if name not in allowed:
            raise BadRequest(
                f"host {name!r} is not served here; the operator lists the served names in "
                "CALSVC_ALLOWED_HOSTS, or sets CALSVC_BASE_URL"
            )

    @app.after_request
    def mark_vary(response: Response) -> Response:
        if not base_url:
            for name in vary.split(", "):
                response.vary.add(name)
        location = response.headers.get("Location", "")
        if 300 <= response.status_code < 400 and "://" in location:
            # werkzeug writes the request's host into its redirects; a path is enough.
            parts = urlsplit(location)
            response.headers["Location"] = parts.path + (f"?{parts.query}" if parts.query else "")
            response.autocorrect_location_header = False
            response.set_data(b"")
        return response
