"""Each session's piece of a format is made once per catalogue version and host, then kept
for a bounded number of them."""

from __future__ import annotations

import json
from datetime import timedelta

from calsvc.catalogue.selection import Selection
from calsvc.formats.base import Pieces
from calsvc.formats.jcal import JCAL
from calsvc.ics.feed import Served, render_all

from .test_frab_schemas import programme


def _served(sessions: int) -> Served:
    return render_all(programme(sessions))


def test_a_piece_is_made_once_per_version_and_host() -> None:
    made: list[tuple[str, int, str]] = []

    def make(served: Served, position: int, base_url: str) -> str:
        made.append((served.catalogue.version[:4], position, base_url))
        return f"{position}@{base_url}"

    pieces = Pieces(make)
    served = _served(10)
    first = pieces.get(served, [3, 1], "https://a")
    again = pieces.get(served, [1, 3, 5], "https://a")
    other = pieces.get(served, [1], "https://b")
    version = served.catalogue.version[:4]

    assert (first, again, other) == (["3@https://a", "1@https://a"],
                                     ["1@https://a", "3@https://a", "5@https://a"], ["1@https://b"])  # fmt: skip
    assert made == [(version, 3, "https://a"), (version, 1, "https://a"),
                    (version, 5, "https://a"), (version, 1, "https://b")]  # fmt: skip


def test_only_the_newest_versions_and_hosts_are_kept() -> None:
    made: list[str] = []
    pieces = Pieces(lambda served, position, base_url: made.append(base_url) or base_url)
    served = _served(3)
    hosts = [f"https://h{n}" for n in range(Pieces.KEPT + 1)]
    for host in hosts:
        pieces.get(served, [0], host)
    pieces.get(served, [0], hosts[-1])  # kept
    pieces.get(served, [0], hosts[0])  # the oldest went: made again

    assert made == [*hosts, hosts[0]]


def test_a_format_document_joins_the_same_pieces_for_every_selection() -> None:
    """A document made after another holds the same events the first one made."""
    served = _served(20)
    ttl = timedelta(hours=1)
    whole = json.loads(JCAL.render(served, Selection(conferences=("big",)), "https://x", ttl).body)
    some = json.loads(JCAL.render(served, Selection(kinds=("poster",)), "https://x", ttl).body)
    events = [c for c in whole[2] if c[0] == "vevent"]
    posters = [c for c in some[2] if c[0] == "vevent"]

    assert (len(events), len(posters), [p for p in posters if p not in events]) == (20, 7, [])
