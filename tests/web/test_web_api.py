"""JSON routes: conferences, tracks, kinds, events, health and status."""

from __future__ import annotations

import pytest
from flask.testing import FlaskClient

from .test_web_feeds import ALL_2023, POSTERS

MLSYS_2023_FEEDS = {
    "https": "http://localhost/mlsys-2023/calendar.ics",
    "webcal": "webcal://localhost/mlsys-2023/calendar.ics",
    "google": "https://calendar.google.com/calendar/r?cid=webcal%3A%2F%2Flocalhost%2Fmlsys-2023%2Fcalendar.ics",
    "outlook": "https://outlook.live.com/calendar/0/addfromweb?url=http%3A%2F%2Flocalhost%2Fmlsys-2023%2Fcalendar.ics&name=MLSys%202023",
    "office365": "https://outlook.office.com/calendar/0/addfromweb?url=http%3A%2F%2Flocalhost%2Fmlsys-2023%2Fcalendar.ics&name=MLSys%202023",
    "download": "http://localhost/mlsys-2023/calendar.ics?download=1",
}


def test_api_conferences(reader: FlaskClient) -> None:
    response = reader.get("/api/conferences")

    conferences = response.json["conferences"]  # type: ignore[index]
    assert [(c["slug"], c["name"], c["sessions"], c["days"]) for c in conferences] == [
        ("mlsys-2021", "MLSys 2021", 6, ["2021-04-06"]),
        ("mlsys-2022", "MLSys 2022", 8, ["2022-08-31"]),
        ("mlsys-2023", "MLSys 2023", 6, ["2023-06-06"]),
    ]
    assert conferences[2] == {
        "slug": "mlsys-2023", "name": "MLSys 2023", "year": 2023, "timezone": "America/New_York",
        "venue": "Miami, Florida", "homepage": "https://mlsys.org/Conferences/2023", "sessions": 6,
        "days": ["2023-06-06"], "feeds": MLSYS_2023_FEEDS,
        "formats": {
            "ics": "http://localhost/mlsys-2023/calendar.ics",
            "jcal": "http://localhost/mlsys-2023/calendar.jcal",
            "xcal": "http://localhost/mlsys-2023/calendar.xcs",
            "csv": "http://localhost/mlsys-2023/calendar.csv",
            "frab-xml": "http://localhost/mlsys-2023/schedule.xml",
            "frab-json": "http://localhost/mlsys-2023/schedule.json",
        },
    }  # fmt: skip
    assert (response.headers["Access-Control-Allow-Origin"], response.mimetype) == (
        "*",
        "application/json",
    )


def test_api_tracks_of_a_conference(reader: FlaskClient) -> None:
    tracks = reader.get("/api/tracks?conference=mlsys-2023").json["tracks"]  # type: ignore[index]

    assert [(t["slug"], t["name"], t["kind"], t["conference"], t["sessions"]) for t in tracks] == [
        ("federated-learning", "Federated Learning", "poster", "mlsys-2023", 1),
        ("measurement-and-analysis", "Measurement and Analysis", "poster", "mlsys-2023", 1),
        ("ml-for-systems", "ML for Systems", "poster", "mlsys-2023", 1),
        (
            "parallel-and-distributed-systems-2-communication",
            "Parallel and Distributed Systems 2: Communication",
            "poster",
            "mlsys-2023",
            1,
        ),
    ]
    assert tracks[0]["feeds"] == {
        "https": "http://localhost/mlsys-2023/tracks/federated-learning.ics",
        "webcal": "webcal://localhost/mlsys-2023/tracks/federated-learning.ics",
        "google": "https://calendar.google.com/calendar/r?cid=webcal%3A%2F%2Flocalhost%2Fmlsys-2023%2Ftracks%2Ffederated-learning.ics",
        "outlook": "https://outlook.live.com/calendar/0/addfromweb?url=http%3A%2F%2Flocalhost%2Fmlsys-2023%2Ftracks%2Ffederated-learning.ics&name=MLSys%202023%20%C2%B7%20Federated%20Learning",
        "office365": "https://outlook.office.com/calendar/0/addfromweb?url=http%3A%2F%2Flocalhost%2Fmlsys-2023%2Ftracks%2Ffederated-learning.ics&name=MLSys%202023%20%C2%B7%20Federated%20Learning",
        "download": "http://localhost/mlsys-2023/tracks/federated-learning.ics?download=1",
    }


