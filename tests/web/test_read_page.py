"""A conference's read page: its source line by line, marked with what was read, sessions
linked, problems anchored to their lines; linked from the conference page and /status, and
turned off by the operator or by the data file."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from flask.testing import FlaskClient

from calsvc.serving.service import Service
from calsvc.settings import Settings
from calsvc.web import create_app

from ..conftest import Clock
from ..html import find, text
from .test_web_feeds import ALL_2023

BASE = "http://localhost"


def _rows(page: bytes) -> list[tuple[str, str]]:
    return [(row.attrs["id"], row.attrs["class"]) for row in find(page, "tr")]


def test_the_read_page_of_a_seed_marks_every_session_and_the_line_left_out(
    client: FlaskClient,
) -> None:
    page = client.get("/mlsys-2023/read/").data
    rows = _rows(page)
    sessions = [a.attrs["href"] for a in find(page, "a", class_="to-session")]

    assert [line for line, mark in rows if mark == "mark-session"] == [
        "line-1", "line-2", "line-10", "line-13", "line-23", "line-35"
    ]  # fmt: skip
    in_line_order = [ALL_2023[i] for i in (1, 2, 0, 3, 4, 5)]  # (the feed's: by time)
    assert sessions == [f"{BASE}/events/{uid}/" for uid in in_line_order]
    assert ({mark for _, mark in rows}, len(rows)) == (
        {"mark-session", "mark-details", "mark-blank"}, 47
    )  # fmt: skip


def test_the_seeds_leave_one_line_unread_and_the_page_says_which(client: FlaskClient) -> None:
    page = client.get("/mlsys-2021/read/").data

    left = [row.attrs["id"] for row in find(page, "tr", class_="mark-text")]
    lede = [text(span) for span in find(page, "span") if "lede" in span.classes_above]

    assert (left, lede) == (
        ["line-1"],
        ["mlsys-2021.txt", "6 lines gave sessions", "0 not understood", "1 left out"],
    )


def test_a_problem_links_from_the_conference_page_to_its_marked_line(
    client: FlaskClient, sources: Path
) -> None:
    (sources / "extra.txt").write_text(
        "Programme\nMonday 3 June 2024\n09:00 Opening\n10:00 Keynote: Ada\n"
        "Tue 31 Jun 09:00 Social\n",
        "utf-8",
    )

    conference = client.get("/extra/").data
    links = [a.attrs["href"] for a in find(conference, "a") if "/read/" in a.attrs["href"]]
    page = client.get("/extra/read/").data
    marks = _rows(page)
    notes = [text(n) for n in find(page, "span", class_="note")]

    assert links == [f"{BASE}/extra/read/", f"{BASE}/extra/read/#line-5"]
    assert marks == [
        ("line-1", "mark-text"), ("line-2", "mark-day"), ("line-3", "mark-session"),
        ("line-4", "mark-session"), ("line-5", "mark-problem"), ("line-6", "mark-blank"),
    ]  # fmt: skip
    assert notes[-1] == (
        "error: 'Tue 31 Jun' is not a date: June 2024 has 30 days; this session is left out"
    )


def test_status_links_each_source_and_problem_to_the_read_page(
    client: FlaskClient, sources: Path
) -> None:
    (sources / "extra.txt").write_text("Monday 3 June 2024\n09:00 Opening\nTue 31 Jun 09:00 X\n")

    status = client.get("/status").json
    [extra] = [s for s in status["sources"] if s["file"] == "extra.txt"]  # type: ignore[index]

    assert (extra["read"], [d["read"] for d in extra["diagnostics"] if d["level"] == "error"]) == (
        "/extra/read/", ["/extra/read/#line-3"]
    )  # fmt: skip


def test_a_file_changed_since_it_was_read_says_so_and_reads_as_it_is_now(
    settings: Settings, sources: Path, clock: Clock
) -> None:
    service = Service(replace(settings, reload_seconds=3600), clock=clock)
    client = create_app(settings, service=service).test_client()
    before = client.get("/mlsys-2023/read/").data  # its marks are kept for the next asking
    programme = sources / "mlsys-2023.txt"
    programme.write_text("Tue 6 Jun 2023\n09:00 New opening\n", "utf-8")

    page = client.get("/mlsys-2023/read/").data
    service.store.close()

    assert find(before, "p", class_="note") == []

    assert [text(p) for p in find(page, "p", class_="note")] == [
        "The file has changed since the sessions in service were read from it: this is how "
        "its text reads now, and the next reload serves that."
    ]
    assert _rows(page) == [
        ("line-1", "mark-day"),
        ("line-2", "mark-session"),
        ("line-3", "mark-blank"),
    ]


def test_read_pages_are_turned_off_by_the_operator_or_the_data_file(
    settings: Settings, sources: Path, clock: Clock
) -> None:
    off = create_app(replace(settings, read_pages=False), service=Service(
        replace(settings, read_pages=False), clock=clock)).test_client()  # fmt: skip
    data = sources / "conferences.toml"
    data.write_text(
        data.read_text("utf-8").replace(
            'slug = "mlsys-2022"\n', 'slug = "mlsys-2022"\nread_page = false\n'
        ),
        "utf-8",
    )
    one_off = create_app(settings, service=Service(settings, clock=clock)).test_client()

    assert (off.get("/mlsys-2023/read/").status_code, off.get("/status").json["sources"][2].get("read")) == (
        404, None
    )  # type: ignore[index]  # fmt: skip
    assert [
        a.attrs["href"]
        for a in find(off.get("/mlsys-2023/").data, "a")
        if "/read/" in a.attrs["href"]
    ] == []
    assert (one_off.get("/mlsys-2022/read/").get_data(as_text=True),
            one_off.get("/mlsys-2023/read/").status_code) == (
        "no read page 'mlsys-2022'; known: mlsys-2021, mlsys-2023\n", 200
    )  # fmt: skip
