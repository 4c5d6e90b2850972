"""The revision store under faults: deleted, corrupt, full; and workers that must agree on it.

In every fault the last good catalogue stays in service, no request gets a 5xx, /status and
/healthz say what is wrong and since when, and nothing is written where nobody will read it.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from flask.testing import FlaskClient

from calsvc.errors import ConfigError
from calsvc.serving.service import Service
from calsvc.settings import Settings
from calsvc.web import create_app

from ..calendars import revisions
from ..conftest import Clock, write_abstracts

FEDERATED = "Poster: Federated Learning Tue 6 Jun 03:20 p.m."
UID = "mlsys-2023-20230606-poster-federated-learning"
ROUTES = ["/calendar.ics", "/mlsys-2023/", "/api/events", f"/events/{UID}.ics", "/healthz"]


@pytest.fixture
def service(settings: Settings, clock: Clock) -> Iterator[Service]:
    service = Service(settings, clock=clock)
    yield service
    service.close()


def _client(settings: Settings, service: Service) -> FlaskClient:
    return create_app(settings, service=service).test_client()


def _move_federated(sources: Path, time: str) -> None:
    path = sources / "mlsys-2023.txt"
    path.write_text(
        path.read_text("utf-8").replace(FEDERATED, FEDERATED.replace("03:20 p.m.", time)), "utf-8"
    )


def _statuses(client: FlaskClient) -> list[int]:
    return [client.get(route).status_code for route in ROUTES]


def test_deleted_store_is_reported_and_nothing_is_written_to_it(
    settings: Settings, service: Service, sources: Path, clock: Clock
) -> None:
    client = _client(settings, service)
    before = client.get("/mlsys-2023/calendar.ics").data
    for suffix in ("", "-wal", "-shm"):
        Path(f"{settings.db}{suffix}").unlink(missing_ok=True)
    clock.advance(minutes=5)
    _move_federated(sources, "04:00 p.m.")

    statuses = _statuses(client)
    after = client.get("/mlsys-2023/calendar.ics").data
    health = client.get("/healthz").json
    store = client.get("/status").json["store"]  # type: ignore[index]

    assert (statuses, after, settings.db.exists()) == ([200] * 5, before, False)
    assert (
        health
        == store
        == {
            "status": "degraded",
            "problem": f"{settings.db}: the revision store file was deleted or replaced while the "
            "service ran; nothing more is written to it. Restore it from a backup (or "
            "remove it to start afresh) and restart the service",
            "since": "2026-11-01T09:05:00+00:00",
        }
    )


def test_corrupt_store_is_a_clear_error_at_start(settings: Settings) -> None:
    settings.db.parent.mkdir(parents=True, exist_ok=True)
    settings.db.write_bytes(b"this is not a database" * 100)

    with pytest.raises(ConfigError) as error:
        Service(settings)

    assert str(error.value) == (
        f"{settings.db}: cannot open the revision store: file is not a database"
    )


def test_full_store_reports_the_real_error_and_recovers(
    settings: Settings, service: Service, sources: Path, clock: Clock
) -> None:
    client = _client(settings, service)
    before = revisions(client.get("/mlsys-2023/calendar.ics").data)[UID][0]
    pages = service.store._db.execute("PRAGMA page_count").fetchone()[0]
    service.store._db.execute(f"PRAGMA max_page_count = {pages}")  # the disk is full
    clock.advance(minutes=1)
    _move_federated(sources, "04:00 p.m.")
    more = "".join(
        f"Poster: Extra {n} Tue 6 Jun 09:00 a.m.\nAbstract\n{'Words. ' * 50}\n" for n in range(300)
    )
    write_abstracts(sources, more)

    statuses = _statuses(client)
    health = client.get("/healthz").json
    service.store._db.execute("PRAGMA max_page_count = 1073741823")  # space again
    clock.advance(minutes=1)
    recovered = client.get("/mlsys-2023/calendar.ics")

    assert (statuses, health["status"], health["problem"]) == (  # type: ignore[index]
        [200] * 5,
        "degraded",
        f"{settings.db}: the revision store failed: database or disk is full",
    )
    assert (before, revisions(recovered.data)[UID][0], client.get("/healthz").json) == (
        0, 1, {"status": "ok"}
    )  # fmt: skip


def test_a_worker_that_missed_a_reverted_change_converges(
    settings: Settings, sources: Path, clock: Clock
) -> None:
    """Two workers on one store: B sees a session move and move back; A saw neither edit. A
    must still serve SEQUENCE 2, as B does, within one reload."""
    a, b = Service(settings, clock=clock), Service(settings, clock=clock)
    try:
        original = (sources / "mlsys-2023.txt").read_text("utf-8")
        _move_federated(sources, "04:00 p.m.")
        b.reload()
        (sources / "mlsys-2023.txt").write_text(original, "utf-8")
        b.reload()
        a.reload()
        feeds = [_client(settings, s).get("/mlsys-2023/calendar.ics").data for s in (a, b)]
    finally:
        a.close()
        b.close()

    assert (revisions(feeds[0])[UID][0], revisions(feeds[1])[UID][0]) == (2, 2)
    assert feeds[0] == feeds[1]


def test_store_corrupted_in_place_while_running_is_reported(
    settings: Settings, service: Service, sources: Path, clock: Clock
) -> None:
    client = _client(settings, service)
    before = client.get("/mlsys-2023/calendar.ics").data
    service.store._db.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # every row in the main file
    with settings.db.open("r+b") as db:  # another program writes over the whole file
        db.write(b"\xa5" * settings.db.stat().st_size)
    clock.advance(minutes=5)
    _move_federated(sources, "04:00 p.m.")

    statuses = _statuses(client)
    after = client.get("/mlsys-2023/calendar.ics").data
    health = client.get("/healthz").json

    assert (statuses, after) == ([200] * 5, before)
    assert health == {
        "status": "degraded",
        "problem": f"{settings.db}: the revision store file was written over by something else "
        "(it no longer starts as an SQLite file) while the service ran; nothing more is written "
        "to it. Restore it from a backup (or remove it to start afresh) and restart the service",
        "since": "2026-11-01T09:05:00+00:00",
    }
