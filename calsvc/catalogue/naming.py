"""A feed's name from what it holds: 'MLSys 2023 · Systems · Posters · Tue 6 Jun'."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from ..kinds import plural
from ..model import Conference
from .index import Group, Index
from .selection import Selection


def feed_name(selection: Selection, conferences: Mapping[str, Conference], index: Index) -> str:
    """The conferences (or 'All conferences'), then each filter's values, a few of each."""
    chosen = selection.conferences or (tuple(conferences) if len(conferences) == 1 else ())
    parts = [" + ".join(conferences[c].name for c in chosen) or "All conferences"]
    scope = chosen or tuple(conferences)
    parts += _listed(_group_names(index.tracks, selection.tracks, scope))
    parts += _listed(plural(n) for n in _group_names(index.kinds, selection.kinds, scope))
    parts += _listed(f"{d:%a %-d %b}" for d in selection.days)
    parts += _listed(f"“{' '.join(words)}”" for words in selection.queries)
    if picks := len(selection.sessions):
        parts.append(f"My schedule ({picks} session{'' if picks == 1 else 's'})")
    return " · ".join(p for p in parts if p)


def _group_names(
    groups: Mapping[tuple[str, str], Group], slugs: Sequence[str], conferences: Sequence[str]
) -> list[str]:
    names = {
        groups[key].name: None
        for slug in slugs
        for c in conferences
        if (key := (c, slug)) in groups
    }
    return list(names)


def _listed(names: Iterable[str], limit: int = 3) -> list[str]:
    names = list(names)
    if len(names) > limit:
        return [" + ".join(names[:limit]) + f" + {len(names) - limit} more"]
    return [" + ".join(names)] if names else []
