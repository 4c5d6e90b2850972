"""A static copy of the site: the same pages and feeds (in every format), for any static host
or CDN.

Every file is made by the web app itself (so a feed is byte for byte what the server sends),
written to a fresh folder beside the target, and swapped in whole at the end: a failed
export leaves the previous one as it was.
"""

from __future__ import annotations

import dataclasses
import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

from .catalogue.catalogue import Catalogue
from .catalogue.selection import Selection
from .errors import ConfigError, ExportError
from .formats.registry import extensions
from .ics.render import session_calendar, session_page
from .settings import Settings

MARKER = ".calsvc-export"
STATIC_FILES = ("/static/style.css", "/static/calsvc.js")


def _target(path: str) -> str:
    """Where a URL path lives in the tree: folders hold index.html."""
    return path.lstrip("/") + ("index.html" if path.endswith("/") else "")


Progress = Callable[[int, int], None]


class Exported(NamedTuple):
    paths: list[str]  # the files written, relative to the folder
    problems: list[str]  # sources that failed, have errors or yield no sessions


def _site_paths(catalogue: Catalogue) -> list[str]:
    """Every page and feed of the site, as the paths the app answers: each feed in every feed
    format, and each conference's frab schedules."""
    feeds = ["/calendar"]
    paths = ["/", *STATIC_FILES]
    for slug in catalogue.conferences:
        paths += [f"/{slug}/", f"/my/{slug}/"]
        paths += [f"/{slug}/schedule.{extension}" for extension in extensions("schedule")]
        feeds.append(f"/{slug}/calendar")
    feeds += [f"/{conference}/tracks/{slug}" for conference, slug in catalogue.tracks]
    feeds += [f"/{conference}/kinds/{slug}" for conference, slug in catalogue.kinds]
    paths += [f"{feed}.{extension}" for feed in feeds for extension in extensions("feed")]
    for entry in catalogue.select(Selection()):
        uid = entry.session.uid
        paths += [session_page("", uid), session_calendar("", uid)]
    return paths


def export_site(
    out: Path, *, settings: Settings, base_url: str, progress: Progress = lambda done, total: None
) -> Exported:
    """Writes the site under out, whole (with what every source last gave); returns the paths
    written and the problems of the sources, for the caller to report."""
    from .web import create_app

    if out.exists() and any(out.iterdir()) and not (out / MARKER).exists():
        raise ConfigError(
            str(out), None, "is a folder with other files in it; export to a new or empty folder"
        )
    app = create_app(dataclasses.replace(settings, base_url=base_url.rstrip("/")))
    app.config["STATIC_EXPORT"] = True
    client = app.test_client()
    catalogue: Catalogue = app.config["SERVICE"].catalogue()
    paths = _site_paths(catalogue)
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out.name}-", dir=out.parent))
    try:
        for done, path in enumerate(paths, start=1):
            response = client.get(path)
            try:
                if response.status_code != 200:
                    status = response.status_code
                    raise ExportError(path, None, f"the app answered {status} while exporting")
                target = staging / _target(path)
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(response.get_data())
            finally:
                response.close()  # static files come as a stream from an open file
            progress(done, len(paths))
        (staging / MARKER).write_text(f"{base_url}\n", encoding="utf-8")
        os.chmod(staging, 0o755)
        if out.exists():
            old = out.with_name(f".{out.name}-old")
            shutil.rmtree(old, ignore_errors=True)
            out.rename(old)
            staging.rename(out)
            shutil.rmtree(old, ignore_errors=True)
        else:
            staging.rename(out)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    problems = app.config["SERVICE"].source_problems()
    return Exported(sorted(_target(path) for path in paths), problems)
