"""Selections: which sessions a feed holds. OR within a parameter, AND across parameters."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date

from ..errors import SelectionError
from ..kinds import slugify
from .shortids import ID, split_ids

FILTERS = ("conference", "track", "kind", "day", "q", "s")
MAX_VALUES = 50  # per parameter: more than anyone picks by hand, few enough to bound the work
MAX_WORDS_LENGTH = 200
# Each word is one pass over every session's text: the words of all q= together are bounded.
MAX_QUERY_WORDS = 10
# Sessions a personal link may pick: 500 ids are about 4,000 characters of URL.
MAX_PICKS = 500
# What str.split() splits words on (every character whose isspace() is true), written out so
# the OpenAPI description can give the same class: regex engines disagree on what \s holds.
SPACES = (
    "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005"
    "\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
)


@dataclass(frozen=True, slots=True)
class Selection:
    """Normalized filter values: slugs, dates and lower-case word groups, sorted and unique."""

    conferences: tuple[str, ...] = ()
    tracks: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()
    days: tuple[date, ...] = ()
    queries: tuple[tuple[str, ...], ...] = ()
    sessions: tuple[str, ...] = ()  # short ids of picked sessions (shortids.py)

    def narrowed(
        self, *, conference: str | None = None, track: str | None = None, kind: str | None = None
    ) -> Selection:
        """This selection with a conference, track or kind fixed by the URL path."""
        return replace(
            self,
            conferences=(conference,) if conference else self.conferences,
            tracks=(track,) if track else self.tracks,
            kinds=(kind,) if kind else self.kinds,
        )

    def query_pairs(self) -> list[tuple[str, str]]:
        """The selection as query parameters, in a fixed order (for links and cache keys)."""
        pairs = [("conference", c) for c in self.conferences]
        pairs += [("track", t) for t in self.tracks]
        pairs += [("kind", k) for k in self.kinds]
        pairs += [("day", d.isoformat()) for d in self.days]
        pairs += [("q", " ".join(words)) for words in self.queries]
        pairs += [("s", ".".join(self.sessions))] if self.sessions else []
        return pairs

    @property
    def empty(self) -> bool:
        return not (
            self.conferences or self.tracks or self.kinds or self.days or self.queries
            or self.sessions
        )  # fmt: skip


def _day(value: str) -> date:
    try:
        if len(value) != 10:
            raise ValueError
        return date.fromisoformat(value)
    except ValueError:
        raise SelectionError("day", value, "dates written YYYY-MM-DD, e.g. 2023-06-06") from None


def _slugs(values: Iterable[str]) -> tuple[str, ...]:
    return tuple(sorted({slugify(v) for v in values} - {""}))


def _picks(values: Iterable[str]) -> tuple[str, ...]:
    ids = {short for value in values for short in split_ids(value)}
    if len(ids) > MAX_PICKS:
        raise SelectionError("s", f"{len(ids)} ids", f"at most {MAX_PICKS} sessions")
    for short in sorted(ids):
        if not ID.fullmatch(short):
            raise SelectionError("s", short, "session ids: 7 or 8 of the letters a-z and 2-7")
    return tuple(sorted(ids))


def selection_from_query(
    pairs: Iterable[tuple[str, str]], *, also_allowed: Iterable[str] = ()
) -> Selection:
    """Reads query parameters; raises SelectionError naming a bad parameter and what is allowed."""
    allowed = (*FILTERS, *also_allowed)
    values: dict[str, list[str]] = {name: [] for name in FILTERS}
    for name, value in pairs:
        if name not in allowed:
            raise SelectionError(name, value, f"parameters {', '.join(allowed)}")
        if name not in values:
            continue
        if len(values[name]) >= MAX_VALUES:
            raise SelectionError(name, value, f"at most {MAX_VALUES} values of {name}")
        values[name].append(value)
    queries = []
    for text in values["q"]:
        if len(text) > MAX_WORDS_LENGTH:
            raise SelectionError("q", text[:40] + "…", f"words up to {MAX_WORDS_LENGTH} characters")
        words = tuple(sorted(set(text.casefold().split())))
        if words:
            queries.append(words)
        if sum(len(query) for query in queries) > MAX_QUERY_WORDS:
            raise SelectionError("q", text[:40], f"at most {MAX_QUERY_WORDS} words in all")
    return Selection(
        sessions=_picks(values["s"]),
        conferences=_slugs(values["conference"]),
        tracks=_slugs(values["track"]),
        kinds=_slugs(values["kind"]),
        days=tuple(sorted({_day(v) for v in values["day"]})),
        queries=tuple(sorted(set(queries))),
    )
