"""The hand-written VEVENT serializer (calsvc.ics.ical) against icalendar, byte for byte: every
session of the seeds and the reading corpus, and sessions of hostile text from hypothesis."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
import pytz
from hypothesis import given, settings
from hypothesis import strategies as st

from calsvc.ics import ical
from calsvc.ics.render import event_bytes, event_component
from calsvc.model import Conference, Item, Revision, Session
from calsvc.parse import parse_programme
from calsvc.sources.conferences import load_data_file

from ..conftest import REFERENCE, SEEDS
from ..parse.test_corpus import TEXTS
from ..scoring import load_expected

URL = "https://programme.example.org/events/"
REVISIONS = (
    Revision(
        0, datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC), datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC)
    ),
    Revision(7, datetime(2026, 1, 2, tzinfo=UTC), datetime(2026, 3, 4, 5, 6, 7, tzinfo=UTC), True),
)


def _reference(session: Session, conference: Conference, revision: Revision, url: str) -> bytes:
    return bytes(event_component(session, conference, revision, url=url).to_ical())


def _sources() -> list[tuple[bytes, Conference]]:
    seeds = load_data_file(SEEDS / "conferences.toml").by_file.values()
    found = [((SEEDS / c.source).read_bytes(), c) for c in seeds]
    return found + [(text.read_bytes(), load_expected(text)[0]) for text in TEXTS]


SOURCES = _sources()


@pytest.mark.parametrize(("data", "conference"), SOURCES, ids=[c.source for _, c in SOURCES])
def test_every_session_of_seeds_and_corpus_is_byte_identical(
    data: bytes, conference: Conference
) -> None:
    schedule = parse_programme(data, conference, reference=REFERENCE)
    for session in (s for s in schedule.sessions if s.day):  # undated ones are in no feed
        for revision in REVISIONS:
            url = URL + session.uid + "/"
            mine = event_bytes(session, conference, revision, url=url)
            assert mine == _reference(session, conference, revision, url)


# Text that stresses escaping and folding: the characters TEXT escapes, line ends of each kind,
# the literal '\N' icalendar reads as a line end, carets, multi-octet characters and marks.
PIECES = [*"ab ;,\\\r\n\t^:\"'N", "é", "e\u0301", "日本", "🎉", "👩\u200d🔬", "\u00a0", "ß", "\\N"]
HOSTILE = (
    st.lists(st.sampled_from(PIECES), max_size=200).map("".join)
    | st.text(max_size=200)
    | st.builds(lambda c, n: c * n, st.sampled_from(["a", "é", "🎉", ";"]), st.integers(1, 10_000))
)
ZONES = st.sampled_from(
    ["UTC", "Europe/Berlin", "America/New_York", "Asia/Kolkata", "Pacific/Chatham"]
)


@st.composite
def sessions(draw: st.DrawFn) -> tuple[Session, Conference]:
    zone = draw(ZONES)
    conference = Conference(
        slug="conf",
        name=draw(HOSTILE.filter(str.strip)),
        timezone=zone,
        source="conf.txt",
        venue=draw(st.none() | HOSTILE),
    )
    day = draw(st.dates(min_value=date(2020, 1, 1), max_value=date(2030, 12, 31)))
    timed = draw(st.booleans())
    start = end = None
    if timed:
        local = datetime(
            day.year, day.month, day.day, draw(st.integers(0, 23)), draw(st.integers(0, 59))
        )
        start = pytz.timezone(zone).localize(local)
        end = start + timedelta(minutes=draw(st.integers(1, 3000)))
    items = tuple(
        Item(draw(st.none() | HOSTILE), draw(st.none() | HOSTILE), draw(st.none() | HOSTILE))
        for _ in range(draw(st.integers(0, 3)))
    )
    session = Session(
        uid=draw(st.from_regex(r"[a-z0-9-]{1,120}", fullmatch=True)),
        source="conf.txt",
        line=1,
        conference="conf",
        kind=draw(HOSTILE.filter(str.strip)),
        track=draw(st.none() | HOSTILE.filter(str.strip)),
        title=draw(HOSTILE.filter(str.strip)),
        day=day,
        start=start,
        end=end,
        end_inferred=draw(st.booleans()),
        timezone=zone,
        location=draw(st.none() | HOSTILE),
        items=items,
    )
    return session, conference


@pytest.mark.slow
@settings(max_examples=300, deadline=None)
@given(
    sessions(),
    st.sampled_from(REVISIONS),
    st.from_regex(r"https?://[a-z.]{1,60}(:[0-9]{2,5})?", fullmatch=True),
)
def test_hostile_sessions_are_byte_identical(
    made: tuple[Session, Conference], revision: Revision, base: str
) -> None:
    session, conference = made
    url = f"{base}/events/{session.uid}/"
    assert event_bytes(session, conference, revision, url=url) == _reference(
        session, conference, revision, url
    )


@pytest.mark.parametrize(
    ("content", "folded"),
    [
        pytest.param("A" * 74, "A" * 74, id="74-octets-fit"),
        pytest.param("A" * 75, "A" * 74 + "\r\n A", id="75th-octet-folds"),
        pytest.param("A" * 73 + "\\;", "A" * 73 + "\r\n \\;", id="escape-kept-whole"),
        pytest.param("A" * 73 + "é", "A" * 73 + "\r\n é", id="two-octets-not-split"),
        pytest.param("A" * 148, "A" * 74 + "\r\n " + "A" * 74, id="two-full-lines"),
    ],
)
def test_fold(content: str, folded: str) -> None:
    assert ical.fold(content.encode()) == folded.encode()


@pytest.mark.parametrize(
    ("value", "escaped"),
    [
        pytest.param("a;b,c", "a\\;b\\,c", id="separators"),
        pytest.param("a\\b", "a\\\\b", id="backslash"),
        pytest.param("a\r\nb\nc\rd", "a\\nb\\nc\\nd", id="line-ends"),
        pytest.param("a\\Nb", "a\\nb", id="literal-backslash-N-is-a-line-end"),
    ],
)
def test_text(value: str, escaped: str) -> None:
    assert ical.text(value) == escaped
