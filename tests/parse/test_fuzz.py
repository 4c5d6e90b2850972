"""Long fuzzing runs (10,000 examples each): the parser, and query strings on every route.

Marked slow; CI runs them. `pytest -m "not slow"` leaves them out while developing.
"""

from __future__ import annotations

from urllib.parse import quote, urlencode

import pytest
from flask.testing import FlaskClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from .test_parse_properties import PROGRAMME_TEXT, _check

ROUTES = ["/calendar.ics", "/mlsys-2023/calendar.ics", "/mlsys-2022/kinds/oral.ics", "/api/events", "/api/tracks",
          "/builder", "/embed"]  # fmt: skip
NAMES = st.sampled_from(
    ["conference", "track", "kind", "day", "q", "download", "x", "", "q[]", "kind "]
)
VALUES = st.one_of(
    st.text(max_size=40),
    st.sampled_from(["mlsys-2023", "poster", "federated-learning", "2023-06-06", "2023-02-30", "1", "0", "graph",
                     "../../etc/passwd", "<script>", "\r\nX: y", "%00", "é" * 30]),
)  # fmt: skip
RAW = st.text(alphabet=st.characters(codec="utf-8"), max_size=200).map(
    lambda t: quote(t, safe="=&;%+")
)


@pytest.mark.slow
@settings(max_examples=10_000, deadline=None, suppress_health_check=list(HealthCheck))
@given(PROGRAMME_TEXT)
def test_fuzz_parser_gives_a_schedule_or_its_own_error(text: str) -> None:
    _check(text.encode("utf-8", errors="surrogatepass"))


@pytest.mark.slow
@settings(max_examples=10_000, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.binary(max_size=4000))
def test_fuzz_parser_on_bytes_gives_a_schedule_or_its_own_error(data: bytes) -> None:
    _check(data)


@pytest.mark.slow
@settings(max_examples=10_000, deadline=None, suppress_health_check=list(HealthCheck))
@given(
    route=st.sampled_from(ROUTES),
    pairs=st.lists(st.tuples(NAMES, VALUES), max_size=8),
    raw=st.none() | RAW,
)
def test_fuzz_query_strings_never_break_a_route(reader: FlaskClient, route: str, pairs: list[tuple[str, str]],
                                                 raw: str | None) -> None:  # fmt: skip
    query = raw if raw is not None else urlencode(pairs)

    response = reader.get(f"{route}?{query}")

    body = response.data
    assert response.status_code in {200, 400, 404}, (route, query, body[:300])
    if response.status_code == 200 and route.endswith(".ics"):
        assert body.startswith(b"BEGIN:VCALENDAR\r\n") and body.endswith(b"END:VCALENDAR\r\n")
    if route.startswith("/api/"):
        assert response.is_json
    if b"<script>" in body:  # echoed back: only ever as inert text
        assert (response.mimetype, response.headers["X-Content-Type-Options"], response.headers["Content-Security-Policy"]) == (
            _inert_type(route, response.status_code), "nosniff", "default-src 'none'; frame-ancestors 'none'")  # fmt: skip


def _inert_type(route: str, status: int) -> str:
    """What a response that echoes its input must be served as: never HTML."""
    if route.startswith("/api/"):
        return "application/json"
    return "text/calendar" if status == 200 and route.endswith(".ics") else "text/plain"
