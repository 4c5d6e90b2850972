"""Every format over HTTP as feeds are served: its media type, validators and 304, gzip, CORS,
download names, filters, and one document per selection and catalogue version."""

from __future__ import annotations

import gzip
import json

import pytest
from flask import Flask
from flask.testing import FlaskClient

from calsvc.formats.registry import FORMATS

from ..calendars import uids

DOCUMENTS = {
    "/mlsys-2023/calendar.jcal": "application/calendar+json",
    "/mlsys-2023/calendar.xcs": "application/calendar+xml",
    "/mlsys-2023/kinds/poster.csv": "text/csv; charset=utf-8; header=present",
    "/mlsys-2023/schedule.xml?kind=poster": "application/xml",
    "/mlsys-2023/schedule.json": "application/json",
    "/my/mlsys-2023.jcal?s=dtknztl": "application/calendar+json",
    "/calendar.csv?kind=poster": "text/csv; charset=utf-8; header=present",
}


@pytest.mark.parametrize(("path", "media_type"), DOCUMENTS.items())
def test_each_format_is_served_with_validators_gzip_and_cors(
    reader: FlaskClient, path: str, media_type: str
) -> None:
    plain = reader.get(path)
    again = reader.get(path, headers={"If-None-Match": plain.headers["ETag"]})
    zipped = reader.get(path, headers={"Accept-Encoding": "gzip"})
    seen = (plain.status_code, plain.headers["Content-Type"], plain.headers["Access-Control-Allow-Origin"],
            plain.headers["Cache-Control"], again.status_code, again.data,
            gzip.decompress(zipped.data) == plain.data, zipped.headers["ETag"])  # fmt: skip

    assert seen == (200, media_type, "*", "public, max-age=300", 304, b"", True,
                    plain.headers["ETag"][:-1] + '-gz"')  # fmt: skip


def test_formats_of_one_selection_have_different_versions(reader: FlaskClient) -> None:
    paths = [f"/mlsys-2023/calendar.{e}" for e in ("ics", "jcal", "xcs", "csv")]
    paths += ["/mlsys-2023/schedule.xml", "/mlsys-2023/schedule.json"]

    assert len({reader.get(path).headers["ETag"] for path in paths}) == len(FORMATS)


@pytest.mark.parametrize(
    ("path", "disposition"),
    [("/mlsys-2023/kinds/poster.csv?download=1",
      "attachment; filename=\"mlsys-2023-posters.csv\"; filename*=UTF-8''MLSys%202023%20%C2%B7%20Posters.csv"),
     ("/mlsys-2023/schedule.json?download=1",
      "attachment; filename=\"mlsys-2023.json\"; filename*=UTF-8''MLSys%202023.json")],
)  # fmt: skip
def test_downloads_are_named_with_the_formats_extension(
    reader: FlaskClient, path: str, disposition: str
) -> None:
    assert reader.get(path).headers["Content-Disposition"] == disposition


def test_a_frab_schedule_takes_the_feeds_filters(reader: FlaskClient) -> None:
    """kind=, day=, q= and s= choose the same sessions as the feed with the same filters."""
    queries = [
        "kind=poster",
        "day=2023-06-06&q=learning",
        "s=dtknztl.ebmx6ue",
        "track=ml-for-systems",
    ]
    found = {}
    for query in queries:
        schedule = json.loads(reader.get(f"/mlsys-2023/schedule.json?{query}").data)
        days = schedule["schedule"]["conference"]["days"]
        urls = [e["url"] for d in days for room in d["rooms"].values() for e in room]
        feed = reader.get(f"/calendar.ics?conference=mlsys-2023&{query}").data
        found[query] = (sorted(u.split("/events/")[1].strip("/") for u in urls), sorted(uids(feed)))

    assert {q: frab for q, (frab, _) in found.items()} == {
        q: feed for q, (_, feed) in found.items()
    }
    assert [len(found[q][0]) for q in queries] == [4, 4, 2, 1]


@pytest.mark.parametrize(
    ("path", "status"),
    [("/mlsys-2023/schedule.ics", 404), ("/mlsys-2023/calendar.xml", 404),
     ("/mlsys-2023/schedule.json?conference=mlsys-2022", 200), ("/nowhere/schedule.xml", 404),
     ("/mlsys-2023/schedule.json?when=now", 400)],
)  # fmt: skip
def test_format_urls_that_do_not_exist_are_refused(
    reader: FlaskClient, path: str, status: int
) -> None:
    assert reader.get(path).status_code == status


def test_a_document_is_made_once_per_selection_and_version(app: Flask, client: FlaskClient) -> None:
    service = app.config["SERVICE"]
    for _ in range(3):
        client.get("/mlsys-2023/schedule.json?kind=poster")
        client.get("/mlsys-2023/calendar.jcal")

    assert len(service.feeds) == 2
