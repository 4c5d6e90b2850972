"""Bad input files, each named: one clear message with file:line in the CLI, /status and the log,
and the service keeps serving everything that is valid."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

import pytest
from flask.testing import FlaskClient

from calsvc.serving.service import Service
from calsvc.settings import Settings
from calsvc.web.status import status

from ..calendars import revisions, uids
from ..commands import Ran, calsvc
from ..conftest import Clock
from ..html import find, text
from ..web.test_web_feeds import ALL_2021, ALL_2022, ALL_2023

Edit = Callable[[Path], None]


def _programme(edit: Callable[[str], str | bytes]) -> Edit:
    def apply(sources: Path) -> None:
        path = sources / "mlsys-2023.txt"
        new = edit(path.read_text(encoding="utf-8"))
        path.write_bytes(new if isinstance(new, bytes) else new.encode("utf-8"))

    return apply


def _data_file(edit: Callable[[str], str]) -> Edit:
    def apply(sources: Path) -> None:
        path = sources / "conferences.toml"
        path.write_text(edit(path.read_text(encoding="utf-8")), encoding="utf-8")

    return apply


def _header(old: str, new: str) -> Edit:
    return _programme(lambda text: text.replace(old, new))


@dataclass(frozen=True)
class Case:
    edit: Edit
    message: str  # what a person is told, after "file:line: "
    line: int | None
    where: (
        str  # "source": a diagnostic or error of mlsys-2023.txt; "data file": of conferences.toml
    )
    served_2023: list[str]  # what the conference serves afterwards
    cli_exit: int
    cli_message: str | None = None  # when the CLI, which knows no earlier version, says otherwise


FEDERATED = "Poster: Federated Learning Tue 6 Jun 03:20 p.m."
WITHOUT_FEDERATED = [u for u in ALL_2023 if "federated" not in u]
FEDERATED_AT_ONE = [*WITHOUT_FEDERATED[:3], ALL_2023[4], *WITHOUT_FEDERATED[3:]]  # at 13:00
CASES = {
    "empty": Case(_programme(lambda text: ""), "no sessions found; the last good version (6 sessions) stays "
                  "in service until the file has sessions again", 1, "source", ALL_2023, 0,
                  "no session headers found in 0 lines of text; nothing to schedule"),
    "binary": Case(_programme(lambda text: bytes(range(256)) * 64), "this is not a text file (it holds binary data)",
                   1, "source", ALL_2023, 2),
    "ten-megabyte-line": Case(_programme(lambda text: text.rstrip("\n") + "\n" + "x" * 10_000_000 + "\n"),
                              "line has 10,000,000 characters, more than any programme line; read as text",
                              48, "source", ALL_2023, 0),
    "nul-bytes": Case(_header(FEDERATED, FEDERATED.replace("Federated", "Fede\x00rated")),
                      "control characters removed (U+0000); calendars refuse them in text",
                      23, "source", ALL_2023, 0),
    "windows-1252": Case(_programme(lambda text: text.replace("’", "'").replace("…", "...").replace("×", "x")
                                    .encode("cp1252").replace(b"Learning Tue", b"Learning \xe9 Tue")),
                         "not UTF-8; read as Windows-1252", 22, "source",
                         [u.replace("federated-learning", "federated-learning-e") for u in ALL_2023], 0),
    "wed-31-feb": Case(_header(FEDERATED, "Poster: Federated Learning Wed 31 Feb 03:20 p.m."),
                       "'Wed 31 Feb' is not a date: February 2023 has 28 days; this session is left out",
                       23, "source", WITHOUT_FEDERATED, 1),
    "hour-25": Case(_header(FEDERATED, "Poster: Federated Learning Tue 6 Jun 25:00"),
                    "'25:00' is not a time: hour 25 is past 23; this session is left out", 23, "source",
                    WITHOUT_FEDERATED, 1),
    "13-pm": Case(_header(FEDERATED, "Poster: Federated Learning Tue 6 Jun 13:00 p.m."),
                  "'13:00 p.m.' is a 24-hour time with a.m./p.m.; read as 13:00", 23, "source",
                  FEDERATED_AT_ONE, 0),
    "weekday-contradicts-date": Case(_header(FEDERATED, "Poster: Federated Learning Wed 6 Jun 03:20 p.m."),
                                     "'Wed 6 Jun': 06 June 2023 is a Tuesday, not a Wednesday; using the date",
                                     23, "source", ALL_2023, 0),
    "unknown-time-zone": Case(_data_file(lambda text: text.replace('"America/New_York"', '"America/Miami"')),
                              "unknown time zone 'America/Miami' for mlsys-2023.txt; use an IANA name such as "
                              "'America/New_York'", 37, "data file", ALL_2023, 2),
    "data-file-syntax-error": Case(_data_file(lambda text: text.replace("[[source]]", "[[source]", 1)),
                                   "not valid TOML: Expected ']]' at the end of an array declaration", 14,
                                   "data file", ALL_2023, 2),
    "same-slug-twice": Case(_data_file(lambda text: text.replace('slug = "mlsys-2022"', 'slug = "mlsys-2021"')),
                            "slug 'mlsys-2021' is used by both mlsys-2021.txt and mlsys-2022.txt; each conference "
                            "needs its own", 25, "data file", ALL_2023, 2),
}  # fmt: skip


def _cli(sources: Path, name: str) -> Ran:
    return calsvc("parse", str(sources / name), "--ref-date", "2026-11-22")


def _confirmed(body: bytes) -> list[str]:
    """The UIDs of the sessions in service (a session left out is served as CANCELLED)."""
    status = revisions(body)
    return [uid for uid in uids(body) if status[uid][1] == "CONFIRMED"]


def _plain(text: str) -> str:
    return text.replace(": error:", ":").replace(": warning:", ":").replace(": info:", ":")


@pytest.mark.parametrize("name", list(CASES))
def test_bad_file_gives_one_clear_message_and_the_rest_is_served(
    name: str, client: FlaskClient, sources: Path, caplog: pytest.LogCaptureFixture
) -> None:
    case = CASES[name]
    client.get("/healthz")
    caplog.set_level(logging.INFO, logger="calsvc")
    caplog.clear()
    started = time.perf_counter()

    case.edit(sources)
    status = client.get("/status").json
    served = {
        slug: _confirmed(client.get(f"/{slug}/calendar.ics").data)
        for slug in ("mlsys-2021", "mlsys-2022", "mlsys-2023")
    }
    seconds = time.perf_counter() - started
    cli = _cli(sources, "mlsys-2022.txt" if name == "same-slug-twice" else "mlsys-2023.txt")

    # The service names a source as /status does (its file name); the CLI names the path it was given.
    if case.where == "data file":
        expected = cli_expected = f"{sources / 'conferences.toml'}:{case.line}: {case.message}"
        reported = status["data_file"]["errors"]  # type: ignore[index]
    else:
        expected = f"mlsys-2023.txt:{case.line}: {case.message}"
        cli_expected = (
            f"{sources / 'mlsys-2023.txt'}:{case.line}: {case.cli_message or case.message}"
        )
        source = status["sources"][2]  # type: ignore[index]
        notes = [f"mlsys-2023.txt:{d['line']}: {d['message']}" for d in source["diagnostics"]]
        reported = [source["error"]] if source["error"] else notes
    logged = [_plain(r.getMessage()) for r in caplog.records]

    assert reported == [expected]
    assert [m for m in logged if expected in m] != []
    assert (cli.returncode, cli_expected in _plain(cli.stdout + cli.stderr)) == (
        case.cli_exit,
        True,
    )
    assert served == {
        "mlsys-2021": ALL_2021,
        "mlsys-2022": ALL_2022,
        "mlsys-2023": case.served_2023,
    }
    assert seconds < 20  # bounded: no pattern goes quadratic on a long line


def test_bad_file_bom_and_crlf_read_like_the_clean_text(client: FlaskClient, sources: Path) -> None:
    path = sources / "mlsys-2023.txt"
    before = client.get("/mlsys-2023/calendar.ics").data

    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes().replace(b"\n", b"\r\n"))
    status = client.get("/status").json["sources"][2]  # type: ignore[index]

    assert (
        client.get("/mlsys-2023/calendar.ics").data,
        status["error"],
        status["diagnostics"],
    ) == (before, None, [])


def test_a_source_over_the_size_limit_names_the_setting(
    sources: Path, settings: Settings, clock: Clock
) -> None:
    path = sources / "mlsys-2023.txt"
    path.write_bytes(path.read_bytes() + b"\n" + b"x" * 2**21)  # 2 MB of text more
    service = Service(replace(settings, max_source_mb=1), clock=clock)
    try:
        [error] = [s["error"] for s in status(service)["sources"] if s["error"]]
        assert error == (
            "mlsys-2023.txt: is 2 MB, larger than the 1 MB a source may be "
            "(CALSVC_MAX_SOURCE_MB sets it)"
        )
    finally:
        service.close()
    service = Service(replace(settings, max_source_mb=3), clock=clock)
    try:
        assert [s["error"] for s in status(service)["sources"]] == [None, None, None, None]
        assert service.catalogue().count("mlsys-2023") == len(ALL_2023)
    finally:
        service.close()


def test_a_broken_source_is_named_on_the_index_and_its_page_marks_the_old_sessions(
    client: FlaskClient, sources: Path
) -> None:
    client.get("/healthz")
    (sources / "mlsys-2023.txt").write_bytes(b"\x00\x01\x02" * 1000)

    index = client.get("/").data
    page = client.get("/mlsys-2023/").data

    notes = [text(e) for e in find(index, "p", class_="problems")]
    shown = [text(e) for e in find(page, "code") if "problems" in e.classes_above]
    sessions = len(find(page, "li", class_="session"))
    assert (notes, shown, sessions) == (
        ["1 problem reading its programme; the sessions read are served"],
        ["mlsys-2023.txt:1: this is not a text file (it holds binary data); the sessions shown "
         "are those read at 2026-11-01 09:00 UTC"],
        6,
    )  # fmt: skip
