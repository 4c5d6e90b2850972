"""The web front end: an app factory over the Service, thin routes, errors handled in one place."""

from __future__ import annotations

import logging

from flask import Flask, Response
from werkzeug.middleware.proxy_fix import ProxyFix

from ..serving.service import Service
from ..settings import Settings
from . import api, changes, desk, errors, feeds, hosts, mine, pages, reading, trying
from .compression import Compressed
from .memory import release_memory


def harden(response: Response) -> Response:
    """Feeds, JSON and error text may echo what a client sent: never let a browser run it."""
    response.headers.setdefault("X-Content-Type-Options", "nosniff")
    response.headers.setdefault(
        "Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'"
    )
    return response


def create_app(
    settings: Settings | None = None, *, service: Service | None = None, worker: bool = False
) -> Flask:
    """Builds the app on the given settings (default: CALSVC_* variables); a server's
    `worker` never makes a revision store (`calsvc serve` made it before starting them)."""
    settings = settings or Settings.from_env()
    app = Flask(__name__)
    app.config["SERVICE"] = service or Service(
        settings, background=True, worker=worker, after_change=release_memory
    )
    app.config["BASE_URL"] = settings.base_url
    app.extensions["calsvc.compressed"] = Compressed()
    app.json.sort_keys = False  # type: ignore[attr-defined]
    if settings.proxy_hops:
        hops = settings.proxy_hops
        proxied = ProxyFix(app.wsgi_app, x_for=hops, x_proto=hops, x_host=hops, x_prefix=hops)
        app.wsgi_app = proxied  # type: ignore[method-assign]
    hosts.install(
        app,
        base_url=settings.base_url,
        allowed=hosts.parse_hosts(settings.allowed_hosts),
        proxy_hops=settings.proxy_hops,
    )
    app.after_request(harden)
    app.register_blueprint(feeds.blueprint)
    app.register_blueprint(api.blueprint)
    app.register_blueprint(pages.blueprint)
    app.register_blueprint(mine.blueprint)
    app.register_blueprint(changes.blueprint)
    app.register_blueprint(reading.blueprint)
    trying.install(app, per_minute=settings.try_per_minute)
    app.register_blueprint(trying.blueprint)
    desk.install(app)
    app.register_blueprint(desk.blueprint)
    errors.register(app)
    logging.getLogger("calsvc").setLevel(logging.INFO)
    return app
