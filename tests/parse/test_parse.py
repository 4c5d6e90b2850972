"""Parsing whole programmes: the four seeds exactly, and every awkward input the issue names."""

from __future__ import annotations

from datetime import date

import pytest

from calsvc.model import Conference, Schedule
from calsvc.parse import parse_programme
from calsvc.sources.conferences import load_data_file

from ..conftest import REFERENCE, SEEDS

DATA = load_data_file(SEEDS / "conferences.toml")


def _seed(name: str) -> Schedule:
    return parse_programme((SEEDS / name).read_bytes(), DATA.by_file[name], reference=REFERENCE)


def _conference(**overrides: object) -> Conference:
    facts: dict[str, object] = {
        "slug": "conf", "name": "Conf", "timezone": "America/New_York", "source": "conf.txt",
        "year": 2023, "durations": {"poster": 90, "other": 60},
    }  # fmt: skip
    facts.update(overrides)
    return Conference(**facts)  # type: ignore[arg-type]


def _parse(text: str | bytes, **overrides: object) -> Schedule:
    data = text.encode("utf-8") if isinstance(text, str) else text
    return parse_programme(data, _conference(**overrides), reference=REFERENCE)


def _timed(schedule: Schedule) -> list[tuple[str, str | None, str, str, bool]]:
    return [
        (s.kind, s.track, s.start.isoformat(), s.end.isoformat(), s.end_inferred)  # type: ignore[union-attr]
        for s in schedule.timed
    ]


def _notes(schedule: Schedule) -> list[tuple[int, str, str, str]]:
    return [(d.line, d.level, d.code, d.message) for d in schedule.diagnostics]


SEED_SESSIONS = {
    "mlsys-2023.txt": [
        ("Registration Desk", None, "2023-06-06T07:30:00-04:00", None, 0),
        ("Poster", "Measurement and Analysis", "2023-06-06T09:00:00-04:00", None, 3),
        ("Poster", "Parallel and Distributed Systems 2: Communication",
         "2023-06-06T13:30:00-04:00", None, 4),
        ("Poster", "Federated Learning", "2023-06-06T15:20:00-04:00", None, 4),
        ("Poster", "ML for Systems", "2023-06-06T16:40:00-04:00", None, 4),
    ],
    "mlsys-2021.txt": [
        ("Opening Remarks", None, "2021-04-06T08:00:00-07:00", None, 1),
        ("Oral", "Session 1: Search and Devices", "2021-04-06T09:30:00-07:00", None, 4),
        ("Oral", "Session 2: Compilers", "2021-04-06T11:10:00-07:00", None, 4),
        ("Oral", "Session 3: Communication and Storage", "2021-04-06T13:30:00-07:00", None, 4),
        ("Oral", "Session 4: Training (I)", "2021-04-06T15:20:00-07:00", None, 5),
    ],
    "mlsys-2022.txt": [
        ("Registration Desk", None, "2022-08-31T06:30:00-07:00", None, 0),
        ("Oral", "Efficient Training", "2022-08-31T08:45:00-07:00", "Exhibit Hall A", 4),
        ("Oral", "ML Programming Models and Abstractions & Interpretability and "
         "Explainability of ML", "2022-08-31T13:00:00-07:00", "Exhibit Hall A", 4),
        ("Oral", "Efficient Inference and Model Serving", "2022-08-31T14:15:00-07:00",
         "Exhibit Hall A", 6),
    ],
    "mlsys-abstracts.txt": [],
}  # fmt: skip

SEED_UNDATED = {
    "mlsys-2023.txt": [("Invited Talk", "Invited Talk: Alexander Rush", date(2023, 6, 6))],
    "mlsys-2021.txt": [("Invited Talk", "Invited Talk: William Dally", date(2021, 4, 6))],
    "mlsys-2022.txt": [
        ("Tutorial", "Tutorial: Mert TOSLALI", date(2022, 8, 31)),
        ("Invited Talk", "Invited Talk: Ryan Adams", date(2022, 8, 31)),
        ("Tutorial", "Tutorial: Tushar Krishna", date(2022, 8, 31)),
        ("Tutorial", "Tutorial: Radu Marculescu · Ming Lin · Atlas Wang · Kartikeya Bhardwaj",
         date(2022, 8, 31)),
    ],
    "mlsys-abstracts.txt": [],
}  # fmt: skip


