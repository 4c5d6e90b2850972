"""The vocabulary of session kinds: the one place that knows which labels start a session."""

from __future__ import annotations

import re
import unicodedata

# Canonical display names, by slug. A label in this list can start an undated
# header ("Invited Talk: Alexander Rush"); dated headers may use any label.
KNOWN_KINDS: dict[str, str] = {
    "poster": "Poster",
    "oral": "Oral",
    "spotlight": "Spotlight",
    "tutorial": "Tutorial",
    "invited-talk": "Invited Talk",
    "keynote": "Keynote",
    "workshop": "Workshop",
    "panel": "Panel",
    "demo": "Demo",
    "registration-desk": "Registration Desk",
    "registration": "Registration",
    "opening-remarks": "Opening Remarks",
    "closing-remarks": "Closing Remarks",
    "break": "Break",
    "coffee-break": "Coffee Break",
    "lunch": "Lunch",
    "social": "Social",
    "town-hall": "Town Hall",
    "award": "Award",
}

# Kinds whose body is one talk (title, abstract, speaker bio) rather than a list of papers.
TALK_KINDS = frozenset({"tutorial", "invited-talk", "keynote", "panel"})

_NOT_SLUG = re.compile(r"[^a-z0-9]+")


def slugify(text: str) -> str:
    """Lowercase ASCII words joined by dashes: 'ML & Systems 2' -> 'ml-systems-2'."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return _NOT_SLUG.sub("-", ascii_text.lower()).strip("-")


def canonical_kind(label: str) -> str:
    """The vocabulary's spelling of a kind label, or the label itself when it is not known."""
    return KNOWN_KINDS.get(slugify(label), label)


def kind_pattern() -> str:
    """A regex alternation of the known kind labels, longest first, for undated headers."""
    names = sorted(KNOWN_KINDS.values(), key=len, reverse=True)
    return "|".join(re.escape(name).replace(r"\ ", r"\s+") for name in names)


_PLURALS = {
    "registration-desk": "Registration Desk",
    "opening-remarks": "Opening Remarks",
    "closing-remarks": "Closing Remarks",
    "lunch": "Lunch",
    "registration": "Registration",
    "town-hall": "Town Halls",
}


def plural(kind: str) -> str:
    """How a feed of one kind is named: 'Poster' → 'Posters', 'Lunch' → 'Lunch'."""
    slug = slugify(kind)
    if slug in _PLURALS:
        return _PLURALS[slug]
    return kind if kind.endswith("s") else f"{kind}s"
