"""The JSON of /healthz and /status, from what the service in this worker knows."""

from __future__ import annotations

from typing import Any

from ..serving.service import Service
from ..sources import problems
from .links import read_path

READING = "being read; the catalogue stored at the last run is served meanwhile"


def health(service: Service) -> dict[str, str]:
    """'ok', or 'degraded' with what is wrong and since when (the catalogue is still served);
    while a restart serves the stored catalogue, 'ok' with a note that sources are read."""
    if service.health.problem is None:
        if service.loaded is None:
            return {"status": "ok", "sources": READING}
        return {"status": "ok"}
    problem, since = service.health.problem
    return {"status": "degraded", "problem": problem, "since": since.isoformat()}


def status(service: Service) -> dict[str, Any]:
    """What /status shows: the catalogue, the store, versions held for cancelling too much,
    and each source with what it gave."""
    catalogue = service.catalogue()
    shown: dict[str, Any] = {"version": catalogue.version, "store": health(service)}
    shown["sessions"] = len(catalogue.entries)
    shown["held"] = [
        {
            "conference": held.conference,
            "message": str(held),
            "would_cancel": list(held.cancelling),
            "live": held.live,
            "since": held.seen.isoformat(),
        }
        for held in service.held()
    ]
    if service.loaded is None:
        return {**shown, "sources_folder": str(service.sources), "sources": READING}
    found = problems.sources_status(service.loaded)
    for source in found["sources"]:  # each problem at its line of the read page
        conference = source["conference"]
        if conference and not source["notes"] and service.shows_reading(conference):
            source["read"] = read_path(conference)
            for diagnostic in source["diagnostics"]:
                diagnostic["read"] = read_path(conference, diagnostic["line"])
    return {**shown, **found}