@pytest.mark.parametrize("name", sorted(SEED_SESSIONS), ids=sorted(SEED_SESSIONS))
def test_parse_seed_sessions(name: str) -> None:
    schedule = _seed(name)

    got = [(s.kind, s.track, s.start.isoformat(), s.location, len(s.items))  # type: ignore[union-attr]
           for s in schedule.timed]  # fmt: skip
    assert got == SEED_SESSIONS[name]


@pytest.mark.parametrize("name", sorted(SEED_UNDATED), ids=sorted(SEED_UNDATED))
def test_parse_seed_undated_headers(name: str) -> None:
    schedule = _seed(name)

    assert [(s.kind, s.title, s.day) for s in schedule.untimed] == SEED_UNDATED[name]


def test_parse_seed_without_programme_says_so() -> None:
    schedule = _seed("mlsys-abstracts.txt")

    assert (schedule.sessions, _notes(schedule)) == (
        (),
        [(1, "info", "no-sessions", "no session headers found in 10 lines of text; nothing to schedule")],
    )  # fmt: skip


def test_parse_seed_session_four_has_paper_without_title() -> None:
    session = _seed("mlsys-2021.txt").timed[4]

    assert [(i.title, (i.authors or "")[:12]) for i in session.items] == [
        ("TensorFlow Lite Micro: Embedded Machine Learning for TinyML Systems", "Robert David"),
        ("Scaling Distributed Training with Adaptive Summation", "Saeed Maleki"),
        ("PipeMare: Asynchronous Pipeline Parallel DNN Training", "Bowen Yang, "),
        (None, "Sameer Kumar"),
        (
            "TT-Rec: Tensor Train Compression for Deep Learning Recommendation Models",
            "Chunxing Yin",
        ),
    ]


def test_parse_seed_uids_are_derived_from_what_a_session_is() -> None:
    schedule = _seed("mlsys-2023.txt")

    assert [s.uid for s in schedule.sessions] == [
        "mlsys-2023-20230606-registration-desk",
        "mlsys-2023-20230606-poster-measurement-and-analysis",
        "mlsys-2023-20230606-invited-talk-alexander-rush",
        "mlsys-2023-20230606-poster-parallel-and-distributed-systems-2-communication",
        "mlsys-2023-20230606-poster-federated-learning",
        "mlsys-2023-20230606-poster-ml-for-systems",
    ]


def test_parse_ends_inferred_from_next_session_capped_by_kind() -> None:
    schedule = _parse(
        "Registration Desk Tue 6 Jun 07:30 a.m.\n"
        "Poster: A Tue 6 Jun 08:00 a.m.\n"
        "Poster: B Tue 6 Jun 11:00 a.m.\n"
        "Keynote Tue 6 Jun 11:30 a.m. - 12:15 p.m.\n"
        "Social Tue 6 Jun 06:00 p.m.\n"
    )

    assert _timed(schedule) == [
        ("Registration Desk", None, "2023-06-06T07:30:00-04:00", "2023-06-06T08:00:00-04:00", True),
        ("Poster", "A", "2023-06-06T08:00:00-04:00", "2023-06-06T09:30:00-04:00", True),
        ("Poster", "B", "2023-06-06T11:00:00-04:00", "2023-06-06T11:30:00-04:00", True),
        ("Keynote", None, "2023-06-06T11:30:00-04:00", "2023-06-06T12:15:00-04:00", False),
        ("Social", None, "2023-06-06T18:00:00-04:00", "2023-06-06T19:00:00-04:00", True),
    ]


def test_parse_uid_survives_a_change_of_time_and_counts_repeats() -> None:
    before = _parse("Poster: A Tue 6 Jun 09:00 a.m.\nPoster: A Tue 6 Jun 02:00 p.m.\n")
    after = _parse("Poster: A Tue 6 Jun 10:00 a.m.\nPoster: A Tue 6 Jun 03:00 p.m.\n")

    assert [s.uid for s in before.sessions] == [s.uid for s in after.sessions] == [
        "conf-20230606-poster-a", "conf-20230606-poster-a-2"
    ]  # fmt: skip