def test_api_tracks_by_kind_across_conferences(reader: FlaskClient) -> None:
    tracks = reader.get("/api/tracks?kind=oral").json["tracks"]  # type: ignore[index]

    assert [(t["conference"], t["slug"]) for t in tracks] == [
        ("mlsys-2021", "session-1-search-and-devices"),
        ("mlsys-2021", "session-2-compilers"),
        ("mlsys-2021", "session-3-communication-and-storage"),
        ("mlsys-2021", "session-4-training-i"),
        ("mlsys-2022", "efficient-inference-and-model-serving"),
        ("mlsys-2022", "efficient-training"),
        (
            "mlsys-2022",
            "ml-programming-models-and-abstractions-interpretability-and-explainability-of-ml",
        ),
    ]


def test_api_kinds_of_a_conference(reader: FlaskClient) -> None:
    kinds = reader.get("/api/kinds?conference=mlsys-2022").json["kinds"]  # type: ignore[index]

    assert [(k["slug"], k["name"], k["sessions"], k["feeds"]["https"]) for k in kinds] == [
        ("invited-talk", "Invited Talk", 1, "http://localhost/mlsys-2022/kinds/invited-talk.ics"),
        ("oral", "Oral", 3, "http://localhost/mlsys-2022/kinds/oral.ics"),
        (
            "registration-desk",
            "Registration Desk",
            1,
            "http://localhost/mlsys-2022/kinds/registration-desk.ics",
        ),
        ("tutorial", "Tutorial", 3, "http://localhost/mlsys-2022/kinds/tutorial.ics"),
    ]


def test_api_events_in_the_parse_shape(reader: FlaskClient) -> None:
    body = reader.get("/api/events?conference=mlsys-2023&kind=poster").json

    assert (body["name"], [e["uid"] for e in body["events"]]) == ("MLSys 2023 · Posters", POSTERS)  # type: ignore[index]
    assert body["events"][2] == {  # type: ignore[index]
        "uid": "mlsys-2023-20230606-poster-federated-learning", "source": "mlsys-2023.txt", "line": 23,
        "conference": "mlsys-2023", "kind": "Poster", "kind_slug": "poster", "track": "Federated Learning",
        "track_slug": "federated-learning", "title": "Poster: Federated Learning", "date": "2023-06-06",
        "start": "2023-06-06T15:20:00-04:00", "end": "2023-06-06T16:40:00-04:00", "end_inferred": True,
        "all_day": False, "timezone": "America/New_York", "location": None,
        "items": body["events"][2]["items"],  # type: ignore[index]
        "status": "confirmed", "sequence": 0, "last_modified": "2026-11-01T09:00:00+00:00",
        "url": "http://localhost/events/mlsys-2023-20230606-poster-federated-learning/",
        "ics": "http://localhost/events/mlsys-2023-20230606-poster-federated-learning.ics",
        "short_id": "dtknztl",
    }  # fmt: skip
    assert [sorted(item) for item in body["events"][2]["items"]] == [
        ["abstract", "authors", "bio", "title"]
    ] * 4  # type: ignore[index]


def test_api_short_ids_make_a_personal_link(reader: FlaskClient) -> None:
    """An integrator builds a person's schedule from the ids /api/events gives."""
    events = reader.get("/api/events?conference=mlsys-2023&kind=poster").json["events"]  # type: ignore[index]
    picked = ".".join(e["short_id"] for e in events[1:3])
    mine = reader.get(f"/api/events?conference=mlsys-2023&s={picked}").json  # type: ignore[union-attr]

    assert ([e["uid"] for e in mine["events"]], mine["formats"]["frab-json"]) == (  # type: ignore[index]
        POSTERS[1:3], f"http://localhost/mlsys-2023/schedule.json?s={'.'.join(sorted(picked.split('.')))}"
    )  # fmt: skip


