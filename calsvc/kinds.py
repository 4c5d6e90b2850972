"""The vocabulary of session kinds: the one place that knows which labels start a session."""

from __future__ import annotations

import functools
import re
import unicodedata

# Canonical display names, by slug. A label that starts with one of these (or with an alias
# below) is a session of that kind: 'Oral Session 5: Generative Models' is an Oral.
KNOWN_KINDS: dict[str, str] = {
    "poster": "Poster",
    "oral": "Oral",
    "spotlight": "Spotlight",
    "paper": "Paper",
    "session": "Session",
    "tutorial": "Tutorial",
    "invited-talk": "Invited Talk",
    "keynote": "Keynote",
    "plenary": "Plenary",
    "talk": "Talk",
    "lightning-talks": "Lightning Talks",
    "workshop": "Workshop",
    "symposium": "Symposium",
    "panel": "Panel",
    "demo": "Demo",
    "competition": "Competition",
    "expo": "Expo",
    "registration-desk": "Registration Desk",
    "registration": "Registration",
    "opening-remarks": "Opening Remarks",
    "closing-remarks": "Closing Remarks",
    "opening": "Opening",
    "closing": "Closing",
    "break": "Break",
    "coffee-break": "Coffee Break",
    "lunch": "Lunch",
    "breakfast": "Breakfast",
    "dinner": "Dinner",
    "reception": "Reception",
    "social": "Social",
    "town-hall": "Town Hall",
    "award": "Award",
    "exhibit-hall": "Exhibit Hall",
}

# Other spellings of the same kinds (plurals are found without being listed).
ALIASES: dict[str, str] = {
    "invited": "invited-talk",
    "keynote-talk": "keynote",
    "keynote-speech": "keynote",
    "keynote-address": "keynote",
    "opening-keynote": "keynote",
    "closing-keynote": "keynote",
    "keynote-speaker": "keynote",
    "plenary-talk": "plenary",
    "plenary-session": "plenary",
    "plenary-lecture": "plenary",
    "panel-discussion": "panel",
    "coffee": "coffee-break",
    "lunch-break": "lunch",
    "tea-break": "coffee-break",
    "oral-presentation": "oral",
    "poster-presentation": "poster",
    "paper-presentation": "paper",
    "demonstration": "demo",
    "opening-ceremony": "opening",
    "welcome": "opening",
    "closing-ceremony": "closing",
    "welcome-reception": "reception",
    "award-ceremony": "award",
    "check-in": "registration",
    # French, German, Spanish and Italian programmes name their kinds in their own words.
    "pause-cafe": "coffee-break",
    "pausa-cafe": "coffee-break",
    "pausa-caffe": "coffee-break",
    "kaffeepause": "coffee-break",
    "pause": "break",
    "pausa": "break",
    "dejeuner": "lunch",
    "mittagspause": "lunch",
    "mittagessen": "lunch",
    "almuerzo": "lunch",
    "pranzo": "lunch",
    "diner": "dinner",
    "abendessen": "dinner",
    "cena": "dinner",
    "table-ronde": "panel",
    "podiumsdiskussion": "panel",
    "mesa-redonda": "panel",
    "tavola-rotonda": "panel",
    "conference-invitee": "invited-talk",
    "conference-pleniere": "plenary",
    "hauptvortrag": "keynote",
    "vortrag": "talk",
    "atelier": "workshop",
    "taller": "workshop",
    "accueil": "registration",
    "anmeldung": "registration",
    "ouverture": "opening",
    "eroffnung": "opening",
    "begrussung": "opening",
    "inauguracion": "opening",
    "apertura": "opening",
    "cloture": "closing",
    "clausura": "closing",
    "chiusura": "closing",
}

# Kinds whose label goes on to name a track ('Poster: Federated Learning'); for the others it
# names the session itself (a talk's title or speaker) and is no track.
TRACK_KINDS = frozenset({"poster", "oral", "spotlight", "paper", "session", "demo"})

# Kinds whose body is one talk (title, abstract, speaker bio) rather than a list of papers.
TALK_KINDS = frozenset({"tutorial", "invited-talk", "keynote", "plenary", "talk", "panel"})

_NOT_SLUG = re.compile(r"[^a-z0-9]+")


def slugify(text: str) -> str:
    """Lowercase ASCII words joined by dashes: 'ML & Systems 2' -> 'ml-systems-2'.

    Word by word, each word's slug cached: titles are new, their words mostly are not.
    """
    return "-".join(slug for word in text.split() if (slug := _word_slug(word)))


@functools.lru_cache(maxsize=65536)
def _word_slug(word: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", word).encode("ascii", "ignore").decode("ascii")
    return _NOT_SLUG.sub("-", ascii_text.lower()).strip("-")


_PLURALS = {
    "registration-desk": "Registration Desk",
    "opening-remarks": "Opening Remarks",
    "closing-remarks": "Closing Remarks",
    "lunch": "Lunch",
    "registration": "Registration",
    "town-hall": "Town Halls",
    "opening": "Opening",
    "closing": "Closing",
    "breakfast": "Breakfast",
    "exhibit-hall": "Exhibit Hall",
    "lightning-talks": "Lightning Talks",
}


def plural(kind: str) -> str:
    """How a feed of one kind is named: 'Poster' → 'Posters', 'Lunch' → 'Lunch'."""
    slug = slugify(kind)
    if slug in _PLURALS:
        return _PLURALS[slug]
    return kind if kind.endswith("s") else f"{kind}s"
