"""Every format read back gives the sessions of the `.ics`: the same UIDs, starts, ends, rooms
and status (frab schedules leave cancelled sessions out), on the seeds as served and on every
text of the reading corpus."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from flask.testing import FlaskClient

from calsvc.catalogue.catalogue import Catalogue
from calsvc.catalogue.selection import Selection
from calsvc.formats.registry import BY_NAME
from calsvc.ics.feed import Served, render_all
from calsvc.model import Conference, Entry, Revision
from calsvc.parse import parse_programme

from ..conftest import REFERENCE
from ..parsers import icaljs_events
from ..scoring import load_expected, texts
from . import readers

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
SEEDED = {"mlsys-2021": 6, "mlsys-2022": 8, "mlsys-2023": 6}  # sessions
BASE_URL = "http://localhost"
MADE = datetime(2026, 11, 1, 9, tzinfo=UTC)
READ_BACK = {
    "xcal": readers.from_xcal,
    "csv": readers.from_csv,
    "frab-xml": readers.from_frab_xml,
    "frab-json": readers.from_frab_json,
}


def _in_frab(sessions: readers.Sessions, conference: str) -> readers.Sessions:
    """What a frab schedule holds of the `.ics` sessions: the confirmed ones, each in a room
    (the conference's own name when neither the session nor the venue gives one)."""
    return {
        uid: (start, end, room or conference, status)
        for uid, (start, end, room, status) in readers.confirmed(sessions).items()
    }


def _expected(name: str, ics: readers.Sessions, conference: str) -> readers.Sessions:
    return _in_frab(ics, conference) if name.startswith("frab") else ics


def _read_back(documents: dict[str, bytes], tmp_path: Path) -> dict[str, readers.Sessions]:
    found = {name: read(documents[name]) for name, read in READ_BACK.items()}
    jcal = tmp_path / "calendar.jcal"
    jcal.write_bytes(documents["jcal"])
    found["jcal"] = readers.from_icaljs(icaljs_events([jcal])[str(jcal)])
    return found


@pytest.mark.parametrize(("slug", "sessions"), SEEDED.items())
def test_every_format_of_a_seed_reads_back_as_its_feed(
    reader: FlaskClient, slug: str, sessions: int, tmp_path: Path
) -> None:
    paths = {"jcal": f"/{slug}/calendar.jcal", "xcal": f"/{slug}/calendar.xcs",
             "csv": f"/{slug}/calendar.csv", "frab-xml": f"/{slug}/schedule.xml",
             "frab-json": f"/{slug}/schedule.json"}  # fmt: skip
    ics = readers.from_ics(reader.get(f"/{slug}/calendar.ics").data)
    name = reader.get("/api/conferences").json["conferences"]  # type: ignore[index]
    title = {c["slug"]: c["name"] for c in name}[slug]
    found = _read_back({n: reader.get(p).data for n, p in paths.items()}, tmp_path)

    assert {n: found[n] for n in paths} == {n: _expected(n, ics, title) for n in paths}
    assert len(ics) == sessions


def _served(conference: Conference, text: Path) -> Served:
    schedule = parse_programme(text.read_bytes(), conference, reference=REFERENCE)
    revision = Revision(0, MADE, MADE)
    entries = [Entry(s, conference, revision) for s in schedule.sessions if s.day]
    return render_all(Catalogue.build([conference], entries, keep_cancelled=timedelta(days=7)))


TEXTS = texts(CORPUS)


def test_every_format_of_every_corpus_text_reads_back_as_its_feed(tmp_path: Path) -> None:
    differing, documents = [], {}
    for text in TEXTS:
        conference, _ = load_expected(text)
        served = _served(conference, text)
        chosen = Selection(conferences=(conference.slug,))
        documents[text.name] = {
            name: fmt.render(served, chosen, BASE_URL, timedelta(hours=1)).body
            for name, fmt in BY_NAME.items()
        }
    for name, rendered in documents.items():
        ics = readers.from_ics(rendered["ics"])
        found = _read_back(rendered, tmp_path)
        for fmt, sessions in found.items():
            if sessions != _expected(fmt, ics, Path(name).stem):
                differing.append(f"{name} {fmt}")

    assert differing == []
