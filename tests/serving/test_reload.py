"""Sources edited while the app runs: moves, removals, breakage, restarts."""

from __future__ import annotations

import os
import threading
import time
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient

from calsvc.serving.service import Service
from calsvc.settings import Settings
from calsvc.sources import folder as sources_module
from calsvc.web import create_app
from calsvc.web.status import READING, status

from ..calendars import events, revisions, uids
from ..conftest import Clock, write_abstracts
from ..web.test_web_feeds import ALL_2023

FEDERATED = "mlsys-2023-20230606-poster-federated-learning"
ML_FOR_SYSTEMS = "mlsys-2023-20230606-poster-ml-for-systems"


def _rewrite(path: Path, text: str) -> None:
    path.write_text(text, encoding="utf-8")
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))


def _move_federated_and_drop_ml_for_systems(sources: Path) -> None:
    path = sources / "mlsys-2023.txt"
    text = path.read_text(encoding="utf-8")
    text = text.replace(
        "Poster: Federated Learning Tue 6 Jun 03:20 p.m.",
        "Poster: Federated Learning Tue 6 Jun 04:00 p.m.",
    )
    _rewrite(path, text[: text.index("Poster: ML for Systems")])


def test_reload_moved_session_keeps_uid_with_higher_sequence(
    client: FlaskClient, sources: Path, clock: Clock
) -> None:
    before = client.get("/mlsys-2023/calendar.ics")
    clock.advance(hours=1)

    _move_federated_and_drop_ml_for_systems(sources)
    after = client.get("/mlsys-2023/calendar.ics")

    assert uids(after.data) == ALL_2023
    assert revisions(after.data) == {
        ALL_2023[0]: (0, "CONFIRMED", "2026-11-01T09:00:00Z"),
        ALL_2023[1]: (0, "CONFIRMED", "2026-11-01T09:00:00Z"),
        ALL_2023[2]: (0, "CONFIRMED", "2026-11-01T09:00:00Z"),
        ALL_2023[3]: (0, "CONFIRMED", "2026-11-01T09:00:00Z"),
        FEDERATED: (1, "CONFIRMED", "2026-11-01T10:00:00Z"),
        ML_FOR_SYSTEMS: (1, "CANCELLED", "2026-11-01T10:00:00Z"),
    }
    assert [e for e in events(after.data) if e[0] == FEDERATED] == [
        (FEDERATED, "Poster: Federated Learning", "2023-06-06T20:00Z", "2023-06-06T21:30Z")
    ]
    assert (after.headers["ETag"] != before.headers["ETag"], after.headers["Last-Modified"]) == (
        True, "Sun, 01 Nov 2026 10:00:00 GMT"
    )  # fmt: skip


def test_reload_old_etag_no_longer_matches(
    client: FlaskClient, sources: Path, clock: Clock
) -> None:
    etag = client.get("/mlsys-2023/calendar.ics").headers["ETag"]
    clock.advance(hours=1)

    _move_federated_and_drop_ml_for_systems(sources)
    response = client.get("/mlsys-2023/calendar.ics", headers={"If-None-Match": etag})

    assert response.status_code == 200


def test_reload_cancelled_session_leaves_feeds_after_the_kept_time(
    client: FlaskClient, sources: Path, clock: Clock
) -> None:
    _move_federated_and_drop_ml_for_systems(sources)
    client.get("/healthz")
    clock.advance(days=30, seconds=1)

    body = client.get("/mlsys-2023/calendar.ics").data

    assert uids(body) == ALL_2023[:5]


def test_reload_session_back_after_cancellation_is_confirmed_one_higher(
    client: FlaskClient, sources: Path, clock: Clock
) -> None:
    original = (sources / "mlsys-2023.txt").read_text(encoding="utf-8")
    _move_federated_and_drop_ml_for_systems(sources)
    client.get("/healthz")
    clock.advance(hours=2)

    _rewrite(sources / "mlsys-2023.txt", original)
    status = revisions(client.get("/mlsys-2023/calendar.ics").data)

    assert (status[ML_FOR_SYSTEMS], status[FEDERATED]) == (
        (2, "CONFIRMED", "2026-11-01T11:00:00Z"), (2, "CONFIRMED", "2026-11-01T11:00:00Z")
    )  # fmt: skip


def test_reload_broken_source_keeps_last_good_version(client: FlaskClient, sources: Path) -> None:
    good = client.get("/mlsys-2023/calendar.ics").data

    (sources / "mlsys-2023.txt").write_bytes(bytes(range(256)) * 40)
    served = client.get("/mlsys-2023/calendar.ics").data
    status = client.get("/status").json

    assert served == good
    assert status["sources"][2]["error"].endswith(
        "mlsys-2023.txt:1: this is not a text file (it holds binary data)"
    )  # type: ignore[index]
    assert status["sources"][2]["loaded_at"] == "2026-11-01T09:00:00+00:00"  # type: ignore[index]


