"""A generator of realistic programme texts of any size, for the benchmarks."""

from __future__ import annotations

import random
from datetime import date, timedelta

KINDS = ["Poster", "Oral", "Tutorial", "Invited Talk", "Spotlight"]
WORDS = [
    "efficient", "distributed", "training", "inference", "graph", "neural", "network",
    "compiler", "memory", "sparse", "quantization", "scheduling", "federated", "learning",
    "accelerator", "cluster", "serving", "model", "systems",
]  # fmt: skip
NAMES = ["Ann Lee", "Bo Chen", "Carla Díaz", "Dev Patel", "Eve Adams", "Femi Okafor", "Gus Ito"]
SLOTS = ["08:30 a.m.", "10:00 a.m.", "11:30 a.m.", "01:30 p.m.", "03:00 p.m.", "04:30 p.m."]


def programme(sessions: int, *, papers: int = 4, seed: int = 7, tracks: int = 40) -> str:
    """Programme text with this many dated sessions, each with title/author/abstract papers."""
    rng = random.Random(seed)
    track_names = [" ".join(rng.sample(WORDS, 3)).title() for _ in range(tracks)]
    lines = ["Schedule Mon Tue Wed Thu Fri", ""]
    first = date(2023, 6, 5)
    for index in range(sessions):
        day = first + timedelta(days=index // len(SLOTS))
        kind = KINDS[index % len(KINDS)]
        track = f"{track_names[index % tracks]} {index // tracks + 1}"
        lines.append(f"{kind}: {track} {day:%a %-d %b %Y} {SLOTS[index % len(SLOTS)]}")
        lines.append("[ Exhibit Hall A ]")
        for _ in range(papers):
            lines.append(" ".join(rng.sample(WORDS, 6)).capitalize())
            lines.append(", ".join(rng.sample(NAMES, 3)))
            lines.append("")
            lines.append(" ".join(rng.choices(WORDS, k=120)).capitalize() + ".")
            lines.append("")
    return "\n".join(lines) + "\n"


ROWS = ["Keynote", "Paper session", "Invited talk", "Coffee break", "Panel", "Tutorial"]


def agenda(sessions: int, *, seed: int = 7, per_day: int = 8, words: int = 120) -> str:
    """Agenda-style text: day headings, then table rows (time | kind: title | room), each with
    its speaker and a description of `words` words (0: bare rows, as timetables print them)."""
    rng = random.Random(seed)
    lines = ["Programme", "All times are local.", ""]
    first = date(2024, 10, 14)
    for index in range(sessions):
        if index % per_day == 0:
            lines += ["", f"{first + timedelta(days=index // per_day):%A %-d %B %Y}", ""]
        slot = index % per_day
        start, end = 8 * 60 + slot * 75, 8 * 60 + slot * 75 + 60
        kind = ROWS[index % len(ROWS)]
        title = " ".join(rng.sample(WORDS, 4)).capitalize()
        lines.append(
            f"{start // 60:02}:{start % 60:02}–{end // 60:02}:{end % 60:02} | "
            f"{kind}: {title} | Room {index % 5 + 1}"
        )
        if words:
            lines.append(rng.choice(NAMES))
            lines.append(" ".join(rng.choices(WORDS, k=words)).capitalize() + ".")
    return "\n".join(lines) + "\n"


def date_lines(sessions: int) -> str:
    """The worst case for the reader: nothing but header lines with weekdays and no year."""
    first = date(2023, 6, 5)
    return "".join(
        f"Poster: Track {n} {first + timedelta(days=n // 500 % 300):%a %-d %b} 09:00 a.m.\n"
        for n in range(sessions)
    )


def date_only(sessions: int, *, distinct: bool = False) -> str:
    """Date lines with no session name (each an unread-header warning): a source replaced by
    junk. Real junk repeats itself; `distinct` makes every line new."""
    room = " (Room {n})" if distinct else ""
    return "".join(
        f"Tue {6 + n % 20} Jun {1 + n % 12}:{n % 60:02} a.m.{room.format(n=n)}\n"
        for n in range(sessions)
    )
