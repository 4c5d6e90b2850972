"""The plain text a calendar shows for a session: its papers, each one told apart from the rest."""

from __future__ import annotations

import re

from ..kinds import TALK_KINDS
from ..model import Conference, Item, Session

MAX_ITEMS = 40
MAX_CHARS = 4000
_FIRST_WORDS = 10
# "…we propose Hotline, a novel profiler…": the system a paper introduces names it best.
_INTRODUCES = re.compile(
    r"\b(?i:(?:we|this paper|this work)\s+(?:propos(?:e|es|ed)|present(?:s|ed)?|"
    r"introduc(?:e|es|ed)|build|builds|built|design(?:s|ed)?|develop(?:s|ed)?|call|"
    r"implement(?:s|ed)?)\s+(?:a\s+\w+(?:\s+\w+)?\s+called\s+)?)"
    r"(?P<name>[A-Z][\w\-]*[A-Z0-9][\w\-]*|[A-Z][a-z]+[A-Z][\w\-]*|[A-Z][\w\-]{1,20}(?=,\s+an?\s))",
)


def paper_label(item: Item) -> str:
    """A paper's title, else the system its abstract introduces, else its first words."""
    if item.title:
        return item.title
    abstract = " ".join((item.abstract or "").split())
    if found := _INTRODUCES.search(abstract[:3000]):
        return f"{found['name']} (untitled; from its abstract)"
    words = abstract.split()
    if not words:
        return "(untitled)"
    opening = " ".join(words[:_FIRST_WORDS])
    return f"“{opening}{'…' if len(words) > _FIRST_WORDS else ''}”"


def count_of_items(session: Session) -> str:
    """'3 papers', or '1 talk' for talks and tutorials."""
    noun = "talk" if session.kind_slug in TALK_KINDS else "paper"
    return f"{len(session.items)} {noun}{'' if len(session.items) == 1 else 's'}"


def _shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip(" ,;") + "…"


def describe(session: Session, conference: Conference) -> str:
    """Plain text: what the session is, then its papers (label and authors), bounded in size."""
    lines = [" · ".join(p for p in (conference.name, session.kind, session.track) if p)]
    if not session.timed:
        lines.append("Time not announced: check the programme.")
    if session.items:
        lines.append("")
        lines.append(f"{count_of_items(session)}:")
    for number, item in enumerate(session.items[:MAX_ITEMS], start=1):
        label = _shorten(paper_label(item), 200)
        lines.append(
            f"{number}. {label}" + (f" — {_shorten(item.authors, 200)}" if item.authors else "")
        )
    if len(session.items) > MAX_ITEMS:
        lines.append(f"… and {len(session.items) - MAX_ITEMS} more")
    text = "\n".join(lines)
    return _shorten(text, MAX_CHARS)
