"""Layouts: short blocks of programme text → the sessions read from them, one row per shape."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from calsvc.model import Conference, Schedule
from calsvc.parse import blocks, parse_programme
from calsvc.parse.forms import Form
from calsvc.parse.labels import Vocabulary
from calsvc.parse.lines import read_line

from ..conftest import REFERENCE

CONFERENCE = Conference(
    slug="c", name="C", timezone="Europe/Lisbon", source="c.txt", year=2024, durations={"other": 60}
)


def _read(text: str) -> Schedule:
    return parse_programme(text.encode("utf-8"), CONFERENCE, reference=REFERENCE)


def _sessions(schedule: Schedule) -> list[str]:
    out = []
    for s in schedule.timed:
        assert s.start is not None and s.end is not None
        end = f"{s.end:%H:%M}" if s.end.date() == s.start.date() else f"{s.end:%m-%d %H:%M}"
        out.append(
            f"{s.kind} | {s.track or '-'} | {s.title} | {s.start:%m-%d %H:%M}–{end}"
            f"{'~' if s.end_inferred else ''} | {s.location or '-'}"
        )
    return out


BLOCKS = [
    (
        "place-column-before-the-time",
        "MIERCOLES 18 DE OCTUBRE DEL 2017\n\nLugar\tHorario\tActividad\n"
        "Teatro\t10:00 - 11:30 hrs.\tActo inaugural\nTeatro\t11:30 - 12:30 hrs.\tConferencia plenaria\n",
        [
            "Session | - | Acto inaugural | 10-18 10:00–11:30 | Teatro",
            "Session | - | Conferencia plenaria | 10-18 11:30–12:30 | Teatro",
        ],
    ),
    (
        "flattened-venue-column-table",
        "Time Venue Event\nMay 10, 2029 (Thursday)\n"
        "09:00AM-09:10AM Auditorium Hall Opening Remarks\n09:10AM-09:50AM Keynote Speech I\n"
        "12:00PM-01:30PM Canteen Lunch\n01:30PM-04:00PM Seminar Room 2 Session III\n"
        "May 11, 2029 (Friday)\n10:00AM-11:00AM Closing Session\n",
        [
            "Opening Remarks | - | Opening Remarks | 05-10 09:00–09:10 | Auditorium Hall",
            "Keynote | - | Keynote Speech I | 05-10 09:10–09:50 | Auditorium Hall",
            "Lunch | - | Lunch | 05-10 12:00–13:30 | Canteen",
            "Session | Session III | Session III | 05-10 13:30–16:00 | Seminar Room 2",
            "Closing | - | Closing Session | 05-11 10:00–11:00 | -",
        ],
    ),
    (
        "kind-and-place-after-a-slash-under-the-title",
        "Martes 8 de octubre de 2024\n14:00 | Formación y recorridos\n"
        "Mesa de presentación de ponencias / Salón 204 - Edificio Anexo\n"
        "Modera: Irene Castagnino\n15:00 | Muestra (HUM / VID) de cortos\n",
        [
            "Session | - | Formación y recorridos | 10-08 14:00–15:00~ | Salón 204 - Edificio Anexo",
            "Session | - | Muestra (HUM / VID) de cortos | 10-08 15:00–16:00~ | -",
        ],
    ),
    (
        "a-gathering-and-its-place-a-blank-line-over-its-rows",
        "Samedi 7 Octobre 2017\n\nConférences à la Maison des Filaos\n\n"
        "09h00 : Parents et écrans\n11h00 : Le port et la ville\n",
        [
            "Session | - | Parents et écrans | 10-07 09:00–10:00~ | Maison des Filaos",
            "Session | - | Le port et la ville | 10-07 11:00–12:00~ | Maison des Filaos",
        ],
    ),
    (
        "a-town-after-a-numeric-date-not-an-excursion",
        "18.08.2023. godine – Knjaževac\n8:30 – 8:45 časova dolazak\n"
        "8:45 – 9:30 časova lekarski pregled\n03.09.2023 – Excursion\n9:00 – 12:00 časova izlet\n",
        [
            "Session | - | dolazak | 08-18 08:30–08:45 | Knjaževac",
            "Session | - | lekarski pregled | 08-18 08:45–09:30 | Knjaževac",
            "Session | - | izlet | 09-03 09:00–12:00 | -",
        ],
    ),
    (
        "label-above-date-line",
        "Invited Talk: Jane Roe\nThu, Jun 20, 2024 ⋅ 1:15 PM - 2:05 PM\nJane Roe is a professor.\n",
        ["Invited Talk | - | Invited Talk: Jane Roe | 06-20 13:15–14:05 | -"],
    ),
    (
        "a-card-above-its-date-line",
        "Workshop\nMachine Learning and Computer Security\nJacob Steinhardt · Nicolas Papernot\n"
        "Hyatt Hotel, Shoreline\nFri 8 Dec 2017, 8 a.m.\nWhile traditional security relies on it.\n",
        [
            "Workshop | - | Workshop: Machine Learning and Computer Security | 12-08 08:00–09:00~"
            " | Hyatt Hotel, Shoreline"
        ],
    ),
    (
        "date-line-above-title",
        "Back to schedule\nFri Dec 6th 08:00 AM -- 06:30 PM @ Hall B\nWorkshop: Graphs in the Wild\n",
        ["Workshop | - | Workshop: Graphs in the Wild | 12-06 08:00–18:30 | Hall B"],
    ),
    (
        "stacked-kind-date-title",
        "Symposium\nThu Dec 5th 07:00 -- 09:30 PM @ Hall C\nMachine Learning and the Law\n",
        ["Symposium | - | Symposium: Machine Learning and the Law | 12-05 19:00–21:30 | Hall C"],
    ),
    (
        "room-after-the-speaker",
        "Monday 14 October 2024\n09:00 – 10:00\nKeynote: Rivers in the sky\nPriya Ramaswamy\n"
        "Main Stage\n",
        ["Keynote | - | Keynote: Rivers in the sky | 10-14 09:00–10:00 | Main Stage"],
    ),
    (
        "grid-header-above-day-heading",
        "Time | Room P1 | Room P2\n\nMonday, 12 September 2022\n"
        "08:30 - 09:00 | Track 1: Fluids | Track 2: Solids\n",
        [
            "Session | Track 1: Fluids | Track 1: Fluids | 09-12 08:30–09:00 | Room P1",
            "Session | Track 2: Solids | Track 2: Solids | 09-12 08:30–09:00 | Room P2",
        ],
    ),
    (
        "grid-cells-spanning-rows",
        "Monday, 12 September 2022\n08:30 - 09:00 | Track 1: Fluids | Track 2: Solids\n"
        "Chair: Ana Lee\n09:00 - 09:30\n09:30 - 10:00\n10:00 - 10:30 | Coffee break\n",
        [
            "Session | Track 1: Fluids | Track 1: Fluids | 09-12 08:30–10:00 | -",
            "Session | Track 2: Solids | Track 2: Solids | 09-12 08:30–10:00 | -",
            "Coffee Break | - | Coffee break | 09-12 10:00–10:30 | -",
        ],
    ),
    (
        "title-below-a-time-reads-like-two-names",
        "Monday 21 July 2025\n| 8:30 a.m.–Noon |\nPreconference Workshops and Interest Groups |\n",
        ["Session | - | Preconference Workshops and Interest Groups | 07-21 08:30–12:00 | -"],
    ),
    (
        "twelve-hour-clock-without-pm",
        "Saturday, March 8, 2025\n10:45 - 12:00 Panel: Local history\n12:00 - 1:00 Lunch\n"
        "1:00 - 2:30 Afternoon workshops\n",
        [
            "Panel | - | Panel: Local history | 03-08 10:45–12:00 | -",
            "Lunch | - | Lunch | 03-08 12:00–13:00 | -",
            "Workshop | - | Afternoon workshops | 03-08 13:00–14:30 | -",
        ],
    ),
    (
        "twenty-four-hour-clock-keeps-the-night",
        "Monday 14 October 2024\n09:00 - 10:00 Talk: Rivers\n23:00 - 01:00 Night walk\n"
        "01:00 - 02:00 Stargazing\n",
        [
            "Talk | - | Talk: Rivers | 10-14 09:00–10:00 | -",
            "Session | - | Night walk | 10-14 23:00–10-15 01:00 | -",
            "Session | - | Stargazing | 10-15 01:00–02:00 | -",
        ],
    ),
    (
        "day-heading-and-rows",
        "Monday 14 October 2024\n09:15–10:30  Keynote: Scaling laws — A. Person\n10:30 Coffee break\n",
        [
            "Keynote | - | Keynote: Scaling laws — A. Person | 10-14 09:15–10:30 | -",
            "Coffee Break | - | Coffee break | 10-14 10:30–11:30~ | -",
        ],
    ),
    (
        "heading-dates-rows-until-the-next",
        "Mon 14 Oct\n09:00 Opening\nTue 15 Oct\n09:00 Poster session 2 (Room 2)\n",
        [
            "Opening | - | Opening | 10-14 09:00–10:00~ | -",
            "Poster | session 2 | Poster session 2 | 10-15 09:00–10:00~ | Room 2",
        ],
    ),
    (
        "time-title-room-lines",
        "Wednesday 16 October\n10:00 - 10:45\nProfiling async code\nRoom A\nNadia Petrova\n",
        ["Session | - | Profiling async code | 10-16 10:00–10:45 | Room A"],
    ),
    (
        "range-split-over-two-lines",
        "Thursday 17 October\n4:00 pm - |\n6:00 pm |\nRegistration |\n",
        ["Registration | - | Registration | 10-17 16:00–18:00 | -"],
    ),
    (
        "workshop-sub-schedule-stays-in-its-body",
        "Workshop: Edge ML Fri 18 Oct 08:30 AM -- 05:00 PM @ Room 1\n08:30 Opening remarks\n09:00 Invited talk: Tiny models\n",
        ["Workshop | - | Workshop: Edge ML | 10-18 08:30–17:00 | Room 1"],
    ),
    (
        "heading-ends-a-sub-schedule",
        "Workshop: Edge ML Fri 18 Oct 08:30 AM -- 12:00 PM\n09:00 Talk one\nSaturday 19 October\n09:00 Breakfast\n",
        [
            "Workshop | - | Workshop: Edge ML | 10-18 08:30–12:00 | -",
            "Breakfast | - | Breakfast | 10-19 09:00–10:00~ | -",
        ],
    ),
    # The date stated once for the page (issue 21, family 2).
    (
        "rows-take-the-page-date-from-a-sentence",
        "The workshop will be held on June 8, 2024 in Lisbon.\n8:00 AM - 8:10 AM: Introduction\n"
        "8:10 AM - 9:00 AM: Invited Talk - Ana Ruiz\n",
        [
            "Session | - | Introduction | 06-08 08:00–08:10 | -",
            "Invited Talk | - | Invited Talk - Ana Ruiz | 06-08 08:10–09:00 | -",
        ],
    ),
    (
        "an-hours-line-over-rows-is-the-day-not-a-session",
        "08:00 AM – 06:00 PM (Central Time), Dec 2, 2024\nEvent   Time\n"
        "Opening Remarks 8:00-8:15am\nCoffee Break - 10:05-10:15am\n",
        [
            "Opening Remarks | - | Opening Remarks | 12-02 08:00–08:15 | -",
            "Coffee Break | - | Coffee Break | 12-02 10:05–10:15 | -",
        ],
    ),
    (
        "weekday-headings-in-the-week-given-once",
        "Summer school, July 1st - July 5th 2024\nMonday\n10:00 Welcome\nWednesday\n10:00 Hacking\n",
        [
            "Opening | - | Welcome | 07-01 10:00–11:00~ | -",
            "Session | - | Hacking | 07-03 10:00–11:00~ | -",
        ],
    ),
    (
        "day-of-the-month-without-its-month",
        "Jornadas, 25 y 26 de abril de 2024\nViernes, día 26:\n14.00 horas: Recepción\n",
        ["Session | - | Recepción | 04-26 14:00–15:00~ | -"],
    ),
    (
        "the-day-room-under-the-heading",
        "LUNEDÌ 3 OTTOBRE\nPalazzo La Marmora, Sala delle Colonne\nOre 10.30 Saluti\n",
        ["Session | - | Saluti | 10-03 10:30–11:30~ | Palazzo La Marmora, Sala delle Colonne"],
    ),
    # Several sessions on one line, cut into pieces.
    (
        "items-run-on-in-one-line",
        "Monday 3 June 2024\nMattino Ore 8.30: accoglienza. Ore 9.00: avvio dei lavori\n",
        [
            "Session | - | accoglienza | 06-03 08:30–09:00~ | -",
            "Session | - | avvio dei lavori | 06-03 09:00–10:00~ | -",
        ],
    ),
    (
        "a-days-times-in-one-table-row",
        "13 September 2024 08:00-10:00 | Arrival | 10:00-11:00 | Museum tour |\n",
        [
            "Session | - | Arrival | 09-13 08:00–10:00 | -",
            "Session | - | Museum tour | 09-13 10:00–11:00 | -",
        ],
    ),
    (
        "a-grid-flattened-into-one-line",
        "Monday 3 June 2024\n| 09:00 - 09:15 | Welcome Room: A1 |  | 09:15 - 09:30 |  | "
        "09:30 - 09:45 | Talks Room: A1 | Demos Room: A2 |  | 09:45 - 10:00 |  |\n",
        [
            "Opening | - | Welcome | 06-03 09:00–09:30~ | A1",
            "Talk | - | Talks | 06-03 09:30–10:30~ | A1",
            "Demo | - | Demos | 06-03 09:30–10:30~ | A2",
        ],
    ),
    (
        "a-column-of-days-and-month",
        "| 14.09 | 18:00 - 20:00 | Check-in |\n| 〃 | 20:00 | Dinner |\n"
        "| 15.09 | 09:00 - 10:00 | Keynote |\n",
        [
            "Registration | - | Check-in | 09-14 18:00–20:00 | -",
            "Dinner | - | Dinner | 09-14 20:00–21:00~ | -",
            "Keynote | - | Keynote | 09-15 09:00–10:00 | -",
        ],
    ),
    (
        "rows-under-a-run-of-days",
        "Sunday 4 July 2021\n19.30 Get-together\nMonday to Wednesday (5–7 July)\n9.00 Lecture\n"
        "10.30 Coffee\nThursday 8 July 2021\n9.00 Farewell\n",
        [
            "Session | - | Get-together | 07-04 19:30–20:30~ | -",
            "Session | - | Lecture | 07-05 09:00–10:00~ | -",
            "Coffee Break | - | Coffee | 07-05 10:30–11:30~ | -",
            "Session | - | Lecture | 07-06 09:00–10:00~ | -",
            "Coffee Break | - | Coffee | 07-06 10:30–11:30~ | -",
            "Session | - | Lecture | 07-07 09:00–10:00~ | -",
            "Coffee Break | - | Coffee | 07-07 10:30–11:30~ | -",
            "Session | - | Farewell | 07-08 09:00–10:00~ | -",
        ],
    ),
    # Rooms the whole programme tells.
    (
        "rooms-after-a-dash-that-recur",
        "Sunday 29 February 2004\n1000-1200 Forum - Topaz 1\n1200-1300 Training - Topaz 4\n"
        "1300-1500 Tutorial - Topaz 4\n1500-1700 Reception - Pearl Ballroom\n",
        [
            "Session | - | Forum | 02-29 10:00–12:00 | Topaz 1",
            "Session | - | Training | 02-29 12:00–13:00 | Topaz 4",
            "Tutorial | - | Tutorial | 02-29 13:00–15:00 | Topaz 4",
            "Reception | - | Reception | 02-29 15:00–17:00 | Pearl Ballroom",
        ],
    ),
    (
        "recurring-parts-after-a-dash-are-no-rooms",
        "Monday 3 June 2024\n09:00-09:20 Session A – Talk 1 (6 papers in parallel)\n"
        "09:25-09:45 Session A – Talk 2 (6 papers in parallel)\n"
        "11:00-11:20 Session B – Talk 1 (6 papers in parallel)\n",
        [
            "Session | Session A – Talk 1 (6 papers in parallel) | Session A – Talk 1 (6 papers in parallel)"
            " | 06-03 09:00–09:20 | -",
            "Session | Session A – Talk 2 (6 papers in parallel) | Session A – Talk 2 (6 papers in parallel)"
            " | 06-03 09:25–09:45 | -",
            "Session | Session B – Talk 1 (6 papers in parallel) | Session B – Talk 1 (6 papers in parallel)"
            " | 06-03 11:00–11:20 | -",
        ],
    ),
    (
        "rooms-after-a-dash-joined-by-a-slash",
        "Viernes 18 de noviembre de 2022\n- 10:00 – 11:30 Comunicaciones – Sala Albaida / Sala Retama\n"
        "- 11:30 – 12:00 Café – Sala Jara\n- 12:00 – 13:00 Talleres – Sala Albaida / Sala Jara\n",
        [
            "Session | - | Comunicaciones | 11-18 10:00–11:30 | Sala Albaida / Sala Retama",
            "Session | - | Café | 11-18 11:30–12:00 | Sala Jara",
            "Session | - | Talleres | 11-18 12:00–13:00 | Sala Albaida / Sala Jara",
        ],
    ),
    (
        "speakers-after-a-dash-are-no-rooms",
        "Monday 3 June 2024\n09:00 Keynote - Ana Ruiz\n10:00 Talk - Li Wei\n"
        "11:00 Talk - Sam Okoro\n",
        [
            "Keynote | - | Keynote - Ana Ruiz | 06-03 09:00–10:00~ | -",
            "Talk | - | Talk - Li Wei | 06-03 10:00–11:00~ | -",
            "Talk | - | Talk - Sam Okoro | 06-03 11:00–12:00~ | -",
        ],
    ),
    (
        "a-time-over-a-table-of-rooms",
        "Monday 1 March 2004\n0900-1130 Morning Sessions\nTopaz 1     APP   webcal    Calendaring WG\n"
        "Pearl 1/2   INT   lowmob    Low-Power Mobility WG *\n                          Networks\n\n"
        "1300-1500 Afternoon Sessions\nTopaz 1     SEC   certlife  Certificates WG\n"
        "Jade        TSV   qmark     Queue Marking WG\n",
        [
            "Session | - | Calendaring WG | 03-01 09:00–11:30 | Topaz 1",
            "Session | - | Low-Power Mobility WG Networks | 03-01 09:00–11:30 | Pearl 1/2",
            "Session | - | Certificates WG | 03-01 13:00–15:00 | Topaz 1",
            "Session | - | Queue Marking WG | 03-01 13:00–15:00 | Jade",
        ],
    ),
    (
        "a-room-standing-over-its-rows",
        "Venerdì 27 settembre 2019\n\nAteneo – Dipartimento di Fisica\n\nOre 8.30: accoglienza\n"
        "Ore 9.00: quiz\n\nCinema Teatro Aurora\n\nMattino\nOre 10.00: proiezione\n",
        [
            "Session | - | accoglienza | 09-27 08:30–09:00~ | Ateneo – Dipartimento di Fisica",
            "Session | - | quiz | 09-27 09:00–10:00~ | Ateneo – Dipartimento di Fisica",
            "Session | - | proiezione | 09-27 10:00–11:00~ | Cinema Teatro Aurora",
        ],
    ),
    (
        "a-date-among-words-over-rows",
        "Jornada del 3 de junio de 2024 en Madrid\n09:00 Apertura\n10:00 Mesa redonda\n",
        [
            "Opening | - | Apertura | 06-03 09:00–10:00~ | -",
            "Panel | - | Mesa redonda | 06-03 10:00–11:00~ | -",
        ],
    ),
    (
        "a-post-date-over-a-sentence-naming-the-day",
        "22 Giugno 2018\nSi svolgerà sabato 23 giugno, dalle ore 9, il convegno sulle scuole.\n"
        "Ore 9 – Registrazione\nOre 10 Dibattito\n",
        [
            "Session | - | Registrazione | 06-23 09:00–10:00~ | -",
            "Session | - | Dibattito | 06-23 10:00–11:00~ | -",
        ],
    ),
    (
        "a-range-cut-by-a-line-break",
        "Viernes 29 de enero de 2016\n17:30\n- 19:00. Llegada de participantes\n",
        ["Session | - | Llegada de participantes | 01-29 17:30–19:00 | -"],
    ),
    (
        "a-venue-field-over-rows-and-another-years-date",
        "El 27 de julio de 2012 se declaró patrimonio; el coloquio es el miércoles 2 de agosto.\n"
        "SEDE: Museo de la Acequia\n9:30 h. Registro\nSEDE: Plaza de los Canaleros\n"
        "16:30 h. Recorrido escénico\n",
        [
            "Session | - | Registro | 08-02 09:30–10:30~ | Museo de la Acequia",
            "Session | - | Recorrido escénico | 08-02 16:30–17:30~ | Plaza de los Canaleros",
        ],
    ),
    (
        "a-place-field-under-each-row-and-a-numbered-title",
        "2024. november 8., péntek\n17:30 Színház\nHelyszín: Stúdióterem\n\n"
        "19:30 Tudományos előadások I.\nHelyszín: Díszterem\n\n20:40 Fogadás\n",
        [
            "Session | - | Színház | 11-08 17:30–18:30~ | Stúdióterem",
            "Session | - | Tudományos előadások I | 11-08 19:30–20:30~ | Díszterem",
            "Session | - | Fogadás | 11-08 20:40–21:40~ | -",
        ],
    ),
    (
        "a-run-of-days-is-no-heading-and-chairs-stand-between-a-heading-and-its-rows",
        "TARİH : 13-14 Eylül 2025\nYER: Kültür Konağı\n\n"
        "13 Eylül 2025 Cumartesi 1. Oturum\nOturum Başkanları: Ali Kaya ve Ece Tan\n"
        "10.40-10.55- Ali Kaya: Kıyılar\n\n14 Eylül 2025 Pazar 2. Oturum\n"
        "Oturum Başkanları: Ece Tan\n10.00-10.15- Ece Tan: Ormanlar\n",
        [
            "Ali Kaya | Kıyılar | Ali Kaya: Kıyılar | 09-13 10:40–10:55 | -",
            "Ece Tan | Ormanlar | Ece Tan: Ormanlar | 09-14 10:00–10:15 | -",
        ],
    ),
    (
        "a-stale-year-whose-weekday-fits-the-stated-year-and-a-bracketed-room-over-its-title",
        "PONDELOK – 18. 11. 2023\n\n13.00 – 14.30 (Zrkadlová sieň – Stará radnica)\n"
        "Občianske práva\n\n15.00 – 16.30 (Kultúrne centrum Pod Hradom)\nPremietanie\n",
        [
            "Session | - | Občianske práva | 11-18 13:00–14:30 | Zrkadlová sieň – Stará radnica",
            "Session | - | Premietanie | 11-18 15:00–16:30 | Kultúrne centrum Pod Hradom",
        ],
    ),
    (
        "a-weekday-over-the-rows-moves-the-pages-one-date-and-a-deadline-is-no-date",
        "Samling i hamnen torsdag kväll 8.2.2024, då seminariet öppnas för alla deltagare.\n"
        "Fredagen startar med frukost. Program från kl. 9.\nKl. 09.00–09.15 Välkomstord\n"
        "Anmälan senast 16.1.2024 till kansliet.\n",
        ["Session | - | Välkomstord | 02-09 09:00–09:15 | -"],
    ),
    (
        "a-post-date-moved-by-the-dated-weekday-among-dates-in-the-prose-below",
        "sábado, 4 de octubre de 2024\n\nComo anunciamos el pasado 2 de agosto, el sábado 26 "
        "de octubre de 2024 se celebra la jornada en la Casa de la Cultura.\n\n"
        "09:30 horas: Acreditaciones.\n10:00 horas: Saludo.\n",
        [
            "Session | - | Acreditaciones | 10-26 09:30–10:00~ | -",
            "Session | - | Saludo | 10-26 10:00–11:00~ | -",
        ],
    ),
    (
        "days-by-their-number-in-words-and-the-page-s-days-in-the-data-file-s-year",
        "Workshop, 15 - 17 November 2024\n\nAgenda Day one\n07.30 - 08.30 Registration\n\n"
        "اليوم الثاني\n09:00 - 10:00 Talk\n\nAs on 15 - 17 November 2022.\n",
        [
            "Registration | - | Registration | 11-15 07:30–08:30 | -",
            "Talk | - | Talk | 11-16 09:00–10:00 | -",
        ],
    ),
    (
        "cards-title-over-its-time-alone-place-under-it",
        "Day 1, 22 April 2025\nOpening\n09:00 - 10:00\n\nMain Hall\nTalk by Prof. Ana Ruiz\n"
        "10:00 - 11:00\n\nMain Hall\nClosing\n11:00\n\nGarden Room\n",
        [
            "Opening | - | Opening | 04-22 09:00–10:00 | Main Hall",
            "Talk | - | Talk by Prof. Ana Ruiz | 04-22 10:00–11:00 | Main Hall",
            "Closing | - | Closing | 04-22 11:00–12:00~ | Garden Room",
        ],
    ),
    (
        "zh-day-month-lines-over-tables-past-a-link-and-a-header-row",
        "12/3 会议直播链接：\n\n#会议：731-204-956\n\n时间\t内容\t嘉宾\n9:30\t开幕\t沈知远\n\n"
        "12/4 下午 13:00 开始 (预估)\n直播间\n作品汇总：快来围观~\n\n时间\t内容\n"
        "13:10- 15:40\t答辩\n",
        [
            "Session | - | 开幕 | 03-12 09:30–10:30~ | -",  # (day first: Lisbon)
            "Session | - | 答辩 | 04-12 13:10–15:40 | -",
        ],
    ),
    (
        "weekday-headings-dated-by-a-run-of-days-deep-in-a-paragraph",
        "Program\n\n"
        + "Přátelé se během roku schází na setkáních. " * 6
        + "Přípravné setkání se uskuteční 9.-11. února 2018 v Olomouci.\n\n"
        "pátek / Friday\n18.00 - 20.00 večeře / dinner\n\nneděle / Sunday\n"
        "9.00 - 10.00 morning workshop\n",
        [
            "Dinner | - | večeře / dinner | 02-09 18:00–20:00 | -",
            "Workshop | - | morning workshop | 02-11 09:00–10:00 | -",
        ],
    ),
    (
        "mojibake-dashes-between-times-with-their-bytes-lost",
        "Programma woensdag 27 mei 2009\n\n09:30 â 10:00 Ontvangst\n10:00 â 10:05 Welkomstwoord\n",
        [
            "Session | - | Ontvangst | 05-27 09:30–10:00 | -",
            "Session | - | Welkomstwoord | 05-27 10:00–10:05 | -",
        ],
    ),
    (
        "uk-quoted-name-on-the-next-line-and-a-dash-inside-quotes-no-room",
        "П’ятниця, 17 липня 2009 року\n"
        "9:00-14:00 – заїзд;\n18:00- відкриття фестивалю «Вітер - 2009»;\n"
        "23:00-24:00 – виступ гурту\n«Сірі журавлі».\n"
        "Субота, 18 липня 2009 року\n8:00 – оголошення «Вітер – 2009»;\n"
        "12:00 – концерт «Вітер - 2009»;\n",
        [
            "Session | - | заїзд | 07-17 09:00–14:00 | -",
            "Session | - | відкриття фестивалю «Вітер - 2009» | 07-17 18:00–19:00~ | -",
            "Session | - | виступ гурту «Сірі журавлі» | 07-17 23:00–07-18 00:00 | -",
            "Session | - | оголошення «Вітер – 2009» | 07-18 08:00–09:00~ | -",
            "Session | - | концерт «Вітер - 2009» | 07-18 12:00–13:00~ | -",
        ],
    ),
    (
        "glance-table-date-cell-on-a-day-s-first-row-and-a-note-column",
        "Date\tSchedule\tSessions\tNote\n"
        "Sep 17\t09:00 ~ 12:00\tDoctoral Forum 1\t4 talks and mentor feedback\n"
        "14:00 ~17:00\tDoctoral Forum 2\t4 talks and mentor feedback\t\n"
        "Sep 18\t09:00 ~ 12:00\tWorkshop Block A\t6 workshops\n"
        "12:00 ~ 13:30\tLunch & Exhibits\tOnline Keynote by Tomasz Wierzbicki\t\n",
        [
            "Session | - | Doctoral Forum 1 | 09-17 09:00–12:00 | -",
            "Session | - | Doctoral Forum 2 | 09-17 14:00–17:00 | -",
            "Workshop | - | Workshop Block A | 09-18 09:00–12:00 | -",
            "Lunch | - | Lunch & Exhibits | 09-18 12:00–13:30 | -",
        ],
    ),
    (
        "a-place-field-under-a-date-field-is-the-page-s-venue-no-room",
        "Data: 06 de Outubro 2023\nLocal: Câmara Municipal\n\nPROGRAMAÇÃO:\n"
        "08h – Credenciamento\n09:15 – Chegada dos convidados\n",
        [
            "Session | - | Credenciamento | 10-06 08:00–09:00~ | -",
            "Session | - | Chegada dos convidados | 10-06 09:15–10:15~ | -",
        ],
    ),
    (
        "grid-of-day-columns-over-start-dash-end-cells",
        "Program\n\t\t\t08/07/2024\t09/07/2024\n"
        "9:00\t-\t10:30\tOpening and practical info\tLorenzo Bellandi\n"
        "10:30\t-\t11:00\tCoffee Break\tCoffee Break\n",
        [
            "Opening | - | Opening and practical info | 07-08 09:00–10:30 | -",
            "Session | - | Lorenzo Bellandi | 07-09 09:00–10:30 | -",
            "Coffee Break | - | Coffee Break | 07-08 10:30–11:00 | -",
            "Coffee Break | - | Coffee Break | 07-09 10:30–11:00 | -",
        ],
    ),
    (
        "header-of-days-whose-cells-break-their-lines",
        "Horario\tLunes\n20 de octubre\tMartes\n21 de octubre 2025\n"
        "09:00 - 10:30\tApertura\tTaller\n10:30 - 10:50\tCoffee Break\tCoffee Break\n",
        [
            "Opening | - | Apertura | 10-20 09:00–10:30 | -",
            "Workshop | - | Taller | 10-21 09:00–10:30 | -",
            "Coffee Break | - | Coffee Break | 10-20 10:30–10:50 | -",
            "Coffee Break | - | Coffee Break | 10-21 10:30–10:50 | -",
        ],
    ),
    (
        "it-h-dot-times-speakers-in-brackets-titles-on-the-next-line",
        "La manifestazione ha luogo sabato 24 Ottobre 2015 presso il Museo.\n\nProgramma\n"
        "h.10:00 (Marco Bettoni)\n     Benvenuto e presentazione della giornata\n"
        "h.10:05 (dott.ssa Chiara Mondini e Piero Salvalai)\n     Il linguaggio dei mattoncini\n"
        "h.11:10\n     Pausa caffè\n",
        [
            "Session | - | Benvenuto e presentazione della giornata | 10-24 10:00–10:05~ | -",
            "Session | - | Il linguaggio dei mattoncini | 10-24 10:05–11:05~ | -",
            "Coffee Break | - | Pausa caffè | 10-24 11:10–12:10~ | -",
        ],
    ),
    (
        "he-hours-field-no-session-a-long-question-stays-under-its-colon-title",
        "תאריך: 22/8/21\nשעות: 9:00-18:30\n\n9:00 התכנסות ורישום\n\n9:30 מושב בוקר:\n"
        'ד"ר אליעזר שחם, המכון לחקר הרי אפרים והמכללה האקדמית כנרת- מעיינות העמק-בין מיתוס?\n',
        [
            "Session | - | התכנסות ורישום | 08-22 09:00–09:30~ | -",
            "Session | - | מושב בוקר: | 08-22 09:30–10:30~ | -",
        ],
    ),
    (
        "a-place-line-over-rows-whose-times-start-again-heads-them",
        "piątek 21 sierpnia 2009\n14.30 - Otwarcie Jarmarku\n16.00 - Biesiada Sołecka\n"
        "          - Rozpoczęcie Pokazów\nSCENA LETNIA - ul.Garncarska\n15.00 -  Zabawy podwórkowe\n"
        "17.00 -   Występ zespołu\n",
        [
            "Session | - | Otwarcie Jarmarku | 08-21 14:30–15:00~ | -",
            "Session | - | Biesiada Sołecka | 08-21 16:00–17:00~ | -",
            "Session | - | Zabawy podwórkowe | 08-21 15:00–16:00~ | SCENA LETNIA - ul.Garncarska",
            "Session | - | Występ zespołu | 08-21 17:00–18:00~ | SCENA LETNIA - ul.Garncarska",
        ],
    ),
    (
        "days-by-their-number-in-the-days-given-once",
        "Workshop, 15 - 17 November 2024\n\n1st day\n07.30 - 08.30 Registration\n\n"
        "Day 2:\n09.00 - 10.00 Talk\n\n3 일 차 |\n09:00 ~ 10:00 | 폐회식\n",
        [
            "Registration | - | Registration | 11-15 07:30–08:30 | -",
            "Talk | - | Talk | 11-16 09:00–10:00 | -",
            "Session | - | 폐회식 | 11-17 09:00–10:00 | -",
        ],
    ),
    (
        "alt-text-between-two-times-and-a-space-after-a-clocks-colon",
        "Mardi 19 mai 2024\n09h00  fleche-programmation  10h00 Accueil\n09: 30 | Keynote |\n",
        [
            "Registration | - | Accueil | 05-19 09:00–10:00 | -",
            "Keynote | - | Keynote | 05-19 09:30–10:30~ | -",
        ],
    ),
    (
        "a-post-date-moved-by-a-long-paragraph-below-it",
        "sábado, 4 de octubre de 2024\n\nComo ya anunciamos en la entrada de este blog correspondiente al pasado 2 de agosto, el sábado 26 de octubre de 2024, en la Casa de la Cultura Municipal de Alhama de Almería, el Grupo de Estudios organizará la primera jornada de toponimia, un encuentro pensado como espacio de debate sobre los nombres de lugar y los planos antiguos de los municipios de la provincia.\n\n09:30 horas: Acreditaciones.\n",
        ["Session | - | Acreditaciones | 10-26 09:30–10:30~ | -"],
    ),
    (
        "a-days-place-after-its-date-in-brackets-or-beyond-a-wide-gap",
        "Poniedziałek (5.08) Suwałki (Ośrodek Kraina Jezior)\n7.45 śniadanie\n\n"
        "Czwartek (8.08)    Krasnopol – Dworek „Pod Lipami”\n\n   7.45      śniadanie\n",
        [
            "Session | - | śniadanie | 08-05 07:45–08:45~ | Suwałki (Ośrodek Kraina Jezior)",
            "Session | - | śniadanie | 08-08 07:45–08:45~ | Krasnopol – Dworek „Pod Lipami”",
        ],
    ),
    (
        "a-date-in-the-title-under-a-time-alone-and-an-end-under-another",
        "Programma 5 oktober 2024\n\n09.40\nTerugblik op de middag op 19 mei\n10.10\n"
        "Leerlingen aan het woord\n15.45\nEinde\n",
        [
            "Session | - | Terugblik op de middag op 19 mei | 10-05 09:40–10:10~ | -",
            "Session | - | Leerlingen aan het woord | 10-05 10:10–11:10~ | -",
        ],
    ),
    (
        "minutes-written-mn",
        "Jeudi 14 avril 2016\n9h -9h30mn : Accueil\n9h30mn - 10h : Ouverture\n",
        [
            "Registration | - | Accueil | 04-14 09:00–09:30 | -",
            "Opening | - | Ouverture | 04-14 09:30–10:00 | -",
        ],
    ),
    (
        "a-part-of-the-day-after-a-weekdays-date",
        "Programa del 13 al 15 de novembre de 2008\n\nDivendres, 14 tarda\n"
        "17:45 - 19:00 Benvinguda\n\nDissabte, 15 matí\n10:00 - 11:00 Taller\n",
        [
            "Session | - | Benvinguda | 11-14 17:45–19:00 | -",
            "Workshop | - | Taller | 11-15 10:00–11:00 | -",
        ],
    ),
    (
        "a-place-under-a-day-heading-and-a-title-closing-its-low-quote",
        "14 октомври 2024:\nГолямата зала на Централния дом на учените, София\n"
        "13:30-16:00 Тържествена сесия: награди от конкурса „Подземният свят“\n"
        "16:30-17:00 Откриване на фотоизложба\n",
        [
            "Тържествена сесия | награди от конкурса „Подземният свят“ | Тържествена сесия: "
            "награди от конкурса „Подземният свят“ | 10-14 13:30–16:00 | Голямата зала на "
            "Централния дом на учените, София",
            "Session | - | Откриване на фотоизложба | 10-14 16:30–17:00 | Голямата зала на "
            "Централния дом на учените, София",
        ],
    ),
    (
        "a-venue-and-its-address-after-a-dash-on-a-day-heading",
        "4 de noviembre de 2024 – Teatro Municipal del Sur, Centro Cultural (Av. Colón 1450)"
        "\n\n• 9:00 h: Acreditación y apertura.\n",
        [
            "Opening | - | Acreditación y apertura | 11-04 09:00–10:00~ | Teatro Municipal "
            "del Sur, Centro Cultural (Av. Colón 1450)"
        ],
    ),
    (
        "thai-buddhist-era-year-and-a-time-in-brackets-at-the-end",
        "วันพฤหัสบดี 7 พฤศจิกายน พ.ศ. 2567\nพิธีเปิด (09.00 – 10.00 น.)\nบรรยายพิเศษ (10.30 – 12.00 น.)\n",
        [
            "Session | - | พิธีเปิด | 11-07 09:00–10:00 | -",
            "Session | - | บรรยายพิเศษ | 11-07 10:30–12:00 | -",
        ],
    ),
    (
        "a-header-row-names-the-place-column",
        "Четверг 27.07.2023\nВремя\tМероприятие\tЛокация\n17:00\tВстреча\tЦентр досуга, малый зал\n",
        ["Session | - | Встреча | 07-27 17:00–18:00~ | Центр досуга, малый зал"],
    ),
    # Grids: days as columns, cells carried down.
    (
        "days-as-columns",
        "| | Mon 3 June 2024 | Tue 4 June 2024 |\n| 09:00 | Opening | Keynote: Rivers |\n"
        "| 10:00 | Coffee break | 〃 |\n",
        [
            "Opening | - | Opening | 06-03 09:00–10:00~ | -",
            "Keynote | - | Keynote: Rivers | 06-04 09:00–10:00~ | -",
            "Coffee Break | - | Coffee break | 06-03 10:00–11:00~ | -",
        ],
    ),
    # Fields that say when and where, in a stacked block.
    (
        "when-and-where-fields",
        "欢迎仪式\n时 间：2024年5月15日15:00\n地 点：福州海峡科技馆\n",
        ["Session | - | 欢迎仪式 | 05-15 15:00–16:00~ | 福州海峡科技馆"],
    ),
    (
        "venue-between-time-and-title",
        "Lunes 3 de junio de 2024\n19.00 h\nAntiguo Pósito\nConcierto de jazz\n"
        "20.30 h\nAntiguo Pósito\nMesa redonda\n",
        [
            "Session | - | Concierto de jazz | 06-03 19:00–20:00~ | Antiguo Pósito",
            "Panel | - | Mesa redonda | 06-03 20:30–21:30~ | Antiguo Pósito",
        ],
    ),
    (
        "date-first-row-dates-the-rows-below",
        "日時:6月8日(土) 9:30- 受付開始\n10:00-10:10 開会挨拶\n10:10-11:40 研究発表\n",
        [
            "Session | - | 受付開始 | 06-08 09:30–10:00~ | -",
            "Session | - | 開会挨拶 | 06-08 10:00–10:10 | -",
            "Session | - | 研究発表 | 06-08 10:10–11:40 | -",
        ],
    ),
    (
        "numbered-date-field-over-rows",
        "1)日時 2024年4月20日(土)午前10時\n3)プログラム\n10:00 開会\n10:05 記念講演\n",
        [
            "Session | - | 開会 | 04-20 10:00–10:05~ | -",
            "Session | - | 記念講演 | 04-20 10:05–11:05~ | -",
        ],
    ),
    (
        "byline-with-comments-is-no-date",
        "01-10-24 Ana Lee 0 comments\nLørdag den 9. november samles vi i Østervang.\n"
        "10.00 – 10.30 Ankomst\n10.30 – 11.15 Debat\n",
        [
            "Session | - | Ankomst | 11-09 10:00–10:30 | -",
            "Session | - | Debat | 11-09 10:30–11:15 | -",
        ],
    ),
    (
        "time-cell-over-its-title-line",
        "Thursday 12 April 2024\n09.30 – 09.50 |\nGreeting by the Mayor\n"
        "09.50 – 10.30 |\nCoffee break\n",
        [
            "Session | - | Greeting by the Mayor | 04-12 09:30–09:50 | -",
            "Coffee Break | - | Coffee break | 04-12 09:50–10:30 | -",
        ],
    ),
    (
        "a-room-after-the-times-title-below",
        "Saturday, March 23, 2024\n12:00 to 5:00 p.m., Mississippi Hall B, Second Level\n"
        "Attendee Help Desk Open\n3:00 to 4:30 p.m. Room 211\n+ Volunteer Orientation\n"
        "1:30 pm Technical visit to the testing hall\n",
        [
            "Session | - | Attendee Help Desk Open | 03-23 12:00–17:00 | Mississippi Hall B,"
            " Second Level",
            "Session | - | Volunteer Orientation | 03-23 15:00–16:30 | Room 211",
            "Session | - | Technical visit to the testing hall | 03-23 13:30–14:30~ | -",
        ],
    ),
    (
        "a-titled-row-with-its-room-cell-keeps-its-title",
        "Friday 6 September 2013\nLunch\t13:10-14:00\tThe Orchard Room\n\n"
        "* breakfast is for residential delegates\n",
        ["Lunch | - | Lunch | 09-06 13:10–14:00 | The Orchard Room"],
    ),
    (
        "a-run-on-paragraph-of-rows-after-sentences",
        "Wednesday, October 29, 2025\nBreakfast provided. Supper on your own. 8:00 am to 9:00 am "
        "Hot Breakfast Buffet 9:00 am Welcome 9:50 am Keynote: Reading the Hills 10:40 am "
        "Briefing\n",
        [
            "Session | - | Hot Breakfast Buffet | 10-29 08:00–09:00 | -",
            "Opening | - | Welcome | 10-29 09:00–09:50~ | -",
            "Keynote | - | Keynote: Reading the Hills | 10-29 09:50–10:40~ | -",
            "Session | - | Briefing | 10-29 10:40–11:40~ | -",
        ],
    ),
    (
        "sentences-with-fewer-times-are-prose",
        "Wednesday, October 29, 2025\nDoors open early. Talks run 9:00 am Welcome 10:00 am on.\n",
        [],
    ),
    (
        "a-place-field-closing-a-day-is-the-days-place",
        "Dia 21 de novembro de 2022 (segunda-feira)\n14h – Oficina de fanzines\n"
        "15h – Abertura Oficial\nLocal: Hall do Bloco C (R. Deodoro, 415)\n"
        "Dia 22 de novembro de 2022 (terça-feira)\n19h30 – Palestra\n",
        [
            "Session | - | Oficina de fanzines | 11-21 14:00–15:00~ | Hall do Bloco C",
            "Session | - | Abertura Oficial | 11-21 15:00–16:00~ | Hall do Bloco C",
            "Session | - | Palestra | 11-22 19:30–20:30~ | -",
        ],
    ),
    (
        "a-banner-date-and-venue-over-prose-is-the-pages-venue",
        "Friday 14 June 2024 · Hartshead Building, University of Sheffield\nAgenda\n"
        "This one-day workshop is organised in two halves with talks and a making activity.\n"
        "09.30 – 09.50 Welcome tea & coffee\n",
        ["Opening | - | Welcome tea & coffee | 06-14 09:30–09:50 | -"],
    ),
    (
        "a-wrapped-table-rows-room-cell-on-its-own-line",
        "WEDNESDAY 13TH MARCH 2019\n2:00pm | Weaving Gallery open\n"
        "Walk through the story told in the work of local makers |\nFoyer |\n",
        ["Session | - | Weaving Gallery open | 03-13 14:00–15:00~ | Foyer"],
    ),
    (
        "a-weekday-and-its-first-row-on-one-line",
        "Program ve dnech 21. – 23.10. 2022\n\nPátek : 18:00 hod. – večeře\n"
        "19:30 hod. – dokument\n\nSobota: 9:30 hod. – vernisáž výstavy\n",
        [
            "Session | - | večeře | 10-21 18:00–19:00~ | -",
            "Session | - | dokument | 10-21 19:30–20:30~ | -",
            "Session | - | vernisáž výstavy | 10-22 09:30–10:30~ | -",
        ],
    ),
    (
        "a-title-hard-wrapped-at-a-width-is-joined",
        "Thursday 6 November 2008\n  11:00-12:30\n"
        "    Joint session with the Linked Places Interest Group, with discussion\n"
        "    focusing on the two gazetteers.\n  12:30-14:00\n    Lunch\n",
        [
            "Session | - | Joint session with the Linked Places Interest Group, with discussion "
            "focusing on the two gazetteers | 11-06 11:00–12:30 | -",
            "Lunch | - | Lunch | 11-06 12:30–14:00 | -",
        ],
    ),
    (
        "a-speaker-under-a-long-title-is-not-joined",
        "Thursday 6 November 2008\n11:00-12:30\n"
        "Informacja o projekcie: Otwarte dane w samorządach – katalog praktyk\n"
        "dr Anna Sowa, Komisja Standardów, Towarzystwo Informatyczne\n",
        [
            "Informacja o projekcie | Otwarte dane w samorządach – katalog praktyk | "
            "Informacja o projekcie: Otwarte dane w samorządach – katalog praktyk | "
            "11-06 11:00–12:30 | -"
        ],
    ),
    (
        "a-mail-header-time-stamp-is-no-session",
        "Date: Thu, 30 Oct 2008 09:41:17 -0700\nThursday 6 November 2008\n09:00 Convene\n"
        "Received on Thursday, 30 October 2008 16:42:05 UTC\n",
        ["Session | - | Convene | 11-06 09:00–10:00~ | -"],
    ),
    (
        "a-title-over-a-row-whose-words-are-its-place",
        "大会1日目:11月8日(金)\n\nSNW事前相談会\n10:00~12:00 会場:鳥越町役場\n"
        "SNW理事会\n13:00~15:30 会場:鳥越町役場これから里山ネットワークへの加盟を目指す地域\n",
        [
            "Session | - | SNW事前相談会 | 11-08 10:00–12:00 | 鳥越町役場",
            "Session | - | SNW理事会 | 11-08 13:00–15:30 | -",
        ],
    ),
    (
        "a-part-of-the-day-and-its-place-after-a-dash-over-rows",
        "Ve čtvrtek 21. 03. 2024 od 09.30 hodin\n\nVeřejná část – přednáškový sál Přádelna\n"
        "09:30 zahájení\n09:40 úvodní slovo\n",
        [
            "Session | - | zahájení | 03-21 09:30–09:40~ | přednáškový sál Přádelna",
            "Session | - | úvodní slovo | 03-21 09:40–10:40~ | přednáškový sál Přádelna",
        ],
    ),
    (
        "the-days-hours-over-rows-past-paragraphs-parted-by-blank-lines",
        "Donderdag 12 juni 2025, van 9.00 tot 16.00 uur\n\nGastgemeente: Buren\n"
        + "\nDe bijeenkomst wordt gehouden in Buren.\n" * 6
        + "\nProgramma\n\n09.00 uur Inloop met koffie\n09.30 uur Welkom\n",
        [
            "Session | - | Inloop met koffie | 06-12 09:00–09:30~ | -",
            "Session | - | Welkom | 06-12 09:30–10:30~ | -",
        ],
    ),
    (
        "a-grid-of-days-whose-cells-hold-their-own-times",
        "KUOPIO, 9-10.5.2012\n\tWednesday 9.5\tThursday 10.5\n"
        "Morning\tArrival.\t9.00 Lessons in class.\n"
        "\t\tVisit to the school. 11.00. Lunch together.\n",
        [
            "Session | - | Lessons in class | 05-10 09:00–10:00~ | -",
            "Lunch | - | Lunch together | 05-10 11:00–12:00~ | -",
        ],
    ),
    (
        "a-venue-and-date-line-over-links-is-the-pages-not-the-days",
        "Sala Sejmikowa, Pałac Zamoyskich, 12 czerwca 2013 roku\n\nTransmisja na żywo:\n"
        "1. http://tv.example.pl/\n\nPROGRAM KONFERENCJI\n\n9.30–10.15    Rejestracja\n",
        ["Session | - | Rejestracja | 06-12 09:30–10:15 | -"],
    ),
    (
        "rows-ending-in-a-dash-and-a-room-then-its-place",
        "Sabato 26 Marzo 2016\n"
        'Ore 11.00 Inaugurazione - Sala "Ernesto Bolla” - Località Darsena.\n'
        "Ore 14.00 Apertura - Sala Verdi - Località Darsena.\n"
        "Ore 16.00 Concerto - Sala Rossa\n"
        "Ore 18. 00 Escursioni organizzate:\n- frazione Sasso, passeggiata\n",
        [
            "Session | - | Inaugurazione | 03-26 11:00–12:00~ | "
            'Sala "Ernesto Bolla” - Località Darsena',
            "Opening | - | Apertura | 03-26 14:00–15:00~ | Sala Verdi - Località Darsena",
            "Session | - | Concerto | 03-26 16:00–17:00~ | Sala Rossa",
            "Session | - | Escursioni organizzate: | 03-26 18:00–19:00~ | -",
        ],
    ),
    (
        "an-afternoon-heading-puts-its-twelve-hour-rows-past-noon",
        "3月12日(星期日)\n下午\n2:00~2:30 报到。\n3:00 举行预备会议。(在区行政中心5楼会议室,2:50入场)\n"
        "3月13日(星期一)\n上午\n9:00 开幕会。\n",
        [
            "Session | - | 报到 | 03-12 14:00–14:30 | -",
            "Session | - | 举行预备会议 | 03-12 15:00–16:00~ | 区行政中心5楼会议室",
            "Session | - | 开幕会 | 03-13 09:00–10:00~ | -",
        ],
    ),
    (
        "rows-dated-by-a-date-field-below-them",
        "12:30 Uhr Ankommen der Gäste\n13:00 Uhr Begrüßung\nDate:\n"
        "03/14/2024 12:30 - 03/14/2024 17:00\nRegistration deadline:\n03/08/2024\n",
        [
            "Session | - | Ankommen der Gäste | 03-14 12:30–13:00~ | -",
            "Session | - | Begrüßung | 03-14 13:00–14:00~ | -",
        ],
    ),
    (
        "a-code-over-a-papers-title-is-no-room",
        "1日目　6月26日（木）\n10:05 – 11:05「口頭発表」\nO1\n光応答性リンカーを用いた分割型酵素\n"
        "11:20 - 12:10「招待講演」\nRoom B1\n",
        [
            "Session | - | 「口頭発表」 | 06-26 10:05–11:05 | -",
            "Session | - | 「招待講演」 | 06-26 11:20–12:10 | Room B1",
        ],
    ),
    (
        "a-table-with-its-places-before-its-titles",
        "Monday 21 January 2019\n| 10:00 | WB courtyard | Registration |\n"
        "| 10:45 | MR | Welcome |\n| 12:00 | Lunch (arrange your own) | |\n| 19:00 | Finish |\n",
        [
            "Registration | - | Registration | 01-21 10:00–10:45~ | WB courtyard",
            "Opening | - | Welcome | 01-21 10:45–11:45~ | MR",
            "Lunch | - | Lunch (arrange your own) | 01-21 12:00–13:00~ | -",
        ],
    ),
    (
        "a-place-field-right-under-each-row-is-its-room",
        "Saturday, November 9th 2019\n8:30 - 9:00 AM: Leads Briefing\n"
        "LOCATION: Building 340, Room 112\n9:00 AM - 11:30 AM: Committee Session 2\n"
        "LOCATION: Committee Rooms\n11:30 AM - 1:15 PM: Lunch Break\n",
        [
            "Session | - | Leads Briefing | 11-09 08:30–09:00 | Building 340, Room 112",
            "Session | - | Committee Session 2 | 11-09 09:00–11:30 | Committee Rooms",
            "Lunch | - | Lunch Break | 11-09 11:30–13:15 | -",
        ],
    ),
    (
        "rows-that-name-only-their-weekday-under-the-pages-date",
        "Workshop on Lifelong Learning\nFri 17 Jul 2020, 6 a.m. PDT\n"
        "Fri 6:00 a.m. - 6:05 a.m.\n|\nIntroduction\n(\nTalk\n)\n"
        "Fri 6:05 a.m. - 6:35 a.m.\n|\nInvited Talk: Helena Marchetti\n",
        [
            "Session | - | Introduction | 07-17 06:00–06:05 | -",
            "Invited Talk | - | Invited Talk: Helena Marchetti | 07-17 06:05–06:35 | -",
        ],
    ),
    (
        "slash-bullets-and-places-after-arrows",
        "1/06/2019, SOBOTA\nDLA RODZIN\n/ 14.00\nKONCERT NA DZIEŃ DZIECKA\n"
        "Koncert dla całych rodzin → Namiot Sąsiedzki\n/ 17.00\nŚPIEWAMY RAZEM\n",
        [
            "Session | - | KONCERT NA DZIEŃ DZIECKA | 06-01 14:00–15:00~ | Namiot Sąsiedzki",
            "Session | - | ŚPIEWAMY RAZEM | 06-01 17:00–18:00~ | -",
        ],
    ),
    (
        "a-place-after-an-arrow-over-rows",
        "1/06/2019, SOBOTA\nZIELONY STÓŁ\n→ przy stawie CKO\n/ 16.30\nKONCERT PODWÓRKOWY\n",
        ["Session | - | KONCERT PODWÓRKOWY | 06-01 16:30–17:30~ | przy stawie CKO"],
    ),
    (
        "a-day-of-only-one-to-six-oclock-is-an-afternoon",
        "Day 1. 11th July 2022\n1.00-1.20 Welcome\n2.50-3.00 Time for a stretch\n"
        "4.10-5.45 Your thesis as a postcard\n",
        [
            "Opening | - | Welcome | 07-11 13:00–13:20 | -",
            "Session | - | Time for a stretch | 07-11 14:50–15:00 | -",
            "Session | - | Your thesis as a postcard | 07-11 16:10–17:45 | -",
        ],
    ),
    (
        "a-start-end-location-activity-table",
        "| Tuesday October 24, 2023 | |||\n| Start | End | Location | Activity |\n"
        "| 8:30 AM | 9:00 AM | Mellon Commons Lounge | Morning Refreshments |\n"
        "| 10:30 AM | 11:00 AM | Mellon Commons Lounge | Break · Coffee and tea |\n",
        [
            "Session | - | Morning Refreshments | 10-24 08:30–09:00 | Mellon Commons Lounge",
            "Break | - | Break | 10-24 10:30–11:00 | Mellon Commons Lounge",
        ],
    ),
    (
        "hu-place-lines-with-colon-between-rows",
        "Szeptember 28., szombat:\nSportpálya és környéke:\n10.00 Vásári Játszóház\n"
        "Pajta udvar:\n9.00 Halászléfőző verseny\n11.00 Rezesbanda műsora\n"
        "Templom tér:\n15.00 Szüreti Menet indulása\n",
        [
            "Session | - | Vásári Játszóház | 09-28 10:00–11:00~ | Sportpálya és környéke",
            "Session | - | Halászléfőző verseny | 09-28 09:00–10:00~ | Pajta udvar",
            "Session | - | Rezesbanda műsora | 09-28 11:00–12:00~ | Pajta udvar",
            "Session | - | Szüreti Menet indulása | 09-28 15:00–16:00~ | Templom tér",
        ],
    ),
    (
        "hr-title-over-its-place-and-time",
        "21. travnja (nedjelja)\n\n– Putujuća izložba\nriva – 10-18 sati\n\n"
        "– Svečana sjednica vijeća\nkino dvorana – 11 sati\n\n"
        "– – Igre za najmlađe –\nšator – 17 sati\n",
        [
            "Session | - | Putujuća izložba | 04-21 10:00–18:00 | riva",
            "Session | - | Svečana sjednica vijeća | 04-21 11:00–12:00~ | kino dvorana",
            "Session | - | Igre za najmlađe | 04-21 17:00–18:00~ | šator",
        ],
    ),
    (
        "id-date-cells-head-the-rows-below",
        "Hari | Tanggal | Waktu | Kegiatan | Tempat |\n"
        "Kamis | 2 Mei 2019 | 10.00-14.00 | Registrasi | Gedung Sangkuriang |\n"
        "18.00 | Check In | Wisma Cimahi | ||\n"
        "Sabtu | 4 Mei 2019 | 05.30-06.30 | Penjemputan | Wisma Cimahi |\n",
        [
            "Registrasi | - | Registrasi | 05-02 10:00–14:00 | Gedung Sangkuriang",
            "Registration | - | Check In | 05-02 18:00–19:00~ | Wisma Cimahi",
            "Penjemputan | - | Penjemputan | 05-04 05:30–06:30 | Wisma Cimahi",
        ],
    ),
    (
        "a-buildings-code-and-room-glued-to-titles",
        "Saturday, 11/12/2016\n10:30am Check-in opens JRC Lobby\n12:00pm Opening ceremony JRC 214\n"
        "1:00pm Lunch JRC Commons\n2:00pm Intro to CS 101\n",
        [
            "Registration | - | Check-in opens | 11-12 10:30–11:30~ | JRC Lobby",
            "Opening | - | Opening ceremony | 11-12 12:00–13:00~ | JRC 214",
            "Lunch | - | Lunch | 11-12 13:00–14:00~ | JRC Commons",
            "Session | - | Intro to CS 101 | 11-12 14:00–15:00~ | -",
        ],
    ),
    (
        "de-times-alone-over-titles-ending-with-building-rooms",
        "Mittwoch, 1. Oktober 2008\n13.00 – 15.00 Uhr\nVortragsreihe Clio-Forum GWZ Raum 105\n\n"
        "13.30 - 14.30 Uhr\nVorstand AHG GWZ HS 401\n\n"
        "18.30 – 19.15 Uhr\nEmpfang VDA & SLB GWZ Raum 105\n",
        [
            "Session | - | Vortragsreihe Clio-Forum | 10-01 13:00–15:00 | GWZ Raum 105",
            "Session | - | Vorstand AHG | 10-01 13:30–14:30 | GWZ HS 401",
            "Session | - | Empfang VDA & SLB | 10-01 18:30–19:15 | GWZ Raum 105",
        ],
    ),
    (
        "a-time-alone-blank-lines-then-its-title",
        "utorok 9. apríla 2024\n\n9:15-10:00\n\n\n\nPlenárna prednáška\nAula K2-1\n",
        ["Session | - | Plenárna prednáška | 04-09 09:15–10:00 | Aula K2-1"],
    ),
    (
        "cs-a-question-goes-on-a-title-after-its-colon",
        "Středa 6. listopadu 2024\n10:00–12:30 Panel I:\nKomu ještě věříme? (sál Refektář)\n",
        ["Panel | - | Panel I: Komu ještě věříme? | 11-06 10:00–12:30 | sál Refektář"],
    ),
    (
        "ja-when-field-under-no-name-dates-the-rows-below-its-place-is-the-page-s",
        "2024年2月10日\n\n日　時：　2024年2月27日（火）9時15分から17時00分\n場　所：　みなと会館\n\n"
        "■開会：　9:15～\n■活動報告：　9:30～\n",
        [
            "Session | - | 開会 | 02-27 09:15–09:30~ | -",
            "Session | - | 活動報告 | 02-27 09:30–10:30~ | -",
        ],
    ),
    (
        "zh-when-field-under-a-name-is-that-sessions",
        "（一）见面会\n欢迎仪式\n时 间：5月15日15:00\n地 点：南门广场\n",
        ["Session | - | 欢迎仪式 | 05-15 15:00–16:00~ | 南门广场"],
    ),
    (
        "it-a-meeting-in-its-place-over-the-rows",
        "II ° Giorno 20.09.2011\nOre 08,00 Arrivo al porto\nRiunione in Sala Ginestra\n"
        "Ore 17,00 Apertura dei lavori\nOre 17,20 Prima sessione\n",
        [
            "Session | - | Arrivo al porto | 09-20 08:00–09:00~ | -",
            "Opening | - | Apertura dei lavori | 09-20 17:00–17:20~ | Sala Ginestra",
            "Session | - | Prima sessione | 09-20 17:20–18:20~ | Sala Ginestra",
        ],
    ),
    (
        "ja-when-heading-over-a-table-whose-people-column-holds-no-rooms",
        "## 日時\n\n- 2021年4月24日（土） 13:00～20:00\n\n## タイムテーブル\n\n"
        "| 開始時間 | 終了時間 | セッション | 登壇者 |\n| --- | --- | --- | --- |\n"
        "| 13:00 | 13:10 | オープニング | 未定 |\n"
        "| 13:10 | 13:30 | ゲストセッション | [村上](https://example.jp/m) さん |\n",
        [
            "Session | - | オープニング | 04-24 13:00–13:10 | -",
            "Session | - | ゲストセッション | 04-24 13:10–13:30 | -",
        ],
    ),
    (
        "speaker-column-cell-is-no-room",
        "Monday 3 June 2024\n| Time | Session | Speaker |\n| 13:00 | Opening | Main Hall |\n",
        ["Opening | - | Opening | 06-03 13:00–14:00~ | -"],
    ),
    (
        "de-markdown-cells-with-html-breaks-and-references",
        "## Montag (3. Juni 2024)\n\n| Zeit | Programm |\n|---|---|\n"
        "| 10:00 -<br>18:00 | Workshops &amp; Demos |\n| 18:00 | &nbsp; |\n"
        "| 19:00 | Essen<br>(Suppe &#38; Limo) |\n",
        [
            "Workshop | - | Workshops & Demos | 06-03 10:00–18:00 | -",
            "Session | - | Essen (Suppe & Limo) | 06-03 19:00–20:00~ | -",
        ],
    ),
    (
        "ko-letter-spaced-header-length-after-the-time-people-column",
        "2020년 2월 6일 (목)\n시  간\t주  제\t발표자\n"
        "14:00~14:10 (10분)\t개회 및 참석자 소개\t사회자\n",
        ["Session | - | 개회 및 참석자 소개 | 02-06 14:00–14:10 | -"],
    ),
    (
        "nl-speaker-column-before-the-subject",
        "## maandag 2 oktober 2023\n\n| Tijd | Spreker | Onderwerp |\n|:---|:---|:---|\n"
        "| 11:00 | [Wessel Hoogeveen](https://example.org/212) | Waarom een bouwdoos |\n"
        "| 13:00 | Ruben Terpstra | (werktitel) De bouwdoos | ntb |\n",
        [
            "Session | - | Waarom een bouwdoos | 10-02 11:00–12:00~ | -",
            "Session | - | (werktitel) De bouwdoos | 10-02 13:00–14:00~ | -",
        ],
    ),
    (
        "header-of-days-wrapped-over-rows-with-start-and-end-cells",
        "Program\nMonday May 8th 2017\tTuesday May 9th 2017\nWednesday May 10th 2017\n\n"
        "9:00\t10:00\tWelcome\tTeam Work\tReports\n14:00\t16:00\tTeam Work\tLunch\n",
        [
            "Opening | - | Welcome | 05-08 09:00–10:00 | -",
            "Session | - | Team Work | 05-09 09:00–10:00 | -",
            "Session | - | Reports | 05-10 09:00–10:00 | -",
            "Session | - | Team Work | 05-08 14:00–16:00 | -",
            "Lunch | - | Lunch | 05-09 14:00–16:00 | -",
        ],
    ),
    (
        "fr-header-of-days-times-both-sides-short-rows-cell-second-lines",
        "| Mardi 22 juin 2021 | Mercredi 23 juin 2021 |\n11:00 | Accueil\n"
        "11:10 | Exposé invité | Café | 11:10\nHélène Marchetti (CNRS)\n12:10 | Pause | 〃 | 12:10\n",
        [
            "Registration | - | Accueil | 06-22 11:00–11:10~ | -",
            "Session | - | Exposé invité | 06-22 11:10–12:10~ | -",
            "Session | - | Café | 06-23 11:10–12:10~ | -",
            "Break | - | Pause | 06-22 12:10–13:10~ | -",
        ],
    ),
    (
        "a-one-word-cell-under-a-room-column-is-its-session",
        "Monday 3 June 2024\n| Time | Hall A | Hall B |\n| 10:00 | Posters | Demos |\n"
        "| 11:00 | Coffee break | Foyer |\n",
        [
            "Poster | - | Posters | 06-03 10:00–11:00~ | Hall A",
            "Demo | - | Demos | 06-03 10:00–11:00~ | Hall B",
            "Coffee Break | - | Coffee break | 06-03 11:00–12:00~ | Foyer",
        ],
    ),
    (
        "zh-markdown-heading-names-the-place-of-its-table-not-the-next",
        "2019年11月3日\n\n## 主会场：主题演讲\n\n| 时段 | 主题 | 讲者 |\n| :-: | :-: | :-: |\n"
        "| 09:20-09:30 | 开场致词 Opening | 启源社 |\n\n## Track 1：开源社区\n\n"
        "| 时段 | 主题 | 讲者 |\n| :-: | :-: | :-: |\n| 13:30-14:10 | 服务网关设计 | 方启明 |\n",
        [
            "Opening | - | 开场致词 Opening | 11-03 09:20–09:30 | 主会场",
            "Session | - | 服务网关设计 | 11-03 13:30–14:10 | -",
        ],
    ),
    (
        "de-room-bands-in-one-table-date-only-in-the-footer",
        "Programm\n\n\t\tRaum H1\t\n10:00 - 12:00\t\tKiCad von Null an\tUlrike Sembach\t\n"
        "14:00 - 16:00\t\tJoplin\tBernd Wiesinger\t\n \t\n\t\tSternwarte\t\n"
        "09:30 - 10:00\t\tSpiegelteleskop\tHeiko Strobel\t\n\nALBIX - Samstag, 24. Juni 2017\n"
        "Impressum\n",
        [
            "Session | - | KiCad von Null an | 06-24 10:00–12:00 | Raum H1",
            "Session | - | Joplin | 06-24 14:00–16:00 | Raum H1",
            "Session | - | Spiegelteleskop | 06-24 09:30–10:00 | Sternwarte",
        ],
    ),
    (
        "cards-of-time-speakers-then-title",
        "October 3, 2024\n09:40 - 10:40\nLena Hartmann\nDesigning for the second screen\n\n"
        "10:50 - 11:35\nTomasz Wrona\nMotion that explains itself\n\n"
        "11:55 - 12:40\nAiko Brandt, Jo Kim\nResearch ops on a shoestring\n\n"
        "12:40 - 14:00\nLunch\n",
        [
            "Session | - | Designing for the second screen | 10-03 09:40–10:40 | -",
            "Session | - | Motion that explains itself | 10-03 10:50–11:35 | -",
            "Session | - | Research ops on a shoestring | 10-03 11:55–12:40 | -",
            "Lunch | - | Lunch | 10-03 12:40–14:00 | -",
        ],
    ),
    (
        "cards-of-a-kind-over-its-title-are-no-speakers",
        "October 3, 2024\n09:00 - 10:00\nKeynote\nOn the future of calendars\n\n"
        "10:00 - 11:00\nPanel\nFeeds that never lose an update\n\n"
        "11:00 - 12:00\nTutorial\nWriting iCalendar by hand\n",
        [
            "Keynote | - | Keynote | 10-03 09:00–10:00 | -",
            "Panel | - | Panel | 10-03 10:00–11:00 | -",
            "Tutorial | - | Tutorial | 10-03 11:00–12:00 | -",
        ],
    ),
    (
        "one-speaker-card-is-no-page-of-them",
        "October 3, 2024\n09:40 - 10:40\nLena Hartmann\nDesigning for the second screen\n\n"
        "10:50 - 11:35\nMotion that explains itself\nTomasz Wrona\n",
        [
            "Session | - | Lena Hartmann | 10-03 09:40–10:40 | -",
            "Session | - | Motion that explains itself | 10-03 10:50–11:35 | -",
        ],
    ),
    (
        "zh-a-place-over-a-card-after-the-last-ones-description",
        "10/27\n09:00 ~ 09:50\n開幕與議程導覽\n議程介紹\n我們安排了議程的導覽。\n"
        "小型研討室\n10:00 ~ 10:50\nTapcoin 平台的架構\n",
        [
            "Session | - | 開幕與議程導覽 | 10-27 09:00–09:50 | -",
            "Session | - | Tapcoin 平台的架構 | 10-27 10:00–10:50 | 小型研討室",
        ],
    ),
    (
        "a-place-under-the-first-row-is-its-own",
        "Programm, 8.7.2023\n\n09:00 Uhr Ankommen und Kaffee\n\nFoyer Haus C\n\n"
        "09:30 Uhr Gemeinsamer Einstieg\n\n10:00 Uhr Arbeitsphase\n",
        [
            "Session | - | Ankommen und Kaffee | 07-08 09:00–09:30~ | Foyer Haus C",
            "Session | - | Gemeinsamer Einstieg | 07-08 09:30–10:00~ | -",
            "Session | - | Arbeitsphase | 07-08 10:00–11:00~ | -",
        ],
    ),
    (
        "weekday-headings-by-a-byline-date-and-a-row-past-midnight",
        "(2012-06-14).- Mañana viernes 15 arrancan las fiestas.\nViernes 15.\n"
        "21:45 h.: Pregón de fiestas\n01:00 h.: Disco móvil\nSabado 16.\n13:00 h.: Misa\n",
        [
            "Session | - | Pregón de fiestas | 06-15 21:45–22:45~ | -",
            "Session | - | Disco móvil | 06-16 01:00–02:00~ | -",
            "Session | - | Misa | 06-16 13:00–14:00~ | -",
        ],
    ),
    (
        "a-place-and-its-address-under-a-day-heading-over-a-sentence",
        "Viernes, 23 de octubre de 2026\n"
        "Aula Magna de la Facultad, Campus del Ensanche, Calle Escolar, 8, 44003 Teruel.\n\n"
        'Actuar: "Cómo llevamos la participación al día a día del aula".\n\n'
        "09:00 · Bienvenida\n",
        [
            "Session | - | Bienvenida | 10-23 09:00–10:00~ | Aula Magna de la Facultad, Campus"
            " del Ensanche, Calle Escolar, 8, 44003 Teruel"
        ],
    ),
    (
        "a-place-under-a-day-heading-over-the-pages-menu-is-the-pages",
        "Warszawa, 15 października 2009 (czwartek)\nSala im. Banachiewicza, ul. Obserwatoryjna 7"
        "\n\nStrona główna | Program | Uczestnicy | Dojazd\n\n11.00-11.25 - Otwarcie\n",
        ["Session | - | Otwarcie | 10-15 11:00–11:25 | -"],
    ),
    (
        "a-part-of-day-heads-room-columns-whose-cells-break-their-lines",
        "Programa 28 de Setiembre del 2016\nTURNO\tSALA A\tSALA B\tSALA C\n"
        "MAÑANA\tSalas Amazonas A, B, C\n08:30 am - 09:10 am\tNeuronas y circuitos\n"
        "TARDE\tSALA A\tSALA B\tSALA C\n\nDolor\nSueño\nEpilepsia\n"
        "03:00 pm - 03:30 pm\tMapa de las vías.\nDr. Owen Hall (USA)\tRitmos circadianos.\n"
        "Dra. Lucía Brenner (USA)\tCrisis febriles.\n",
        [
            "Session | - | Neuronas y circuitos | 09-28 08:30–09:10 | Salas Amazonas A, B, C",
            "Session | - | Mapa de las vías | 09-28 15:00–15:30 | SALA A",
            "Session | - | Ritmos circadianos | 09-28 15:00–15:30 | SALA B",
            "Session | - | Crisis febriles | 09-28 15:00–15:30 | SALA C",
        ],
    ),
    (
        "vi-a-date-among-short-words-heads-rows-and-its-room-field",
        "Buổi 1, Thứ Bảy ngày 22 tháng 7 năm 2023\nPhòng : D12.204\n\n(xem maps)\n\n"
        "8:00-8:30\n\nChào mừng đại biểu\n",
        ["Session | - | Chào mừng đại biểu | 07-22 08:00–08:30 | D12.204"],
    ),
    (
        "a-place-alone-in-brackets-under-a-rows-items",
        "28.11.2013. (četvrtak)\n09.30 sati\n– Otvaranje skupa\n(Hotel Vrbas)\n"
        "16.30 sati\n– Lesung\n(Moderation Annelie Vortmann)\n"
        "18.00 sati\n– Rasprava\n(Spopolamento, Servizi)\n"
        "20.00 sati\n– Sastanak\n(NYSCHSA Staff & Hotel Staff)\n",
        [
            "Session | - | Otvaranje skupa | 11-28 09:30–10:30~ | Hotel Vrbas",
            "Session | - | Lesung | 11-28 16:30–17:30~ | -",
            "Session | - | Rasprava | 11-28 18:00–19:00~ | -",
            "Session | - | Sastanak | 11-28 20:00–21:00~ | -",
        ],
    ),
    (
        "zh-cards-of-speakers-and-title-a-place-over-the-next-card",
        "10/27\n08:30 ~ 09:00\n報到\n星河演講廳\n09:00 ~ 09:50\nkuohsin、Yuchen\n開幕與導覽\n"
        "議程介紹\n大會的所有議程。\n小型研討室\n10:00 ~ 10:50\nDora Lin\nWallet 卡片實戰\n"
        "議程介紹\n集點小舖。\n星河演講廳\n11:00 ~ 11:50\nPeixin\n手機作業系統\n",
        [
            "Session | - | 報到 | 10-27 08:30–09:00 | -",
            "Session | - | 開幕與導覽 | 10-27 09:00–09:50 | 星河演講廳",
            "Session | - | Wallet 卡片實戰 | 10-27 10:00–10:50 | 小型研討室",
            "Session | - | 手機作業系統 | 10-27 11:00–11:50 | 星河演講廳",
        ],
    ),
    (
        "social-past-midnight",
        "Social Sat 31 Dec 11 p.m. — Sun 1 Jan 1 a.m.\n",
        ["Social | - | Social | 12-31 23:00–01-01 01:00 | -"],
    ),
]


@pytest.mark.parametrize(("text", "expected"), [b[1:] for b in BLOCKS], ids=[b[0] for b in BLOCKS])
def test_layout_block(text: str, expected: list[str]) -> None:
    assert _sessions(_read(text)) == expected


def test_time_rows_without_a_day_heading_are_warned_and_the_file_is_an_error() -> None:
    schedule = _read("Programme\n09:00 Opening\n10:00 Keynote: Ada\n")

    assert [(d.line, d.level, d.code) for d in schedule.diagnostics] == [
        (2, "warning", "unread-header"),
        (2, "error", "no-sessions"),
        (3, "warning", "unread-header"),
    ]
    assert [schedule.diagnostics[0].message, schedule.diagnostics[1].message] == [
        "'09:00 Opening': a time with no day heading above it; not read",
        "2 lines hold dates or times but none was read as a session; calsvc reads session "
        "headers with their own date ('Poster: Federated Learning Tue 6 Jun 09:00 a.m.'), or a "
        "day heading ('Monday 14 October 2024') followed by time rows ('09:15–10:30 Keynote: "
        "Title'); see the warnings for each line",
    ]


def test_file_without_dates_is_only_an_info() -> None:
    schedule = _read("Accepted papers\nA Study of Things\nAnn Lee, Bo Chen\n")

    assert [(d.level, d.code) for d in schedule.diagnostics] == [("info", "no-sessions")]


def test_sentences_and_abstracts_with_dates_are_not_sessions_and_not_warned() -> None:
    schedule = _read(
        "Poster: Systems Tue 15 Oct 09:00 a.m.\n"
        "We ran the study from Mon 14 Oct 09:00 a.m. to the end of the week, and it went well.\n"
        "Camera-ready uploads close Fri 18 Oct 11:59 p.m.\n"
    )

    assert (_sessions(schedule), [d.code for d in schedule.diagnostics]) == (
        ["Poster | Systems | Poster: Systems | 10-15 09:00–10:00~ | -"],
        [],
    )


def test_a_wrong_header_next_to_a_date_line_is_no_label_and_no_crash() -> None:
    schedule = _read("Thu, Jun 20, 2024 ⋅ 1:15 PM - 2:05 PM\nTalk Tue 6 Jun 25:00\n")

    assert [(d.line, d.code) for d in schedule.diagnostics] == [
        (1, "unread-header"), (1, "no-sessions"), (2, "bad-header")
    ]  # fmt: skip


def test_unreadable_lines_past_a_hundred_are_counted_not_listed() -> None:
    schedule = _read("Tue 6 Jun 09:00 a.m.\n" * 1_000)

    notes = [(d.line, d.level, d.code) for d in schedule.diagnostics]
    assert (len(notes), notes[:2], notes[-1], schedule.diagnostics[-1].message) == (
        102,
        [(1, "warning", "unread-header"), (1, "error", "no-sessions")],
        (101, "warning", "unread-header"),
        "900 more unread-header warnings like the ones above, from this line on",
    )


def test_each_line_is_read_once_past_the_memory_of_lines(monkeypatch: pytest.MonkeyPatch) -> None:
    """A line is read again as its neighbours' neighbour; once the memory of read lines is
    full it starts again, so a long source costs the same per line as a short one."""
    read: list[str] = []

    def counted(line: str, vocabulary: Vocabulary) -> Form | None:
        read.append(line)
        return read_line(line, vocabulary)

    monkeypatch.setattr(blocks, "read_line", counted)
    monkeypatch.setattr(blocks, "MAX_REMEMBERED", 10)
    lines = [f"Tue 6 Jun 09:{minute:02} a.m." for minute in range(60)]
    _read("\n".join(lines))

    # Each of the 60 lines once, and after each of the 7 restarts (every 10 lines read, the
    # 7 read again among them) the line below again (a date line looks whether time rows
    # follow it) and the line above (whether it names the session).
    assert (len(read), len(set(read))) == (74, 60)


def test_grid_rows_spanned_or_empty_are_no_warning() -> None:
    schedule = _read(
        "| Monday, 12 September 2022 | | |\n| 08:00 - 08:30 | Registration | |\n"
        "| 08:30 - 09:00 | | |\n| 09:00 - 09:30 | Track 1: Fluids | Track 2: Solids |\n"
        "09:30 - 10:00\n"
    )

    assert (_sessions(schedule), schedule.diagnostics) == (
        [
            "Registration | - | Registration | 09-12 08:00–08:30 | -",
            "Session | Track 1: Fluids | Track 1: Fluids | 09-12 09:00–10:00 | -",
            "Session | Track 2: Solids | Track 2: Solids | 09-12 09:00–10:00 | -",
        ],
        (),
    )


def test_a_twelve_hour_programme_says_which_times_it_read_in_the_afternoon() -> None:
    schedule = _read(
        "Saturday, March 8, 2025\n10:45 - 12:00 Panel\n12:00 - 1:00 Lunch\n1:00 Walk\n"
    )

    assert [(d.line, d.level, d.code, d.message) for d in schedule.diagnostics] == [
        (
            3,
            "info",
            "twelve-hour",
            "on days where no time is past 12:59 and none is a.m. or p.m., 2 sessions whose "
            "times would run backwards are read in the afternoon (1:30 after 11:00 is 13:30), "
            "and so are days of only 1 to 6 o'clock; write p.m. or 24-hour times to say "
            "otherwise",
        )
    ]


def test_a_day_without_am_or_pm_reads_its_afternoon_beside_days_with_them() -> None:
    schedule = _read(
        "Monday, 3 June 2024\n5:00 - 5:30 PM Opening Remarks\n"
        "Tuesday, 4 June 2024\n9:40 - 10:05 Coffee break\n12:45 - 2:15 Lunch\n1:15 - 2:15 Meeting\n"
    )

    assert _sessions(schedule) == [
        "Opening Remarks | - | Opening Remarks | 06-03 17:00–17:30 | -",
        "Coffee Break | - | Coffee break | 06-04 09:40–10:05 | -",
        "Lunch | - | Lunch | 06-04 12:45–14:15 | -",
        "Session | - | Meeting | 06-04 13:15–14:15 | -",
    ]


@pytest.mark.parametrize(
    ("text", "sessions", "said"),
    [
        pytest.param(
            "Monday 14 October 2024\n09:00 Opening\n12:00 Lunch\n11:00 Talk: Soils\n"
            "Tuesday workshops\n06:30 Morning run\n08:00 Breakfast\n",
            [
                "Opening | - | Opening | 10-14 09:00–10:00~ | -",
                "Lunch | - | Lunch | 10-14 12:00–13:00~ | -",
                "Talk | - | Talk: Soils | 10-14 11:00–12:00~ | -",
            ],
            (
                6,
                "06:30 comes after 11:00 under 'Monday 14 October 2024': a day heading above "
                "line 6 was probably not read, so its 2 rows up to the next heading are left "
                "out rather than put on the wrong day; write that day's heading (such as "
                "'Tuesday 4 June 2024') above them",
            ),
            id="the-rows-after-the-jump",
        ),
        pytest.param(
            "Thursday 14 March 2024\n1:30pm | Registration Desk Open | Foyer |\n"
            "8:00am | Registrations open\n9:00am | Opening\n10:00am | Keynote\n",
            [
                "Registration | - | Registrations open | 03-14 08:00–09:00~ | -",
                "Opening | - | Opening | 03-14 09:00–10:00~ | -",
                "Keynote | - | Keynote | 03-14 10:00–11:00~ | -",
            ],
            (
                2,
                "under 'Thursday 14 March 2024', 1 rows (lines 2) start later than the 3 rows "
                "after them, from 08:00 on line 3: they are left out rather than put on the "
                "wrong day; write their own day heading above them, or put them in order",
            ),
            id="the-fewer-rows-before-it",
        ),
    ],
)
def test_rows_that_go_back_in_a_day_are_left_out_and_said(
    text: str, sessions: list[str], said: tuple[int, str]
) -> None:
    schedule = _read(text)

    assert (_sessions(schedule), [(d.line, d.code, d.message) for d in schedule.diagnostics]) == (
        sessions,
        [(said[0], "time-goes-back", said[1])],
    )


def test_a_session_listed_twice_is_read_once() -> None:
    schedule = _read(
        "Monday 14 October 2024\n09:00 - 10:00 Opening\n10:00 - 11:00 Talk: Soils\n\n"
        "Monday 14 October 2024\n09:00 - 10:00 Opening\n"
    )

    assert (_sessions(schedule), [(d.line, d.code) for d in schedule.diagnostics]) == (
        [
            "Opening | - | Opening | 10-14 09:00–10:00 | -",
            "Talk | - | Talk: Soils | 10-14 10:00–11:00 | -",
        ],
        [(6, "listed-twice")],
    )


def test_rows_under_no_heading_say_which_date_they_took() -> None:
    schedule = _read("Held on June 8, 2024.\n09:00 Opening\n10:00 Talk: Soils\n")

    assert [(d.line, d.level, d.code, d.message) for d in schedule.diagnostics] == [
        (
            2,
            "info",
            "page-date",
            "rows with no day heading are on Sat 08 June 2024, the one date the page gives "
            "('June 8, 2024', line 1)",
        )
    ]


def test_rows_under_no_heading_and_several_dates_are_an_error_naming_them() -> None:
    schedule = _read("Held on June 8, 2024, after the school of June 1.\n09:00 Opening\n")

    assert (
        len(schedule.timed),
        [(d.line, d.level, d.code, d.message) for d in schedule.diagnostics],
    ) == (
        0,
        [
            (
                2,
                "error",
                "no-day-heading",
                "1 rows have no day heading, and the page names several dates: 'June 8, 2024' "
                "(line 1), 'June 1' (line 1); add a day heading above the rows, or set date for "
                "this source in the data file; they are left out",
            ),
            (
                2,
                "error",
                "no-sessions",
                "1 lines hold dates or times but none was read as a session; calsvc reads "
                "session headers with their own date ('Poster: Federated Learning Tue 6 Jun "
                "09:00 a.m.'), or a day heading ('Monday 14 October 2024') followed by time rows "
                "('09:15–10:30 Keynote: Title'); see the warnings for each line",
            ),
        ],
    )


def test_of_several_dates_the_one_written_with_its_hours_dates_the_rows() -> None:
    schedule = _read(
        "Notice of 14. 3. 2024\n"
        "Ve čtvrtek 21. 03. 2024 od 09.30 hodin se koná veřejné jednání.\n"
        "09:30 zahájení\n10:30 – 12:00 veřejná diskuze\n"
    )

    assert (
        _sessions(schedule),
        [(d.line, d.level, d.code, d.message) for d in schedule.diagnostics],
    ) == (
        [
            "Session | - | zahájení | 03-21 09:30–10:30~ | -",
            "Session | - | veřejná diskuze | 03-21 10:30–12:00 | -",
        ],
        [
            (
                3,
                "info",
                "page-date",
                "rows with no day heading are on Thu 21 March 2024, the one date the page gives "
                "with its hours (first 'čtvrtek 21. 03. 2024', line 2); it names '14. 3. 2024' "
                "(line 1) too",
            ),
        ],
    )


def test_of_several_dates_the_one_written_with_its_weekday_dates_the_rows() -> None:
    schedule = _read(
        "Il congresso si terrà sabato 11 maggio a Chiavari; i delegati andranno al "
        "Congresso nazionale, dal 7 al 10 giugno.\n"
        "ore 10.00 apertura ufficiale\nore 13.00 pausa pranzo\n"
    )

    assert (
        _sessions(schedule),
        [(d.line, d.level, d.code, d.message) for d in schedule.diagnostics],
    ) == (
        [
            "Opening | - | apertura ufficiale | 05-11 10:00–11:00~ | -",
            "Break | - | pausa pranzo | 05-11 13:00–14:00~ | -",
        ],
        [
            (
                2,
                "info",
                "page-date",
                "rows with no day heading are on Sat 11 May 2024, the one date the page gives "
                "with its weekday (first 'sabato 11 maggio', line 1); it names '10 giugno.' "
                "(line 1) too",
            ),
        ],
    )


def test_a_date_said_above_the_rows_dates_them_before_one_said_below() -> None:
    schedule = _read(
        "Comuna gazduieste pe 22 iunie 2024, orele 8,00 – 19,30 prima editie a "
        "Simpozionului de apicultura si Targul Mierii, cu producatori din toata zona.\n"
        "7,30 – 8,30 | Primirea participantilor |\n8,30 – 9,00 | Deschiderea targului |\n"
        "Standurile se rezerva pana pe 15 iunie.\n"
    )

    assert _sessions(schedule) == [
        "Session | - | Primirea participantilor | 06-22 07:30–08:30 | -",
        "Session | - | Deschiderea targului | 06-22 08:30–09:00 | -",
    ]


def test_the_data_files_date_dates_rows_under_no_heading() -> None:
    conference = replace(CONFERENCE, date=date(2024, 6, 9))
    schedule = parse_programme(b"09:00 Opening\n", conference, reference=REFERENCE)

    assert (_sessions(schedule), [d.message for d in schedule.diagnostics]) == (
        ["Opening | - | Opening | 06-09 09:00–10:00~ | -"],
        ["rows with no day heading are on Sun 09 June 2024, the data file's date"],
    )
