"""The organiser's desk (/desk/): organisers sign in with the secret `calsvc organiser add`
gave them, upload, paste or give the address of a new version of their own conferences'
programmes, see what it would change and how each line was read, then publish it.

Guards: sessions in signed HttpOnly, SameSite=Strict cookies (Secure behind https), signed
with a key the revision store keeps for every worker and replica; a CSRF token on every
form; wrong secrets throttled per name and per address; no page cached by anyone but the
browser that asked (`private, no-store`); addresses fetched only from the public internet.
"""

from __future__ import annotations

import hmac
import secrets
from datetime import timedelta
from math import ceil
from typing import Any

from flask import Blueprint, Flask, Response, abort, current_app, redirect, request, session
from flask.sessions import NullSession, SecureCookieSession, SecureCookieSessionInterface
from flask.wrappers import Request

from ..credentials import matches
from ..desk import Difference, difference, publish_text, set_address
from ..errors import CalsvcError, NotFound, StoreError
from ..model import Conference, utc_now
from ..parse.marks import ROLES
from ..sources.addresses import fetch_public
from ..trial import Trial, TrialBusy, TrialError, source_name
from .context import base_url, service
from .context import catalogue as current_catalogue
from .pages import link, page
from .responses import refuse
from .throttle import Throttle, client_key
from .uploads import decoded, sent_programme

blueprint = Blueprint("desk", __name__)
SIGN_IN_TRIES = 10  # wrong secrets a minute, per name and per address, before a wait
SESSION_HOURS = 8


class DeskSessions(SecureCookieSessionInterface):
    """Flask's signed cookie sessions, Secure whenever the request came over https (directly
    or, with CALSVC_PROXY_HOPS, through a proxy that said so)."""

    def get_cookie_secure(self, app: Flask) -> bool:
        return request.is_secure or base_url().startswith("https://")

    def open_session(self, app: Flask, request: Request) -> SecureCookieSession | None:
        """A session for the desk's pages only (no other request reads the store for one);
        signed with the key the revision store keeps (made on first use), the same for every
        worker and replica, so a session is good wherever its next request lands."""
        if not request.path.startswith("/desk/"):
            return None
        if not app.secret_key:
            try:
                app.secret_key = app.config["SERVICE"].store.site_key("desk-sessions")
            except StoreError:
                return None  # (the desk answers 503 until the store can be read)
        return super().open_session(app, request)


def install(app: Flask) -> None:
    app.session_interface = DeskSessions()
    app.config.update(
        SESSION_COOKIE_NAME="calsvc_desk",
        SESSION_COOKIE_HTTPONLY=True,
        SESSION_COOKIE_SAMESITE="Strict",
        SESSION_COOKIE_PATH="/desk/",
        PERMANENT_SESSION_LIFETIME=timedelta(hours=SESSION_HOURS),
    )
    app.extensions["calsvc.sign_in_names"] = Throttle(SIGN_IN_TRIES)
    app.extensions["calsvc.sign_in_addresses"] = Throttle(SIGN_IN_TRIES)


@blueprint.before_request
def guarded() -> None:
    """Every POST carries the form's CSRF token, the one its session holds."""
    if not service().settings.desk:
        raise NotFound("page", request.path, ["the organiser's desk is turned off (CALSVC_DESK)"])
    if isinstance(session, NullSession):
        refuse(503, "the organiser's desk needs the revision store, which cannot be read now")
    if "csrf" not in session:
        session["csrf"] = secrets.token_urlsafe(32)
    if request.method == "POST":
        sent = request.form.get("csrf", "")
        if not hmac.compare_digest(sent.encode(), str(session["csrf"]).encode()):
            refuse(400, "this form has expired or was not sent from this site: open it again")


@blueprint.after_request
def private(response: Response) -> Response:
    response.headers["Cache-Control"] = "private, no-store"
    return response


@blueprint.get("/desk/sign-in")
def sign_in_form() -> Response:
    return _page("desk_sign_in.html")


@blueprint.post("/desk/sign-in")
def sign_in() -> Response:
    name, secret = request.form.get("name", "").strip(), request.form.get("secret", "")
    names = current_app.extensions["calsvc.sign_in_names"]
    addresses = current_app.extensions["calsvc.sign_in_addresses"]
    address = client_key(request.remote_addr)
    wait = max(names.blocked(name.lower()), addresses.blocked(address))
    if wait:
        refuse(429, f"too many wrong secrets: try again in {ceil(wait)} s", retry_after=wait)
    person = service().store.organiser(name) if name else None
    if not matches(secret, person.secret if person else None):
        names.count(name.lower())
        addresses.count(address)
        return _page("desk_sign_in.html", status=403, failure="That name and secret do not match.")
    session.clear()
    session.permanent = True
    session.update(organiser=person.name if person else name, csrf=secrets.token_urlsafe(32))
    return redirect(link("/desk/"), code=303)  # type: ignore[return-value]


