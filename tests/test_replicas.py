"""Services sharing one PostgreSQL revision store, as replicas on several machines do: one
truth for SEQUENCE, and a database that goes away costs no feed."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from calsvc.service import Service
from calsvc.settings import Settings
from calsvc.web import create_app

from . import postgres
from .calendars import revisions
from .conftest import Clock, move_and_drop

pytestmark = pytest.mark.postgres
FEDERATED = "mlsys-2023-20230606-poster-federated-learning"
ML_FOR_SYSTEMS = "mlsys-2023-20230606-poster-ml-for-systems"


@pytest.fixture(scope="module")
def cluster() -> Iterator[postgres.Cluster]:
    with postgres.server() as server:
        yield server


@pytest.fixture
def shared(settings: Settings, cluster: postgres.Cluster) -> Settings:
    return replace(settings, db=cluster.database())


def _feed(service: Service) -> bytes:
    return create_app(service.settings, service=service).test_client().get("/calendar.ics").data


def test_replicas_on_one_database_serve_byte_identical_feeds(
    shared: Settings, sources: Path, clock: Clock
) -> None:
    first, second = Service(shared, clock=clock), Service(shared, clock=clock)
    try:
        move_and_drop(sources)
        clock.advance(hours=1)
        first.reload()
        clock.advance(minutes=5)  # the second replica reads the change later
        second.reload()
        feeds = (_feed(first), _feed(second))
    finally:
        first.close()
        second.close()

    assert feeds[0] == feeds[1]
    assert {uid: revisions(feeds[1])[uid][:2] for uid in (FEDERATED, ML_FOR_SYSTEMS)} == {
        FEDERATED: (1, "CONFIRMED"), ML_FOR_SYSTEMS: (1, "CANCELLED")}  # fmt: skip


def test_a_database_that_goes_away_costs_no_feed_and_is_reported(
    shared: Settings, sources: Path, clock: Clock, cluster: postgres.Cluster
) -> None:
    service = Service(shared, clock=clock)
    client = create_app(shared, service=service).test_client()
    before = client.get("/calendar.ics")
    cluster.stop()
    try:
        move_and_drop(sources)
        clock.advance(hours=1)
        during = client.get("/calendar.ics")
        health = client.get("/healthz").json
    finally:
        cluster.start()
    clock.advance(minutes=1)
    after = client.get("/mlsys-2023/calendar.ics").data
    recovered = client.get("/healthz").json
    service.close()

    assert (during.status_code, during.data, health) == (200, before.data, {
        "status": "degraded", "since": "2026-11-01T10:00:00+00:00",
        "problem": f"{shared.db}: the revision store failed: couldn't get a connection after "
                   "5.00 sec"})  # fmt: skip
    assert (recovered, revisions(after)[ML_FOR_SYSTEMS][:2]) == (
        {"status": "ok"}, (1, "CANCELLED"))  # fmt: skip
