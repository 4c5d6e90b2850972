"""xCal (RFC 6321): the `.ics` feed's own components as XML, made from its jCal (the two
RFCs map iCalendar the same way: a property, its parameters, its value type and values)."""

from __future__ import annotations

from datetime import timedelta
from typing import Any
from xml.etree import ElementTree as ET

from ..catalogue.selection import Selection
from ..ics.feed import Served
from . import jcal
from .base import Format, Pieces, xml_text

NAMESPACE = "urn:ietf:params:xml:ns:icalendar-2.0"
PARAMETER_TYPES = {"altrep": "uri", "dir": "uri", "delegated-from": "cal-address",
                   "delegated-to": "cal-address", "member": "cal-address",
                   "sent-by": "cal-address"}  # fmt: skip


def _value(parent: ET.Element, kind: str, value: Any) -> None:
    element = ET.SubElement(parent, kind)
    if isinstance(value, dict):  # a recurrence rule: one element per part and value
        for part, found in value.items():
            for one in found if isinstance(found, list) else [found]:
                ET.SubElement(element, part).text = str(one)
    else:
        element.text = xml_text(str(value))


def _property(parent: ET.Element, prop: list[Any]) -> None:
    name, parameters, kind, *values = prop
    element = ET.SubElement(parent, name)
    if parameters:
        holder = ET.SubElement(element, "parameters")
        for key, value in parameters.items():
            _value(ET.SubElement(holder, key), PARAMETER_TYPES.get(key, "text"), value)
    for value in values:
        _value(element, kind, value)


def component_xml(parent: ET.Element, component: list[Any]) -> None:
    """A jCal component, with everything in it, as an xCal element under `parent`."""
    name, properties, components = component
    element = ET.SubElement(parent, name)
    if properties:
        holder = ET.SubElement(element, "properties")
        for prop in properties:
            _property(holder, prop)
    if components:
        holder = ET.SubElement(element, "components")
        for child in components:
            component_xml(holder, child)


def _xml(component: list[Any]) -> bytes:
    holder = ET.Element("holder")
    component_xml(holder, component)
    (element,) = holder
    return ET.tostring(element, encoding="unicode").encode("utf-8")


EVENTS = Pieces(lambda served, position, base_url: _xml(
    jcal.from_text(jcal.event_text(served, position, base_url))))  # fmt: skip


def body(served: Served, selection: Selection, base_url: str, ttl: timedelta) -> bytes:
    """The calendar head's xCal, then each event's, kept from the first document that held it."""
    name, properties, zones = jcal.head(served, selection, ttl)
    holder = ET.Element("holder")
    component_xml(holder, [name, properties, []])
    ((head,),) = holder  # the calendar's <properties>
    events = EVENTS.get(served, served.catalogue.positions(selection), base_url)
    return b"".join([
        b"<?xml version='1.0' encoding='utf-8'?>\n",
        f'<icalendar xmlns="{NAMESPACE}"><{name}>'.encode(),
        ET.tostring(head, encoding="unicode").encode("utf-8"),
        b"<components>", *map(_xml, zones), *events, b"</components>",
        f"</{name}></icalendar>".encode(),
    ])  # fmt: skip


XCAL = Format(
    "xcal", "xCal", "iCalendar as XML (RFC 6321)", "application/calendar+xml", "xcs",
    calendar=True, shape="feed", body=body,
)  # fmt: skip
