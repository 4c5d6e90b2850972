"""The organiser's desk: organisers sign in with their secret, see what a new version of their
own conference changes, and publish it; and each guard (CSRF, throttled secrets, other
people's conferences, addresses inside the network, versions that cancel too much)."""

from __future__ import annotations

import io
import re
import threading
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import icalendar
import pytest
from flask.testing import FlaskClient

from calsvc.credentials import hashed
from calsvc.errors import SourceError
from calsvc.serving.service import Service
from calsvc.settings import Settings
from calsvc.sources.addresses import fetch_public, public_target
from calsvc.web import create_app

from ..commands import calsvc
from ..conftest import Clock
from ..html import find, text

MOVED = ("Opening Remarks Tue 6 Apr 08:00 a.m.", "Opening Remarks Tue 6 Apr 09:00 a.m.")
REMOVED = "Invited Talk: William Dally"
SLUG = "mlsys-2021"


@pytest.fixture
def desk(settings: Settings) -> Iterator[tuple[FlaskClient, Service]]:
    service = Service(settings, clock=Clock(datetime.now(UTC)))
    app = create_app(settings, service=service)
    now = datetime.now(UTC)
    service.store.set_organiser("ana", hashed("ana-secret"), (SLUG,), now)
    service.store.set_organiser("bob", hashed("bob-secret"), ("mlsys-2022",), now)
    yield app.test_client(), service
    app.extensions["calsvc.reader"].stop()
    service.close()


def _csrf(client: FlaskClient, path: str = "/desk/sign-in") -> str:
    found = re.search(r'name="csrf" value="([^"]+)"', client.get(path).data.decode())
    assert found is not None, f"no CSRF token on {path}"
    return found[1]


def _sign_in(client: FlaskClient, name: str, secret: str) -> int:
    form = {"name": name, "secret": secret, "csrf": _csrf(client)}
    return client.post("/desk/sign-in", data=form).status_code


def _new_version(sources: Path) -> str:
    lines = (sources / f"{SLUG}.txt").read_text("utf-8").replace(*MOVED).split("\n")
    return "\n".join(line for line in lines if line != REMOVED)


def _feed(client: FlaskClient) -> dict[str, tuple[int, str, str]]:
    calendar = icalendar.Calendar.from_ical(client.get(f"/{SLUG}/calendar.ics").data)
    return {str(e["UID"]): (int(e["SEQUENCE"]), str(e["STATUS"]), e.decoded("DTSTART").isoformat())
            for e in calendar.walk("VEVENT")}  # fmt: skip


def test_an_organiser_sees_the_difference_publishes_and_the_feed_follows(
    desk: tuple[FlaskClient, Service], sources: Path
) -> None:
    client, service = desk
    before = _feed(client)
    signed = _sign_in(client, "ana", "ana-secret")
    token = _csrf(client, "/desk/")
    form = {"text": _new_version(sources), "csrf": token}
    preview = client.post(f"/desk/{SLUG}/preview", data=form)
    lists = {
        kind: [text(li) for li in find(preview.data, "li") if kind in li.classes_above]
        for kind in ("added", "moved", "cancelled")
    }
    published = client.post(f"/desk/{SLUG}/publish", data=form)
    after = _feed(client)
    done = client.get(published.headers["Location"])

    assert (signed, preview.status_code, published.status_code) == (303, 200, 303)
    assert text(find(preview.data, "p", id="summary")[0]) == (
        "0 added · 1 moved · 1 cancelled · 4 unchanged"
    )
    assert lists == {
        "added": [],
        "moved": ["Opening Remarks · Tue 2021-04-06 08:00–09:00 → Tue 2021-04-06 09:00–09:30"],
        "cancelled": ["Invited Talk: William Dally · Tue 2021-04-06 time not announced"],
    }
    opening, dally = (
        f"{SLUG}-20210406-opening-remarks",
        f"{SLUG}-20210406-invited-talk-william-dally",
    )
    assert (before[opening], before[dally]) == (
        (0, "CONFIRMED", "2021-04-06T08:00:00-07:00"), (0, "CONFIRMED", "2021-04-06")
    )  # fmt: skip
    assert (after[opening], after[dally]) == (
        (1, "CONFIRMED", "2021-04-06T09:00:00-07:00"), (1, "CANCELLED", "2021-04-06")
    )  # fmt: skip
    shown = [
        text(li).split(" · ", 1)[1]
        for page in (done.data, client.get(f"/{SLUG}/changes/").data)
        for li in find(page, "li")
        if "desk-publishes" in li.classes_above
    ]
    assert shown == ["ana · 0 added, 1 moved, 1 cancelled, 4 unchanged"] * 2
    assert [(p.organiser, p.summary) for p in service.store.desk_publishes(SLUG)] == [
        ("ana", {"added": 0, "moved": 1, "cancelled": 1, "unchanged": 4})
    ]
    assert published.headers["Cache-Control"] == "private, no-store"


