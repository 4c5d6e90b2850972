"""Session labels: which kind a label names, and whether the rest is a track or a title.

    'Oral Session 5: Generative Models'      → Oral, track 'Session 5: Generative Models'
    'Keynote: Scaling laws in practice'      → Keynote, no track
    'Morning coffee break'                   → Coffee Break
    'Exhibit Hall'                           → Exhibit Hall (a short name is its own kind)
    'Building resilient APIs'                → Session

The title a session shows is always the label as the page wrote it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from ..kinds import ALIASES, KNOWN_KINDS, TRACK_KINDS, slugify
from .roles import strip_field

GENERIC_KIND = "Session"
MAX_REMEMBERED = 10_000  # labels whose reading is kept at once
_SEPARATORS = " \t:;,.-–—·⋅|/"
_WORD = re.compile(r"\S+")
# A name ending in a number or a short code ('Section 2', 'Stream 4B', 'Track C') names one of
# a series of sessions, not a kind of session.
_NUMBERED = re.compile(r"\s(?:\d+[A-Za-z]?|[A-Z]\d*|[IVX]+)\s*$")
_CONNECTORS = frozenset(
    {"and", "&", "+", "with", "of", "for", "in", "on", "at", "to", "the", "a", "an", "our", "your"}
)


@dataclass(frozen=True, slots=True)
class Label:
    kind: str
    track: str | None
    title: str


class Vocabulary:
    """The kinds a programme may name: the built-in ones and those its data file adds."""

    def __init__(self, extra: Mapping[str, str] | None = None) -> None:
        self.names = dict(KNOWN_KINDS)
        self.aliases = dict(ALIASES)
        for label, kind in (extra or {}).items():
            self.names.setdefault(slugify(kind), kind)
            if slugify(label) != slugify(kind):
                self.aliases[slugify(label)] = slugify(kind)
        # The first word of every name, also as a plural: a label starting otherwise names none.
        starts = {slug.split("-", 1)[0] for slug in (*self.names, *self.aliases)}
        self.first_words = starts | {f"{word}s" for word in starts}
        self._read: dict[tuple[str, bool], Label] = {}

    def lookup(self, words: str) -> str | None:
        """The slug of the kind these words name ('Posters' → 'poster'), or None."""
        return self._lookup_slug(slugify(words))

    def _lookup_slug(self, slug: str) -> str | None:
        for candidate in (slug, slug[:-1] if slug.endswith("s") else ""):
            if candidate in self.names:
                return candidate
            if candidate in self.aliases:
                return self.aliases[candidate]
        return None

    def _prefix(self, label: str) -> tuple[str, int] | None:
        """The kind named by the label's first words, and where those words end."""
        words = list(_WORD.finditer(label[:80]))
        slugs = [slugify(w[0]) for w in words[:4]]
        if not slugs or slugs[0].split("-", 1)[0] not in self.first_words:
            return None
        for count in range(len(slugs), 0, -1):
            kind = self._lookup_slug("-".join(s for s in slugs[:count] if s))
            if kind is not None:
                return kind, words[count - 1].end()
        return None

    def _suffix(self, label: str) -> str | None:
        words = label.split()
        if len(words) > 4:
            return None
        for count in (2, 1):
            if len(words) <= count or words[-count - 1].lower() in _CONNECTORS:
                continue  # 'Briefing for the panels' is no panel
            if kind := self.lookup(" ".join(words[-count:])):
                return kind
        return None

    def names_a_session(self, label: str) -> bool:
        """Whether a label says it is a session: it names a kind or a track ('Workshop: Robots',
        'Session 2: Vision'), rather than being any title ('Jane Roe, MIT', 'Room 101')."""
        read = self.read(label, short_is_kind=False)
        return read.kind != GENERIC_KIND or read.track is not None

    def read(self, label: str, *, short_is_kind: bool = True) -> Label:
        """The kind, track and title of a label (stripped of a glued 'Bio :' field);
        remembered, as programmes repeat their labels ('Coffee break' every day)."""
        key = (label, short_is_kind)
        if (known := self._read.get(key)) is None:
            if len(self._read) >= MAX_REMEMBERED:
                self._read.clear()
            known = self._read[key] = self._read_label(label, short_is_kind=short_is_kind)
        return known

    def _read_label(self, label: str, *, short_is_kind: bool) -> Label:
        label = strip_field(label)
        if " / " in label:  # 'Pause café / Coffee break': the part that names a kind
            for part in label.split(" / "):
                read = self.read(part, short_is_kind=False)
                if read.kind != GENERIC_KIND:
                    return Label(read.kind, read.track, label)
        if found := self._prefix(label):
            slug, end = found
            rest = label[end:].strip(_SEPARATORS)
            if rest.split(None, 1)[0:1] and rest.split(None, 1)[0] in _CONNECTORS:
                rest = ""  # 'Lunch and networking': the kind with more words, no track
            if slugify(rest) in ("session", "sessions"):
                rest = ""
            if slug == "session" and rest:
                rest = label  # 'Session 3: Sparse methods' names its track whole
            kind = self.names[slug]
            return Label(kind, rest or None if slug in TRACK_KINDS else None, label)
        if suffix := self._suffix(label):
            return Label(self.names[suffix], None, label)
        prefix, colon, rest = label.partition(":")
        if colon and (suffix := self._suffix(prefix)):  # 'Affinity Workshop: Queer in AI'
            track = rest.strip() if suffix in TRACK_KINDS else None
            return Label(self.names[suffix], track or None, label)
        if colon and rest.strip() and len(prefix.split()) <= 4 and prefix[:1].isupper():
            if _NUMBERED.search(prefix):  # 'Section 2: Fatigue': one of a series, not a kind
                return Label(GENERIC_KIND, label, label)
            return Label(prefix.strip(), rest.strip(), label)
        if (
            short_is_kind
            and len(label.split()) <= 3
            and all(w[:1].isupper() for w in label.split())
        ):
            return Label(label, None, label)
        return Label(GENERIC_KIND, None, label)