def test_parse_uid_is_never_given_twice() -> None:
    schedule = _parse(
        "Tue 6 Jun 2023\n08:00 令和5年\n09:00 開場\n09:30 開演\n10:00 休憩\n10:30 閉演\n"
        "11:00 交流\n"
    )

    assert [s.uid for s in schedule.sessions] == [
        "conf-20230606-5", "conf-20230606", "conf-20230606-2", "conf-20230606-3",
        "conf-20230606-4", "conf-20230606-6",
    ]  # fmt: skip


def test_parse_programme_over_new_year_continues_into_next_year() -> None:
    schedule = _parse("Party Sat 31 Dec 10:00 p.m.\nBrunch Sun 1 Jan 11:00 a.m.\n", year=None)

    assert [(s.start.isoformat(), s.day) for s in schedule.timed] == [  # type: ignore[union-attr]
        ("2022-12-31T22:00:00-05:00", date(2022, 12, 31)),
        ("2023-01-01T11:00:00-05:00", date(2023, 1, 1)),
    ]


def test_parse_infers_year_with_warning_naming_alternatives() -> None:
    schedule = _parse("Poster: A Tue 6 Jun 09:00 a.m.\n", year=None)

    assert (schedule.timed[0].day, _notes(schedule)) == (
        date(2023, 6, 6),
        [(1, "warning", "year-inferred",
          "no year given; the weekdays fit 2023 (also fits 2017); "
          "set year for it in conferences.toml")],
    )  # fmt: skip


def test_parse_explicit_year_overrides_data_file() -> None:
    schedule = parse_programme(b"Poster: A Wed 6 Jun 09:00 a.m.\n", _conference(),
                               reference=REFERENCE, year=2018)  # fmt: skip

    assert (schedule.timed[0].day, schedule.diagnostics) == (date(2018, 6, 6), ())


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Poster: A Wed 6 Jun 09:00 a.m.\n",
         [(1, "warning", "weekday-mismatch",
           "'Wed 6 Jun': 06 June 2023 is a Tuesday, not a Wednesday; using the date")]),
        ("Poster: A Tue 6 Jun 09:00 a.m. PDT\n",
         [(1, "warning", "zone-mismatch",
           "the header says PDT but America/New_York is EDT then; times are read in "
           "America/New_York")]),
        ("Poster: A Sun 12 Mar 02:30 a.m.\n",
         [(1, "warning", "dst",
           "02:30 does not exist on 2023-03-12 in America/New_York (clocks go forward); "
           "read as 03:30 EDT")]),
        ("Poster: A Sun 5 Nov 01:30 a.m.\n",
         [(1, "warning", "dst",
           "01:30 happens twice on 2023-11-05 in America/New_York (clocks go back); "
           "read as the first, 01:30 EDT")]),
        ("Poster: A Wed 31 Feb 09:00 a.m.\nAbstract\nText.\n",
         [(1, "error", "bad-date",
           "'Wed 31 Feb' is not a date: February 2023 has 28 days; "
           "this session is left out")]),
        ("Poster: A Tue 6 Jun 25:00\n",
         [(1, "error", "bad-header",
           "'25:00' is not a time: hour 25 is past 23; this session is left out")]),
        ("Poster: A Tue 6 Jun 13:00 p.m.\n",
         [(1, "warning", "odd-time",
           "'13:00 p.m.' is a 24-hour time with a.m./p.m.; read as 13:00")]),
        ("Poster: A Tue 6 Jun 17:30-17:00\n",
         [(1, "warning", "odd-time",
           "'17:00' is before the start '17:30'; the end is left out")]),
    ],
    ids=["weekday-contradicts-date", "zone-abbreviation-contradicts", "dst-gap", "dst-repeat",
         "31-feb", "hour-25", "13-pm", "end-before-start"],
)  # fmt: skip
def test_parse_reports_problems_with_line(
    text: str, expected: list[tuple[int, str, str, str]]
) -> None:
    schedule = _parse("Poster: Fine Tue 6 Jun 08:00 a.m.\n" + text)

    shifted = [(line - 1, level, code, message) for line, level, code, message in _notes(schedule)]
    assert (shifted, schedule.timed[0].track) == (expected, "Fine")