def test_nobody_else_sees_or_publishes_a_conference(
    desk: tuple[FlaskClient, Service], sources: Path
) -> None:
    client, _ = desk
    stranger = [client.get(f"/desk/{SLUG}/").status_code, client.get("/desk/").status_code]
    token = _csrf(client)
    stranger.append(client.post(f"/desk/{SLUG}/preview", data={"csrf": token}).status_code)
    _sign_in(client, "bob", "bob-secret")
    token = _csrf(client, "/desk/")
    form = {"text": _new_version(sources), "csrf": token}
    bob = [
        client.get(f"/desk/{SLUG}/").status_code,
        client.post(f"/desk/{SLUG}/preview", data=form).status_code,
        client.post(f"/desk/{SLUG}/publish", data=form).status_code,
    ]

    assert (stranger, bob) == ([403, 403, 403], [403, 403, 403])
    assert (sources / f"{SLUG}.txt").read_text("utf-8").count(MOVED[0]) == 1


def test_a_form_without_its_csrf_token_is_refused(
    desk: tuple[FlaskClient, Service], sources: Path
) -> None:
    client, _ = desk
    _sign_in(client, "ana", "ana-secret")
    form = {"text": _new_version(sources)}
    refused = client.post(f"/desk/{SLUG}/publish", data=form)
    forged = client.post(f"/desk/{SLUG}/publish", data={**form, "csrf": "forged"})
    sign_in = client.post("/desk/sign-in", data={"name": "ana", "secret": "ana-secret"})

    assert [r.status_code for r in (refused, forged, sign_in)] == [400, 400, 400]
    assert refused.data == b"this form has expired or was not sent from this site: open it again\n"
    assert (sources / f"{SLUG}.txt").read_text("utf-8").count(MOVED[0]) == 1


def test_the_eleventh_wrong_secret_in_a_minute_is_throttled(
    desk: tuple[FlaskClient, Service],
) -> None:
    client, _ = desk
    wrong = [_sign_in(client, "ana", f"guess-{n}") for n in range(10)]
    eleventh = _sign_in(client, "ana", "ana-secret")
    other_name = [_sign_in(client, "bob", f"guess-{n}") for n in range(10)]
    from_elsewhere = client.post(
        "/desk/sign-in",
        data={"name": "carol", "secret": "x", "csrf": _csrf(client)},
        environ_base={"REMOTE_ADDR": "192.0.2.44"},
    )

    assert (wrong, eleventh) == ([403] * 10, 429)
    assert other_name == [429] * 10  # (the address has had its ten)
    assert from_elsewhere.status_code == 403


def test_a_removed_organiser_is_signed_out(desk: tuple[FlaskClient, Service]) -> None:
    client, service = desk
    _sign_in(client, "ana", "ana-secret")
    before = client.get("/desk/").status_code
    service.store.remove_organiser("ana")

    assert (before, client.get("/desk/").status_code) == (200, 403)


def test_a_version_that_cancels_most_sessions_waits_for_a_confirmation(
    desk: tuple[FlaskClient, Service], sources: Path
) -> None:
    client, _ = desk
    _sign_in(client, "ana", "ana-secret")
    token = _csrf(client, "/desk/")
    lines = (sources / f"{SLUG}.txt").read_text("utf-8").split("\n")
    truncated = "\n".join(lines[:16])  # (a paste cut short: its first two sessions)
    form = {"text": truncated, "csrf": token}
    held = client.post(f"/desk/{SLUG}/publish", data=form)
    unchanged = _feed(client)
    confirmed = client.post(f"/desk/{SLUG}/publish", data={**form, "confirm": "yes"})
    statuses = sorted(status for _, status, _ in _feed(client).values())

    assert (held.status_code, [text(p) for p in find(held.data, "p", class_="problems")]) == (
        409,
        ["This version cancels 4 of 6 sessions: more than half. Confirm it below to publish it."],
    )
    assert sorted(status for _, status, _ in unchanged.values()) == ["CONFIRMED"] * 6
    assert (confirmed.status_code, statuses) == (303, ["CANCELLED"] * 4 + ["CONFIRMED"] * 2)


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("http://127.0.0.1:9/programme.txt", "127.0.0.1 resolves to 127.0.0.1"),
        ("http://10.0.0.1/programme.txt", "10.0.0.1 resolves to 10.0.0.1"),
        ("http://169.254.169.254/latest/meta-data/", "169.254.169.254 resolves to 169.254.169.254"),
        ("http://[::1]:8000/", "::1 resolves to ::1"),
        ("file:///etc/passwd", "only http:// and https:// addresses are fetched"),
    ],
)  # fmt: skip
def test_an_address_inside_the_network_is_refused_with_a_clear_message(
    desk: tuple[FlaskClient, Service], url: str, message: str
) -> None:
    client, _ = desk
    _sign_in(client, "ana", "ana-secret")
    response = client.post(
        f"/desk/{SLUG}/preview", data={"url": url, "csrf": _csrf(client, "/desk/")}
    )
    shown = [text(p) for p in find(response.data, "p", class_="problems")]
    tail = (
        ""
        if url.startswith("file")
        else ", which is not a public internet address; only public pages are fetched"
    )

    assert (response.status_code, shown) == (422, [f"{url}: {message}{tail}"])


