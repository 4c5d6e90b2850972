"""Conferences no data file describes: a folder's programme files, and the slug and name each
gets from its file name (or a page's from its address) when no entry names it."""

from __future__ import annotations

from pathlib import Path, PurePosixPath
from urllib.parse import urlsplit

from ..kinds import slugify
from ..model import Conference

# Paths the service's own pages take: no conference may have them as its slug.
RESERVED_SLUGS = frozenset(
    {"api", "builder", "embed", "events", "healthz", "my", "static", "status"}
)


def page_slug(url: str) -> str:
    """A slug for a page by its address: its file's name, else its host's."""
    parts = urlsplit(url)
    return slugify(PurePosixPath(parts.path).stem or parts.hostname or "") or "programme"


PROGRAMME_SUFFIXES = (".txt", ".text", ".md", ".html", ".htm")


def programme_files(folder: Path) -> list[str]:
    """The names of the programme files in a folder (text, Markdown, saved web pages)."""
    try:
        return sorted(
            p.name
            for p in folder.iterdir()
            if p.suffix.lower() in PROGRAMME_SUFFIXES and not p.name.startswith(".") and p.is_file()
        )
    except OSError:
        return []


def undescribed_conference(source: Path, timezone: str, taken: set[str]) -> Conference:
    """A conference for a programme file the data file does not list: slug and name from the
    file name (a slug the service's pages or another conference use gets a suffix), zone as
    given (the reader may then find the text's own)."""
    slug = free_slug(slugify(source.stem) or "programme", taken)
    return Conference(
        slug=slug, name=source.stem, timezone=timezone, source=source.name, described=False
    )


def free_slug(base: str, taken: set[str]) -> str:
    """The slug, or with a number after it, so that no other conference nor a page of the
    service's own has it."""
    slug, number = base, 1
    while slug in RESERVED_SLUGS or slug in taken:
        number += 1
        slug = f"{base}-{number}"
    return slug


def fallback_conference(source: Path, timezone: str = "UTC") -> Conference:
    """A conference for a source no data file describes: named after the file."""
    return Conference(
        slug=slugify(source.stem) or "programme",
        name=source.stem,
        timezone=timezone,
        source=source.name,
    )