def test_reload_deleted_source_keeps_last_good_version(client: FlaskClient, sources: Path) -> None:
    good = client.get("/mlsys-2023/calendar.ics").data

    (sources / "mlsys-2023.txt").unlink()
    served = client.get("/mlsys-2023/calendar.ics").data

    assert (served, client.get("/status").json["sources"][2]["error"]) == (  # type: ignore[index]
        good, "mlsys-2023.txt: cannot read: No such file or directory"
    )  # fmt: skip


def test_reload_broken_data_file_keeps_everything(client: FlaskClient, sources: Path) -> None:
    good = client.get("/calendar.ics").data

    _rewrite(sources / "conferences.toml", "[[source]\nfile = 'x'\n")
    served = client.get("/calendar.ics").data

    assert (served, client.get("/status").json["data_file"]["errors"]) == (  # type: ignore[index]
        good, [f"{sources / 'conferences.toml'}:1: not valid TOML: Expected ']]' at the end of an array declaration"]
    )  # fmt: skip


def test_restart_with_the_same_store_serves_the_same_bytes(
    app: Flask, settings: Settings, clock: Clock
) -> None:
    first = app.test_client().get("/calendar.ics").data
    clock.advance(days=3)

    restarted = create_app(settings, service=Service(settings, clock=clock))

    assert restarted.test_client().get("/calendar.ics").data == first


def test_restart_with_a_broken_source_serves_the_stored_version(
    app: Flask, settings: Settings, sources: Path, clock: Clock
) -> None:
    first = app.test_client().get("/mlsys-2023/calendar.ics").data
    (sources / "mlsys-2023.txt").write_bytes(b"\x00\x01\x02" * 1000)

    restarted = create_app(settings, service=Service(settings, clock=clock)).test_client()

    assert revisions(restarted.get("/mlsys-2023/calendar.ics").data) == revisions(first)


def test_two_processes_share_the_store(settings: Settings, sources: Path, clock: Clock) -> None:
    one = create_app(settings, service=Service(settings, clock=clock)).test_client()
    two = create_app(settings, service=Service(settings, clock=clock)).test_client()
    clock.advance(hours=1)
    _move_federated_and_drop_ml_for_systems(sources)

    first = one.get("/mlsys-2023/calendar.ics").data
    clock.advance(minutes=5)
    second = two.get("/mlsys-2023/calendar.ics").data

    assert (second, revisions(second)[FEDERATED]) == (
        first,
        (1, "CONFIRMED", "2026-11-01T10:00:00Z"),
    )


def test_reload_of_unchanged_content_keeps_the_catalogue_in_service(
    app: Flask, sources: Path
) -> None:
    service = app.config["SERVICE"]
    before = service.catalogue()
    path = sources / "mlsys-2023.txt"

    _rewrite(path, path.read_text(encoding="utf-8"))  # same bytes, new modification time
    after = service.catalogue()

    assert after is before


@pytest.mark.slow
def test_background_reload_never_holds_up_a_request(settings: Settings, sources: Path) -> None:
    """A server's service reloads in its own thread: while a large source is read, every
    request is answered at once from the catalogue in service; then the new one goes in."""
    service = Service(replace(settings, reload_seconds=0.05), background=True)
    try:
        before = service.catalogue().version
        big = "".join(
            f"Poster: Track {n} Tue {6 + n // 1000 % 20} Jun 09:00 a.m.\nAbstract\nText.\n"
            for n in range(20_000)
        )
        write_abstracts(sources, big)
        waits, versions = [], []
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            started = time.perf_counter()
            versions.append(service.catalogue().version)
            waits.append(time.perf_counter() - started)
            if versions[-1] != before:
                break
            time.sleep(0.01)
    finally:
        service.close()

    assert versions[0] == before
    assert versions[-1] != before, "the new catalogue never went into service"
    assert len(versions) > 10, f"only {len(versions)} requests were answered during the reload"
    assert max(waits) < 0.5, f"a request waited {max(waits):.3f} s for the reload"