def test_a_name_that_resolves_inside_is_refused() -> None:
    with pytest.raises(SourceError) as raised:
        public_target("https://programme.example/", resolver=lambda host, port: ["10.1.2.3"])

    assert raised.value.message == (
        "programme.example resolves to 10.1.2.3, which is not a public internet address; "
        "only public pages are fetched"
    )


@pytest.fixture
def redirector() -> Iterator[str]:
    """A page that redirects to the cloud's metadata address."""

    class Redirect(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            self.send_response(302)
            self.send_header("Location", "http://169.254.169.254/latest/meta-data/")
            self.end_headers()

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Redirect)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}/programme.txt"
    server.shutdown()
    server.server_close()


def test_a_redirect_to_inside_the_network_is_refused(redirector: str) -> None:
    with pytest.raises(SourceError) as raised:  # (this test's own server counts as public)
        fetch_public(redirector, limit_mb=1, public=lambda address: address == "127.0.0.1")

    assert str(raised.value) == (
        "http://169.254.169.254/latest/meta-data/: 169.254.169.254 resolves to "
        "169.254.169.254, which is not a public internet address; only public pages are fetched"
    )


def test_organisers_are_added_listed_and_removed_with_the_command(tmp_path: Path) -> None:
    env = {"CALSVC_DB": str(tmp_path / "revisions.sqlite3")}
    added = calsvc("organiser", "add", "ana", "--conference", SLUG, "--conference", "x", env=env)
    secret = added.stdout.split(": ")[-1].strip()
    listed = calsvc("organiser", "list", env=env)
    removed = calsvc("organiser", "remove", "ana", env=env)
    again = calsvc("organiser", "remove", "ana", env=env)

    assert added.stdout.splitlines()[0] == f"added ana: {SLUG}, x"
    assert (len(secret), listed.stdout.split("  ")[:2]) == (32, ["ana", f"{SLUG}, x"])
    assert (removed.returncode, removed.stdout, again.returncode) == (0, "removed ana\n", 2)


def test_the_operator_can_turn_the_desk_off(settings: Settings) -> None:
    service = Service(replace(settings, desk=False), clock=Clock(datetime.now(UTC)))
    client = create_app(replace(settings, desk=False), service=service).test_client()
    answers = [client.get("/desk/sign-in"), client.post("/desk/sign-in", data={"name": "x"})]
    service.close()

    assert [(r.status_code, r.data.decode().split(";")[0]) for r in answers] == [
        (404, "no page '/desk/sign-in'")
    ] * 2


def test_an_upload_over_the_source_limit_is_refused_whole(
    settings: Settings, sources: Path
) -> None:
    small = replace(settings, max_source_mb=1)
    service = Service(small, clock=Clock(datetime.now(UTC)))
    app = create_app(small, service=service)
    service.store.set_organiser("ana", hashed("ana-secret"), (SLUG,), datetime.now(UTC))
    client = app.test_client()
    _sign_in(client, "ana", "ana-secret")
    upload = {"file": (io.BytesIO(b"x" * (2**20 + 1)), "big.txt"), "csrf": _csrf(client, "/desk/")}
    response = client.post(f"/desk/{SLUG}/publish", data=upload)
    response.request.environ["wsgi.input"].close()  # (the test's body, spooled to a file)
    service.close()

    assert (response.status_code, response.data.decode()) == (
        413,
        "413 Request Entity Too Large: a programme may be at most 1 MB (CALSVC_MAX_SOURCE_MB)\n",
    )
    assert (sources / f"{SLUG}.txt").read_text("utf-8").count(MOVED[0]) == 1
