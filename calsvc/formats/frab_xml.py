"""frab `schedule.xml`, as the c3voc XSD describes it (what Giggity, EventFahrplan, ConfClerk
and info-beamer read)."""

from __future__ import annotations

from datetime import timedelta
from xml.etree import ElementTree as ET

from .. import __version__
from ..catalogue.selection import Selection
from ..ics.feed import Served
from .base import Format, xml_text
from .frab import TIMESLOT, Event, Schedule, schedule


def _text(parent: ET.Element, name: str, text: str | None) -> ET.Element:
    element = ET.SubElement(parent, name)
    element.text = xml_text(text or "")
    return element


def _event(parent: ET.Element, event: Event) -> None:
    element = ET.SubElement(parent, "event", id=str(event.id), guid=event.guid)
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


def schedule_xml(found: Schedule) -> bytes:
    root = ET.Element("schedule")
    ET.SubElement(root, "generator", name="calsvc", version=__version__)
    _text(root, "version", found.version)
    conference = ET.SubElement(root, "conference")
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
    guids = dict(found.rooms)
    for day in found.days:
        attributes = {"index": str(day.index), "date": day.date.isoformat()}
        element = ET.SubElement(root, "day", attributes, start=day.start, end=day.end)
        for room, events in day.rooms.items():
            holder = ET.SubElement(element, "room", name=xml_text(room), guid=guids[room])
            for event in events:
                _event(holder, event)
    body: bytes = ET.tostring(root, encoding="utf-8", xml_declaration=True)
    return body


def body(served: Served, selection: Selection, base_url: str, ttl: timedelta) -> bytes:
    return schedule_xml(schedule(served.catalogue, selection, base_url=base_url))


FRAB_XML = Format(
    name="frab-xml",
    title="frab XML",
    about="schedule.xml, for schedule apps",
    media_type="application/xml",
    extension="xml",
    calendar=False,
    shape="schedule",
    body=body,
)
