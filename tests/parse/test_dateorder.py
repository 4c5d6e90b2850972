"""Which way a page's dates in numbers are read ('03/01': 3 January or March 1), by each kind
of evidence in its turn, and the note that says which."""

from __future__ import annotations

import pytest

from calsvc.model import Conference
from calsvc.parse import parse_programme

from ..conftest import REFERENCE

ROWS = "\n09:00 - 10:00 Opening\n"

ORDERS = [
    pytest.param(
        "03/01 Saturday - 2nd section: Building" + ROWS + "03/02 Sunday - 3rd section: Demo" + ROWS,
        "Asia/Hong_Kong",
        2008,
        ["2008-03-01", "2008-03-02"],
        "dates such as '03/01 Saturday' read month first: their weekdays fit only that way",
        id="weekdays-fit-month-first-against-the-zone",
    ),
    pytest.param(
        "Tuesday 03/02" + ROWS,
        "America/New_York",
        2026,
        ["2026-02-03"],
        "dates such as 'Tuesday 03/02' read day first: their weekdays fit only that way",
        id="weekdays-fit-day-first-against-the-zone",
    ),
    pytest.param(
        "03/01" + ROWS + "03/02" + ROWS,
        "Asia/Hong_Kong",
        2008,
        ["2008-01-03", "2008-02-03"],
        "dates such as '03/01' read day first: Asia/Hong_Kong is in HK, where zh_Hant_HK is "
        "written",
        id="no-weekdays-the-zone-decides",
    ),
    pytest.param(
        "03/01" + ROWS + "25/01" + ROWS,
        "America/New_York",
        2026,
        ["2026-01-03", "2026-01-25"],
        "dates such as '03/01' read day first: other dates on the page can only be read that way",
        id="another-date-decides",
    ),
]


@pytest.mark.parametrize(("text", "zone", "year", "days", "note"), ORDERS)
def test_date_order(text: str, zone: str, year: int, days: list[str], note: str) -> None:
    conference = Conference(slug="c", name="C", timezone=zone, source="c.txt", year=year)

    schedule = parse_programme(text.encode(), conference, reference=REFERENCE)

    assert [s.day.isoformat() for s in schedule.timed if s.day] == days
    assert [d.message for d in schedule.diagnostics if d.code == "date-order"] == [note]
