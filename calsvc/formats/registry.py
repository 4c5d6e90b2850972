"""Every output format calsvc serves, in the order pages and the API list them. A new format
is a module in this package and one line here."""

from __future__ import annotations

from .base import Format
from .frab_json import FRAB_JSON
from .frab_xml import FRAB_XML
from .icalendar import ICALENDAR
from .jcal import JCAL
from .table import CSV
from .xcal import XCAL

FORMATS: tuple[Format, ...] = (
    ICALENDAR,
    JCAL,
    XCAL,
    CSV,
    FRAB_XML,
    FRAB_JSON,
)
BY_NAME = {fmt.name: fmt for fmt in FORMATS}


def served_at(shape: str, extension: str) -> Format:
    """The format a URL of this shape and extension asks for."""
    (found,) = (f for f in FORMATS if f.shape == shape and f.extension == extension)
    return found


def extensions(shape: str) -> list[str]:
    """The extensions of the formats served at URLs of this shape."""
    return [f.extension for f in FORMATS if f.shape == shape]