def test_api_events_all_day_entries(reader: FlaskClient) -> None:
    events = reader.get("/api/events?conference=mlsys-2023&kind=invited-talk").json["events"]  # type: ignore[index]

    assert [(e["uid"], e["all_day"], e["start"], e["date"]) for e in events] == [
        (ALL_2023[0], True, None, "2023-06-06")
    ]


@pytest.mark.parametrize(
    ("url", "status", "error"),
    [
        ("/api/events?when=today", 400,
         {"status": 400, "message": "when='today' is not valid; allowed: parameters conference, track, kind, day, q, s",
          "parameter": "when", "allowed": "parameters conference, track, kind, day, q, s"}),
        ("/api/events?day=tomorrow", 400,
         {"status": 400, "message": "day='tomorrow' is not valid; allowed: dates written YYYY-MM-DD, e.g. 2023-06-06",
          "parameter": "day", "allowed": "dates written YYYY-MM-DD, e.g. 2023-06-06"}),
        ("/api/tracks?conference=neurips", 404,
         {"status": 404, "message": "no conference 'neurips'; known: mlsys-2021, mlsys-2022, mlsys-2023",
          "what": "conference", "allowed": "mlsys-2021, mlsys-2022, mlsys-2023"}),
        ("/api/conferences?x=1", 400,
         {"status": 400, "message": "x='1' is not valid; allowed: parameters conference, track, kind, day, q, s",
          "parameter": "x", "allowed": "parameters conference, track, kind, day, q, s"}),
        ("/api/nothing", 404,
         {"status": 404, "message": "404 Not Found: The requested URL was not found on the server. If you entered the URL manually please check your spelling and try again."}),
    ],
    ids=["unknown-parameter", "malformed-day", "unknown-conference", "conferences-take-no-parameters", "unknown-route"],
)  # fmt: skip
def test_api_errors_are_json(
    reader: FlaskClient, url: str, status: int, error: dict[str, object]
) -> None:
    response = reader.get(url)

    assert (response.status_code, response.json) == (status, {"error": error})


def test_api_links_follow_the_configured_base_url(client: FlaskClient, app: object) -> None:
    app.config["BASE_URL"] = "https://cal.example.org"  # type: ignore[attr-defined]

    feeds = client.get("/api/conferences").json["conferences"][2]["feeds"]  # type: ignore[index]

    assert (feeds["https"], feeds["webcal"]) == (
        "https://cal.example.org/mlsys-2023/calendar.ics", "webcal://cal.example.org/mlsys-2023/calendar.ics"
    )  # fmt: skip


def test_healthz(reader: FlaskClient) -> None:
    response = reader.get("/healthz")

    assert (response.status_code, response.json, response.headers["Cache-Control"]) == (
        200,
        {"status": "ok"},
        "no-store",
    )


def test_status_lists_sources_with_load_times_and_diagnostics(reader: FlaskClient) -> None:
    status = reader.get("/status").json

    assert [
        (s["file"], s["conference"], s["notes"], s["loaded_at"], s["sessions"], s["error"])
        for s in status["sources"]
    ] == [  # type: ignore[index]
        ("mlsys-2021.txt", "mlsys-2021", False, "2026-11-01T09:00:00+00:00", 6, None),
        ("mlsys-2022.txt", "mlsys-2022", False, "2026-11-01T09:00:00+00:00", 8, None),
        ("mlsys-2023.txt", "mlsys-2023", False, "2026-11-01T09:00:00+00:00", 6, None),
        ("mlsys-abstracts.txt", "mlsys-abstracts", True, "2026-11-01T09:00:00+00:00", 0, None),
    ]
    assert status["sources"][3]["diagnostics"] == [  # type: ignore[index]
        {"line": 1, "level": "info", "code": "no-sessions",
         "message": "no session headers found in 10 lines of text; nothing to schedule"}
    ]  # fmt: skip