@blueprint.post("/desk/sign-out")
def sign_out() -> Response:
    session.clear()
    return redirect(link("/desk/sign-in"), code=303)  # type: ignore[return-value]


@blueprint.get("/desk/")
def desk() -> Response:
    name, conferences = _signed_in()
    catalogue = current_catalogue()
    own = [catalogue.conferences[slug] for slug in conferences if slug in catalogue.conferences]
    return _page("desk.html", organiser=name, conferences=own)


@blueprint.get("/desk/<conference>/")
def conference_desk(conference: str) -> Response:
    name, described = _own(conference)
    return _page(
        "desk_conference.html",
        organiser=name,
        conference=described,
        publishes=service().store.desk_publishes(conference, limit=10),
        done=request.args.get("done"),
    )


@blueprint.post("/desk/<conference>/preview")
def preview(conference: str) -> Response:
    name, described = _own(conference)
    trial, given = _version(name, described)
    return _preview(name, described, trial, given)


@blueprint.post("/desk/<conference>/publish")
def publish(conference: str) -> Response:
    name, described = _own(conference)
    trial, given = _version(name, described)
    diff = _difference(described, trial)
    if trial.schedule.errors or not trial.schedule.sessions:
        return _preview(name, described, trial, given, status=422,
                        failure="This version has errors: it is not published.")  # fmt: skip
    if diff.held and request.form.get("confirm") != "yes":
        return _preview(name, described, trial, given, status=409, failure=(
            f"This version cancels {len(diff.cancelled)} of "
            f"{len(diff.cancelled) + len(diff.moved) + diff.unchanged} sessions: more than "
            "half. Confirm it below to publish it."))  # fmt: skip
    store, now = service().store, utc_now()
    folder = service().settings.sources
    if given["url"]:
        where = set_address(store, folder, described, given["url"], now=now)
    else:
        where = publish_text(store, folder, described, given["data"], now=now)
    service().reload()
    if diff.held and store.confirm(conference):
        service().reload()
    store.record_desk_publish(conference, name, now, diff.summary)
    return redirect(link(f"/desk/{conference}/?done={where}"), code=303)  # type: ignore[return-value]


def _signed_in() -> tuple[str, tuple[str, ...]]:
    """The organiser signed in, and their conferences as the store has them now (a removed
    organiser is signed out at once); 403 for anyone else."""
    name = session.get("organiser")
    person = service().store.organiser(name) if name else None
    if person is None:
        session.pop("organiser", None)
        refuse(403, "sign in at /desk/sign-in to use the organiser's desk")
    return person.name, person.conferences


def _own(conference: str) -> tuple[str, Conference]:
    name, conferences = _signed_in()
    described = current_catalogue().conferences.get(conference)
    if conference not in conferences or described is None:
        refuse(403, f"{name} may not publish {conference}")
    return name, described


def _version(name: str, conference: Conference) -> tuple[Trial, dict[str, Any]]:
    """The version the form gives (a file, pasted text, or a page's address, fetched only
    from the public internet), read as the service reads the conference's source; the form
    again with why, when it cannot be read (422)."""
    settings = service().settings
    url = request.form.get("url", "").strip()
    given: dict[str, Any] = {"url": url, "text": request.form.get("text", ""), "data": b""}
    try:
        if url:
            data = fetch_public(url, limit_mb=settings.max_source_mb)
        else:
            too_large = (
                f"a programme may be at most {settings.max_source_mb} MB (CALSVC_MAX_SOURCE_MB)"
            )
            data, filename = sent_programme(settings.max_source_mb * 2**20, too_large)
            given["text"] = decoded(data) if filename else given["text"]
        given["data"] = data
        if not data.strip():
            raise TrialError("Give the new version: a file, its text, or its page's address.")
        reader = current_app.extensions["calsvc.reader"]
        trial = reader.read(data, source_name(conference.source), reference=utc_now().date(),
                            year=None, timezone=None, seconds=settings.try_seconds,
                            conference=conference)  # fmt: skip
    except TrialBusy as busy:
        refuse(503, str(busy), retry_after=5)
    except CalsvcError as error:  # (a TrialError, an address refused or failing)
        form = _page("desk_conference.html", status=422, organiser=name,
                     conference=conference, failure=str(error), given=given)  # fmt: skip
        abort(form)
    return trial, given


def _difference(conference: Conference, trial: Trial) -> Difference:
    entries = [e for e in current_catalogue().entries if e.conference.slug == conference.slug]
    return difference(entries, trial.schedule)


def _preview(name: str, conference: Conference, trial: Trial, given: dict[str, Any], *,
             status: int = 200, failure: str | None = None) -> Response:  # fmt: skip
    diff = _difference(conference, trial)
    return _page("desk_preview.html", status=status, organiser=name, conference=conference,
                 trial=trial, diff=diff, given=given, failure=failure, roles=ROLES,
                 session_link=lambda uid: link(f"/events/{uid}/"))  # fmt: skip


def _page(template: str, status: int = 200, **context: Any) -> Response:
    return page(template, status=status, csrf=session.get("csrf", ""), **context)