def test_parse_bad_session_keeps_its_papers_out_of_the_previous_one() -> None:
    schedule = _parse(
        "Poster: A Tue 6 Jun 08:00 a.m.\nAbstract\nOne.\nPoster: B Tue 6 Jun 25:00\nAbstract\nTwo.\n"
    )

    assert [(s.track, len(s.items)) for s in schedule.sessions] == [("A", 1)]


def test_parse_undated_between_different_days_has_no_date() -> None:
    schedule = _parse(
        "Poster: A Tue 6 Jun 09:00 a.m.\nKeynote: Ada\nPoster: B Wed 7 Jun 09:00 a.m.\n"
    )

    assert (schedule.untimed[0].day, _notes(schedule)) == (
        None,
        [(2, "warning", "undated",
          "Keynote: Ada has no date or time, and lies between 2023-06-06 and 2023-06-07; "
          "listed without a date")],
    )  # fmt: skip


PROGRAMME = "Poster: A Tue 6 Jun 09:00 a.m.\nAbstract\nCafé text.\n"


@pytest.mark.parametrize(
    ("data", "notes"),
    [
        (PROGRAMME.encode("utf-8"), []),
        (b"\xef\xbb\xbf" + PROGRAMME.encode("utf-8"), []),
        (PROGRAMME.replace("\n", "\r\n").encode("utf-8"), []),
        (PROGRAMME.replace("\n", "\u00a0 \u00a0\n").encode("utf-8"), []),
        (PROGRAMME.encode("cp1252"), [(3, "info", "encoding", "not UTF-8; read as Windows-1252")]),
        (PROGRAMME.replace("Café", "Caf\x00é").encode("utf-8"), [(3, "warning", "control", "control characters removed (U+0000); calendars refuse them in text")]),
        (PROGRAMME.replace("Café", "CafÃ©").encode("utf-8"), [(3, "info", "encoding", "UTF-8 shown as Windows-1252 ('â€“' for '–'); read as UTF-8")]),
    ],
    ids=["utf-8", "bom", "crlf", "trailing-no-break-spaces", "windows-1252", "nul-bytes", "mojibake"],
)  # fmt: skip
def test_parse_tolerates_encodings_and_line_ends(
    data: bytes, notes: list[tuple[int, str, str, str]]
) -> None:
    schedule = _parse(data)

    assert (_timed(schedule), schedule.timed[0].items[0].abstract, _notes(schedule)) == (
        [("Poster", "A", "2023-06-06T09:00:00-04:00", "2023-06-06T10:30:00-04:00", True)],
        "Café text.",
        notes,
    )


def test_parse_empty_file_yields_nothing_and_says_so() -> None:
    schedule = _parse(b"")

    assert (schedule.sessions, _notes(schedule)) == (
        (), [(1, "info", "no-sessions", "no session headers found in 0 lines of text; nothing to schedule")]
    )  # fmt: skip


def test_parse_ten_megabyte_line_is_body_text() -> None:
    schedule = _parse("Poster: A Tue 6 Jun 09:00 a.m.\n" + "word " * 2_000_000 + "\n")

    assert [len(i.abstract or "") for i in schedule.timed[0].items] == [
        len("word " * 2_000_000) - 1
    ]


def test_a_header_with_too_long_a_label_is_named_and_takes_no_papers_from_it() -> None:
    long_header = "Poster: " + "Measurement " * 22 + "Tue 6 Jun 2023 01:30 p.m."
    text = "\n".join([
        "Poster: Federated Learning Tue 6 Jun 2023 09:00 a.m.", "Abstract", "Kept text.",
        long_header, "Abstract", "Text of the session left out.",
    ])  # fmt: skip
    schedule = _parse(text)

    assert [(s.title, [i.abstract for i in s.items]) for s in schedule.sessions] == [
        ("Poster: Federated Learning", ["Kept text."])
    ]
    assert [(d.line, d.code) for d in schedule.diagnostics if d.level == "warning"] == [
        (4, "unread-header")
    ]
