"""frab `schedule.xml`, as the c3voc XSD describes it (what Giggity, EventFahrplan, ConfClerk
and info-beamer read)."""

from __future__ import annotations

from datetime import timedelta
from xml.etree import ElementTree as ET
from xml.sax.saxutils import quoteattr

from .. import __version__
from ..catalogue.selection import Selection
from ..ics.feed import Served
from . import frab
from .base import Format, Pieces, xml_text
from .frab import TIMESLOT, Event, Schedule, schedule


def _text(parent: ET.Element, name: str, text: str | None) -> ET.Element:
    element = ET.SubElement(parent, name)
    element.text = xml_text(text or "")
    return element


def _event(event: Event) -> str:
    element = ET.Element("event", id=str(event.id), guid=event.guid)
    for name, text in (
        ("date", event.date), ("start", event.start), ("duration", event.duration),
        ("room", event.room), ("slug", event.slug), ("url", event.url),
        ("title", event.title), ("subtitle", ""), ("track", event.track),
        ("type", event.type), ("abstract", event.abstract),
        ("description", event.description),
    ):  # fmt: skip
        _text(element, name, text)
    people = ET.SubElement(element, "persons")
    for name, guid in event.persons:
        ET.SubElement(people, "person", guid=guid).text = xml_text(name)
    ET.SubElement(element, "links")
    return ET.tostring(element, encoding="unicode")


# Each session's <event>, made once per catalogue version and host from its frab event.
EVENTS = Pieces(lambda served, position, base_url: _event(
    frab.EVENTS.get(served, [position], base_url)[0]))  # fmt: skip


def _head(found: Schedule) -> list[ET.Element]:
    """The generator, the version and the conference, before the days."""
    generator = ET.Element("generator", name="calsvc", version=__version__)
    version = ET.Element("version")
    version.text = found.version
    conference = ET.Element("conference")
    for name, text in (
        ("title", found.conference.name), ("acronym", found.acronym),
        ("start", found.start.isoformat()), ("end", found.end.isoformat()),
        ("days", str(len(found.days))), ("timeslot_duration", TIMESLOT),
        ("base_url", found.base_url), ("url", found.url),
        ("time_zone_name", found.conference.timezone),
    ):  # fmt: skip
        if text:
            _text(conference, name, text)
    for track in found.tracks:
        ET.SubElement(conference, "track", name=xml_text(track))
    return [generator, version, conference]


def schedule_xml(served: Served, found: Schedule, base_url: str) -> bytes:
    """The document: its head, then each day's rooms holding the events' kept XML."""
    parts = ["<?xml version='1.0' encoding='utf-8'?>\n<schedule>"]
    parts += [ET.tostring(element, encoding="unicode") for element in _head(found)]
    guids = dict(found.rooms)
    for day in found.days:
        parts.append(f'<day index="{day.index}" date="{day.date.isoformat()}" '
                     f'start="{day.start}" end="{day.end}">')  # fmt: skip
        for room, events in day.rooms.items():
            parts.append(f'<room name={quoteattr(xml_text(room))} guid="{guids[room]}">')
            parts += EVENTS.get(served, [position for position, _ in events], base_url)
            parts.append("</room>")
        parts.append("</day>")
    parts.append("</schedule>")
    return "".join(parts).encode("utf-8")


def body(served: Served, selection: Selection, base_url: str, ttl: timedelta) -> bytes:
    found = schedule(served, selection, base_url=base_url)
    return schedule_xml(served, found, base_url)


FRAB_XML = Format(
    "frab-xml", "frab XML", "schedule.xml, for schedule apps", "application/xml", "xml",
    calendar=False, shape="schedule", body=body,
)  # fmt: skip
