"""The OpenAPI 3.0 description of /api/*, built from the catalogue so that its enums are the
conferences, tracks and kinds actually served."""

from __future__ import annotations

from typing import Any, Literal, get_args, get_origin, get_type_hints

from .. import __version__
from ..catalogue.catalogue import Catalogue
from ..catalogue.selection import MAX_PICKS, MAX_QUERY_WORDS, MAX_VALUES, MAX_WORDS_LENGTH, SPACES
from ..codec import FORMATS, ItemJson, SessionJson
from ..formats.registry import FORMATS as REGISTERED

NULLABLE_STRING = {"type": "string", "nullable": True}
PICK = "[a-z2-7]{7,8}"  # a short id (shortids.py)
MOST_LISTED_PICKS = 2000  # past this, the description gives the ids' pattern, not each
LINKS = {
    "type": "object",
    "required": ["https", "webcal", "google", "outlook", "office365", "download"],
    "properties": {
        name: {"type": "string"}
        for name in ("https", "webcal", "google", "outlook", "office365", "download")
    },
}
# The selection in each output format that serves it (frab schedules: one conference only).
DOCUMENTS = {
    "type": "object",
    "required": [f.name for f in REGISTERED if f.shape == "feed"],
    "properties": {f.name: {"type": "string", "description": f"{f.title}: {f.about}"}
                   for f in REGISTERED},
    "additionalProperties": False,
}  # fmt: skip
GROUP = {
    "type": "object",
    "required": ["slug", "name", "conference", "kind", "kinds", "sessions", "feeds", "formats"],
    "properties": {
        "slug": {"type": "string"},
        "name": {"type": "string"},
        "conference": {"type": "string"},
        "kind": NULLABLE_STRING,
        "kinds": {"type": "array", "items": {"type": "string"}},
        "sessions": {"type": "integer", "minimum": 0},
        "feeds": {"$ref": "#/components/schemas/Links"},
        "formats": {"$ref": "#/components/schemas/Formats"},
    },
}


class EventJson(SessionJson):
    """A session as the API gives it: its JSON, its short id (for personal links, `s=`), its
    revision and where to get it."""

    short_id: str
    status: Literal["confirmed", "cancelled"]
    sequence: int
    last_modified: str
    url: str
    ics: str


_FORMATS = {**FORMATS, "last_modified": "date-time"}
_REFERENCES = {ItemJson: "#/components/schemas/Item"}


def _schema_of(kind: Any) -> dict[str, Any]:
    """The JSON schema of a TypedDict value's type: str, int, bool, Literal, X | None, list."""
    if kind in _REFERENCES:
        return {"$ref": _REFERENCES[kind]}
    arguments = get_args(kind)
    if get_origin(kind) is Literal:
        return {"type": "string", "enum": list(arguments)}
    if get_origin(kind) is list:
        return {"type": "array", "items": _schema_of(arguments[0])}
    if type(None) in arguments:
        [present] = [a for a in arguments if a is not type(None)]
        return {**_schema_of(present), "nullable": True}
    return {"type": {str: "string", int: "integer", bool: "boolean"}[kind]}


def object_schema(shape: type) -> dict[str, Any]:
    """An object schema with every key of a TypedDict required, in its order."""
    hints = get_type_hints(shape)
    properties = {
        key: {**_schema_of(kind), **({"format": _FORMATS[key]} if key in _FORMATS else {})}
        for key, kind in hints.items()
    }
    return {"type": "object", "required": list(hints), "properties": properties}


ITEM = object_schema(ItemJson)
EVENT = object_schema(EventJson)
CONFERENCE = {
    "type": "object",
    "required": ["slug", "name", "timezone", "sessions", "days", "feeds", "formats"],
    "properties": {
        "slug": {"type": "string"},
        "name": {"type": "string"},
        "year": {"type": "integer", "nullable": True},
        "timezone": {"type": "string"},
        "venue": NULLABLE_STRING,
        "homepage": NULLABLE_STRING,
        "sessions": {"type": "integer"},
        "days": {"type": "array", "items": {"type": "string", "format": "date"}},
        "feeds": {"$ref": "#/components/schemas/Links"},
        "formats": {"$ref": "#/components/schemas/Formats"},
    },
}
EVENTS = {
    "type": "object",
    "required": ["name", "feeds", "formats", "events"],
    "properties": {
        "name": {"type": "string"},
        "feeds": {"$ref": "#/components/schemas/Links"},
        "formats": {"$ref": "#/components/schemas/Formats"},
        "events": {"type": "array", "items": {"$ref": "#/components/schemas/Event"}},
    },
}
ERROR = {
    "type": "object",
    "required": ["error"],
    "properties": {
        "error": {
            "type": "object",
            "required": ["status", "message"],
            "properties": {
                "status": {"type": "integer"},
                "message": {"type": "string"},
                "parameter": {"type": "string"},
                "what": {"type": "string"},
                "allowed": {"type": "string"},
            },
        }
    },
}


