"""The reading corpus: programme texts in the shapes real pages use, each with its expected
sessions in `NAME.expected.json` beside it. The scorer compares what calsvc reads with them.

A session is found when its (kind, track, date, start) matches an expected one; precision,
recall and F1 count those over the whole corpus. For each found session the end (written or
inferred) and the room are checked too. The figures are printed, and the test fails below
F1 0.98 or end/room accuracy 0.95. Each file is also a test of its own, listing its misses.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from calsvc.model import Conference, Session
from calsvc.parse import parse_programme

from .conftest import REFERENCE

CORPUS = Path(__file__).parent / "corpus"
TEXTS = sorted(p for p in CORPUS.iterdir() if p.suffix in (".txt", ".md", ".html"))

Key = tuple[str, str | None, str, str]


@dataclass(frozen=True)
class Expected:
    kind: str
    track: str | None
    date: str
    start: str
    end: str | None  # 'HH:MM', or 'YYYY-MM-DD HH:MM' on a later day; None: not written
    room: str | None

    @property
    def key(self) -> Key:
        return (self.kind, self.track, self.date, self.start)


def load_expected(text: Path) -> tuple[Conference, list[Expected]]:
    data: dict[str, Any] = json.loads(text.with_suffix(".expected.json").read_text("utf-8"))
    facts = data["conference"]
    conference = Conference(
        slug=text.stem,
        name=text.stem,
        timezone=facts["timezone"],
        source=text.name,
        year=facts.get("year"),
        kinds=facts.get("kinds", {}),
    )
    return conference, [Expected(**session) for session in data["sessions"]]


def _key(session: Session) -> Key:
    assert session.start is not None
    return (session.kind, session.track, f"{session.start:%Y-%m-%d}", f"{session.start:%H:%M}")


def _end(session: Session) -> str | None:
    assert session.start is not None and session.end is not None
    if session.end_inferred:
        return None
    if session.end.date() != session.start.date():
        return f"{session.end:%Y-%m-%d %H:%M}"
    return f"{session.end:%H:%M}"


@dataclass
class Score:
    expected: int = 0
    read: int = 0
    found: int = 0
    ends: int = 0
    rooms: int = 0

    def add(self, other: Score) -> None:
        for name in ("expected", "read", "found", "ends", "rooms"):
            setattr(self, name, getattr(self, name) + getattr(other, name))


def _score(text: Path) -> tuple[Score, list[str]]:
    conference, expected = load_expected(text)
    schedule = parse_programme(text.read_bytes(), conference, reference=REFERENCE)
    read = list(schedule.timed)
    by_key: dict[Key, list[Session]] = {}
    for session in read:
        by_key.setdefault(_key(session), []).append(session)
    score = Score(expected=len(expected), read=len(read))
    misses: list[str] = []
    for want in expected:
        candidates = by_key.get(want.key)
        if not candidates:
            misses.append(f"missed {want.key}")
            continue
        got = candidates.pop(0)
        score.found += 1
        if _end(got) == want.end:
            score.ends += 1
        else:
            misses.append(f"end of {want.key}: {_end(got)} != {want.end}")
        if got.location == want.room:
            score.rooms += 1
        else:
            misses.append(f"room of {want.key}: {got.location!r} != {want.room!r}")
    misses += [f"extra {_key(s)} (line {s.line})" for left in by_key.values() for s in left]
    return score, misses


def test_corpus_has_the_shapes_the_issue_names() -> None:
    layouts = Counter(p.name.split("-", 1)[0] for p in TEXTS)

    assert len(TEXTS) >= 20, f"{len(TEXTS)} texts; the corpus needs at least 20"
    assert layouts["agenda"] >= 6, f"{layouts['agenda']} agenda texts; it needs at least 6"


@pytest.mark.parametrize("text", TEXTS, ids=[p.stem for p in TEXTS])
def test_corpus_file(text: Path) -> None:
    _, misses = _score(text)

    assert misses == []


def test_corpus_precision_recall_and_accuracy() -> None:
    total = Score()
    for text in TEXTS:
        score, _ = _score(text)
        total.add(score)
    precision = total.found / total.read if total.read else 0.0
    recall = total.found / total.expected
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    ends, rooms = total.ends / max(total.found, 1), total.rooms / max(total.found, 1)
    print(
        f"\ncorpus: {len(TEXTS)} texts, {total.expected} sessions expected, {total.read} read; "
        f"precision {precision:.3f}, recall {recall:.3f}, F1 {f1:.3f}; "
        f"end accuracy {ends:.3f}, room accuracy {rooms:.3f}"
    )

    assert f1 >= 0.98, f"F1 {f1:.3f} is below 0.98"
    assert ends >= 0.95, f"end accuracy {ends:.3f} is below 0.95"
    assert rooms >= 0.95, f"room accuracy {rooms:.3f} is below 0.95"
