"""xCal (RFC 6321): the `.ics` feed's own components as XML, made from its jCal (the two
RFCs map iCalendar the same way: a property, its parameters, its value type and values)."""

from __future__ import annotations

from datetime import timedelta
from typing import Any
from xml.etree import ElementTree as ET

from ..catalogue.selection import Selection
from ..ics.feed import Served
from . import jcal
from .base import Format, xml_text
from .icalendar import ICALENDAR

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


def body(served: Served, selection: Selection, base_url: str, ttl: timedelta) -> bytes:
    calendar = ICALENDAR.render(served, selection, base_url, ttl)
    root = ET.Element("icalendar", xmlns=NAMESPACE)
    component_xml(root, jcal.from_feed(calendar))
    document: bytes = ET.tostring(root, encoding="utf-8", xml_declaration=True)
    return document


XCAL = Format(
    name="xcal",
    title="xCal",
    about="iCalendar as XML (RFC 6321)",
    media_type="application/calendar+xml",
    extension="xcs",
    calendar=True,
    shape="feed",
    body=body,
)
