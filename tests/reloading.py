"""Rewriting a source many times while a server reads it: shared by a test and bench/load.py.

Version k of mlsys-2023.txt puts every poster session in "Room k" (`@ Room k` on its header),
so a response that mixed two versions would show two rooms; among the rewrites are an emptied
file, a binary one and a deleted one, which the service must ride out on its last good version.
"""

from __future__ import annotations

import os
import re
import time
from pathlib import Path

import icalendar

REWRITES = 50
BROKEN = {17: "empty", 29: "binary", 41: "deleted"}
POSTER = re.compile(r"^(Poster: .* Tue 6 Jun \d\d:\d\d [ap]\.m\.)$", re.MULTILINE)


def version(original: str, number: int) -> str:
    return POSTER.sub(rf"\1 @ Room {number}", original)


def rewrite(sources: Path, *, pause: float = 0.06) -> int:
    """Rewrites the source REWRITES times (atomically, as deploy tools do); the last is good."""
    path = sources / "mlsys-2023.txt"
    original = path.read_text(encoding="utf-8")
    for number in range(1, REWRITES + 1):
        broken = BROKEN.get(number)
        if broken == "deleted":
            path.unlink()
        else:
            data = (
                b""
                if broken == "empty"
                else bytes(range(256)) * 32
                if broken
                else version(original, number).encode()
            )
            staging = path.with_suffix(".tmp")
            staging.write_bytes(data)
            os.replace(staging, path)
        time.sleep(pause)
    return REWRITES


def rooms(body: bytes) -> set[str]:
    """The rooms of the confirmed poster sessions in a feed (a whole calendar, or it raises)."""
    if not (body.startswith(b"BEGIN:VCALENDAR\r\n") and body.endswith(b"END:VCALENDAR\r\n")):
        raise ValueError("not a whole calendar")
    calendar = icalendar.Calendar.from_ical(body)
    return {
        str(event.get("LOCATION"))
        for event in calendar.walk("VEVENT")
        if str(event["SUMMARY"]).startswith("Poster:") and str(event["STATUS"]) == "CONFIRMED"
    }
