"""HTTP for feeds and the other formats: conditional GET, gzip, caching, CORS and download
names (RFC 6266)."""

from __future__ import annotations

from datetime import datetime
from math import ceil
from typing import Any, NoReturn
from urllib.parse import quote

from flask import Response, abort, jsonify, request
from werkzeug.exceptions import NotAcceptable

from ..errors import SelectionError
from ..formats.base import Format
from ..ics.feed import Feed
from ..kinds import slugify
from .context import compressed

CACHE_CONTROL = "public, max-age=300"


def content_disposition(name: str, extension: str = "ics") -> str:
    """attachment with an ASCII filename and, for other names, an RFC 5987 filename*."""
    fallback = f"{slugify(name) or 'calendar'}.{extension}"
    clean = f"{' '.join(name.split())}.{extension}"  # no CR/LF or tabs can reach the header
    header = f'attachment; filename="{fallback}"'
    if clean != fallback:
        header += f"; filename*=UTF-8''{quote(clean, safe='')}"
    return header


def _identity_refused() -> bool:
    """RFC 9110 12.5.3: no coding is acceptable unless 'identity;q=0', or '*;q=0' with no
    entry for identity, says otherwise."""
    qualities = dict(request.accept_encodings)
    if "identity" in qualities:
        return qualities["identity"] == 0
    return qualities.get("*") == 0


def feed_response(feed: Feed, fmt: Format, *, download: bool) -> Response:
    """The feed in its format's media type with validators; 304 when the client's copy is
    current; 406 when the client refuses both codings it comes in. Uncoded, the body is sent
    in blocks straight from the rendered pieces; gzip-coded, from the compressed copy."""
    gzipped = _gzipped()
    media_type = fmt.media_type
    if gzipped:
        response = Response(compressed().get(feed), content_type=media_type)
        response.headers["Content-Encoding"] = "gzip"
    else:
        response = Response(feed.blocks(), content_type=media_type, direct_passthrough=True)
        response.headers["Content-Length"] = str(feed.size)
    _validate(response, feed.version, feed.last_modified, gzipped=gzipped)
    if download:
        response.headers["Content-Disposition"] = content_disposition(feed.name, fmt.extension)
    response.make_conditional(request)
    return response


def not_modified(etag: str, last_modified: datetime) -> Response | None:
    """A 304 when the client already holds this version (If-None-Match), decided from the
    validators alone, so revalidating a large feed costs no more than a small one."""
    gzipped = _gzipped()
    coded = etag + ("-gz" if gzipped else "")
    if not request.if_none_match or not request.if_none_match.contains(coded):
        return None
    response = Response(status=304)
    _validate(response, etag, last_modified, gzipped=gzipped)
    return response


def _gzipped() -> bool:
    gzipped = request.accept_encodings["gzip"] > 0
    if not gzipped and _identity_refused():
        raise NotAcceptable("this feed comes gzip-coded or uncoded (identity); both are refused")
    return gzipped


def _validate(response: Response, etag: str, last_modified: datetime, *, gzipped: bool) -> None:
    response.set_etag(etag + ("-gz" if gzipped else ""))
    response.last_modified = last_modified
    response.headers["Vary"] = "Accept-Encoding"
    response.headers["Cache-Control"] = CACHE_CONTROL
    response.headers["Access-Control-Allow-Origin"] = "*"


def json_response(data: Any) -> Response:
    response = jsonify(data)
    response.headers["Access-Control-Allow-Origin"] = "*"
    response.headers["Cache-Control"] = CACHE_CONTROL
    return response


def wants_download() -> bool:
    """?download=1 asks for an attachment; the parameter takes 1/0, true/false, yes/no."""
    value = request.args.get("download")
    if value is None:
        return False
    if value.lower() in {"1", "true", "yes"}:
        return True
    if value.lower() in {"", "0", "false", "no"}:
        return False
    raise SelectionError("download", value, "1 or 0")


def refuse(status: int, message: str, *, retry_after: float | None = None) -> NoReturn:
    """Ends a request with a plain-text refusal that no cache keeps: too often (429), too
    busy (503, with when to try again), not allowed (403), a form not sent from here (400)."""
    response = Response(message + "\n", status=status, mimetype="text/plain")
    response.headers["Cache-Control"] = "private, no-store"
    if retry_after is not None:
        response.headers["Retry-After"] = str(max(1, ceil(retry_after)))
    abort(response)
