"""Programmes kept as data (YAML data files, YAML or TOML front matter): each record's line
read as a day heading or a time row, the rest of the data blank; other texts left alone."""

from __future__ import annotations

import pytest

from calsvc.parse.datafile import data_lines

DATA_FILE = """- giorno: "08/05"
  eventi:
    - empty: 90
    - ora: "10:30"
      titolo: "Accredito"
      luogo: Polo di Scienze
      aula: Chiostro
      durata: 240
    - ora: "14:30"
      titolo: Apertura dei lavori
      durata: 90
    - ora: "16:00"
      titolo: Coffee Break
"""
FRONT_MATTER = """---
layout: retreat
schedule:
  items:
    - day: "Friday"
      date: "13.2.2026"
      activities:
        - time: "14:00"
          title: "Arrival"
        - time: "15:00"
          title: "Clay, first session"
          room: Studio 2
        - time: "19:00"
          title: "Dinner"
---
<section>{{ page.schedule.title }}</section>
"""
TOML = """+++
title = "Programa"
program_elements = [
    { title = "Credenciamento", type = "custom", start = 2019-10-19T08:00:00-06:00, end = 2019-10-19T08:50:00-06:00 },
    { title = "ana-lima", type = "talk", comments = "Auditorio Savassi", start = 2019-10-19T10:30:00-06:00, end = 2019-10-19T11:00:00-06:00 },
    { title = "Coffee Break", type = "custom", comments = "Intervalo", start = 2019-10-19T10:00:00-06:00, end = 2019-10-19T10:30:00-06:00 },
]
+++
"""


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (DATA_FILE, ["08/05", "", "", "10:30–14:30 Accredito @ Polo di Scienze, Chiostro", "", "",
                     "", "", "14:30–16:00 Apertura dei lavori", "", "", "16:00 Coffee Break", "", ""]),
        (FRONT_MATTER, ["", "", "", "", "13.2.2026", "", "", "14:00 Arrival", "",
                        "15:00 Clay, first session @ Studio 2", "", "", "19:00 Dinner", "", "",
                        "<section>{{ page.schedule.title }}</section>", ""]),
        (TOML, ["", "", "2019-10-19", "08:00–08:50 Credenciamento",
                "10:30–11:00 ana-lima @ Auditorio Savassi", "10:00–10:30 Coffee Break", "", "",
                ""]),
    ],
    ids=["yaml-data-file-durations-and-places", "yaml-front-matter-day-over-its-activities",
         "toml-front-matter-iso-times-a-place-in-a-note"],
)  # fmt: skip
def test_records_become_the_lines_the_reader_reads(text: str, expected: list[str]) -> None:
    assert data_lines(text.split("\n")) == expected


@pytest.mark.parametrize(
    "text",
    [
        "---\nlayout: page\ntitle: Programme\n---\nMonday 3 June 2024\n09:00 Opening\n",
        "Time: 9:00\nRoom: A\nMonday 3 June 2024\n09:00 Opening\n10:00 Talk\n11:00 Lunch\n",
        "Subject: Programme\n\nMonday 3 June 2024: the day: starts: early\n09:00 Opening\n",
        "- time: '9:00'\n  title: Opening\n- time: '10:00'\n  title: Talk\n",
    ],
    ids=["front-matter-without-records", "fields-of-a-text", "a-mail-s-header", "two-records-only"],
)
def test_other_texts_are_no_data(text: str) -> None:
    assert data_lines(text.split("\n")) is None