def test_a_source_linked_from_outside_the_folder_is_not_read(
    settings: Settings, sources: Path, tmp_path: Path, clock: Clock
) -> None:
    outside = tmp_path / "elsewhere.txt"
    outside.write_text("Poster: Secret Tue 6 Jun 09:00 a.m.\n", encoding="utf-8")
    (sources / "mlsys-abstracts.txt").unlink()
    (sources / "mlsys-abstracts.txt").symlink_to(outside)
    service = Service(settings, clock=clock)
    allowed = Service(
        replace(settings, db=tmp_path / "other.sqlite3", links_outside=True), clock=clock
    )
    try:
        refused = [
            s["error"] for s in status(service)["sources"] if s["file"] == "mlsys-abstracts.txt"
        ]
        followed = [
            s["sessions"] for s in status(allowed)["sources"] if s["file"] == "mlsys-abstracts.txt"
        ]
    finally:
        service.close()
        allowed.close()

    assert refused == [
        f"mlsys-abstracts.txt: is a link to {outside}, outside the sources folder; not read "
        "(set CALSVC_LINKS_OUTSIDE=true to allow it)"
    ]
    assert followed == [1]


def test_a_restart_serves_the_stored_catalogue_while_the_sources_are_read(
    app: Flask, settings: Settings, clock: Clock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A server (background reloads) whose store holds the programme answers before reading
    a single source, with the very bytes it served before; reading them then changes nothing."""
    before = app.test_client().get("/calendar.ics").data
    version = app.config["SERVICE"].catalogue().version
    gate = threading.Event()
    parse = sources_module.read_programme

    def held(*args: Any, **kwargs: Any) -> Any:
        gate.wait(60)
        return parse(*args, **kwargs)

    monkeypatch.setattr(sources_module, "read_programme", held)
    service = Service(settings, clock=clock, background=True)
    try:
        client = create_app(settings, service=service).test_client()
        meanwhile = (client.get("/calendar.ics").data, client.get("/healthz").json)
        gate.set()
        deadline = time.monotonic() + 60
        while client.get("/healthz").json != {"status": "ok"} and time.monotonic() < deadline:
            time.sleep(0.02)
        after = (client.get("/calendar.ics").data, client.get("/healthz").json)
        final_version = service.catalogue().version
    finally:
        gate.set()
        service.close()

    assert meanwhile == (before, {"status": "ok", "sources": READING})
    assert (after, final_version) == ((before, {"status": "ok"}), version)


def test_the_workers_of_one_server_log_a_source_s_warnings_once(
    settings: Settings, sources: Path, clock: Clock, caplog: pytest.LogCaptureFixture
) -> None:
    write_abstracts(sources, "Poster: Lost Tue 31 Jun 09:00 a.m.\n")
    caplog.set_level("INFO", logger="calsvc")
    workers = [Service(settings, clock=clock), Service(settings, clock=clock)]
    for worker in workers:
        worker.close()

    told = [r.getMessage() for r in caplog.records if "31 Jun" in r.getMessage()]
    assert told == [
        "mlsys-abstracts.txt:1: error: 'Tue 31 Jun' is not a date: June 2026 has 30 days; "
        "this session is left out"
    ]


def _data_file_line(sources: Path, after: str, line: str) -> None:
    path = sources / "conferences.toml"
    text = path.read_text(encoding="utf-8")
    _rewrite(path, text.replace(after, f"{after}\n{line}", 1))


@pytest.mark.parametrize(
    ("flag", "expected"),
    [
        ("", {"CONFIRMED": 6}),
        ("cancel_freely = true", {"CANCELLED": 4, "CONFIRMED": 2}),
    ],
    ids=["held without the flag", "recorded with it"],
)
def test_a_data_file_may_let_a_source_cancel_most_of_its_sessions(
    client: FlaskClient, sources: Path, clock: Clock, flag: str, expected: dict[str, int]
) -> None:
    client.get("/mlsys-2023/calendar.ics")
    _data_file_line(sources, 'file = "mlsys-2023.txt"', flag)
    clock.advance(hours=1)
    _rewrite(
        sources / "mlsys-2023.txt",
        "Registration Desk Tue 6 Jun 07:30 a.m.\nPoster: Federated Learning Tue 6 Jun 03:20 p.m.\n",
    )

    statuses: dict[str, int] = {}
    for _sequence, state, _ in revisions(client.get("/mlsys-2023/calendar.ics").data).values():
        statuses[state] = statuses.get(state, 0) + 1

    assert statuses == expected


def test_a_data_file_flag_must_be_true_or_false(client: FlaskClient, sources: Path) -> None:
    _data_file_line(sources, 'file = "mlsys-2023.txt"', 'cancel_freely = "yes"')

    problems = client.get("/status").json["data_file"]["errors"]

    expected = f"{sources / 'conferences.toml'}:34: cancel_freely must be true or false, not 'yes'"
    assert problems == [expected]
