"""iCalendar text read back as components and properties (RFC 5545 section 3.1), so that jCal
and xCal are made from the very bytes of the `.ics` feed: the same events, values and zones.

Only what calsvc writes needs reading here, but nothing in it assumes calsvc's own layout:
lines are unfolded, parameter values may be quoted, and text values are unescaped by the
value type's rules (`values.py` of jcal).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field


@dataclass
class Property:
    name: str  # upper case, as written: 'DTSTART'
    parameters: dict[str, str]  # upper-case names: {'TZID': 'Europe/Berlin'}
    value: str  # as written, still escaped


@dataclass
class Component:
    name: str  # upper case: 'VEVENT'
    properties: list[Property] = field(default_factory=list)
    components: list[Component] = field(default_factory=list)


def unfolded(text: str) -> list[str]:
    """The content lines of an iCalendar text, each on one line again."""
    lines: list[str] = []
    for line in text.replace("\r\n", "\n").split("\n"):
        if line[:1] in (" ", "\t") and lines:
            lines[-1] += line[1:]
        elif line:
            lines.append(line)
    return lines


# NAME, then ;PARAM=value pairs (a value may be quoted, and hold ; : or ,), then :VALUE.
_PARAMETER = r';[A-Za-z0-9-]+=(?:"[^"]*"|[^";:]*)'
_LINE = re.compile(rf"([A-Za-z0-9-]+)((?:{_PARAMETER})*):(.*)", re.DOTALL)
_PARAMETERS = re.compile(r';([A-Za-z0-9-]+)=("[^"]*"|[^";:]*)')


def _split(line: str) -> Property:
    """NAME;PARAM=value;PARAM="quoted:value":VALUE, split where no quote holds the mark."""
    found = _LINE.fullmatch(line)
    if found is None:
        raise ValueError(f"not a content line: {line[:60]!r}")
    name, parameters, value = found.groups()
    pairs = {key.upper(): text.strip('"') for key, text in _PARAMETERS.findall(parameters)}
    return Property(name.upper(), pairs, value)


def read(text: str) -> Component:
    """The outermost component (VCALENDAR) of an iCalendar text."""
    stack: list[Component] = []
    top: Component | None = None
    for line in unfolded(text):
        prop = _split(line)
        if prop.name == "BEGIN":
            component = Component(prop.value.upper())
            if stack:
                stack[-1].components.append(component)
            stack.append(component)
        elif prop.name == "END":
            top = stack.pop()
        else:
            stack[-1].properties.append(prop)
    if top is None or stack:
        raise ValueError("an iCalendar text without a whole VCALENDAR")
    return top
