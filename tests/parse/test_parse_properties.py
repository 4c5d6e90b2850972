"""Properties of the parser that hold for any input at all."""

from __future__ import annotations

import re
import unicodedata

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from calsvc.errors import SourceError
from calsvc.kinds import slugify
from calsvc.model import Conference
from calsvc.parse import parse_programme
from calsvc.parse.lexicon import lexicon

from ..conftest import REFERENCE

CONFERENCE = Conference(slug="c", name="C", timezone="Europe/Berlin", source="c.txt")
lexicon()  # the CLDR word tables load once per process; no example's deadline pays for it

# Fragments that look like headers, so random text often comes close to real programmes.
FRAGMENTS = st.sampled_from([
    "Poster: ", "Oral: Session 1: ", "Invited Talk: ", "Bio :Tutorial: ", "Tue ", "Sat ", "6 ",
    "31 ", "Jun ", "Dec ", "10th ", "09:00 a.m.", "1:30pm", "13:30", "25:00", "noon", " — ",
    "-- ", " PDT", " @ Room 1", "[ Hall A ]", "Abstract", "Abstract:", "\n", "\r\n", "\u00a0",
    ", ", " · ", "Ann Lee", "2023", "\x00", "\ufeff", " | ", "\t", "Monday 14 October 2024",
    "08:00 - 09:00", "14h30", "0800 – 0830", "Room 101", "## ", "- **", "Thu, Jun 20, 2024 ⋅ ",
    "Noon", "9-10am", "Keynote: ", "Symposium", "Location: ",
])  # fmt: skip
PROGRAMME_TEXT = st.lists(st.one_of(FRAGMENTS, st.text(max_size=20)), max_size=60).map("".join)


def _check(data: bytes) -> None:
    try:
        schedule = parse_programme(data, CONFERENCE, reference=REFERENCE)
    except SourceError as error:
        assert error.line is not None and error.file == "c.txt"
        return
    lines = len(data.splitlines()) + 1
    assert [s.line for s in schedule.sessions if not 1 <= s.line <= lines] == []
    assert [d.line for d in schedule.diagnostics if not 1 <= d.line <= lines] == []
    for session in schedule.timed:
        assert session.start is not None and session.end is not None
        assert session.start < session.end
        assert session.start.tzinfo is not None
    assert len({s.uid for s in schedule.sessions}) == len(schedule.sessions)


@pytest.mark.slow
@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(PROGRAMME_TEXT)
def test_parse_any_programme_like_text_gives_schedule_or_error(text: str) -> None:
    _check(text.encode("utf-8", errors="surrogatepass"))


@settings(max_examples=200)
@given(st.binary(max_size=2000))
def test_parse_any_bytes_gives_schedule_or_error(data: bytes) -> None:
    _check(data)


@settings(max_examples=20, deadline=None)
@given(st.integers(min_value=10_000, max_value=400_000), FRAGMENTS)
def test_parse_huge_lines_give_schedule_or_error(length: int, fragment: str) -> None:
    _check(
        b"Poster: A Tue 6 Jun 09:00 a.m.\n"
        + (fragment * (length // max(len(fragment), 1))).encode()
    )


def _slug_reference(text: str) -> str:
    """The rule: any space parts words (also U+2028 or U+3000, which NFKD would drop)."""
    text = " ".join(text.split())
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


@pytest.mark.slow
@settings(max_examples=2000)
@given(st.text(max_size=40))
def test_slugify_word_by_word_equals_the_whole_text_rule(text: str) -> None:
    assert slugify(text) == _slug_reference(text)
