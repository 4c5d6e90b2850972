"""Try it: a pasted or dropped programme read as `calsvc parse` reads it, shown with its
sessions, marked lines and problems, downloadable as .ics and a conferences.toml entry; and
each guard on it (size, time, how often, busy, turned off)."""

from __future__ import annotations

import io
import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path

import icalendar
import pytest
from flask import Flask
from flask.testing import FlaskClient

from calsvc.serving.service import Service
from calsvc.settings import Settings
from calsvc.web import create_app
from calsvc.web.throttle import Throttle

from ..commands import calsvc
from ..conftest import Clock
from ..html import elements, find, text
from ..parsers import PYTHON_PARSERS, lint

PROGRAMME = """Workshop on Tidal Sensing
Tuesday 9 June 2026
09:00 - 09:30 Registration
09:30 - 10:30 Keynote: Listening to the estuary (Room 2.04)
10:30 - 11:00 Coffee break
Sponsored by the Harbour Trust
"""
UIDS = [
    "programme-20260609-registration",
    "programme-20260609-keynote-listening-to-the-estuary",
    "programme-20260609-coffee-break",
]


@contextmanager
def _app(settings: Settings, **changed: object) -> Iterator[Flask]:
    settings = replace(settings, **changed)
    service = Service(settings, clock=Clock())
    app = create_app(settings, service=service)
    yield app
    app.extensions["calsvc.reader"].stop()
    service.close()


@pytest.fixture
def trying(settings: Settings) -> Iterator[FlaskClient]:
    with _app(settings) as app:
        yield app.test_client()


def _rows(page: bytes) -> list[list[str]]:
    """The cells of the table of sessions found, row by row, the session's id first."""
    rows: list[list[str]] = []
    current: list[str] | None = None
    for element in elements(page):
        if element.tag == "tr":
            uid = element.attrs.get("id", "")
            current = [uid.removeprefix("session-")] if uid.startswith("session-") else None
            if current is not None:
                rows.append(current)
        elif element.tag == "td" and current is not None:
            current.append(text(element))
    return rows


def test_a_pasted_programme_shows_its_sessions_marked_lines_and_problems(
    trying: FlaskClient,
) -> None:
    response = trying.post("/try/", data={"text": PROGRAMME, "timezone": "", "year": ""})
    page = response.data
    marks = [(row.attrs["id"], row.attrs["class"]) for row in find(page, "tr")
             if row.attrs.get("id", "").startswith("line-")]  # fmt: skip
    problems = [text(item) for item in find(page, "li", class_="warning")]

    assert (response.status_code, response.headers["Cache-Control"]) == (200, "private, no-store")
    assert text(find(page, "h2", id="found")[0]) == "3 sessions found"
    assert _rows(page) == [
        [UIDS[0], "Tue 2026-06-09", "09:00–09:30", "Registration", "", "3"],
        [UIDS[1], "Tue 2026-06-09", "09:30–10:30", "Keynote Keynote: Listening to the estuary",
         "Room 2.04", "4"],
        [UIDS[2], "Tue 2026-06-09", "10:30–11:00", "Coffee Break Coffee break", "", "5"],
    ]  # fmt: skip
    assert marks == [
        ("line-1", "mark-text"), ("line-2", "mark-day"), ("line-3", "mark-session"),
        ("line-4", "mark-session"), ("line-5", "mark-session"), ("line-6", "mark-details"),
        ("line-7", "mark-blank"),
    ]  # fmt: skip
    assert problems == [
        "line 1 · warning: no entry in conferences.toml and the text names no zone; times read "
        "as UTC. Set timezone for programme.txt in conferences.toml"
    ]
    assert text(find(page, "p", id="zone-guess")[0]) == (
        "Read in UTC: the text names no zone, so set the venue's."
    )


def test_the_page_and_calsvc_parse_give_the_same_reading(
    trying: FlaskClient, tmp_path: Path
) -> None:
    (tmp_path / "programme.txt").write_text(PROGRAMME, "utf-8")
    ran = calsvc("parse", "programme.txt", "--tz", "Europe/Lisbon", "--format", "json",
                 cwd=tmp_path, env={"CALSVC_SOURCES": str(tmp_path)})  # fmt: skip
    events = json.loads(ran.stdout)["events"]
    page = trying.post("/try/", data={"text": PROGRAMME, "timezone": "Europe/Lisbon"}).data
    shown = [(uid, time, room) for uid, _, time, _, room, _ in _rows(page)]
    from_cli = [(e["uid"], f"{e['start'][11:16]}–{e['end'][11:16]}", e["location"] or "")
                for e in events]  # fmt: skip

    assert (ran.returncode, shown) == (0, from_cli)
    assert [uid for uid, _, _ in shown] == UIDS