def _array(items: dict[str, Any], description: str) -> dict[str, Any]:
    return {"type": "array", "items": items, "maxItems": MAX_VALUES, "description": description}


def _words_pattern(most: int) -> str:
    """A regular expression for text of at most `most` words, as str.split() finds them."""
    space = "[" + "".join(f"\\u{ord(c):04x}" for c in SPACES) + "]"
    word = f"[^{space[1:-1]}]"
    return f"^{space}*({word}+{space}+){{0,{most - 1}}}{word}*{space}*$"


def _picks(ids: list[str]) -> dict[str, Any]:
    """The short ids as an enum while there are few enough to list, else their pattern."""
    if 0 < len(ids) <= MOST_LISTED_PICKS:
        return {"type": "string", "enum": sorted(ids)}
    return {"type": "string", "pattern": rf"^{PICK}(?:[.,]{PICK}){{0,{MAX_PICKS - 1}}}$"}


def _filters(catalogue: Catalogue) -> list[dict[str, Any]]:
    def slugs(values: set[str]) -> dict[str, Any]:
        return {"type": "string", "enum": sorted(values)} if values else {"type": "string"}

    described = {
        "conference": _array(slugs(set(catalogue.conferences)), "Conference slugs (OR)."),
        "track": _array(slugs({slug for _, slug in catalogue.tracks}), "Track slugs (OR)."),
        "kind": _array(slugs({slug for _, slug in catalogue.kinds}), "Kinds of session (OR)."),
        "day": _array(
            {"type": "string", "format": "date", "pattern": r"^\d{4}-\d{2}-\d{2}$"}, "Days (OR)."
        ),
        "q": {
            **_array(
                {
                    "type": "string",
                    "maxLength": MAX_WORDS_LENGTH,
                    "pattern": _words_pattern(MAX_QUERY_WORDS),
                },
                "Words that must all appear in the session's title, papers, authors or "
                f"abstracts. q may repeat (OR), with at most {MAX_QUERY_WORDS} words in all.",
            ),
            "maxItems": 1,
        },
        "s": _array(
            _picks(catalogue.short_ids),
            "Picked sessions by their short ids (OR); a personal link joins them with '.'.",
        ),
    }
    return [
        {
            "name": name,
            "in": "query",
            "required": False,
            "style": "form",
            "explode": True,
            "schema": schema,
        }
        for name, schema in described.items()
    ]


def _responses(body: str, *, errors: tuple[int, ...] = (400, 404)) -> dict[str, Any]:
    json = "application/json"
    responses: dict[str, Any] = {
        "200": {"description": "OK", "content": {json: {"schema": {"$ref": body}}}}
    }
    for status in errors:
        text = {
            400: "A parameter that cannot be used",
            404: "A conference, track or kind that is not served",
        }
        responses[str(status)] = {
            "description": text[status],
            "content": {json: {"schema": {"$ref": "#/components/schemas/Error"}}},
        }
    return responses


def _listing(key: str, item: str) -> dict[str, Any]:
    return {
        "type": "object",
        "required": [key],
        "properties": {key: {"type": "array", "items": {"$ref": item}}},
    }


def _paths(filters: list[dict[str, Any]]) -> dict[str, Any]:
    """The four GET endpoints: what each gives, and the filters the last three take."""
    return {
        "/api/conferences": {
            "get": {
                "summary": "The conferences served, with their feed links",
                "responses": _responses("#/components/schemas/Conferences", errors=(400,)),
            }
        },
        "/api/tracks": {
            "get": {
                "summary": "The tracks, with per-track feed links",
                "parameters": filters,
                "responses": _responses("#/components/schemas/Tracks"),
            }
        },
        "/api/kinds": {
            "get": {
                "summary": "The kinds of session, with per-kind feed links",
                "parameters": filters,
                "responses": _responses("#/components/schemas/Kinds"),
            }
        },
        "/api/events": {
            "get": {
                "summary": "The sessions a filter selects, in calsvc parse's JSON shape",
                "parameters": filters,
                "responses": _responses("#/components/schemas/Events"),
            }
        },
    }


def openapi(catalogue: Catalogue, *, server: str) -> dict[str, Any]:
    """The description of /api/* for this catalogue, served at /api/openapi.json."""
    filters = _filters(catalogue)
    return {
        "openapi": "3.0.3",
        "info": {
            "title": "calsvc",
            "version": __version__,
            "description": "Conference programmes as subscribable iCalendar feeds: what there is, "
            "and the sessions a filter selects.",
        },
        "servers": [{"url": server}],
        "paths": _paths(filters),
        "components": {
            "schemas": {
                "Links": LINKS,
                "Formats": DOCUMENTS,
                "Group": GROUP,
                "Item": ITEM,
                "Event": EVENT,
                "Error": ERROR,
                "Conferences": _listing("conferences", "#/components/schemas/Conference"),
                "Conference": CONFERENCE,
                "Tracks": _listing("tracks", "#/components/schemas/Group"),
                "Kinds": _listing("kinds", "#/components/schemas/Group"),
                "Events": EVENTS,
            }
        },
    }
