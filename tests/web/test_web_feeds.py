"""Feed routes through Flask's test client: contents, filters, status codes and headers."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient

from calsvc.ics import render
from calsvc.ics.feed import Feed
from calsvc.serving.service import Service
from calsvc.settings import Settings
from calsvc.web import compression, create_app

from ..calendars import calendar_properties, events, uids
from ..conftest import Clock

ALL_2021 = [
    "mlsys-2021-20210406-invited-talk-william-dally",
    "mlsys-2021-20210406-opening-remarks",
    "mlsys-2021-20210406-oral-session-1-search-and-devices",
    "mlsys-2021-20210406-oral-session-2-compilers",
    "mlsys-2021-20210406-oral-session-3-communication-and-storage",
    "mlsys-2021-20210406-oral-session-4-training-i",
]
ALL_2022 = [
    "mlsys-2022-20220831-invited-talk-ryan-adams",
    "mlsys-2022-20220831-tutorial-mert-toslali",
    "mlsys-2022-20220831-tutorial-radu-marculescu-ming-lin-atlas-wang-kartikeya-bhardwaj",
    "mlsys-2022-20220831-tutorial-tushar-krishna",
    "mlsys-2022-20220831-registration-desk-registration-check-in-desk",
    "mlsys-2022-20220831-oral-efficient-training",
    "mlsys-2022-20220831-oral-ml-programming-models-and-abstractions-interpretability-and-explainability-of-ml",
    "mlsys-2022-20220831-oral-efficient-inference-and-model-serving",
]
ALL_2023 = [
    "mlsys-2023-20230606-invited-talk-alexander-rush",
    "mlsys-2023-20230606-registration-desk",
    "mlsys-2023-20230606-poster-measurement-and-analysis",
    "mlsys-2023-20230606-poster-parallel-and-distributed-systems-2-communication",
    "mlsys-2023-20230606-poster-federated-learning",
    "mlsys-2023-20230606-poster-ml-for-systems",
]
ORALS = ALL_2021[2:] + [u for u in ALL_2022 if "-oral-" in u]
POSTERS = ALL_2023[2:]


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("/calendar.ics", ALL_2021 + ALL_2022 + ALL_2023),
        ("/calendar.ics?conference=mlsys-2023", ALL_2023),
        ("/calendar.ics?conference=mlsys-2021&conference=mlsys-2023", ALL_2021 + ALL_2023),
        ("/calendar.ics?kind=poster", POSTERS),
        ("/calendar.ics?kind=poster&kind=oral", ORALS + POSTERS),
        ("/calendar.ics?kind=Invited%20Talk", [ALL_2021[0], ALL_2022[0], ALL_2023[0]]),
        ("/calendar.ics?conference=mlsys-2022&kind=tutorial", ALL_2022[1:4]),
        ("/calendar.ics?track=efficient-training&track=federated-learning",
         ["mlsys-2022-20220831-oral-efficient-training", "mlsys-2023-20230606-poster-federated-learning"]),
        ("/calendar.ics?day=2021-04-06", ALL_2021),
        ("/calendar.ics?day=2021-04-06&day=2023-06-06", ALL_2021 + ALL_2023),
        ("/calendar.ics?day=2021-04-06&kind=poster", []),
        ("/calendar.ics?conference=mlsys-2021&kind=poster", []),
        ("/calendar.ics?q=hotline", ["mlsys-2023-20230606-poster-measurement-and-analysis"]),
        ("/calendar.ics?q=TinyML", [ALL_2021[2], ALL_2021[5]]),
        ("/calendar.ics?q=graph+neural&conference=mlsys-2023", [POSTERS[1], POSTERS[3]]),
        ("/calendar.ics?q=hotline&q=tinyml", [ALL_2021[2], ALL_2021[5], POSTERS[0]]),
        ("/calendar.ics?q=zzzz", []),
        ("/mlsys-2023/calendar.ics", ALL_2023),
        ("/mlsys-2023/calendar.ics?kind=poster&q=federated", [POSTERS[2]]),
        ("/mlsys-2023/tracks/federated-learning.ics", [POSTERS[2]]),
        ("/mlsys-2022/kinds/oral.ics", ORALS[4:]),
        ("/mlsys-2022/kinds/oral.ics?day=2022-08-31", ORALS[4:]),
        ("/events/mlsys-2023-20230606-poster-federated-learning.ics", [POSTERS[2]]),
    ],
    ids=["all", "conference", "two-conferences", "kind", "two-kinds", "kind-by-name",
         "conference-and-kind", "two-tracks", "day", "two-days", "day-and-kind-disjoint",
         "kind-not-in-conference", "words", "words-case-insensitive", "two-words-and", "two-queries-or", "no-match",
         "conference-path", "conference-path-with-filters", "track-path", "kind-path",
         "kind-path-with-day", "single-session"],
)  # fmt: skip
def test_feed_holds_exactly_the_selected_sessions(
    reader: FlaskClient, url: str, expected: list[str]
) -> None:
    response = reader.get(url)

    assert (response.status_code, uids(response.data)) == (200, expected)


def test_feed_events_have_local_times_in_utc(reader: FlaskClient) -> None:
    response = reader.get("/mlsys-2023/kinds/poster.ics")

    assert events(response.data) == [
        (POSTERS[0], "Poster: Measurement and Analysis", "2023-06-06T13:00Z", "2023-06-06T14:30Z"),
        (
            POSTERS[1],
            "Poster: Parallel and Distributed Systems 2: Communication",
            "2023-06-06T17:30Z",
            "2023-06-06T19:00Z",
        ),
        (POSTERS[2], "Poster: Federated Learning", "2023-06-06T19:20Z", "2023-06-06T20:40Z"),
        (POSTERS[3], "Poster: ML for Systems", "2023-06-06T20:40Z", "2023-06-06T22:10Z"),
    ]


def test_feed_untimed_header_is_all_day_and_transparent(reader: FlaskClient) -> None:
    body = reader.get("/events/mlsys-2021-20210406-invited-talk-william-dally.ics").data

    assert events(body) == [
        (
            ALL_2021[0],
            "Invited Talk: William Dally (time not announced)",
            "2021-04-06",
            "2021-04-07",
        )
    ]
    assert b"TRANSP:TRANSPARENT\r\n" in body.split(b"BEGIN:VEVENT")[1]


@pytest.mark.parametrize(
    ("url", "name"),
    [
        ("/calendar.ics", "All conferences"),
        ("/mlsys-2023/kinds/poster.ics", "MLSys 2023 · Posters"),
        ("/mlsys-2023/tracks/federated-learning.ics", "MLSys 2023 · Federated Learning"),
        (
            "/calendar.ics?conference=mlsys-2022&kind=oral&kind=tutorial",
            "MLSys 2022 · Orals + Tutorials",
        ),
        ("/calendar.ics?day=2021-04-06&q=tinyml", "All conferences · Tue 6 Apr · “tinyml”"),
        (
            "/events/mlsys-2023-20230606-poster-federated-learning.ics",
            "MLSys 2023 · Poster: Federated Learning",
        ),
    ],
    ids=["all", "kind", "track", "kinds", "day-and-words", "single"],
)
def test_feed_calendar_properties_name_the_selection(
    reader: FlaskClient, url: str, name: str
) -> None:
    properties = calendar_properties(reader.get(url).data)

    assert properties == {
        "VERSION": "2.0",
        "PRODID": "-//calsvc//calsvc programme feeds 1.0//EN",
        "CALSCALE": "GREGORIAN",
        "NAME": name,
        "X-WR-CALNAME": name,
        "X-WR-CALDESC": f"{name}: sessions from the published programme.",
        "REFRESH-INTERVAL;VALUE=DURATION": "PT1H",
        "X-PUBLISHED-TTL": "PT1H",
        **({"X-WR-TIMEZONE": properties["X-WR-TIMEZONE"]} if "X-WR-TIMEZONE" in properties else {}),
    }


def test_feed_single_zone_sets_x_wr_timezone(reader: FlaskClient) -> None:
    body = reader.get("/mlsys-2023/calendar.ics").data

    assert (calendar_properties(body)["X-WR-TIMEZONE"], body.count(b"BEGIN:VTIMEZONE")) == (
        "America/New_York",
        1,
    )


def test_feed_headers_for_subscription(reader: FlaskClient) -> None:
    response = reader.get("/mlsys-2023/calendar.ics")

    headers = {
        k: v for k, v in response.headers.items() if k not in {"ETag", "Content-Length", "Date"}
    }
    assert headers == {
        "Content-Type": "text/calendar; charset=utf-8",
        "Last-Modified": "Sun, 01 Nov 2026 09:00:00 GMT",
        "Vary": "Accept-Encoding, Host",
        "Cache-Control": "public, max-age=300",
        "Access-Control-Allow-Origin": "*",
        "X-Content-Type-Options": "nosniff",
        "Content-Security-Policy": "default-src 'none'; frame-ancestors 'none'",
    }
    assert (
        response.headers["ETag"][0],
        response.headers["ETag"][-1],
        len(response.headers["ETag"]),
    ) == ('"', '"', 34)


@pytest.mark.parametrize(
    ("url", "disposition"),
    [
        ("/mlsys-2023/kinds/poster.ics?download=1",
         "attachment; filename=\"mlsys-2023-posters.ics\"; filename*=UTF-8''MLSys%202023%20%C2%B7%20Posters.ics"),
        ("/events/mlsys-2023-20230606-poster-federated-learning.ics",
         "attachment; filename=\"mlsys-2023-poster-federated-learning.ics\"; "
         "filename*=UTF-8''MLSys%202023%20%C2%B7%20Poster%3A%20Federated%20Learning.ics"),
        ("/calendar.ics?download=true", 'attachment; filename="all-conferences.ics"; filename*=UTF-8\'\'All%20conferences.ics'),
    ],
    ids=["download-parameter", "single-session", "download-true"],
)  # fmt: skip
def test_feed_download_is_an_attachment_with_a_descriptive_name(
    reader: FlaskClient, url: str, disposition: str
) -> None:
    assert reader.get(url).headers["Content-Disposition"] == disposition


def test_feed_download_zero_is_inline(reader: FlaskClient) -> None:
    assert "Content-Disposition" not in reader.get("/calendar.ics?download=0").headers


@pytest.mark.parametrize(
    "validator",
    ["etag", "etag-among-others", "weak-etag", "star", "last-modified"],
)
def test_feed_revalidation_answers_304(reader: FlaskClient, validator: str) -> None:
    first = reader.get("/mlsys-2023/calendar.ics")
    etag, modified = first.headers["ETag"], first.headers["Last-Modified"]
    headers = {
        "etag": {"If-None-Match": etag},
        "etag-among-others": {"If-None-Match": f'"other", {etag}'},
        "weak-etag": {"If-None-Match": f"W/{etag}"},
        "star": {"If-None-Match": "*"},
        "last-modified": {"If-Modified-Since": modified},
    }[validator]

    again = reader.get("/mlsys-2023/calendar.ics", headers=headers)

    assert (again.status_code, again.data, again.headers["ETag"]) == (304, b"", etag)


def test_feed_stale_validators_get_the_full_feed(reader: FlaskClient) -> None:
    response = reader.get("/mlsys-2023/calendar.ics", headers={
        "If-None-Match": '"stale"', "If-Modified-Since": "Sun, 01 Nov 2026 09:00:00 GMT"})  # fmt: skip

    assert (response.status_code, len(uids(response.data))) == (200, 6)


def test_feed_head_has_headers_and_no_body(reader: FlaskClient) -> None:
    get = reader.get("/mlsys-2023/calendar.ics")
    head = reader.head("/mlsys-2023/calendar.ics")

    assert (head.status_code, head.data, head.headers["ETag"], head.headers["Content-Length"]) == (
        200, b"", get.headers["ETag"], get.headers["Content-Length"]
    )  # fmt: skip


def test_feed_gzip_when_asked(reader: FlaskClient) -> None:
    plain = reader.get("/mlsys-2023/calendar.ics")
    zipped = reader.get("/mlsys-2023/calendar.ics", headers={"Accept-Encoding": "gzip, deflate"})

    assert (zipped.headers["Content-Encoding"], gzip.decompress(zipped.data)) == (
        "gzip",
        plain.data,
    )
    assert zipped.headers["ETag"] == plain.headers["ETag"][:-1] + '-gz"'
    assert reader.get("/mlsys-2023/calendar.ics", headers={
        "Accept-Encoding": "gzip", "If-None-Match": zipped.headers["ETag"]}).status_code == 304  # fmt: skip


def test_a_second_service_renders_byte_identical_feeds(
    client: FlaskClient, settings: Settings, clock: Clock
) -> None:
    """Another worker (nothing shared but the store) reads, renders and serves the very bytes:
    clients polling a load balancer never see a feed change that is not a change."""
    first = client.get("/calendar.ics").data
    other = Service(settings, clock=clock)
    try:
        again = create_app(settings, service=other).test_client().get("/calendar.ics").data
    finally:
        other.close()

    assert again == first


@pytest.mark.parametrize(
    ("url", "status", "message"),
    [
        ("/calendar.ics?colour=red", 400,
         "colour='red' is not valid; allowed: parameters conference, track, kind, day, q, s, download"),
        ("/calendar.ics?day=2023-6-6", 400, "day='2023-6-6' is not valid; allowed: dates written YYYY-MM-DD, e.g. 2023-06-06"),
        ("/calendar.ics?day=2023-02-30", 400, "day='2023-02-30' is not valid; allowed: dates written YYYY-MM-DD, e.g. 2023-06-06"),
        ("/calendar.ics?download=maybe", 400, "download='maybe' is not valid; allowed: 1 or 0"),
        ("/calendar.ics?conference=icml", 404, "no conference 'icml'; known: mlsys-2021, mlsys-2022, mlsys-2023"),
        ("/icml/calendar.ics", 404, "no conference 'icml'; known: mlsys-2021, mlsys-2022, mlsys-2023"),
        ("/mlsys-abstracts/calendar.ics", 404,
         "no conference 'mlsys-abstracts'; known: mlsys-2021, mlsys-2022, mlsys-2023"),
        ("/mlsys-2023/kinds/oral.ics", 404, "no kind 'oral'; known: invited-talk, poster, registration-desk"),
        ("/mlsys-2021/tracks/federated-learning.ics", 404,
         "no track 'federated-learning'; known: session-1-search-and-devices, session-2-compilers, "
         "session-3-communication-and-storage, session-4-training-i"),
        ("/events/nope.ics", 404, "no session 'nope'; known: (none)"),
        ("/no/such/page", 404, "404 Not Found: The requested URL was not found on the server. If you entered the URL manually please check your spelling and try again."),
    ],
    ids=["unknown-parameter", "malformed-day", "impossible-day", "bad-download", "unknown-conference",
         "unknown-conference-path", "notes-are-no-conference", "unknown-kind-path", "unknown-track-path",
         "unknown-uid", "unknown-route"],
)  # fmt: skip
def test_feed_errors_are_plain_text_listing_valid_values(
    reader: FlaskClient, url: str, status: int, message: str
) -> None:
    response = reader.get(url)

    assert (response.status_code, response.mimetype, response.get_data(as_text=True)) == (
        status,
        "text/plain",
        message + "\n",
    )


@pytest.mark.parametrize("method", ["POST", "PUT", "DELETE", "PATCH"])
def test_feed_refuses_writes(reader: FlaskClient, method: str) -> None:
    response = reader.open("/calendar.ics", method=method)

    assert (response.status_code, response.headers["Allow"]) == (405, "GET, HEAD, OPTIONS")


def test_feed_vtimezone_is_the_same_in_every_feed(reader: FlaskClient) -> None:
    def zone_block(url: str) -> bytes:
        body = reader.get(url).data
        return body[body.index(b"BEGIN:VTIMEZONE") : body.index(b"END:VTIMEZONE")]

    blocks = {zone_block(url) for url in ["/mlsys-2021/calendar.ics", "/mlsys-2022/calendar.ics",
                                          "/events/mlsys-2022-20220831-oral-efficient-training.ics"]}  # fmt: skip

    assert [block.count(b"RRULE:FREQ=YEARLY;UNTIL=20221231T235959Z") for block in blocks] == [2]


def test_feed_untimed_entries_can_be_left_out(settings: object, clock: object) -> None:
    from dataclasses import replace

    from calsvc.serving.service import Service
    from calsvc.web import create_app

    quiet = replace(settings, untimed=False)  # type: ignore[type-var]
    client = create_app(quiet, service=Service(quiet, clock=clock)).test_client()  # type: ignore[arg-type]

    assert uids(client.get("/mlsys-2021/calendar.ics").data) == ALL_2021[1:]


@pytest.mark.parametrize(
    ("accept", "status", "coding"),
    [
        ("identity;q=0", 406, None),
        ("*;q=0", 406, None),
        ("gzip;q=0, identity;q=0", 406, None),
        ("identity;q=0, gzip", 200, "gzip"),
        ("*;q=0, identity", 200, None),
        ("br", 200, None),
        ("", 200, None),
    ],
    ids=["identity-refused", "star-refused", "both-refused", "gzip-only", "identity-only",
         "other-coding", "empty"],
)  # fmt: skip
def test_feed_codings_follow_rfc_9110(
    reader: FlaskClient, accept: str, status: int, coding: str | None
) -> None:
    response = reader.get("/mlsys-2023/calendar.ics", headers={"Accept-Encoding": accept})

    assert (response.status_code, response.headers.get("Content-Encoding")) == (status, coding)


@pytest.mark.parametrize("coding", ["gzip", "identity"])
def test_revalidation_answers_from_validators_without_assembling(
    app: Flask, client: FlaskClient, coding: str
) -> None:
    service = app.config["SERVICE"]
    first = client.get("/calendar.ics?kind=poster", headers={"Accept-Encoding": coding})
    service.feeds.clear()  # nothing assembled is kept: a 304 must not need the body

    again = client.get(
        "/calendar.ics?kind=poster",
        headers={"Accept-Encoding": coding, "If-None-Match": first.headers["ETag"]},
    )

    assert (again.status_code, again.data, again.headers["ETag"], len(service.feeds)) == (
        304, b"", first.headers["ETag"], 0
    )  # fmt: skip
    assert {k: again.headers.get(k) for k in ("Cache-Control", "Vary", "Last-Modified")} == {
        "Cache-Control": first.headers["Cache-Control"], "Vary": first.headers["Vary"],
        "Last-Modified": None,  # an entity header: werkzeug leaves it out of a 304, as before
    }  # fmt: skip


def test_requests_render_nothing_every_event_is_rendered_at_load(
    app: Flask, client: FlaskClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    served = app.config["SERVICE"].served()
    before = client.get("/calendar.ics?kind=poster").data

    def refuse(*_: object) -> bytes:
        raise AssertionError("an event was rendered inside a request")

    monkeypatch.setattr(render, "event_body", refuse)
    app.config["SERVICE"].feeds.clear()
    paths = ["/calendar.ics", "/calendar.ics?kind=poster", "/mlsys-2023/kinds/poster.ics"]
    statuses = [client.get(p, headers={"Accept-Encoding": "gzip"}).status_code for p in paths]

    assert (served.rendered.made, statuses) == (len(served.catalogue.entries), [200, 200, 200])
    assert client.get("/calendar.ics?kind=poster").data == before


def test_a_reload_renders_only_the_sessions_that_changed(
    app: Flask, client: FlaskClient, sources: Path, clock: Clock
) -> None:
    service = app.config["SERVICE"]
    path = sources / "mlsys-2023.txt"
    text = path.read_text("utf-8").replace(
        "Federated Learning Tue 6 Jun 03:20", "Federated Learning Tue 6 Jun 03:40"
    )
    path.write_text(text, "utf-8")
    clock.advance(minutes=5)
    service.reload()
    served = service.served()

    changed = [e.session.uid for e in served.catalogue.entries if e.revision.sequence == 1]
    assert (served.rendered.made, changed) == (
        1,
        ["mlsys-2023-20230606-poster-federated-learning"],
    )


def test_gzip_is_made_once_per_version_of_a_feed(
    client: FlaskClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    made: list[int] = []
    original = compression.compress

    def counting(feed: Feed) -> bytes:
        made.append(feed.events)
        return original(feed)

    monkeypatch.setattr(compression, "compress", counting)
    bodies = {
        gzip.decompress(client.get(path, headers={"Accept-Encoding": "gzip"}).data)
        for path in ["/calendar.ics", "/calendar.ics", "/calendar.ics?kind=poster"] * 2
    }
    plain = client.get("/calendar.ics")

    assert (len(made), len(bodies), int(plain.headers["Content-Length"])) == (2, 2, len(plain.data))
    assert plain.data in bodies