def test_the_calendar_download_holds_the_sessions_as_a_first_publish_would(
    trying: FlaskClient,
) -> None:
    form = {"text": PROGRAMME, "timezone": "Europe/Lisbon", "year": ""}
    response = trying.post("/try/calendar.ics", data=form)
    body = response.data
    events = icalendar.Calendar.from_ical(body).walk("VEVENT")
    readings = {name: parse(body) for name, parse in PYTHON_PARSERS.items()}
    expected = {
        UIDS[0]: ("2026-06-09T08:00:00Z", "2026-06-09T08:30:00Z"),
        UIDS[1]: ("2026-06-09T08:30:00Z", "2026-06-09T09:30:00Z"),
        UIDS[2]: ("2026-06-09T09:30:00Z", "2026-06-09T10:00:00Z"),
    }

    assert (response.mimetype, response.headers["Content-Disposition"]) == (
        "text/calendar", 'attachment; filename="programme.ics"'
    )  # fmt: skip
    assert (lint(body), readings) == ([], dict.fromkeys(readings, expected))
    assert [(str(e["UID"]), e["SEQUENCE"], str(e["STATUS"]), "URL" in e) for e in events] == [
        (uid, 0, "CONFIRMED", False) for uid in UIDS
    ]


def test_the_entry_download_is_a_data_file_that_reads_the_programme(
    trying: FlaskClient, tmp_path: Path
) -> None:
    form = {"text": PROGRAMME, "timezone": "Europe/Lisbon", "year": ""}
    entry = trying.post("/try/conferences.toml", data=form).data.decode()
    (tmp_path / "conferences.toml").write_text(entry, "utf-8")
    (tmp_path / "programme.txt").write_text(PROGRAMME, "utf-8")
    ran = calsvc("parse", "programme.txt", "--format", "json", cwd=tmp_path)

    assert entry.split("[[source]]\n")[1] == (
        "# 3 sessions read; kinds found: Registration (1), Keynote (1), Coffee Break (1)\n"
        'file = "programme.txt"\n'
        'slug = "programme"\n'
        'name = "programme" # guessed from the file name: give the conference\'s name\n'
        "year = 2026 # guessed from the dates\n"
        'timezone = "Europe/Lisbon"\n'
    )
    assert [e["uid"] for e in json.loads(ran.stdout)["events"]] == UIDS


def test_a_dropped_saved_page_is_read_as_a_page_and_sent_again_as_its_text(
    trying: FlaskClient,
) -> None:
    html = "<html><body><h2>Tuesday 9 June 2026</h2><table>" + "".join(
        f"<tr><td>{time}</td><td>{title}</td></tr>"
        for time, title in [("09:00", "Registration"), ("10:30", "Coffee break")]
    ) + "</table></body></html>"  # fmt: skip
    upload = {"file": (io.BytesIO(html.encode()), "../tidal<1>.HTM")}
    page = trying.post("/try/", data=upload, content_type="multipart/form-data").data
    sent_again = find(page, "textarea")[0]
    name = [i.attrs["value"] for i in find(page, "input") if i.attrs.get("name") == "name"]

    assert [row[1:4] for row in _rows(page)] == [
        ["Tue 2026-06-09", "09:00–10:00 ~", "Registration"],
        ["Tue 2026-06-09", "10:30–11:30 ~", "Coffee Break Coffee break"],
    ]
    assert (sent_again.text, name) == (html, ["tidal1.htm"])


@pytest.mark.parametrize(
    ("form", "message"),
    [
        ({"text": " \n "}, "Paste a programme or choose a file first: there was nothing to read."),
        ({"text": PROGRAMME, "timezone": "Mars/Olympus"},
         "timezone: unknown time zone 'Mars/Olympus'; use an IANA name such as 'Europe/Paris'"),
        ({"text": PROGRAMME, "year": "1066"}, "year 1066 is out of range (1900–2100)"),
        ({"text": PROGRAMME, "year": "next"}, "year 'next' is not a year"),
        ({"text": "\x00\x01\x02" * 50},
         "programme.txt:1: this is not a text file (it holds binary data)"),
    ],
)  # fmt: skip
def test_what_cannot_be_tried_is_said_on_the_page(
    trying: FlaskClient, form: dict[str, str], message: str
) -> None:
    response = trying.post("/try/", data=form)

    assert (response.status_code, [text(p) for p in find(response.data, "p", class_="problems")]) == (
        422, [message]
    )  # fmt: skip


