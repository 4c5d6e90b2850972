"""A source the data file marks as notes (abstracts, minutes): read and checked, never served
as a conference, and no problem for holding no sessions; sessions found in it are told."""

from __future__ import annotations

from pathlib import Path

from flask.testing import FlaskClient


def test_the_seeds_abstracts_are_notes_not_a_conference(client: FlaskClient) -> None:
    status = client.get("/status").json

    notes = [(s["file"], s["notes"], s["sessions"]) for s in status["sources"] if s["notes"]]  # type: ignore[index]
    assert (notes, client.get("/mlsys-abstracts/").status_code) == (
        [("mlsys-abstracts.txt", True, 0)], 404
    )  # fmt: skip
    assert [c["slug"] for c in client.get("/api/conferences").json["conferences"]] == [  # type: ignore[index]
        "mlsys-2021", "mlsys-2022", "mlsys-2023"
    ]  # fmt: skip


def test_sessions_in_notes_are_told_and_not_served(client: FlaskClient, sources: Path) -> None:
    (sources / "mlsys-abstracts.txt").write_text(
        "Abstract: a system for graphs.\nPoster: Graphs Tue 6 Jun 2023 09:00 a.m.\n", "utf-8"
    )

    status = client.get("/status").json
    [told] = [s["diagnostics"] for s in status["sources"] if s["notes"]]  # type: ignore[index]
    feed = client.get("/calendar.ics").data.decode("utf-8")

    assert [(d["line"], d["level"], d["code"], d["message"]) for d in told] == [
        (2, "warning", "notes-with-sessions",
         "1 session read in a file the data file marks as notes; not served "
         "(remove notes = true from its entry to serve them)"),
    ]  # fmt: skip
    assert feed.count("Graphs") == 0
