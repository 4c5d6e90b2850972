"""A person's own schedule: short ids, the personal feed they make, the My schedule page, and
what changed, as a page and an Atom feed."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import feedparser
import pytest
from flask.testing import FlaskClient

from calsvc.catalogue.catalogue import Catalogue
from calsvc.catalogue.shortids import short_ids
from calsvc.serving.service import Service
from calsvc.settings import Settings
from calsvc.web import create_app
from calsvc.web.links import subscribe_links

from ..calendars import events, revisions, uids
from ..conftest import Clock, move_and_drop

FEDERATED = "mlsys-2023-20230606-poster-federated-learning"
ML_FOR_SYSTEMS = "mlsys-2023-20230606-poster-ml-for-systems"
MEASUREMENT = "mlsys-2023-20230606-poster-measurement-and-analysis"


def _ids(service: Service, *wanted: str) -> str:
    catalogue = service.catalogue()
    return ".".join(catalogue.short_ids[catalogue.position(uid)] for uid in wanted)


def _edit(sources: Path, clock: Clock) -> None:
    move_and_drop(sources)
    clock.advance(hours=2)


@pytest.mark.parametrize(
    ("uids_given", "expected"),
    [
        (["mlsys-2023-20230606-registration-desk"], ["wlfjcsg"]),
        # Two UIDs whose digests share 7 characters: both get 8, so neither 7 names one.
        (["conf-20240101-session-18382", "conf-20240101-session-128349"], ["irrm75vi", "irrm75vt"]),
    ],
    ids=["one", "colliding"],
)
def test_short_ids_come_from_the_uid(uids_given: list[str], expected: list[str]) -> None:
    assert short_ids(uids_given) == expected


def test_short_ids_stay_across_a_reload_a_restart_and_a_time_change(
    app: object, settings: Settings, sources: Path, clock: Clock
) -> None:
    service: Service = app.config["SERVICE"]  # type: ignore[attr-defined]
    before = _ids(service, FEDERATED, MEASUREMENT)
    _edit(sources, clock)
    service.reload()
    restarted = Service(settings, clock=clock)
    try:
        assert (_ids(service, FEDERATED, MEASUREMENT), _ids(restarted, FEDERATED, MEASUREMENT)) == (
            before,
            before,
        )
    finally:
        restarted.close()


def test_two_hundred_picks_fit_a_google_subscribe_link(app: object) -> None:
    catalogue: Catalogue = app.config["SERVICE"].catalogue()  # type: ignore[attr-defined]
    picks = ".".join(short_ids([f"mlsys-2023-2023060{n % 9}-session-{n}" for n in range(200)]))
    url = f"https://cal.example.org/my/mlsys-2023.ics?s={picks}"
    links = subscribe_links(url, catalogue.conferences["mlsys-2023"].name + " · My schedule")

    assert (len(url), len(links["google"])) == (1643, 1701)


def test_the_personal_feed_holds_exactly_the_picks(reader: FlaskClient) -> None:
    picks = reader.get("/api/events?conference=mlsys-2023").json["events"]
    chosen = [e for e in picks if e["uid"] in (FEDERATED, MEASUREMENT)]
    ids = ".".join(sorted(short_ids([e["uid"] for e in chosen])))

    response = reader.get(f"/my/mlsys-2023.ics?s={ids}")
    again = reader.get(
        f"/my/mlsys-2023.ics?s={ids}", headers={"If-None-Match": response.headers["ETag"]}
    )

    assert (response.status_code, sorted(uids(response.data)), again.status_code) == (
        200,
        [FEDERATED, MEASUREMENT],
        304,
    )
    assert re.search(r"X-WR-CALNAME:(.*)\r\n", response.get_data(as_text=True))[1] == (  # type: ignore[index]
        "MLSys 2023 · My schedule (2 sessions)"
    )


@pytest.mark.parametrize(
    ("query", "message"),
    [
        (
            "s=zzzzzzz",
            "s='zzzzzzz' is not valid; allowed: ids of sessions this programme has or had",
        ),
        ("s=abc", "s='abc' is not valid; allowed: session ids: 7 or 8 of the letters a-z and 2-7"),
        (
            "s="
            + ".".join(["aaaaaaa"] * 2)
            + "&s="
            + ".".join(
                f"{n:07}".translate(str.maketrans("0123456789", "abcdefghij")) for n in range(501)
            ),
            "s='501 ids' is not valid; allowed: at most 500 sessions",
        ),
    ],
    ids=["unknown", "malformed", "too-many"],
)
def test_a_bad_pick_is_a_400_naming_it(reader: FlaskClient, query: str, message: str) -> None:
    response = reader.get(f"/my/mlsys-2023.ics?{query}")

    assert (response.status_code, response.get_data(as_text=True)) == (400, message + "\n")


def test_a_moved_pick_comes_with_its_new_time_and_a_dropped_one_as_cancelled(
    client: FlaskClient, app: object, sources: Path, clock: Clock
) -> None:
    ids = _ids(app.config["SERVICE"], FEDERATED, ML_FOR_SYSTEMS)  # type: ignore[attr-defined]
    before = revisions(client.get(f"/my/mlsys-2023.ics?s={ids}").data)
    _edit(sources, clock)

    body = client.get(f"/my/mlsys-2023.ics?s={ids}").data

    assert (before[FEDERATED][:2], before[ML_FOR_SYSTEMS][:2]) == (
        (0, "CONFIRMED"),
        (0, "CONFIRMED"),
    )
    assert {uid: status[:2] for uid, status in revisions(body).items()} == {
        FEDERATED: (1, "CONFIRMED"),
        ML_FOR_SYSTEMS: (1, "CANCELLED"),
    }
    assert [start for uid, _, start, _ in events(body) if uid == FEDERATED] == ["2023-06-06T21:00Z"]


def test_changes_page_and_atom_feed_list_the_move_and_the_cancellation(
    client: FlaskClient, app: object, sources: Path, clock: Clock
) -> None:
    ids = _ids(app.config["SERVICE"], FEDERATED, ML_FOR_SYSTEMS)  # type: ignore[attr-defined]
    client.get("/mlsys-2023/calendar.ics")
    _edit(sources, clock)
    client.get("/mlsys-2023/calendar.ics")

    page = client.get("/mlsys-2023/changes/").get_data(as_text=True)
    atom = feedparser.parse(client.get(f"/mlsys-2023/changes.atom?s={ids}").data)
    listed = re.findall(r'class="title"[^>]*>([^<]*)<.*?class="detail">([^<]*)<', page, re.S)

    assert listed == [
        ("Cancelled: Poster: ML for Systems", "was Tue 6 Jun 16:40–18:10"),
        ("Moved: Poster: Federated Learning", "Tue 6 Jun 15:20–16:40 → Tue 6 Jun 17:00–18:30"),
    ]
    assert (
        atom.bozo,
        atom.feed.title,
        [(e.title, e.summary, e.updated) for e in atom.entries],
    ) == (
        False,
        "Changes · MLSys 2023 · My schedule (2 sessions)",
        [
            (
                "Cancelled: Poster: ML for Systems",
                "was Tue 6 Jun 16:40–18:10",
                "2026-11-01T11:00:00Z",
            ),
            (
                "Moved: Poster: Federated Learning",
                "Tue 6 Jun 15:20–16:40 → Tue 6 Jun 17:00–18:30",
                "2026-11-01T11:00:00Z",
            ),
        ],
    )


def test_a_pick_moved_to_another_day_keeps_its_uid_and_id(
    client: FlaskClient, app: object, settings: Settings, sources: Path, clock: Clock
) -> None:
    """The UID names the day, yet the picked session moved to Wednesday is the same event,
    also after a restart (which serves what the store kept before reading the sources)."""
    ids = _ids(app.config["SERVICE"], FEDERATED)  # type: ignore[attr-defined]
    programme = sources / "mlsys-2023.txt"
    text = programme.read_text("utf-8")
    programme.write_text(text.replace("Learning Tue 6 Jun", "Learning Wed 7 Jun"), "utf-8")
    clock.advance(hours=2)

    body = client.get(f"/my/mlsys-2023.ics?s={ids}").data
    page = client.get("/mlsys-2023/changes/").get_data(as_text=True)

    assert (_ids(app.config["SERVICE"], FEDERATED), events(body)) == (  # type: ignore[attr-defined]
        ids,
        [(FEDERATED, "Poster: Federated Learning", "2023-06-07T19:20Z", "2023-06-07T20:50Z")],
    )
    assert {uid: status[:2] for uid, status in revisions(body).items()} == {
        FEDERATED: (1, "CONFIRMED")
    }
    assert re.findall(r'class="title"[^>]*>([^<]*)<.*?class="detail">([^<]*)<', page, re.S) == [
        ("Moved: Poster: Federated Learning", "Tue 6 Jun 15:20–16:40 → Wed 7 Jun 15:20–16:50"),
    ]
    restarted = Service(settings, clock=clock)
    try:
        entry = restarted.catalogue().entry(FEDERATED)
        assert (_ids(restarted, FEDERATED), entry.session.day, entry.revision.sequence) == (
            ids,
            date(2023, 6, 7),
            1,
        )
    finally:
        restarted.close()


def test_the_first_reading_of_a_programme_is_not_a_change(reader: FlaskClient) -> None:
    atom = feedparser.parse(reader.get("/mlsys-2023/changes.atom").data)

    assert (atom.bozo, atom.entries) == (False, [])


def test_my_schedule_page_marks_overlapping_picks(tmp_path: Path, clock: Clock) -> None:
    (tmp_path / "summit.txt").write_text(
        "Oral: Ranking Tue 6 Jun 2023 09:00-10:30\n"
        "Oral: Retrieval Tue 6 Jun 2023 10:00-11:00\n"
        "Oral: Robotics Tue 6 Jun 2023 11:00-12:00\n",
        "utf-8",
    )
    settings = Settings(sources=tmp_path, db=tmp_path / "db.sqlite3", timezone="UTC")
    service = Service(settings, clock=clock)
    try:
        client = create_app(settings, service=service).test_client()
        ids = _ids(service, *(e.session.uid for e in service.catalogue().entries))
        page = client.get(f"/my/summit/?s={ids}").get_data(as_text=True)
    finally:
        service.close()

    assert re.findall(r"Overlaps ([^<]*)<", page) == ["Oral: Retrieval", "Oral: Ranking"]
    feed = re.search(r'id="url-mine"[^>]*value="([^"]*)"', page)
    picked = ".".join(sorted(ids.split(".")))
    assert feed is not None and feed[1] == f"http://localhost/my/summit.ics?s={picked}"


def test_a_pick_removed_long_ago_leaves_the_personal_feed_working(
    client: FlaskClient, app: object, sources: Path, clock: Clock
) -> None:
    """Past the 30 days a cancelled session is served, its id still names something the
    programme had: the feed goes on with the other picks rather than failing as a 400."""
    ids = _ids(app.config["SERVICE"], FEDERATED, ML_FOR_SYSTEMS, MEASUREMENT)  # type: ignore[attr-defined]
    _edit(sources, clock)
    client.get("/mlsys-2023/calendar.ics")
    clock.advance(days=31)

    response = client.get(f"/my/mlsys-2023.ics?s={ids}")

    assert (response.status_code, sorted(uids(response.data))) == (200, [FEDERATED, MEASUREMENT])


def test_changes_with_the_store_gone_are_a_503_naming_it(
    client: FlaskClient, settings: Settings
) -> None:
    client.get("/mlsys-2023/calendar.ics")
    for suffix in ("", "-wal", "-shm"):
        Path(f"{settings.db}{suffix}").unlink(missing_ok=True)

    response = client.get("/mlsys-2023/changes.atom")

    assert (response.status_code, response.get_data(as_text=True).split(": ", 1)[1]) == (
        503,
        "the revision store file was deleted or replaced while the service ran; nothing more "
        "is written to it. Restore it from a backup (or remove it to start afresh) and restart "
        "the service\n",
    )