def test_a_paste_over_the_size_limit_is_a_413(settings: Settings) -> None:
    with _app(settings, try_max_kb=4) as app:
        client = app.test_client()
        over = client.post("/try/", data={"text": "x" * (4 * 1024 + 1)})
        upload = {"file": (io.BytesIO(b"y" * (4 * 1024 + 1)), "big.txt")}
        dropped = client.post("/try/", data=upload, content_type="multipart/form-data")
        at = client.post("/try/", data={"text": "x" * (4 * 1024)})
        huge = client.post("/try/", data={"text": "x" * (200 * 1024)})

        message = (
            "413 Request Entity Too Large: a programme tried here may hold at most 4 KB "
            "(CALSVC_TRY_MAX_KB); read a larger one with `calsvc parse`\n"
        )
        assert [(r.status_code, r.data.decode()) for r in (over, dropped, huge)] == [
            (413, message)
        ] * 3
        assert (at.status_code, text(find(at.data, "h2", id="found")[0])) == (
            422,
            "0 sessions found",
        )


def test_a_slow_paste_stops_at_the_time_limit_with_a_message(settings: Settings) -> None:
    slow = "Monday 3 June 2024\n" + "09:00 - 10:00 Talk about the tides (Room 1)\n" * 20_000
    with _app(settings, try_seconds=0.05) as app:
        client = app.test_client()
        stopped = client.post("/try/", data={"text": slow})
        after = client.post("/try/", data={"text": PROGRAMME})

        assert (stopped.status_code, [text(p) for p in find(stopped.data, "p", class_="problems")]) == (
            422,
            ["reading this text took longer than the 0.05 s a try may take: try a shorter part "
             "of it, or read it with `calsvc parse`"],
        )  # fmt: skip
        assert text(find(after.data, "h2", id="found")[0]) == "3 sessions found"


def test_the_thirteenth_try_in_a_minute_is_throttled_per_client(settings: Settings) -> None:
    with _app(settings, try_per_minute=12) as app:
        now = [1000.0]
        app.extensions["calsvc.try_throttle"] = Throttle(12, clock=lambda: now[0])
        client = app.test_client()
        statuses = [client.post("/try/", data={"text": "hello"}).status_code for _ in range(12)]
        now[0] += 20.4
        throttled = client.post("/try/", data={"text": PROGRAMME})
        other = client.post("/try/", data={"text": PROGRAMME},
                            environ_base={"REMOTE_ADDR": "2001:db8::7"})  # fmt: skip
        neighbour = [client.post("/try/", data={"text": "hi"},
                                 environ_base={"REMOTE_ADDR": f"2001:db8::{n}"}).status_code
                     for n in range(8, 20)]  # fmt: skip

        assert statuses == [422] * 12
        assert (throttled.status_code, throttled.headers["Retry-After"], throttled.data) == (
            429, "40", b"12 tries a minute is the most one client may make; try again in 40 s\n"
        )  # fmt: skip
        now[0] += 40
        again = client.post("/try/", data={"text": PROGRAMME})

        assert (other.status_code, neighbour, again.status_code) == (200, [422] * 11 + [429], 200)


def test_a_try_waits_for_the_one_before_it_and_is_refused_when_busy(settings: Settings) -> None:
    slow = "Monday 3 June 2024\n" + "09:00 - 10:00 Talk about the tides (Room 1)\n" * 20_000
    with _app(settings, try_seconds=0.3) as app:
        first = app.test_client()
        started = threading.Event()
        outcome: list[int] = []

        def long_read() -> None:
            started.set()
            outcome.append(first.post("/try/", data={"text": slow}).status_code)

        worker = threading.Thread(target=long_read)
        worker.start()
        started.wait()
        while not app.extensions["calsvc.reader"]._lock.locked():
            pass
        busy = app.test_client().post("/try/", data={"text": PROGRAMME},
                                      environ_base={"REMOTE_ADDR": "192.0.2.9"})  # fmt: skip
        worker.join()

        assert (busy.status_code, busy.headers["Retry-After"], busy.data, outcome) == (
            503, "5", b"other programmes are being tried; try again in a moment\n", [422]
        )  # fmt: skip


def test_the_operator_can_turn_the_page_off(settings: Settings) -> None:
    with _app(settings, try_page=False) as app:
        client = app.test_client()
        responses = [client.get("/try/"), client.post("/try/", data={"text": PROGRAMME})]
        nav = [text(a) for a in find(client.get("/").data, "a") if "/try/" in a.attrs["href"]]

        assert [r.status_code for r in responses] == [404, 404]
        assert nav == []


def test_the_site_links_the_page(trying: FlaskClient) -> None:
    links = [
        a.attrs["href"] for a in find(trying.get("/").data, "a") if text(a) == "Try a programme"
    ]
    form = find(trying.get("/try/").data, "form", class_="try")[0]

    assert links == ["http://localhost/try/"]
    assert (form.attrs["method"], form.attrs["action"], form.attrs["enctype"]) == (
        "post", "http://localhost/try/", "multipart/form-data"
    )  # fmt: skip
