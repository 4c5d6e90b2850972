"""Hostile requests, each named: the right status, bounded work, nothing reflected unescaped."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from flask.testing import FlaskClient

from ..calendars import events
from ..parsers import PYTHON_PARSERS, lint


@pytest.mark.parametrize(
    ("url", "status"),
    [
        ("/..%2F..%2Fetc%2Fpasswd/calendar.ics", 404),
        ("/mlsys-2023/tracks/..%2F..%2Fconferences.toml.ics", 404),
        ("/events/..%2Fmlsys-2023.txt.ics", 404),
        ("/static/..%2Fstore.py", 404),
        ("/static/../../seeds/conferences.toml", 404),
        ("/calendar.ics?conference=../../etc/passwd", 404),
        ("/%2e%2e/%2e%2e/etc/passwd", 404),
    ],
    ids=[
        "conference-slug",
        "track-slug",
        "uid",
        "static-encoded",
        "static-dots",
        "query",
        "dot-segments",
    ],
)
def test_path_traversal_finds_nothing(reader: FlaskClient, url: str, status: int) -> None:
    response = reader.get(url)

    assert (response.status_code, b"root:" in response.data, b"[[source]]" in response.data) == (
        status,
        False,
        False,
    )


def test_a_thousand_repeated_filters_are_refused_quickly(reader: FlaskClient) -> None:
    started = time.perf_counter()

    response = reader.get("/calendar.ics?" + "&".join(f"kind=k{n}" for n in range(1000)))

    assert (response.status_code, response.get_data(as_text=True)) == (
        400, "kind='k50' is not valid; allowed: at most 50 values of kind\n"
    )  # fmt: skip
    assert time.perf_counter() - started < 1


def test_a_ten_kilobyte_query_string_is_refused(reader: FlaskClient) -> None:
    response = reader.get("/api/events?q=" + "a" * 10_000)

    assert (response.status_code, response.json["error"]["parameter"]) == (400, "q")  # type: ignore[index]


@pytest.mark.parametrize("name", ["Evil\r\nSet-Cookie: x=1", "Evil\nName", "Évian ☃ 2024"])
def test_names_reaching_headers_cannot_break_them(
    client: FlaskClient, sources: Path, name: str
) -> None:
    path = sources / "conferences.toml"
    text = path.read_text(encoding="utf-8").replace(
        'name = "MLSys 2023"', f'name = "{name.encode("unicode_escape").decode()}"'
    )
    path.write_text(text, encoding="utf-8")

    response = client.get("/mlsys-2023/calendar.ics?download=1")

    disposition = response.headers["Content-Disposition"]
    assert (response.status_code, "\r" in disposition or "\n" in disposition, "Set-Cookie" in response.headers) == (
        200, False, False
    )  # fmt: skip
    assert disposition.startswith('attachment; filename="') and "filename*=UTF-8''" in disposition


@pytest.mark.interop
def test_ics_special_characters_in_names_are_escaped_and_the_feed_still_parses(
    client: FlaskClient, sources: Path
) -> None:
    programme = sources / "mlsys-2023.txt"
    programme.write_text(programme.read_text(encoding="utf-8").replace(
        "Poster: Federated Learning", "Poster: Federated; Learning, Part \\ 2"), encoding="utf-8")  # fmt: skip
    data = sources / "conferences.toml"
    data.write_text(data.read_text(encoding="utf-8").replace('name = "MLSys 2023"', 'name = "MLSys; 2023, \\\\ Miami\\nEdition"'),
                    encoding="utf-8")  # fmt: skip

    body = client.get("/mlsys-2023/calendar.ics").data

    readings = {name: parse(body) for name, parse in PYTHON_PARSERS.items()}
    summaries = [summary for _, summary, *_ in events(body)]
    assert lint(body) == []
    assert len({repr(r) for r in readings.values()}) == 1
    assert "Poster: Federated; Learning, Part \\ 2" in summaries
    assert b"SUMMARY:Poster: Federated\\; Learning\\, Part \\\\ 2\r\n" in body.replace(
        b"\r\n ", b""
    )
    assert (
        b"X-WR-CALNAME:MLSys  2023  Miami Edition" not in body
        and b"X-WR-CALNAME:MLSys 2023 Miami Edition\r\n" in body
    )


def test_script_in_a_session_title_is_escaped_in_pages(client: FlaskClient, sources: Path) -> None:
    programme = sources / "mlsys-2023.txt"
    programme.write_text(programme.read_text(encoding="utf-8").replace(
        "Poster: Federated Learning", "Poster: <script>alert('x')</script>"), encoding="utf-8")  # fmt: skip

    pages = [client.get(url).get_data(as_text=True) for url in (
        "/mlsys-2023/", "/builder?conference=mlsys-2023", "/events/mlsys-2023-20230606-poster-script-alert-x-script/")]  # fmt: skip

    assert ["<script>alert" in page for page in pages] == [False, False, False]
    assert ["&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in page for page in pages] == [
        True,
        True,
        True,
    ]


@pytest.mark.parametrize(
    "url", ["/builder?q=<script>alert(1)</script>", '/embed?q="><script>alert(1)</script>']
)
def test_script_in_a_query_is_escaped_in_pages(reader: FlaskClient, url: str) -> None:
    page = reader.get(url).get_data(as_text=True)

    assert ("<script>alert" in page, "&lt;script&gt;alert(1)&lt;/script&gt;" in page) == (
        False,
        True,
    )


@pytest.mark.parametrize("method", ["POST", "PUT", "DELETE", "PATCH"])
@pytest.mark.parametrize(
    "url",
    ["/calendar.ics", "/mlsys-2023/kinds/poster.ics", "/events/x.ics", "/api/events", "/builder"],
)
def test_writes_are_refused(reader: FlaskClient, url: str, method: str) -> None:
    response = reader.open(url, method=method, data=b"x" * 1000)

    assert (response.status_code, response.headers["Allow"]) == (405, "GET, HEAD, OPTIONS")
