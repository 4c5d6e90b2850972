"""calsvc plus one route sending a file's bytes: the static baseline of bench/feeds.py."""

from __future__ import annotations

import os

from flask import Flask, send_file

from calsvc.web import create_app


def create() -> Flask:
    app = create_app()

    @app.get("/static.ics")
    def static_copy() -> object:
        return send_file(os.environ["BENCH_STATIC"], mimetype="text/calendar", conditional=True)

    return app
