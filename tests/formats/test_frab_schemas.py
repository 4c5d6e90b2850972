"""frab `schedule.xml` and `schedule.json` valid against the schemas the c3voc project
publishes for the format (vendored in c3voc/, with their source and licence), for every seed
conference, filtered ones and a 10,000-session programme; pretalx's own example passes the
same checks and a broken document fails them."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from flask.testing import FlaskClient
from lxml import etree

from calsvc.catalogue.catalogue import Catalogue
from calsvc.catalogue.selection import Selection
from calsvc.formats.frab_json import FRAB_JSON
from calsvc.formats.frab_xml import FRAB_XML
from calsvc.ics.feed import render_all
from calsvc.model import Conference, Entry, Item, Revision, Session

C3VOC = Path(__file__).resolve().parent / "c3voc"
XSD = etree.XMLSchema(etree.parse(str(C3VOC / "schedule.xml.xsd")))
SCHEMA = json.loads((C3VOC / "schema.json").read_text("utf-8"))
VALIDATOR = jsonschema.Draft6Validator(
    SCHEMA, format_checker=jsonschema.Draft6Validator.FORMAT_CHECKER
)
SEEDED = ["mlsys-2021", "mlsys-2022", "mlsys-2023"]


def xml_problems(body: bytes) -> list[str]:
    """What the c3voc XSD finds wrong in a schedule.xml (libxml2, as xmllint checks it)."""
    XSD.validate(etree.fromstring(body))
    return [f"{error.line}: {error.message}" for error in XSD.error_log]  # type: ignore[attr-defined]


def json_problems(document: Any) -> list[str]:
    """What the c3voc JSON schema finds wrong in a schedule.json."""
    errors = VALIDATOR.iter_errors(document)
    return sorted(f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in errors)


@pytest.mark.parametrize("slug", SEEDED)
@pytest.mark.parametrize("query", ["", "?kind=poster", "?day=2021-04-06&q=learning"])
def test_seed_schedules_are_valid(reader: FlaskClient, slug: str, query: str) -> None:
    xml = reader.get(f"/{slug}/schedule.xml{query}")
    answer = reader.get(f"/{slug}/schedule.json{query}")

    assert (xml.status_code, xml.content_type) == (200, "application/xml")
    assert (answer.status_code, answer.content_type) == (200, "application/json")
    assert (xml_problems(xml.data), json_problems(answer.json)) == ([], [])


def test_pretalx_example_passes_the_same_checks() -> None:
    example = json.loads((C3VOC / "pretalx-democon.json").read_text("utf-8"))

    assert json_problems(example) == []


def test_broken_documents_fail_the_checks(reader: FlaskClient) -> None:
    """The checks can fail: a schedule.xml with an event missing its guid, the c3voc project's
    invalid example, a schedule.json whose event lost its room."""
    xml = reader.get("/mlsys-2023/schedule.xml").data
    first = xml.index(b' guid="', xml.index(b"<event "))
    broken = xml[:first] + xml[first + len(' guid="00000000-0000-0000-0000-000000000000"') :]
    document = reader.get("/mlsys-2023/schedule.json").json
    assert document is not None
    del document["schedule"]["conference"]["days"][0]["rooms"]["Miami, Florida"][0]["room"]
    invalid = json.loads((C3VOC / "invalid-example.json").read_text("utf-8"))

    assert xml_problems(broken) == [
        "2: Element 'event': The attribute 'guid' is required but missing."
    ]
    assert json_problems(document) == [
        "schedule/conference/days/0/rooms/Miami, Florida/0: 'room' is a required property"
    ]
    assert len(json_problems(invalid)) == 5


def programme(sessions: int) -> Catalogue:
    """A conference of this many sessions over five days in twenty rooms, some without room
    or time, with papers and authors."""
    conference = Conference(slug="big", name="Big Conference 2025", timezone="Europe/Berlin",
                            source="big.txt", year=2025, venue="Messe Berlin")  # fmt: skip
    made = datetime(2025, 1, 1, tzinfo=UTC)
    zone = conference.timezone
    entries = []
    for n in range(sessions):
        day = date(2025, 9, 1) + timedelta(days=n % 5)
        timed = n % 50 != 0
        start = datetime(day.year, day.month, day.day, 8 + n % 12, 5 * (n % 12), tzinfo=UTC)
        item = Item(title=f"Paper {n}", authors=f"Ann Lee (MIT), Bo Chen and Author {n % 97}",
                    abstract=f"We study case {n}.\x0b")  # fmt: skip
        session = Session(
            uid=f"big-{n}", source="big.txt", line=n + 1, conference="big",
            kind=("Talk", "Poster", "Workshop")[n % 3], track=f"Track {n % 30}" if n % 7 else None,
            title=f"Session {n}: <systems> & “learning”", day=day,
            start=start if timed else None, end=start + timedelta(minutes=45) if timed else None,
            end_inferred=False, timezone=zone, location=f"Hall {n % 20}" if n % 11 else None,
            items=(item,),
        )  # fmt: skip
        entries.append(Entry(session, conference, Revision(n % 4, made, made, n % 97 == 1)))
    return Catalogue.build([conference], entries, keep_cancelled=timedelta(days=3650))


@pytest.mark.slow  # about 15 s, most of it in jsonschema
def test_a_ten_thousand_session_schedule_is_valid() -> None:
    served = render_all(programme(10_000))
    chosen = Selection(conferences=("big",))
    ttl = timedelta(hours=1)
    xml = FRAB_XML.render(served, chosen, "https://example.org", ttl).body
    answer = json.loads(FRAB_JSON.render(served, chosen, "https://example.org", ttl).body)
    events = [
        e for d in answer["schedule"]["conference"]["days"] for r in d["rooms"].values() for e in r
    ]

    assert (xml_problems(xml), json_problems(answer)) == ([], [])
    assert (len(events), xml.count(b"<event "), len({e["id"] for e in events})) == (
        9896,
        9896,
        9896,
    )
