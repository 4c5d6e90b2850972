"""Whole feeds, byte for byte, against files under tests/golden/feeds/: any change to what a
calendar client receives shows here as a diff to review. The clock is fixed (revision times,
hence DTSTAMP and LAST-MODIFIED, are known); `pytest --update-golden` rewrites the files."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from flask.testing import FlaskClient

from ..conftest import Clock, move_and_drop

FEEDS = {
    "all": "/calendar.ics",
    "mlsys-2021": "/mlsys-2021/calendar.ics",
    "mlsys-2022": "/mlsys-2022/calendar.ics",
    "mlsys-2023": "/mlsys-2023/calendar.ics",
    "mlsys-2022-track": "/mlsys-2022/tracks/efficient-inference-and-model-serving.ics",
    "mlsys-2021-invited-talks": "/mlsys-2021/kinds/invited-talk.ics",
    "mlsys-2023-federated": "/mlsys-2023/calendar.ics?q=federated",
}


@pytest.mark.parametrize("path", list(FEEDS.values()), ids=list(FEEDS))
def test_feed_matches_its_golden_file(
    path: str, reader: FlaskClient, golden: Callable[[str, str], None]
) -> None:
    name = next(name for name, feed in FEEDS.items() if feed == path)
    response = reader.get(path)

    assert response.status_code == 200
    golden(f"feeds/{name}.ics", response.get_data(as_text=True))


def test_a_session_s_own_calendar_matches_its_golden_file(
    reader: FlaskClient, golden: Callable[[str, str], None]
) -> None:
    uid = reader.get("/api/events?conference=mlsys-2023").json["events"][0]["uid"]
    response = reader.get(f"/events/{uid}.ics")

    assert response.status_code == 200
    golden("feeds/mlsys-2023-first-session.ics", response.get_data(as_text=True))


def test_a_feed_after_a_move_and_a_removal_matches_its_golden_file(
    client: FlaskClient, sources: Path, clock: Clock, golden: Callable[[str, str], None]
) -> None:
    """A day later the organiser moves one poster session and drops another: the moved one
    has SEQUENCE 1 and the new time, the dropped one is CANCELLED with SEQUENCE 1."""
    client.get("/mlsys-2023/calendar.ics")
    move_and_drop(sources)
    clock.advance(days=1)

    response = client.get("/mlsys-2023/calendar.ics")

    assert response.status_code == 200
    golden("feeds/mlsys-2023-revised.ics", response.get_data(as_text=True))
