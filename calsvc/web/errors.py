"""The one place web errors become responses: JSON under /api/, plain text elsewhere."""

from __future__ import annotations

import logging
from typing import Any

from flask import Flask, Response, jsonify, request
from werkzeug.exceptions import HTTPException

from ..errors import CalsvcError, NotFound, SelectionError, StoreError

log = logging.getLogger("calsvc.web")


def _respond(status: int, message: str, **details: Any) -> Response:
    if request.path.startswith("/api/"):
        response = jsonify({"error": {"status": status, "message": message, **details}})
    else:
        response = Response(message + "\n", mimetype="text/plain")
    response.status_code = status
    response.headers["Access-Control-Allow-Origin"] = "*"
    response.headers["Cache-Control"] = "no-store"
    return response


def status_of(error: CalsvcError) -> int:
    """The HTTP status of an error: 404 for what does not exist, 503 for a revision store that
    cannot be read (the Changes page needs it), else 400 (the request's own fault)."""
    if isinstance(error, StoreError):
        return 503
    return 404 if isinstance(error, NotFound) else 400


def register(app: Flask) -> None:
    @app.errorhandler(CalsvcError)
    def calsvc_error(error: CalsvcError) -> Response:
        if isinstance(error, NotFound):
            return _respond(404, str(error), what=error.what, allowed=error.allowed)
        if isinstance(error, SelectionError):
            return _respond(400, str(error), parameter=error.parameter, allowed=error.allowed)
        return _respond(status_of(error), str(error))

    @app.errorhandler(HTTPException)
    def http_error(error: HTTPException) -> Response:
        response = _respond(error.code or 500, f"{error.code} {error.name}: {error.description}")
        if error.code == 405 and error.response is None:
            response.headers["Allow"] = ", ".join(
                sorted(getattr(error, "valid_methods", None) or [])
            )
        return response

    @app.errorhandler(Exception)
    def unexpected(error: Exception) -> Response:
        log.exception("unexpected error on %s %s", request.method, request.path)
        return _respond(500, "500 Internal Server Error: the error was logged")
