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
