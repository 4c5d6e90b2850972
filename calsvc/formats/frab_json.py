"""frab `schedule.json`, as the c3voc JSON schema describes it (what pretalx publishes)."""

from __future__ import annotations

import json
from dataclasses import asdict
from datetime import timedelta
from typing import Any

from .. import __version__
from ..catalogue.selection import Selection
from ..ics.feed import Served
from .base import Format
from .frab import TIMESLOT, Event, Schedule, schedule

SCHEMA = "https://c3voc.de/schedule/schema.json"


def _event(event: Event) -> dict[str, Any]:
    """An event with every field the schema requires: those calsvc has none for empty."""
    persons = [{"name": n, "public_name": n, "guid": g} for n, g in event.persons]
    empty: dict[str, Any] = {"subtitle": "", "language": None, "links": [], "attachments": []}
    return {**asdict(event), **empty, "persons": persons}


def schedule_json(found: Schedule) -> dict[str, Any]:
    conference = found.conference
    described: dict[str, Any] = {
        "acronym": found.acronym,
        "title": conference.name,
        "start": found.start.isoformat(),
        "end": found.end.isoformat(),
        "daysCount": len(found.days),
        "timeslot_duration": TIMESLOT,
        "time_zone_name": conference.timezone,
        **({"url": found.url} if found.url else {}),
        "tracks": [{"name": track} for track in found.tracks],
        "rooms": [{"name": name, "guid": guid} for name, guid in found.rooms],
        "days": [
            {
                "index": day.index,
                "date": day.date.isoformat(),
                "day_start": day.start,
                "day_end": day.end,
                "rooms": {
                    room: [_event(e) for _, e in events] for room, events in day.rooms.items()
                },
            }
            for day in found.days
        ],
    }
    return {
        "$schema": SCHEMA,
        "generator": {"name": "calsvc", "version": __version__},
        "schedule": {
            "version": found.version,
            "base_url": found.base_url,
            "conference": described,
        },
    }


def body(served: Served, selection: Selection, base_url: str, ttl: timedelta) -> bytes:
    found = schedule(served, selection, base_url=base_url)
    return json.dumps(schedule_json(found), ensure_ascii=False, indent=1).encode("utf-8")


FRAB_JSON = Format(
    "frab-json", "frab JSON", "schedule.json, for schedule apps", "application/json", "json",
    calendar=False, shape="schedule", body=body,
)  # fmt: skip
