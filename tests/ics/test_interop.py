"""Every feed the seeds produce, read by four independent parsers that must agree, and linted."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from flask.testing import FlaskClient
from icalendar import Calendar

from calsvc.catalogue.spans import zones_of
from calsvc.ics.render import CALENDAR_TAIL, calendar_head, event_bytes
from calsvc.kinds import slugify
from calsvc.model import Conference, Revision
from calsvc.parse import parse_programme
from calsvc.serving.service import Service
from calsvc.settings import Settings
from calsvc.sources.conferences import described_conferences
from calsvc.web import create_app

from ..conftest import REFERENCE, SEEDS, Clock
from ..parsers import PYTHON_PARSERS, lint, with_icalendar, with_icaljs

STAMP = datetime(2023, 5, 1, tzinfo=UTC)


def _seed_feed_urls() -> list[str]:
    """Every feed URL the seeds give: all, per conference, track, kind and session, and filters."""
    urls = [
        "/calendar.ics",
        "/calendar.ics?q=graph&day=2023-06-06",
        "/calendar.ics?kind=oral&kind=poster",
    ]
    for conference in described_conferences(SEEDS):
        schedule = parse_programme(
            (SEEDS / conference.source).read_bytes(), conference, reference=REFERENCE
        )
        urls.append(f"/{conference.slug}/calendar.ics")
        urls += sorted(
            {
                f"/{conference.slug}/tracks/{slugify(s.track)}.ics"
                for s in schedule.sessions
                if s.track
            }
        )
        urls += sorted({f"/{conference.slug}/kinds/{s.kind_slug}.ics" for s in schedule.sessions})
        urls += [f"/events/{s.uid}.ics" for s in schedule.sessions if s.day]
    return urls


FEED_URLS = _seed_feed_urls()


@pytest.fixture(scope="module")
def feeds(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, bytes]]:
    folder = tmp_path_factory.mktemp("interop")
    shutil.copytree(SEEDS, folder / "sources")
    settings = Settings(sources=folder / "sources", db=folder / "revisions.sqlite3")
    service = Service(settings, clock=Clock())
    client: FlaskClient = create_app(settings, service=service).test_client()
    yield {url: client.get(url).data for url in FEED_URLS}
    service.store.close()


@pytest.fixture(scope="module")
def icaljs_times(
    feeds: dict[str, bytes], tmp_path_factory: pytest.TempPathFactory
) -> dict[str, dict[str, tuple[str, str]]]:
    folder = tmp_path_factory.mktemp("icaljs")
    files = {}
    for number, (url, body) in enumerate(feeds.items()):
        files[url] = folder / f"feed-{number}.ics"
        files[url].write_bytes(body)
    by_file = with_icaljs(list(files.values()))
    return {url: by_file[str(path)] for url, path in files.items()}


def test_interop_every_seed_session_has_a_feed() -> None:
    assert (len(FEED_URLS), sum(url.startswith("/events/") for url in FEED_URLS)) == (47, 20)


@pytest.mark.parametrize("url", FEED_URLS)
def test_interop_feed_passes_lint(feeds: dict[str, bytes], url: str) -> None:
    assert lint(feeds[url]) == []


@pytest.mark.parametrize("url", FEED_URLS)
def test_interop_parsers_agree_on_utc_start_and_end(
    feeds: dict[str, bytes], icaljs_times: dict[str, dict[str, tuple[str, str]]], url: str
) -> None:
    expected = with_icalendar(feeds[url])

    readings = {name: parse(feeds[url]) for name, parse in PYTHON_PARSERS.items()}
    readings["ical.js"] = icaljs_times[url]

    assert readings == dict.fromkeys(readings, expected)


def test_interop_control_characters_never_reach_a_feed(tmp_path: Path) -> None:
    """\\x0b, \\x1b, \\x7f and friends in a programme: removed, warned, and every parser reads
    the calendar (Home Assistant's parser, `ical`, refused such a feed whole)."""
    text = (
        "Poster: Vertical\x0bTab Tue 6 Jun 09:00 a.m.\n"
        "Escape \x1b[31mred\x1b[0m and delete\x7f: A Paper Title\n"
        "Ann Lee, Bo Chen\n"
        "Keynote: Bell\x07 and form\x0cfeed Tue 6 Jun 11:00 a.m.\n"
    )
    conference = Conference(
        slug="c", name="C", timezone="America/New_York", source="c.txt", year=2023
    )
    schedule = parse_programme(text.encode("utf-8"), conference, reference=REFERENCE)
    revision = Revision(0, STAMP, STAMP)
    body = b"".join([
        calendar_head(name="C", description="test", zones=zones_of(schedule.sessions), ttl=timedelta(hours=1)),
        *(event_bytes(s, conference, revision, url=f"https://x/{s.uid}") for s in schedule.sessions),
        CALENDAR_TAIL,
    ])  # fmt: skip
    (tmp_path / "c.ics").write_bytes(body)

    assert [(d.line, d.code, d.message) for d in schedule.diagnostics] == [
        (1, "control", "control characters removed (U+000B); calendars refuse them in text"),
        (
            2,
            "control",
            "control characters removed (U+001B, U+007F); calendars refuse them in text",
        ),
        (
            4,
            "control",
            "control characters removed (U+0007, U+000C); calendars refuse them in text",
        ),
    ]
    assert [str(e.get("SUMMARY")) for e in Calendar.from_ical(body).walk("VEVENT")] == [
        "Poster: Vertical Tab", "Keynote: Bell and form feed"
    ]  # fmt: skip
    readings = {name: parse(body) for name, parse in PYTHON_PARSERS.items()}
    readings["ical.js"] = with_icaljs([tmp_path / "c.ics"])[str(tmp_path / "c.ics")]
    assert (lint(body), readings) == ([], dict.fromkeys(readings, with_icalendar(body)))
