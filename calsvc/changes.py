"""What changed in a programme, told for people: 'Moved: Poster: Federated Learning' with the
old and new times, for the Changes page and its Atom feed. A change is listed where the
session, before or after it, fits the selection (so a session moved out of a day shows)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime

from .catalogue.search import search_text
from .catalogue.selection import Selection
from .catalogue.shortids import short_ids
from .codec import SessionJson, session_from_json
from .model import Session
from .store.recording import Change


@dataclass(frozen=True, slots=True)
class Told:
    """A change as a page or feed entry shows it."""

    uid: str
    seen: datetime
    sequence: int
    title: str  # 'Moved: Poster: Federated Learning'
    detail: str  # 'Tue 6 Jun 15:20–16:40 → Tue 6 Jun 17:00–18:20'
    live: bool  # the session is still in the programme (its page can be linked)


def fits(selection: Selection, session: Session, short_id: str) -> bool:
    """Whether a session belongs to a selection (as Catalogue.positions would select it)."""
    text = search_text(session) if selection.queries else ""
    return (
        (not selection.conferences or session.conference in selection.conferences)
        and (not selection.tracks or session.track_slug in selection.tracks)
        and (not selection.kinds or session.kind_slug in selection.kinds)
        and (not selection.days or session.day in selection.days)
        and (not selection.sessions or short_id in selection.sessions)
        and all(all(word in text for word in words) for words in selection.queries)
    )


def _when(session: Session) -> str:
    if session.start is None or session.end is None:
        return f"{session.day:%a %-d %b}, time not announced" if session.day else "date unknown"
    return f"{session.start:%a %-d %b %H:%M}–{session.end:%H:%M}"


def _where(session: Session) -> str:
    return f", {session.location}" if session.location else ""


def tell(change: Change, before: Session | None, after: Session | None) -> Told:
    shown = after or before
    assert shown is not None, "a change has a session on at least one side"
    name = shown.title
    if change.change == "cancelled" and before is not None:
        title, detail = f"Cancelled: {name}", f"was {_when(before)}{_where(before)}"
    elif before is None or change.change == "added":
        assert after is not None
        title, detail = f"Added: {name}", f"{_when(after)}{_where(after)}"
    else:
        assert after is not None
        moved = (_when(before), before.location) != (_when(after), after.location)
        title = f"{'Moved' if moved else 'Changed'}: {name}"
        detail = (
            f"{_when(before)}{_where(before)} → {_when(after)}{_where(after)}"
            if moved
            else "its title, papers or description changed"
        )
    return Told(change.uid, change.seen, change.sequence, title, detail, after is not None)


def told_changes(
    changes: Sequence[Change], selection: Selection, short_id: Callable[[str], str | None]
) -> list[Told]:
    """The changes that fit the selection, told; `short_id` gives the id of a UID served
    (one no longer served gets the id it had)."""
    found = []
    for change in changes:
        before, after = _session(change.before), _session(change.after)
        short = short_id(change.uid) or short_ids([change.uid])[0]
        if any(s is not None and fits(selection, s, short) for s in (before, after)):
            found.append(tell(change, before, after))
    return found


def _session(data: SessionJson | None) -> Session | None:
    return session_from_json(data) if data is not None else None
