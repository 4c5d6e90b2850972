"""Scoring a reading against the sessions a person reads in a corpus text.

Each text `NAME.txt` (or `.md`, `.html`) has `NAME.expected.json` beside it: the conference's
facts (`timezone`, maybe `year`, `date`, `kinds`) and the sessions, each with its `kind`,
`track`, `date`, `start`, `end` (None when the page gives none) and `room`.

A read session matches an expected one on its date and start and on its label, in three
passes, each one to one: the same kind and track; the same words split differently between
kind and track ('Oral' + '2A Vision' for 'Oral 2A' + 'Vision'); the label standing whole in
the session's title, which keeps the page's words ('Invited Talk: Jane Roe' for kind
'Invited Talk' and track 'Jane Roe'). Labels compare after Unicode NFKC, case folding, with
runs of spaces and colons as one space and without a final full stop. For each match the end (as written, not
inferred) and the room are checked too.
"""

from __future__ import annotations

import csv
import json
import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from calsvc.model import Conference, Schedule, Session

SUFFIXES = (".txt", ".md", ".html")


def texts(folder: Path) -> list[Path]:
    """The corpus texts of a folder (not its README.md and SOURCES.md)."""
    return sorted(p for p in folder.iterdir() if p.suffix in SUFFIXES and not p.stem.isupper())


# Emoji and pictographs: a page's markers ('🟢 Opening', '☕ Accueil'), kept or not alike.
_PICTOGRAPHS = re.compile("[\U0001f000-\U0001faff\u2600-\u27bf\u2b00-\u2bff\ufe0f]")


def _norm(text: str | None) -> str:
    folded = _PICTOGRAPHS.sub(" ", unicodedata.normalize("NFKC", text or "").casefold())
    return re.sub(r"[\s:]+", " ", folded).strip().removesuffix(".").strip()


def label(kind: str | None, track: str | None) -> str:
    return _norm(f"{kind or ''} {track or ''}")


@dataclass(frozen=True)
class Expected:
    kind: str
    track: str | None
    date: str
    start: str
    end: str | None  # 'HH:MM', or 'YYYY-MM-DD HH:MM' on a later day; None: not written
    room: str | None

    def describe(self) -> str:
        return f"{self.date} {self.start} {self.kind!r} / {self.track!r}"


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


def written_end(session: Session) -> str | None:
    assert session.start is not None and session.end is not None
    if session.end_inferred:
        return None
    if session.end.date() != session.start.date():
        return f"{session.end:%Y-%m-%d %H:%M}"
    return f"{session.end:%H:%M}"


def _describe(session: Session) -> str:
    assert session.start is not None
    return f"{session.start:%Y-%m-%d %H:%M} {session.kind!r} / {session.track!r} {session.title!r}"


@dataclass
class Score:
    expected: int = 0
    read: int = 0
    found: int = 0
    ends: int = 0
    rooms: int = 0
    misses: list[str] = field(default_factory=list)

    def add(self, other: Score) -> None:
        for name in ("expected", "read", "found", "ends", "rooms"):
            setattr(self, name, getattr(self, name) + getattr(other, name))

    @property
    def precision(self) -> float:
        return self.found / self.read if self.read else float(self.expected == 0)

    @property
    def recall(self) -> float:
        return self.found / self.expected if self.expected else 1.0

    @property
    def f1(self) -> float:
        both = self.precision + self.recall
        return 2 * self.precision * self.recall / both if both else 0.0

    def summary(self, texts: int) -> str:
        """The corpus line the test and bench/corpus.py print."""
        ends, rooms = self.ends / max(self.found, 1), self.rooms / max(self.found, 1)
        return (
            f"corpus: {texts} texts, {self.expected} sessions expected, {self.read} read; "
            f"precision {self.precision:.3f}, recall {self.recall:.3f}, F1 {self.f1:.3f}; "
            f"end accuracy {ends:.3f}, room accuracy {rooms:.3f}"
        )


def read_table(path: Path) -> list[dict[str, str]]:
    """The rows of a tab-separated table with a header line (none when there is no file)."""
    if not path.exists():
        return []
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t"))


def write_table(path: Path, fields: Sequence[str], rows: Iterable[dict[str, str]]) -> None:
    """Writes the table whole: a temporary file beside it, renamed over it."""
    partial = path.with_suffix(".tsv.partial")
    with partial.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fields, delimiter="\t", lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    partial.replace(path)


_Pass = Callable[[Expected, Session], bool]
_PASSES: tuple[_Pass, ...] = (
    lambda want, got: (_norm(want.kind), _norm(want.track)) == (_norm(got.kind), _norm(got.track)),
    lambda want, got: label(want.kind, want.track) == label(got.kind, got.track),
    lambda want, got: (
        label(want.kind, want.track) in (label(got.title, None), label(got.kind, got.title))
    ),
)


def _when(session: Session) -> tuple[str, str]:
    assert session.start is not None
    return f"{session.start:%Y-%m-%d}", f"{session.start:%H:%M}"


def match(expected: Iterable[Expected], read: Iterable[Session]) -> Score:
    """Matches expected sessions with read ones, one to one, pass by pass."""
    wanted, left = list(expected), list(read)
    score = Score(expected=len(wanted), read=len(left))
    pairs: dict[int, Session] = {}
    for same in _PASSES:
        for index, want in enumerate(wanted):
            if index in pairs:
                continue
            for got in left:
                if _when(got) == (want.date, want.start) and same(want, got):
                    pairs[index] = got
                    left.remove(got)
                    break
    for index, want in enumerate(wanted):
        got = pairs.get(index)
        if got is None:
            score.misses.append(f"missed {want.describe()}")
            continue
        score.found += 1
        if written_end(got) == want.end:
            score.ends += 1
        else:
            score.misses.append(f"end of {want.describe()}: {written_end(got)} != {want.end}")
        if got.location == want.room:
            score.rooms += 1
        else:
            score.misses.append(f"room of {want.describe()}: {got.location!r} != {want.room!r}")
    score.misses += [f"extra {_describe(s)} (line {s.line})" for s in left]
    return score


def score_text(text: Path, read: Callable[[bytes, Conference], Schedule]) -> Score:
    """How well `read` reads one corpus text."""
    conference, expected = load_expected(text)
    schedule = read(text.read_bytes(), conference)
    return match(expected, schedule.timed)
