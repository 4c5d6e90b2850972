"""Try it: a programme pasted or dropped, read as `calsvc parse` reads it, shown with its
sessions, its marked lines and its problems, and downloadable as an .ics and a conferences.toml
entry. Nothing is stored and no address is fetched; each read is bounded in size, time (a child
process, calsvc.trial) and how often one client may ask."""

from __future__ import annotations

from datetime import timedelta
from math import ceil

import pytz
from flask import Blueprint, Flask, Response, current_app, g, request
from werkzeug.exceptions import RequestEntityTooLarge

from ..errors import CalsvcError, NotFound
from ..model import utc_now
from ..parse.marks import ROLES
from ..trial import PASTED, Reader, Trial, TrialBusy, TrialError, source_name, trial_calendar
from .context import service
from .pages import page
from .responses import refuse
from .throttle import Throttle, client_key
from .uploads import decoded, sent_programme

blueprint = Blueprint("trying", __name__)
FORM_SLACK = 64 * 1024  # what a form holds beside the programme: its other fields, boundaries
ZONES = pytz.common_timezones


def install(app: Flask, *, per_minute: int) -> None:
    """The reader child and the throttle this worker's tries share."""
    app.extensions["calsvc.reader"] = Reader()
    app.extensions["calsvc.try_throttle"] = Throttle(per_minute)


@blueprint.before_request
def offered() -> Response | None:
    settings = service().settings
    if not settings.try_page:
        raise NotFound("page", request.path, ["the Try it page is turned off (CALSVC_TRY_PAGE)"])
    if request.method == "POST":
        limit = settings.try_max_kb * 1024 + FORM_SLACK
        if (request.content_length or 0) > limit:
            raise RequestEntityTooLarge(_too_large(settings.try_max_kb))
        request.max_content_length = request.max_form_memory_size = limit
    return None


def _too_large(max_kb: int) -> str:
    return (
        f"a programme tried here may hold at most {max_kb:,} KB (CALSVC_TRY_MAX_KB); "
        "read a larger one with `calsvc parse`"
    )


@blueprint.get("/try/")
def form() -> Response:
    return _page()


@blueprint.post("/try/")
def tried() -> Response:
    trial, failure = _tried()
    if trial is None:
        return _page(failure=failure, status=422)
    found = trial.schedule.sessions and not trial.schedule.errors
    return _page(trial=trial, status=200 if found else 422)


@blueprint.post("/try/calendar.ics")
def calendar() -> Response:
    trial, failure = _tried()
    if trial is None:
        return _page(failure=failure, status=422)
    ttl = timedelta(minutes=service().settings.refresh_minutes)
    body = trial_calendar(trial, now=utc_now(), ttl=ttl)
    return _download(body, f"{trial.schedule.conference.slug}.ics", "text/calendar")


@blueprint.post("/try/conferences.toml")
def entry() -> Response:
    trial, failure = _tried()
    if trial is None:
        return _page(failure=failure, status=422)
    return _download(trial.entry.encode(), "conferences.toml", "application/toml")


def _tried() -> tuple[Trial | None, str | None]:
    """The form's programme read within the limits; or None and why not (a message shown on
    the page). Too large, too often or too busy are refused with their own status."""
    settings = service().settings
    wait = current_app.extensions["calsvc.try_throttle"].wait(client_key(request.remote_addr))
    if wait:
        refuse(429, f"{settings.try_per_minute} tries a minute is the most one client may "
                     f"make; try again in {ceil(wait)} s", retry_after=wait)  # fmt: skip
    data, name = _programme(settings.try_max_kb)
    if not data.strip():
        return None, "Paste a programme or choose a file first: there was nothing to read."
    try:
        return current_app.extensions["calsvc.reader"].read(
            data,
            name,
            reference=utc_now().date(),
            year=_year(request.form.get("year", "")),
            timezone=request.form.get("timezone", "").strip() or None,
            seconds=settings.try_seconds,
        ), None
    except TrialBusy as busy:
        refuse(503, str(busy), retry_after=5)
    except CalsvcError as error:  # (a TrialError, a zone or year that is wrong)
        return None, str(error)


def _programme(max_kb: int) -> tuple[bytes, str]:
    """The programme's bytes and the name it is read under: the file dropped, else the text
    pasted (a saved page, Markdown or text alike)."""
    data, filename = sent_programme(max_kb * 1024, _too_large(max_kb))
    name = source_name(filename or request.form.get("name") or PASTED)
    g.programme = (data, name)
    return data, name


def _year(text: str) -> int | None:
    text = text.strip()
    if not text:
        return None
    if not text.isdigit():
        raise TrialError(f"year {text!r} is not a year")
    return int(text)


def _page(*, trial: Trial | None = None, failure: str | None = None, status: int = 200) -> Response:
    settings = service().settings
    given = {k: request.form.get(k, "") for k in ("text", "name", "timezone", "year")}
    if "programme" in g and request.files.get("file"):  # sent again as text, with its name
        data, given["name"] = g.programme
        given["text"] = decoded(data)
    response = page(
        "try.html",
        status=status,
        trial=trial,
        failure=failure,
        given=given,
        zones=ZONES,
        roles=ROLES,
        session_link=lambda uid: f"#session-{uid}",
        max_kb=settings.try_max_kb,
        seconds=settings.try_seconds,
    )
    response.headers["Cache-Control"] = "private, no-store"
    return response


def _download(body: bytes, filename: str, mimetype: str) -> Response:
    response = Response(body, mimetype=mimetype)
    response.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.headers["Cache-Control"] = "private, no-store"
    return response
