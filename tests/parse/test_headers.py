"""The line grammar: one row per form a programme line takes, so a new form is a new row."""

from __future__ import annotations

import pytest

from calsvc.errors import HeaderProblem
from calsvc.parse.clock import Clock
from calsvc.parse.dates import Day
from calsvc.parse.forms import (
    DayHeading,
    EndMark,
    Form,
    Header,
    Mention,
    TimeLine,
    TimeRow,
    TimeRows,
    Undated,
    Unread,
    WhenLine,
)
from calsvc.parse.grids import cells_in_columns, column_rooms, header_columns
from calsvc.parse.labels import Vocabulary
from calsvc.parse.lines import read_line
from calsvc.parse.places import room_line
from calsvc.parse.ranges import Span

VOCABULARY = Vocabulary()


def _day(day: Day | None) -> str:
    if day is None:
        return ""
    if day.ordinal:
        return f"day {day.ordinal} of the event"
    if day.partial and not day.day:
        return ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"][day.weekday or 0] + " of the week"
    weekday = (
        ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"][day.weekday] + " "
        if day.weekday is not None
        else ""
    )
    return f"{weekday}{day.year or '????'}-{day.month:02}-{day.day:02}"


def _clock(clock: Clock | None) -> str:
    return f"{clock.hour:02}:{clock.minute:02}" if clock else ""


def _span(span: Span) -> str:
    end = (
        f"–{_day(span.end_day) + ' ' if span.end_day else ''}{_clock(span.end)}" if span.end else ""
    )
    return f"{_clock(span.start)}{end}" + (f" {span.zone}" if span.zone else "")


def summary(form: Form | None) -> str:
    """A form as one line of text, so that a table row compares it whole."""
    match form:
        case Header(label, day, span, room, _):
            return f"header {label!r} {_day(day)} {_span(span)}" + (f" @ {room}" if room else "")
        case WhenLine(day, span, room, _):
            return f"when {_day(day)} {_span(span)}" + (f" @ {room}" if room else "")
        case DayHeading(day, room, last):
            days = f"{_day(day)}…{_day(last)}" if last else _day(day)
            return f"day {days}" + (f" @ {room}" if room else "")
        case TimeRow(title, span, room, _):
            return f"row {title!r} {_span(span)}" + (f" @ {room}" if room else "")
        case TimeRows(rows):
            return " + ".join(summary(row) for row in rows)
        case TimeLine(span, _):
            return f"time {_span(span)}"
        case EndMark(span):
            return f"end {_span(span)}"
        case Mention(first, last, deadline):
            days = f"{_day(first)}…{_day(last)}" if last else _day(first)
            return f"{'deadline' if deadline else 'mention'} {days}"
        case Undated(label):
            return f"undated {label!r}"
        case Unread(reason):
            return f"unread: {reason}"
    return "text"


FORMS = [
    # Header lines with their own date.
    (
        "weekday-day-month",
        "Poster: X Tue 6 Jun 09:00 a.m.",
        "header 'Poster: X' Tue ????-06-06 09:00",
    ),
    (
        "weekday-month-day",
        "Poster: X Tue Jun 6 09:00 a.m.",
        "header 'Poster: X' Tue ????-06-06 09:00",
    ),
    ("ordinal-day", "Workshop Sat Dec 10th 9 AM", "header 'Workshop' Sat ????-12-10 09:00"),
    (
        "full-names-commas-year",
        "Keynote Tuesday, June 6, 2023 1:30pm",
        "header 'Keynote' Tue 2023-06-06 13:30",
    ),
    (
        "full-names-24h",
        "Keynote Wednesday 31 August 2022 13:30",
        "header 'Keynote' Wed 2022-08-31 13:30",
    ),
    ("no-weekday", "Keynote 6 Jun 13:30", "header 'Keynote' ????-06-06 13:30"),
    ("iso-date", "Keynote 2023-06-06 13:30", "header 'Keynote' 2023-06-06 13:30"),
    (
        "iso-date-weekday",
        "Poster: X Mon 2024-06-03 09:00",
        "header 'Poster: X' Mon 2024-06-03 09:00",
    ),
    ("dotted-date", "Keynote 12.09.2024 13:30", "header 'Keynote' 2024-09-12 13:30"),
    ("noon", "Lunch Tue 6 Jun noon", "header 'Lunch' Tue ????-06-06 12:00"),
    ("12-noon", "Lunch Tue 6 Jun 12 noon", "header 'Lunch' Tue ????-06-06 12:00"),
    ("midnight", "Party Tue 6 Jun midnight", "header 'Party' Tue ????-06-06 00:00"),
    ("12am", "Talk Tue 6 Jun 12:15 a.m.", "header 'Talk' Tue ????-06-06 00:15"),
    ("12pm", "Talk Tue 6 Jun 12:15 p.m.", "header 'Talk' Tue ????-06-06 12:15"),
    (
        "range-em-dash",
        "Oral: X Tue 6 Jun 11:30 a.m. — 01:30 p.m.",
        "header 'Oral: X' Tue ????-06-06 11:30–13:30",
    ),
    (
        "range-double-hyphen",
        "Registration Tue 6 Jun 08:00 AM -- 06:30 PM",
        "header 'Registration' Tue ????-06-06 08:00–18:30",
    ),
    ("range-24h", "Oral Tue 6 Jun 9:00-10:30", "header 'Oral' Tue ????-06-06 09:00–10:30"),
    ("range-to", "Oral Tue 6 Jun 9:00 to 10:30", "header 'Oral' Tue ????-06-06 09:00–10:30"),
    (
        "range-shared-meridiem",
        "Oral Tue 6 Jun 9:00-10:30 am",
        "header 'Oral' Tue ????-06-06 09:00–10:30",
    ),
    (
        "range-bare-start-crossing-noon",
        "Oral Tue 6 Jun 11-1 pm",
        "header 'Oral' Tue ????-06-06 11:00–13:00",
    ),
    ("range-bare-start", "Oral Tue 6 Jun 1-3 pm", "header 'Oral' Tue ????-06-06 13:00–15:00"),
    (
        "range-past-midnight",
        "Oral Tue 6 Jun 11 p.m. - 1 a.m.",
        "header 'Oral' Tue ????-06-06 23:00–01:00",
    ),
    (
        "zone-after-start-and-end",
        "Oral Session 5: Generative Models Wed 3 May 3:30 p.m. CAT — 4:30 p.m. CAT",
        "header 'Oral Session 5: Generative Models' Wed ????-05-03 15:30–16:30 CAT",
    ),
    (
        "noon-start",
        "Lunch Wed 3 May noon — 1:30 p.m. CAT",
        "header 'Lunch' Wed ????-05-03 12:00–13:30 CAT",
    ),
    (
        "midnight-end",
        "Party Wed 3 May 9 p.m. CAT — midnight CAT",
        "header 'Party' Wed ????-05-03 21:00–00:00 CAT",
    ),
    (
        "multi-day",
        "Exhibit Hall Mon 4 Dec 9 a.m. CST — Thu 7 Dec 5 p.m. CST",
        "header 'Exhibit Hall' Mon ????-12-04 09:00–Thu ????-12-07 17:00 CST",
    ),
    (
        "across-new-year",
        "Social Sat 31 Dec 11 p.m. — Sun 1 Jan 1 a.m.",
        "header 'Social' Sat ????-12-31 23:00–Sun ????-01-01 01:00",
    ),
    (
        "shared-meridiem-am",
        "Tutorial Sat Dec 9th 08:30 -- 10:30 AM @ Room 116",
        "header 'Tutorial' Sat ????-12-09 08:30–10:30 @ Room 116",
    ),
    (
        "shared-meridiem-noon-start",
        "Expo Sat Dec 9th 12:00 -- 06:00 PM",
        "header 'Expo' Sat ????-12-09 12:00–18:00",
    ),
    ("zone", "Keynote Tue 6 Jun 1:30pm PDT", "header 'Keynote' Tue ????-06-06 13:30 PDT"),
    (
        "zone-in-parentheses",
        "Keynote Tue 6 Jun 1:30pm (UTC)",
        "header 'Keynote' Tue ????-06-06 13:30 UTC",
    ),
    (
        "zone-and-room",
        "Keynote Tue 6 Jun 1:30pm PDT @ Ballroom A",
        "header 'Keynote' Tue ????-06-06 13:30 PDT @ Ballroom A",
    ),
    (
        "room-in-parentheses",
        "Keynote Tue 6 Jun 1:30pm (Room 101)",
        "header 'Keynote' Tue ????-06-06 13:30 @ Room 101",
    ),
    (
        "glued-field-before-label",
        "Bio :Oral 6C Fairness Thu 25 Jul 1:30 p.m.",
        "header 'Oral 6C Fairness' Thu ????-07-25 13:30",
    ),
    (
        "markdown-bullet-and-emphasis",
        "- **Tutorial Session 2** Mon Dec 3rd 10:45 AM -- 12:45 PM @ Room 517",
        "header 'Tutorial Session 2' Mon ????-12-03 10:45–12:45 @ Room 517",
    ),
    # A date line with no label: the label is on the line above or below.
    (
        "date-line-full-names",
        "Wednesday, December 6, 2023 · 12:45 PM – 1:45 PM CST",
        "when Wed 2023-12-06 12:45–13:45 CST",
    ),
    (
        "date-line-middle-dot",
        "Thu, Jun 20, 2024 ⋅ 1:15 PM - 2:05 PM PDT",
        "when Thu 2024-06-20 13:15–14:05 PDT",
    ),
    (
        "date-line-zone-and-room",
        "Fri Dec 8th 08:00 AM -- 06:30 PM (PST) @ Hall B",
        "when Fri ????-12-08 08:00–18:30 PST @ Hall B",
    ),
    (
        "date-line-across-days",
        "Dec 06, 2020 7:00 am – Dec 12, 2020 8:00 pm",
        "when 2020-12-06 07:00–2020-12-12 20:00",
    ),
    # Day headings.
    ("heading-full", "Monday 14 October 2024", "day Mon 2024-10-14"),
    ("heading-commas", "Monday, October 14", "day Mon ????-10-14"),
    ("heading-no-weekday", "October 6", "day ????-10-06"),
    ("heading-day-number", "Day 2 — Tuesday 15 October", "day Tue ????-10-15"),
    ("heading-markdown", "## Wednesday 16 October 2024", "day Wed 2024-10-16"),
    ("heading-table-cell", "| Monday, 12 September  |", "day Mon ????-09-12"),
    ("heading-german", "Montag, 12. September 2024", "day Mon 2024-09-12"),
    ("heading-french-first", "Lundi 1er juillet 2024", "day Mon 2024-07-01"),
    ("heading-spanish", "Martes 12 de septiembre de 2024", "day Tue 2024-09-12"),
    ("heading-italian", "Giovedì 12 settembre 2024", "day Thu 2024-09-12"),
    ("heading-dotted", "Thursday, 12.09.2024", "day Thu 2024-09-12"),
    ("heading-dotted-short-year", "12.9.24", "day 2024-09-12"),
    ("heading-slashed-us", "Day 1 - Thursday 9/12/2024", "day Thu 2024-09-12"),
    ("heading-slashed-day-first-by-weekday", "Monday 9/12/2024", "day Mon 2024-12-09"),
    ("heading-slashed-day-over-twelve", "25/09/2024", "day 2024-09-25"),
    ("heading-dashed-day-first", "12-09-2024", "day 2024-09-12"),
    ("heading-dashed-two-digit-year", "25-09-24", "day 2024-09-25"),
    # Day headings with words around the date (issue 21, family 1).
    ("heading-day-label-before", "DAY 1 Sunday, September 14", "day Sun ????-09-14"),
    ("heading-room-after", "Day 2: Tuesday, 18 July (Room 3.01)", "day Tue ????-07-18 @ Room 3.01"),
    ("heading-room-before", "Main Hall Monday, March 25, 2024", "day Mon 2024-03-25 @ Main Hall"),
    ("heading-day-number-dash-date", "Day 1 - June 17", "day ????-06-17"),
    ("heading-day-number-numeric-date", "Day 1 (17/06)", "day ????-06-17"),
    ("heading-day-number-cell-date-cell", "DAY 2 | 20.06.2024", "day 2024-06-20"),
    ("heading-pt-short-weekday", "Terça, 18/06", "day Tue ????-06-18"),
    ("heading-id-weekday", "Senin, 10 Nopember 2025", "day Mon 2025-11-10"),
    (
        "heading-es-sede-field",
        "Jueves 23 de Octubre Sede: Casa de la Cultura (Av. Reforma 307)",
        "day Thu ????-10-23 @ Casa de la Cultura (Av. Reforma 307)",
    ),
    (
        "heading-it-place-in-brackets",
        "Domenica 22 Febbraio (alla Torre della Provincia)",
        "day Sun ????-02-22 @ Torre della Provincia",
    ),
    ("heading-day-dot-month-then-weekday", "25.01- SEGUNDA", "day Mon ????-01-25"),
    ("heading-day-slash-month-comma-weekday", "26/06, qui", "day Thu ????-06-26"),
    (
        "heading-same-day-in-two-languages-run-on",
        "9月16日 (星期二) Sep 16th, Tuesday |",
        "day Tue ????-09-16",
    ),
    ("run-dotted-day-then-date", "ve dnech 21. – 23.10. 2022", "mention 2022-10-21…2022-10-23"),
    ("heading-day-month-dots-then-year", "23.10. 2022", "day 2022-10-23"),
    ("heading-fr-article", "Le 3 juin 2024", "day 2024-06-03"),
    ("heading-fr-article-weekday", "Le lundi 3 juin", "day Mon ????-06-03"),
    ("heading-de-am", "Am Montag, 3. Juni", "day Mon ????-06-03"),
    ("heading-es-article", "El 3 de junio", "day ????-06-03"),
    ("heading-pt-dia", "Dia 3 de junho", "day ????-06-03"),
    ("heading-it-article", "Il 3 giugno", "day ????-06-03"),
    ("heading-fr-journee-du", "Journée du 3 juin", "day ????-06-03"),
    ("heading-vi-ngay", "Ngày 13/6/2024", "day 2024-06-13"),
    ("date-line-it-ore-bare-hour", "Sabato 8 giugno, ore 10", "when Sat ????-06-08 10:00"),
    (
        "header-fr-a-hour-then-title",
        "Samedi 8 juin à 10h : Visite",
        "header 'Visite' Sat ????-06-08 10:00",
    ),
    ("row-ru-from-to", "от 10:00 до 12:00 Секция", "row 'Секция' 10:00–12:00"),
    ("heading-tr-capitals-dotless-i", "17 ARALIK 2010 CUMA", "day Fri 2010-12-17"),
    (
        "heading-same-day-in-two-languages",
        "Πέμπτη 12 Απριλίου 2018 – Thursday, April 12th 2018",
        "day Thu 2018-04-12",
    ),
    (
        "two-days-are-a-run",
        "Monday 3 June – Tuesday 4 June",
        "mention Mon ????-06-03…Tue ????-06-04",
    ),
    ("heading-tr-capitals-dotted-i", "PAZARTESİ 3 HAZİRAN 2024", "day Mon 2024-06-03"),
    ("score-no-heading", "Score 17/06", "unread: its date or time is not in a form calsvc reads"),
    (
        "heading-column-titles-after",
        "Tuesday 3 September    Time    Location",
        "day Tue ????-09-03",
    ),
    (
        "heading-link-after",
        "## Monday, 3.12.2018 [Tutorials](https://example.org/t)",
        "day Mon 2018-12-03",
    ),
    (
        "heading-colon-description",
        "May 1: All day at the convention centre, then the party",
        "day ????-05-01",
    ),
    ("heading-date-in-brackets", "Saturday (Feb 8, 2025)", "day Sat 2025-02-08"),
    (
        "heading-location-field",
        "9月21日（日） 場所：駿河文化会館小ホール",
        "day Sun ????-09-21 @ 駿河文化会館小ホール",
    ),
    ("heading-weekday-alone", "Monday", "day Mon of the week"),
    (
        "heading-run-of-days-with-dates",
        "From Monday to Thursday (5th till 8th of July)",
        "day Mon ????-07-05…Thu ????-07-08",
    ),
    ("heading-run-of-weekdays", "Mon–Fri:", "day Mon of the week…Fri of the week"),
    ("heading-run-of-weekdays-de", "Montag bis Donnerstag", "day Mon of the week…Thu of the week"),
    ("text-run-of-days-in-a-sentence", "Papers (Tuesday to Thursday in two groups)", "text"),
    # The date stated once for the page (family 2): mentions, not headings.
    ("mention-sentence", "The workshop will be held on June 8, 2023", "mention 2023-06-08"),
    ("mention-zh-day-month-opening-cjk-words", "12/3 飞书会议直播链接：", "mention ????-12-03"),
    (
        "day-month-among-latin-words-is-no-mention",
        "12/3 of the seats",
        "unread: its date or time is not in a form calsvc reads",
    ),
    ("mention-run-of-days", "July 4th - July 8th 2022", "mention 2022-07-04…2022-07-08"),
    (
        "mention-range-in-a-month",
        "September 14-17, 2025 | Fort William Henry Hotel",
        "mention 2025-09-14…2025-09-17",
    ),
    (
        "mention-two-dates",
        "starts on Tuesday, December 7 and ends on Saturday, December 11",
        "mention Tue ????-12-07…Sat ????-12-11",
    ),
    (
        "when-hours-then-date",
        "08:00 AM – 06:00 PM (Central Time), Dec 2, 2022",
        "when 2022-12-02 08:00–18:00",
    ),
    (
        "deadline-labelled",
        "Submission deadline: June 6, 2023 at 11:59pm PST.",
        "deadline 2023-06-06",
    ),
    ("page-metadata", "Posted Sat, March 1, 2025 10:00am · Updated Thu, March 6", "text"),
    ("page-metadata-glued-ko", "작성일21.04.19", "text"),
    ("page-metadata-uk-section-and-stamp", "| Розділ: Події | 15 липня 2009 11:44", "text"),
    ("page-metadata-glued-zh", "发布时间:2014-8-20 10:26:41  来源:组委会秘书处", "text"),
    ("mail-time-stamp", "Date: Thu, 30 Oct 2008 09:41:17 -0700", "text"),
    # Dates in other languages and notations (family 3).
    ("heading-es-no-year", "Lunes, 16 de septiembre", "day Mon ????-09-16"),
    ("heading-fr-no-year", "Mardi 4 octobre", "day Tue ????-10-04"),
    ("heading-de-day-month-dots", "Dienstag, 3.9.", "day Tue ????-09-03"),
    ("heading-pl-numeric", "Poniedziałek 11.09.2023", "day Mon 2023-09-11"),
    ("heading-ja", "6月26日（木）", "day Thu ????-06-26"),
    ("heading-ja-with-year", "2024年9月12日（木）", "day Thu 2024-09-12"),
    ("heading-pt-weekday-in-brackets", "26/06 (qui)", "day Thu ????-06-26"),
    ("heading-slashed-no-year", "Monday 7/04", "day Mon ????-07-04"),
    ("heading-da-article", "torsdag den 12. september 2024", "day Thu 2024-09-12"),
    ("heading-hu-year-first", "2024. szeptember 12., csütörtök", "day Thu 2024-09-12"),
    ("heading-cs-spaced-numbers", "12. 9. 2024", "day 2024-09-12"),
    ("heading-year-first-slashes", "2024/09/12", "day 2024-09-12"),
    ("heading-sv-weekday-day-dot-month", "Fredagen den 26.9", "day Fri ????-09-26"),
    ("heading-ru-weekday-day-month-like-a-time", "Четверг 27.07", "day Thu ????-07-27"),
    (
        "header-date-times-then-capitalised-title",
        "May 22, 2026 (Friday) 10:00-17:00 Conference Registration",
        "header 'Conference Registration' Fri 2026-05-22 10:00–17:00",
    ),
    ("heading-ca-elided-of", "Dissabte 2 d'octubre", "day Sat ????-10-02"),
    ("heading-de-short-article", "Freitag, d. 07. September 2018", "day Fri 2018-09-07"),
    ("heading-it-roman-ordinal-glued", "III° Giorno 21.09.2011", "day 2011-09-21"),
    ("heading-sv-weekday-ending", "Söndagen den 14 september", "day Sun ????-09-14"),
    ("heading-th-day-label-weekday-the", "วันที่ 2 : วันศุกร์ ที่ 25 ธันวาคม 2563", "day Fri 2020-12-25"),
    ("weekday-in-two-languages", "pátek / Friday", "day Fri of the week"),
    ("two-weekdays-are-no-heading", "pátek / Saturday", "text"),
    (
        "heading-pl-day-label-bracketed-weekday-date-then-dash-description",
        "Dzień 2 (sobota, 2013-03-16) - wykłady po polsku",
        "day Sat 2013-03-16",
    ),
    ("event-day-in-words", "Day one", "day day 1 of the event"),
    ("event-day-ar-after-agenda-words", "جدول الأعمال اليوم الثاني", "day day 2 of the event"),
    ("event-day-title-after-other-words-is-text", "Consortium Meeting Day 1", "text"),
    ("event-day-in-a-sentence-is-text", "Lunch on day 2", "text"),
    ("heading-et-month-case-ending", "28. oktoobril 2011", "day 2011-10-28"),
    ("heading-lv-weekday-month-locative", "Piektdien, 20. oktobrī", "day Fri ????-10-20"),
    ("heading-fi-month-inessive", "15. lokakuussa 2020", "day 2020-10-15"),
    ("heading-ru-month-prepositional", "5 октябре", "day ????-10-05"),
    ("heading-cs-no-stem-shorter-than-five", "3 květiny", "text"),
    ("heading-it-ordinal-label", "I ° Giorno – 12 settembre 2024", "day 2024-09-12"),
    (
        "header-pt-label-article",
        "Bloco I – dia 16 de outubro, 14h às 16h",
        "header 'Bloco I' ????-10-16 14:00–16:00",
    ),
    # Times in other languages and notations (family 3).
    ("row-horas", "11 horas: acto de apertura", "row 'acto de apertura' 11:00"),
    ("row-clock-horas", "12.00 horas: Lección inaugural", "row 'Lección inaugural' 12:00"),
    ("row-h-between", "17 h 30 Clôture", "row 'Clôture' 17:30"),
    ("row-h-glued", "16h00 Pause", "row 'Pause' 16:00"),
    ("row-clock-h", "09:30h Bienvenida", "row 'Bienvenida' 09:30"),
    ("row-uur", "10.00 uur Opening", "row 'Opening' 10:00"),
    ("row-bare-hour-to-dotted", "9-10.30 Vortrag", "row 'Vortrag' 09:00–10:30"),
    ("row-ab-uhr", "ab 18 Uhr Empfang", "row 'Empfang' 18:00"),
    ("row-sl-ob-ordinal-hour-uri", "Ob 10. uri: Začetek programa", "row 'Začetek programa' 10:00"),
    ("row-de-um-ordinal-hour-uhr", "Um 10. Uhr: Beginn", "row 'Beginn' 10:00"),
    ("row-title-then-about-time-in-brackets", "Why We Meet (~6:15pm)", "row 'Why We Meet' 18:15"),
    ("end-title-then-about-bare-hour-glued-pm", "End (~8pm)", "end 20:00"),
    (
        "row-bracketed-mode-after-the-time-is-no-room",
        "Lightning talks (~6:45pm) (optional)",
        "row 'Lightning talks' 18:45",
    ),
    (
        "bare-hour-and-spaced-pm-after-words-is-noise",
        "Room 2 pm",
        "unread: its date or time is not in a form calsvc reads",
    ),
    ("time-it-h-dot-before-speakers-in-brackets", "h.10:00 (Marco Bettoni)", "time 10:00"),
    ("row-one-word-in-brackets-is-a-title", "10:00 (Keynote)", "row '(Keynote)' 10:00"),
    ("event-hours-in-a-time-field-are-no-session", "Time: 9:00-18:30", "text"),
    ("event-hours-he-field-are-no-session", "שעות: 9:00-18:30", "text"),
    ("time-comma-alone-on-its-line", "15,00", "time 15:00"),
    ("row-ja-title-then-range-about", "総会 13:00~14:00頃", "row '総会' 13:00–14:00"),
    (
        "when-ja-spaced-field-year-with-its-era-in-brackets",
        "日 時  2026(令和8)年5月24日(日) 13:00〜16:00",
        "when Sun 2026-05-24 13:00–16:00",
    ),
    ("number-comma-among-words-is-no-time", "3,50 €", "text"),
    ("row-backwards-range-loses-its-end", "17h30-17h00 : Remise", "row 'Remise' 17:30"),
    ("row-overnight-range-keeps-its-end", "22:00 - 02:00 Party", "row 'Party' 22:00–02:00"),
    (
        "row-vi-gio-phut-den",
        "17 giờ 30 phút đến 18 giờ 30 phút Rước đuốc",
        "row 'Rước đuốc' 17:30–18:30",
    ),
    (
        "row-vi-roman-item-title-then-bracketed-times",
        "II. Lễ khai mạc (19 giờ 30 đến 20 giờ 25)",
        "row 'Lễ khai mạc' 19:30–20:25",
    ),
    ("row-vi-end-marker-title-then-time", "IV. Kết thúc chương trình (21 giờ)", "end 21:00"),
    ("row-initial-is-no-roman-item", "V. Lopez: keynote 10:00", "row 'V. Lopez: keynote' 10:00"),
    (
        "mention-vi-sentence-time-then-date",
        "Lễ khai mạc được tổ chức vào lúc 18 giờ 30 phút, ngày 14 tháng 3 năm 2016 tại Nhà",
        "mention 2016-03-14",
    ),
    ("heading-vi-numbered-month", "Thứ Hai, 14 tháng 3 năm 2016", "day Mon 2016-03-14"),
    ("row-von-bis-uhr", "von 9 bis 12 Uhr Workshop", "row 'Workshop' 09:00–12:00"),
    ("row-fullwidth-tilde", "10:00～12:00 講演", "row '講演' 10:00–12:00"),
    ("row-kanji-times", "12時10分～13時40分 昼食、休憩", "row '昼食、休憩' 12:10–13:40"),
    ("row-period-first", "午後3時 講演", "row '講演' 15:00"),
    ("row-24h-with-pm", "13:00 pm Lunch", "row 'Lunch' 13:00"),
    ("row-24h-with-pm-range", "12:05pm-13:00pm Poster Session", "row 'Poster Session' 12:05–13:00"),
    ("row-approximately", "± 14.10 uur Prijsuitreiking", "row 'Prijsuitreiking' 14:10"),
    ("row-comma-after-from-word", "Ore 17,00 Concerto", "row 'Concerto' 17:00"),
    ("row-seconds", "15:00:00 - 16:30:00 Panel", "row 'Panel' 15:00–16:30"),
    ("row-h-min", "8h30min Acolhimento", "row 'Acolhimento' 08:30"),
    ("row-pt-as-range", "14h às 16h Oficina", "row 'Oficina' 14:00–16:00"),
    (
        "row-end-in-next-cell",
        "07:30   08:30     Breakfast at Lodge",
        "row 'Breakfast at Lodge' 07:30–08:30",
    ),
    ("row-open-end", "19:00 – … Dinner", "row 'Dinner' 19:00"),
    ("row-open-end-question-marks", "06:30 PM - ??:?? PM Group Dinner", "row 'Group Dinner' 18:30"),
    ("row-end-marker", "17:30 End", "end 17:30"),
    # Rooms and ends (family 5).
    (
        "row-room-in-brackets",
        "09:00 Registration (Parkinson Court)",
        "row 'Registration' 09:00 @ Parkinson Court",
    ),
    (
        "row-affiliation-in-brackets",
        "09:00 Keynote – Ana Ruiz (Lakeside University)",
        "row 'Keynote – Ana Ruiz (Lakeside University)' 09:00",
    ),
    (
        "row-room-after-comma",
        "5:30-6:30pm Welcome reception, Science Center Great Hall",
        "row 'Welcome reception' 17:30–18:30 @ Science Center Great Hall",
    ),
    (
        "row-room-cell-among-speakers",
        "09:30-10:15\tOpening keynote\tIngrid Solberg\tHall 1",
        "row 'Opening keynote' 09:30–10:15 @ Hall 1",
    ),
    (
        "row-room-after-in",
        "15:00 Assemblea dei soci in Sala Ginestra",
        "row 'Assemblea dei soci' 15:00 @ Sala Ginestra",
    ),
    (
        "row-room-after-at-in-brackets",
        "11:15 Incontro con il Console (presso la sede del Consolato)",
        "row 'Incontro con il Console' 11:15 @ sede del Consolato",
    ),
    ("row-in-a-manner-is-no-room", "10:00 Talk (in English)", "row 'Talk (in English)' 10:00"),
    (
        "row-in-a-town-is-no-room",
        "13:30 Tempo libero in città",
        "row 'Tempo libero in città' 13:30",
    ),
    (
        "row-until-at-the-end",
        "Ore 13,30 Tempo libero in città fino alle Ore 16,30",
        "row 'Tempo libero in città' 13:30–16:30",
    ),
    ("row-until-de", "14:00 Freizeit bis 18 Uhr", "row 'Freizeit' 14:00–18:00"),
    ("row-to-a-count-is-no-end", "09:00 Teams 1 to 4", "row 'Teams 1 to 4' 09:00"),
    ("row-stated-length-glued-hours", "08h30min - Abertura. (1h);", "row 'Abertura' 08:30–09:30"),
    (
        "row-stated-length-then-description",
        "10h20min – Trabalho em grupos. (2hs10min), (em cada sala);",
        "row 'Trabalho em grupos' 10:20–12:30",
    ),
    ("row-list-semicolon", "12h30min – Pausa para almoço;", "row 'Pausa para almoço' 12:30"),
    ("row-hour-word-first", "Ore 9 – Registrazione", "row 'Registrazione' 09:00"),
    ("row-hours-word-hr", "10.30 sati Početak programa", "row 'Početak programa' 10:30"),
    ("header-weekday-only-then-time", "Keynote Fri 9:00", "header 'Keynote' Fri of the week 09:00"),
    ("row-hours-word-tr", "10.00 saat Açılış", "row 'Açılış' 10:00"),
    ("row-hours-word-ru", "14:00 ч. Открытие", "row 'Открытие' 14:00"),
    ("row-spaced-minutes-after-a-stop", "Ore 14. 00 Escursioni", "row 'Escursioni' 14:00"),
    ("row-title-opening-with-the-minute-sign", "2:30 分组讨论。", "row '分组讨论' 02:30"),
    (
        "row-minutes-spaced-after-h",
        "09h 15 – 10h 00 Participant Reception",
        "row 'Participant Reception' 09:15–10:00",
    ),
    ("row-hour-h-then-a-year-is-no-minute", "10h 2024 talk", "row '2024 talk' 10:00"),
    ("row-noon-sign-spaced", "12:30 m. Almuerzo", "row 'Almuerzo' 12:30"),
    (
        "row-place-after-zai-in-an-aside",
        "5:00 各讨论组联络员会议。(在区政协办公室,汇报讨论情况)",
        "row '各讨论组联络员会议' 05:00 @ 区政协办公室",
    ),
    (
        "row-audience-cell-is-no-room",
        "| 9:00-9:15 AM | Welcome | All |",
        "row 'Welcome' 09:00–09:15",
    ),
    ("date-spaced-after-a-stop-is-no-time", "Fri 14. 03 2024", "text"),
    ("text-hour-word-in-a-sentence", "Il convegno inizia dalle ore 9 in sala", "text"),
    (
        "header-date-time-then-title",
        "4. 26.08.2019 r. 9:00 - 11:00 - rejestracja uczestników (Wydział Fizyki, Lwów).",
        "header 'rejestracja uczestników' 2019-08-26 09:00–11:00 @ Wydział Fizyki, Lwów",
    ),
    ("text-days-counted", "Days 2 - 3", "text"),
    ("row-noon-glued", "12:00noon: lunch served", "row 'lunch served' 12:00"),
    (
        "row-room-on-a-lawn",
        "6pm: dinner served on Founders Lawn",
        "row 'dinner served' 18:00 @ Founders Lawn",
    ),
    ("time-alone-with-a-stop", "20:45.", "time 20:45"),
    (
        "row-room-in-brackets-first",
        "10:00 – 11:45. (Aula 2, CEAR) Encuentro con el equipo",
        "row 'Encuentro con el equipo' 10:00–11:45 @ Aula 2, CEAR",
    ),
    (
        "when-wave-dash-fullwidth-room",
        "10月1日（木）11:30 〜 13:15（役員会議室） |",
        "when Thu ????-10-01 11:30–13:15 @ 役員会議室",
    ),
    ("row-arrow-between-times", "09h00 → 10h00 Accueil", "row 'Accueil' 09:00–10:00"),
    ("row-greater-than-between-times", "9h > 9h30 : accueil", "row 'accueil' 09:00–09:30"),
    ("row-stated-length", "10:00 Poster session (2 hours)", "row 'Poster session' 10:00–12:00"),
    ("row-length-opens-title", "8:50am 10 minute break", "row '10 minute break' 08:50–09:00"),
    ("row-length-before-title", "10:00 · 30 min · Keynote", "row 'Keynote' 10:00–10:30"),
    ("row-noon-after-twelve", "12:15 Noon 45 min lunch", "row '45 min lunch' 12:15–13:00"),
    (
        "row-length-of-parts",
        "08:30 10:30 Team reports (30 minutes each)",
        "row 'Team reports' 08:30–10:30",
    ),
    (
        "row-rooms-first",
        "10:30 | F106: Tutorial or F107: Hack time |",
        "row 'Tutorial' 10:30 @ F106 + row 'Hack time' 10:30 @ F107",
    ),
    (
        "row-room-run-on-after-title",
        "11:00 – 16:00 Registration Room C1, ground floor",
        "row 'Registration' 11:00–16:00 @ Room C1, ground floor",
    ),
    (
        "row-rooms-run-on-after-title",
        "14:30 – 16:00 Parallel Session 1 Room 3, 4 & 6, second & third floor",
        "row 'Parallel Session 1' 14:30–16:00 @ Room 3, 4 & 6, second & third floor",
    ),
    (
        "row-place-after-comma-only",
        "14:00 – 14:30 Coffee Break Foyer, first floor",
        "row 'Coffee Break Foyer' 14:00–14:30 @ first floor",
    ),
    (
        "row-place-before-colon",
        "8h-10h, salle B214 : Chants de luttes",
        "row 'Chants de luttes' 08:00–10:00 @ salle B214",
    ),
    (
        "row-named-place-before-colon",
        "10h-12h, Salle Marc-Seignobos: Projection du film",
        "row 'Projection du film' 10:00–12:00 @ Salle Marc-Seignobos",
    ),
    (
        "row-place-spaced-colon",
        "15h, Grand Amphi : Projection",
        "row 'Projection' 15:00 @ Grand Amphi",
    ),
    (
        "row-kind-before-colon-is-no-place",
        "14:00 Exhibit Hall: Posters",
        "row 'Exhibit Hall: Posters' 14:00",
    ),
    (
        "row-session-code-is-no-place",
        "09:00 Session A0: Opening Ceremony",
        "row 'Session A0: Opening Ceremony' 09:00",
    ),
    # Noise (family 6).
    ("row-bullet-round", "• 09:00 Doors open", "row 'Doors open' 09:00"),
    ("row-bullet-hollow", "◦ 09:00 Doors open", "row 'Doors open' 09:00"),
    ("row-bullet-square", "▪ 09:00 Doors open", "row 'Doors open' 09:00"),
    ("row-bullet-arrow", "→ 09:00 Doors open", "row 'Doors open' 09:00"),
    ("row-bullet-number", "3. 09:00 Doors open", "row 'Doors open' 09:00"),
    (
        "row-bullet-o-after-time",
        "• 09:00 AM – 09:30 AM o Introduction",
        "row 'Introduction' 09:00–09:30",
    ),
    ("row-emoji", "09:00 Doors open 🎉", "row 'Doors open 🎉' 09:00"),
    # Time rows under a heading.
    (
        "row-range-title",
        "09:15–10:30  Keynote: Scaling laws in practice — A. Person",
        "row 'Keynote: Scaling laws in practice — A. Person' 09:15–10:30",
    ),
    (
        "row-cells",
        "11:00 - 12:30 | Paper session 1: Compilers | Room 101",
        "row 'Paper session 1: Compilers' 11:00–12:30 @ Room 101",
    ),
    ("row-tabs", "12:30\tLunch\tFoyer", "row 'Lunch' 12:30 @ Foyer"),
    ("row-markdown-table", "| 12:00 – 15:30 | Registration |", "row 'Registration' 12:00–15:30"),
    (
        "row-title-ending-like-a-sentence",
        "8:00 am to 9:00 am Registration desk open",
        "row 'Registration desk open' 08:00–09:00",
    ),
    ("time-and-length", "09:00 - 09:45 (45 min)", "time 09:00–09:45"),
    ("time-and-length-after-a-dot", "10:30 – 11:00 · 30 min", "time 10:30–11:00"),
    ("row-length-then-title", "10:30 – 11:00 (30 mins) Coffee", "row 'Coffee' 10:30–11:00"),
    ("row-time-in-brackets", "Coffee break (10:30 – 11:00)", "row 'Coffee break' 10:30–11:00"),
    ("row-three-digit-times", "730 - 830 Śniadanie", "row 'Śniadanie' 07:30–08:30"),
    (
        "row-title-opens-with-a-number",
        "9:00 – 90 let od založení",
        "row '90 let od založení' 09:00",
    ),
    ("row-flattened-superscript-to-midnight", "2000- 2400 Bankiet", "row 'Bankiet' 20:00–00:00"),
    ("count-no-times", "100 - 200 uczestników", "text"),
    ("length-past-a-week-is-none", "14:00 (1000000000 hours)", "row '(1000000000 hours)' 14:00"),
    ("working-group-no-month", "AG 3: Beteiligung und Ehrenamt", "text"),
    (
        "row-comma-range",
        "7,30 – 8,30 | Primirea participantilor |",
        "row 'Primirea participantilor' 07:30–08:30",
    ),
    ("price-comma-range", "Intrare 1,50 – 2,50 lei", "text"),
    (
        "row-de-ins-place",
        "19.00 Uhr: Einlass ins Grazer Rathaus",
        "row 'Einlass' 19:00 @ Grazer Rathaus",
    ),
    ("row-en-dash-bullet", "– 07h45: Acolhida e café", "row 'Acolhida e café' 07:45"),
    ("row-em-dash-bullet", "— 07:45 Acolhida", "row 'Acolhida' 07:45"),
    ("row-de-glued-uhr", "09.00 UhrFeierliche Eröffnung", "row 'Feierliche Eröffnung' 09:00"),
    ("row-between-dashes", "10.30 Uhr- Kaffeepause -", "row 'Kaffeepause' 10:30"),
    ("row-dot-leaders", "Coffee break ........ 10:30", "row 'Coffee break' 10:30"),
    ("row-ellipsis-leader", "Lunch … 12:30", "row 'Lunch' 12:30"),
    ("row-about-word", "Pause café vers 10h45", "row 'Pause café' 10:45"),
    ("row-at-word-pt", "Abertura às 9h00", "row 'Abertura' 09:00"),
    ("byline-pl", "Opublikowany przez Czytelnia Pogranicza o 22:16", "text"),
    ("byline-comment-count", "01-10-19 Birthe Holmsgaard 0 comments", "text"),
    ("byline-no-comments-pt", "Sem comentários:", "text"),
    ("row-about-comments", "10:00 Comments from the chair", "row 'Comments from the chair' 10:00"),
    (
        "row-time-in-brackets-then-room",
        "Session 2: Soil microbes (11:00–12:30), Room B",
        "row 'Session 2: Soil microbes' 11:00–12:30 @ Room B",
    ),
    (
        "row-from-to",
        "from 14:00 to 15:30: Panel discussion",
        "row 'Panel discussion' 14:00–15:30",
    ),
    ("row-hrs", "0900 hrs - 1000 hrs  Opening plenary", "row 'Opening plenary' 09:00–10:00"),
    ("row-h-after-range", "16.00 – 17.30 h  Poster session", "row 'Poster session' 16:00–17:30"),
    ("row-uhr", "9:00 Uhr Begrüßung", "row 'Begrüßung' 09:00"),
    ("prose-with-hours", "The tutorial lasts 2 h and needs a laptop.", "text"),
    (
        "row-parallel-cells-with-rooms",
        "| 10:30 - 12:00 | Fluids Room: P1 | Solids Room: P2 |",
        "row 'Fluids' 10:30–12:00 @ P1 + row 'Solids' 10:30–12:00 @ P2",
    ),
    (
        "row-parallel-sessions",
        "| 11:00 - 12:30 | Session 1: Vision | Workshop: Robot hands |",
        "row 'Session 1: Vision' 11:00–12:30 + row 'Workshop: Robot hands' 11:00–12:30",
    ),
    (
        "row-title-and-speaker-cell",
        "| 15:30 | Keynote: Open problems | Dana Whitfield, Lakeside University |",
        "row 'Keynote: Open problems' 15:30",
    ),
    (
        "row-label-then-time-cell",
        "| Registration: | 08:30 - 17:30 in FCEE Building |",
        "row 'Registration' 08:30–17:30 @ FCEE Building",
    ),
    (
        "row-h-times",
        "14h30 - 15h15 Invited Talk Jane Roe",
        "row 'Invited Talk Jane Roe' 14:30–15:15",
    ),
    ("row-capital-h-times", "9H30 Welcome", "row 'Welcome' 09:30"),
    (
        "row-four-digit-times",
        "| 0800 – 0830 | : | Registration of participants |",
        "row 'Registration of participants' 08:00–08:30",
    ),
    ("row-colon-separator", "08:00 : Registration", "row 'Registration' 08:00"),
    ("row-to-noon", "8:30 a.m.–Noon Morning workshop", "row 'Morning workshop' 08:30–12:00"),
    ("row-glued-meridiem", "9:00-10:00am Coffee", "row 'Coffee' 09:00–10:00"),
    (
        "row-time-at-end",
        "Invited Talk Jane Roe 8:15-9:10am",
        "row 'Invited Talk Jane Roe' 08:15–09:10",
    ),
    ("row-room-in-parentheses", "10:00 Opening (Room 101)", "row 'Opening' 10:00 @ Room 101"),
    ("row-room-at", "10:00 Opening @ Aula Magna", "row 'Opening' 10:00 @ Aula Magna"),
    ("time-alone", "10:30 - 11:00", "time 10:30–11:00"),
    # Undated headers.
    (
        "undated-invited-talk",
        "Invited Talk: Alexander Rush",
        "undated 'Invited Talk: Alexander Rush'",
    ),
    (
        "undated-glued-after-bio",
        "Bio :Tutorial: Tushar Krishna",
        "undated 'Tutorial: Tushar Krishna'",
    ),
    # Traps: text, not sessions.
    ("paper-title-with-colon", "Cortex: A Compiler for Recursive Deep Learning Models", "text"),
    ("navigation", "Schedule Mon Tue Wed Thu Fri", "text"),
    ("sentence-is", "The deadline is Tue 6 Jun 09:00 a.m.", "deadline Tue ????-06-06"),
    ("sentence-on", "We met on Tue 6 Jun 09:00 a.m.", "mention Tue ????-06-06"),
    (
        "deadline-sentence",
        "Camera-ready uploads close Fri 17 May 11:59 p.m.",
        "deadline Fri ????-05-17",
    ),
    (
        "sentence-with-period",
        "Results improved. We ran it Tue 6 Jun 09:00 a.m.",
        "mention Tue ????-06-06",
    ),
    (
        "abstract-with-date",
        "We collected data from 3 June 2021 to 5 June 2021 at 10:00 in the lab, and the results are good.",
        "mention 2021-06-03…2021-06-05",
    ),
    ("sentence-after-kind", "Tutorial: we will cover the basics of training.", "text"),
    ("too-long-sentence", "Session X " + "Tue 6 Jun 09:00 " * 30 + "ends here.", "text"),
    (
        "too-long-header",
        "Poster: " + "Very " * 60 + "Long Title Tue 6 Jun 09:00 a.m.",
        "unread: it is 339 characters long, ending like a session header, but a session's label "
        "may have at most 200 characters and its line 300; shorten its label",
    ),
    (
        "label-longer-than-labels",
        "Poster: " + "Measurement " * 22 + "Tue 6 Jun 01:30 p.m.",
        "unread: it is 292 characters long, ending like a session header, but a session's label "
        "may have at most 200 characters and its line 300; shorten its label",
    ),
    # A word for the time before it, with a colon ('Saat:'); a case ending glued to it.
    (
        "tr-saat-colon-case-ending",
        "Saat: 18.00’de Festival yürüyüşü",
        "row 'Festival yürüyüşü' 18:00",
    ),
    (
        "tr-saat-colon",
        "Saat: 20.00 Orhan Yıldırımlı konseri",
        "row 'Orhan Yıldırımlı konseri' 20:00",
    ),
    (
        "ro-ora-range",
        "Ora 17.00 – 21.00 – Întreceri sportive;",
        "row 'Întreceri sportive' 17:00–21:00",
    ),
    ("es-hora-colon", "Hora: 10:00 Apertura", "row 'Apertura' 10:00"),
    # A capitalised range word before a bare number is the title's first word (hu 'A', 'the').
    (
        "hu-article-before-number",
        "17.00 A 15 éves Kör tárlata",
        "row 'A 15 éves Kör tárlata' 17:00",
    ),
    ("es-a-range-still", "10 a 12 Taller de cerámica", "row 'Taller de cerámica' 10:00–12:00"),
    # A row's place in a location field after its title, other fields after it.
    (
        "ro-locatie-field-after-title",
        "Ora 10.00 -15.00 – Expoziție de carte. Locație: Casa Memorială (Sala B). Organizator: X;",
        "row 'Expoziție de carte' 10:00–15:00 @ Casa Memorială (Sala B)",
    ),
    (
        "tr-bracketed-cafe",
        "Saat: 10.00’da Tavla Turnuvası (Nar Cafe)",
        "row 'Tavla Turnuvası' 10:00 @ Nar Cafe",
    ),
    # A number that counts what a word after it names ends no run of days.
    (
        "heading-then-ordinal-section",
        "03/01 Saturday - 2nd section: Building Phase",
        "day Sat ????-03-01",
    ),
    ("run-of-days-still", "Saturday 1st - 2nd June", "mention ????-06-01…????-06-02"),
    # A place in lower case, a dash and its time (its title is the line above: layouts).
    ("hr-place-dash-sati", "kino dvorana – 11 sati", "row 'kino dvorana' 11:00"),
    ("hr-lower-case-sat-is-hours", "šator – 21 sat", "row 'šator' 21:00"),
    ("sat-capitalised-is-saturday", "Sat 21 Mar", "day Sat ????-03-21"),
    # A word processor's 'l' bullet; a CJK title that opens with its place, or ends with it
    # in fullwidth brackets.
    (
        "zh-l-bullet-place-glued-before-title",
        "l 8:15第二会议室评委会议：竞赛规则",
        "row '评委会议：竞赛规则' 08:15 @ 第二会议室",
    ),
    (
        "zh-place-in-fullwidth-brackets",
        "l 8:15参赛队伍进场（北辰厅）",
        "row '参赛队伍进场' 08:15 @ 北辰厅",
    ),
    ("zh-a-place-alone-is-the-title", "9:00会议室", "row '会议室' 09:00"),
    ("l-bullet-before-latin", "l 9:00 Opening", "row 'Opening' 09:00"),
    # A table row whose cells before its time give its date (and head the day's rows).
    (
        "id-weekday-and-date-cells-before-the-time",
        "Kamis | 2 Mei 2019 | 10.00-14.00 | Registrasi | Gedung Sangkuriang | Panitia |",
        "header 'Registrasi' Thu 2019-05-02 10:00–14:00 @ Gedung Sangkuriang",
    ),
    # An end left open by a word; 'end' alone still ends the day.
    (
        "id-selesai-open-end",
        "18.00-selesai | Peserta Kembali | Wisma LPMP Cimahi |",
        "row 'Peserta Kembali' 18:00 @ Wisma LPMP Cimahi",
    ),
    ("late-open-end", "22:00 - late Party", "row 'Party' 22:00"),
    ("es-setiembre", "Programa  28 de Setiembre del 2016", "day 2016-09-28"),
    (
        "fr-a-la-place-after-a-title",
        "12 h 30 : Déjeuner à la Salle des fêtes",
        "row 'Déjeuner' 12:30 @ Salle des fêtes",
    ),
    (
        "lt-val-after-the-hour",
        "8.30 val. – Rūmų pasitarimas (Senjorų salė).",
        "row 'Rūmų pasitarimas' 08:30 @ Senjorų salė",
    ),
    ("lt-day-word-after-the-day", "ANTRADIENĮ (BALANDŽIO 21 D.)", "day ????-04-21"),
    (
        "fr-heures-after-the-hour",
        "À 14 heures, concours de pétanque ;",
        "row 'concours de pétanque' 14:00",
    ),
    (
        "eu-case-ending-glued-to-the-time",
        "9:30ean, txistularien diana",
        "row 'txistularien diana' 09:30",
    ),
    ("eu-etan-glued-to-the-time", "11:00etan, gazta lehiaketa", "row 'gazta lehiaketa' 11:00"),
    ("sr-casova-after-a-range", "8:30 – 8:45 časova dolazak", "row 'dolazak' 08:30–08:45"),
    ("sr-c-after-each-end", "Bina – 17.00 č – 18.00 č.", "row 'Bina' 17:00–18:00"),
    ("el-tonos-before-a-glued-am", "10.30΄π.μ. Δοξολογία", "row 'Δοξολογία' 10:30"),
    (
        "el-ora-before-a-pm-range",
        "Ώρα 7.00΄μ.μ.- 7.40΄μ.μ.   Έναρξη βραδιάς",
        "row 'Έναρξη βραδιάς' 19:00–19:40",
    ),
    (
        "el-prime-then-pm",
        "Ώρα 7.40′ μ.μ. Καλλιτεχνικό πρόγραμμα",
        "row 'Καλλιτεχνικό πρόγραμμα' 19:40",
    ),
    (
        "ms-short-pm-ends-the-cell",
        "| 2.30 – 4.30 ptg | Pendaftaran peserta |",
        "row 'Pendaftaran peserta' 14:30–16:30",
    ),
    ("ms-midday-from-its-hours", "11.00 – 1.00 tgh", "time 11:00–13:00"),
    (
        "ms-night-not-in-the-title",
        "| 7.00 – 8.30 mlm | Makan malam & Solat |",
        "row 'Makan malam & Solat' 19:00–20:30",
    ),
    ("ms-morning-up-to-noon", "10:00 - 12:00 pagi", "time 10:00–12:00"),
    ("pt-em-before-a-word-is-no-pm", "9:00 em Lisboa", "row 'em Lisboa' 09:00"),
    (
        "sv-kl-between-weekday-and-hours",
        "Onsdag kl. 13.00 - 17.30",
        "when Wed of the week 13:00–17:30",
    ),
    ("de-um-between-date-and-time", "Samstag, 3. Mai, um 10:00", "when Sat ????-05-03 10:00"),
    (
        "sr-godine-after-a-numeric-date-then-a-town",
        "18.08.2023. godine – Knjaževac",
        "day 2023-08-18 @ Knjaževac",
    ),
    ("a-numeric-date-then-what-the-day-is", "03.06.2024 – Excursion", "day 2024-06-03"),
    ("a-numeric-date-then-a-kind", "03.06.2024 – Lunch", "day 2024-06-03"),
    (
        "es-hasta-el-is-a-run-not-a-deadline",
        "Las fiestas empiezan el 15 de junio de 2012 y durarán hasta el domingo.",
        "mention 2012-06-15",
    ),
    ("ca-before-an-end", "20:00 - ca. 20:45\tCellokonzert", "row 'Cellokonzert' 20:00–20:45"),
    (
        "hu-when-field-of-words-is-the-hours",
        "**A továbbképzés időpontja:** 2024. október 12. (szombat) 9:00-15:00",
        "when Sat 2024-10-12 09:00–15:00",
    ),
    (
        "es-deadline-field-stays-a-deadline",
        "Fecha límite de admisión: 14 de octubre de 2022 a las 23.59 horas.",
        "deadline 2022-10-14",
    ),
    ("open-end-in-two-words", "18:00 – open end \tSektempfang", "row 'Sektempfang' 18:00"),
    ("ja-lights-out-ends-the-day", "22:30 消灯", "end 22:30"),
    ("end-after-a-dash-ends-the-day", "17:30 - end", "end 17:30"),
    # A start in four digits alone before its title, where it cannot be a year.
    ("hhmm-start-leading-zero", "0900 Call to Order", "row 'Call to Order' 09:00"),
    ("hhmm-start-afternoon", "1430 Refreshment Break", "row 'Refreshment Break' 14:30"),
    ("a-year-before-a-title-is-no-time", "2018 Annual Report", "text"),
    # A number glued to letters before it is a room's code, no time ('K2-1', 'P1-204').
    ("room-code-is-no-range", "Aula K2-1", "text"),
    ("room-codes-after-a-field", "Fyzikálno-chemická sekcia: K2-2, K2-3", "text"),
    ("cjk-word-glued-before-a-number-may-be", "会期2日 9:00", "row '会期2日' 09:00"),
    # A place word in lower case opens a bracketed room.
    (
        "cs-bracketed-place-word-first",
        "12:30 Oběd (restaurace U Zlatého kola)",
        "row 'Oběd' 12:30 @ restaurace U Zlatého kola",
    ),
    ("bracketed-words-are-no-place", "12:30 Oběd (pro všechny)", "row 'Oběd (pro všechny)' 12:30"),
    # '∼' (U+223C, the tilde operator) between a range's ends, as Korean pages type it.
    ("ko-tilde-operator-range", "09:00∼10:20 정기이사회", "row '정기이사회' 09:00–10:20"),
    # A title, a fullwidth colon and a start whose end is left open at the end of the line.
    ("ja-label-colon-open-start", "■挨拶：9:15～", "row '挨拶' 09:15"),
    ("ja-label-colon-range", "■基調講演：9:30～10:30", "row '基調講演' 09:30–10:30"),
    # Japanese era years ('平成26年' is 2014) and 'から' between a range's ends.
    ("ja-reiwa-era-date", "令和5年6月3日（土）", "day Sat 2023-06-03"),
    (
        "ja-heisei-era-date-kara-range",
        "平成26年2月27日（木）9時15分から17時00分",
        "when Thu 2014-02-27 09:15–17:00",
    ),
    ("ja-kara-range-row", "9時から12時 受付", "row '受付' 09:00–12:00"),
    (
        "ja-when-field-spaced-out",
        "日　時：　平成26年2月27日（木）9時15分から17時00分",
        "when Thu 2014-02-27 09:15–17:00",
    ),
    ("ja-sentence-is-no-label", "活動の成果を共有します。 2月27日 9:00", "mention ????-02-27"),
    ("session-number", "Session 2", "text"),
    # Months glued to a preposition, weekdays in two words, Arabic commas, short periods.
    ("he-glued-month-day-hours", "6 במרץ 2014. 9:00-16:00", "day 2014-03-06"),
    ("cy-two-word-weekday", "Dydd Iau 12 Medi", "day Thu ????-09-12"),
    ("az-weekday-eve-of-friday", "Cümə axşamı, 12 sentyabr", "day Thu ????-09-12"),
    ("ar-arabic-comma", "الخميس، 12 سبتمبر 2024", "day Thu 2024-09-12"),
    ("ms-three-capital-period", "2:30 PTG Keynote", "row 'Keynote' 14:30"),
    ("ar-one-letter-period", "2:30 م Keynote", "row 'Keynote' 14:30"),
    ("sv-lower-case-em-is-a-word", "14:30 em Kaffe", "row 'em Kaffe' 14:30"),
    ("hu-two-capitals-is-a-word", "10:00 DE Bevezető", "row 'DE Bevezető' 10:00"),
    ("ca-capital-de-after-a-day", "DIVENDRES 31 DE GENER", "day Fri ????-01-31"),
    # A place and then the time in the title's bracket.
    (
        "tr-bracket-place-colon-time",
        "Protokol Konuşmaları (Salon Zümrüt:09.30)",
        "row 'Protokol Konuşmaları' 09:30 @ Salon Zümrüt",
    ),
    (
        "tr-bracket-place-dash-range",
        "1.Oturum( Salon Mercan- 14.00-15.30)",
        "row '1.Oturum' 14:00–15:30 @ Salon Mercan",
    ),
    (
        "bracket-place-comma-time",
        "Opening session (Main Hall, 09:30)",
        "row 'Opening session' 09:30 @ Main Hall",
    ),
    (
        "bracket-word-then-time-is-no-place",
        "Walk (weather permitting, 09:30)",
        "unread: its date or time is not in a form calsvc reads",
    ),
    # Dates and times that are not understood are said so.
    (
        "date-without-time",
        "Social hour Tue 6 Jun",
        "unread: it has a date but no time",
    ),
    (
        "date-then-words",
        "Poster Tue 6 Jun 09:00 a.m. and again later",
        "unread: 'Tue 6 Jun 09:00 a.m.' is followed by 'and again later', which is not a room",
    ),
]


@pytest.mark.parametrize(
    ("line", "expected"), [row[1:] for row in FORMS], ids=[row[0] for row in FORMS]
)
def test_read_line(line: str, expected: str) -> None:
    assert summary(read_line(line, VOCABULARY)) == expected


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("Talk Tue 6 Jun 25:00", "'25:00' is not a time: hour 25 is past 23"),
        ("Talk Tue 6 Jun 09:75", "'09:75' is not a time: minute 75 is past 59"),
        ("Talk Tue 45 Jun 09:00", "day 45 is not a day of the month"),
        ("Talk 2023-13-01 09:00", "'2023-13-01' is not a date: there is no month 13"),
        ("Talk 12.13.2024 09:00", "'12.13.2024' is not a date: there is no month 13"),
    ],
    ids=["hour-25", "minute-75", "day-45", "month-13", "dotted-month-13"],
)
def test_read_line_impossible_values_raise(line: str, message: str) -> None:
    with pytest.raises(HeaderProblem) as problem:
        read_line(line, VOCABULARY)

    assert str(problem.value) == message


def test_read_line_keeps_written_text_of_date() -> None:
    header = read_line("Oral: X Tue 6 Jun 11:30 a.m. — 01:30 p.m. PDT", VOCABULARY)

    assert isinstance(header, Header)
    assert header.text == "Tue 6 Jun 11:30 a.m. — 01:30 p.m. PDT"


LABELS = [
    (
        "track-with-colon",
        "Poster: Parallel and Distributed Systems 2: Communication",
        "Poster",
        "Parallel and Distributed Systems 2: Communication",
    ),
    ("label-only", "Registration Desk", "Registration Desk", None),
    (
        "talk-kind-has-no-track",
        "Registration Desk: Registration Check-in Desk",
        "Registration Desk",
        None,
    ),
    (
        "oral-colon-session",
        "Oral: Session 1: Search and Devices",
        "Oral",
        "Session 1: Search and Devices",
    ),
    (
        "oral-session-number",
        "Oral Session 5: Generative Models",
        "Oral",
        "Session 5: Generative Models",
    ),
    ("oral-code", "Oral 6C Fairness", "Oral", "6C Fairness"),
    ("poster-session-number", "Poster Session 2", "Poster", "Session 2"),
    ("poster-session-bare", "Poster Session", "Poster", None),
    ("plural", "Posters: Systems", "Poster", "Systems"),
    ("kind-canonical-case", "INVITED TALK: Jane Doe", "Invited Talk", None),
    ("invited-talk-lower", "Invited talk: Jane Doe", "Invited Talk", None),
    ("keynote-alias", "Keynote speech", "Keynote", None),
    ("coffee-break-any-case", "coffee break", "Coffee Break", None),
    ("kind-at-end", "Morning coffee break", "Coffee Break", None),
    ("kind-with-more-words", "Lunch and networking", "Lunch", None),
    ("panel-discussion", "Panel discussion: The future of compilers", "Panel", None),
    ("unknown-kind-kept", "Fireside Chat: Hall B", "Fireside Chat", "Hall B"),
    ("numbered-series", "Section 2: Fatigue", "Session", "Section 2: Fatigue"),
    ("coded-series", "Stream 4B: Soft tissue", "Session", "Stream 4B: Soft tissue"),
    ("lettered-series", "Track C: Optimisation", "Session", "Track C: Optimisation"),
    ("generic-title", "Building resilient services with queues", "Session", None),
]


@pytest.mark.parametrize(
    ("label", "kind", "track"), [row[1:] for row in LABELS], ids=[row[0] for row in LABELS]
)
def test_label_kind_and_track(label: str, kind: str, track: str | None) -> None:
    read = VOCABULARY.read(label)

    assert (read.kind, read.track, read.title) == (kind, track, label)


def test_data_file_kinds_extend_the_vocabulary() -> None:
    vocabulary = Vocabulary({"Fireside chat": "Keynote", "Hackathon": "Hackathon"})

    assert [
        (label.kind, label.track)
        for label in (
            vocabulary.read("Fireside chat: Jane Roe"),
            vocabulary.read("Hackathon kick-off"),
        )
    ] == [("Keynote", None), ("Hackathon", None)]


@pytest.mark.parametrize(
    ("line", "room"),
    [
        pytest.param("Room 3", "Room 3", id="room-number"),
        pytest.param("Grand Hall", "Grand Hall", id="hall"),
        pytest.param("Venue", None, id="a-location-fields-name-alone"),
        pytest.param("Collegium Naturale", "Collegium Naturale", id="collegium"),
        pytest.param("Main Conference Room 2", "Main Conference Room 2", id="two-words-and-room"),
        pytest.param(
            "Vortragsreihe Clio-Forum GWZ Raum 105", None, id="a-title-with-its-room-glued-on"
        ),
        pytest.param("Pajta udvar:", "Pajta udvar", id="hu-place-over-rows-with-colon"),
        pytest.param("Morning session:", None, id="a-part-with-colon-is-no-place"),
        pytest.param("Location: Ballroom B", "Ballroom B", id="labelled"),
        pytest.param("[ Exhibit Hall A ]", "Exhibit Hall A", id="bracketed"),
        pytest.param("HS 101", "HS 101", id="building-letters-and-room-number"),
        pytest.param("AI", None, id="letters-alone-are-no-building"),
        pytest.param("[ Keynote ]", None, id="bracketed-not-a-room"),
        pytest.param(
            "(Pavillon Hélène-Pelletier, local B-3120)",
            "Pavillon Hélène-Pelletier, local B-3120",
            id="in-round-brackets",
        ),
        pytest.param(
            "Pavillon Hélène-Pelletier, local B-2215)",
            "Pavillon Hélène-Pelletier, local B-2215",
            id="a-stray-closing-bracket",
        ),
        pytest.param("Χώρος Διεξαγωγής: Αίθουσα Α", "Αίθουσα Α", id="el-location-field"),
        pytest.param("Grazer Rathaus", "Grazer Rathaus", id="de-compound-haus"),
        pytest.param("The Orchard Room", "The Orchard Room", id="a-name-with-its-article"),
        pytest.param("Kongresszentrum Nord", "Kongresszentrum Nord", id="de-compound-zentrum"),
        pytest.param("Centre Ville", "Centre Ville", id="fr-centre-first"),
        pytest.param("Place du Marché", None, id="fr-place-is-also-an-english-verb"),
        pytest.param("Espace Nefs", "Espace Nefs", id="fr-espace-first"),
        pytest.param("Place your order early", None, id="en-place-is-a-verb-in-a-sentence"),
        pytest.param("The hall was full of people who came early.", None, id="sentence"),
        pytest.param(
            "Дитяча бібліотека (вул. Шкільна, 3)",
            "Дитяча бібліотека (вул. Шкільна, 3)",
            id="uk-name-and-street-address",
        ),
        pytest.param("Café Nord (Rue Haute 12)", "Café Nord (Rue Haute 12)", id="fr-street"),
        pytest.param("Lunch (served 12 times)", None, id="bracket-with-a-number-no-street"),
        pytest.param("Lipov trg, Ljubljana", "Lipov trg, Ljubljana", id="sl-square-and-city"),
        pytest.param("Letališče Dobrava", "Letališče Dobrava", id="sl-airfield-first"),
        pytest.param("lunch, Ljubljana", None, id="no-place-word-in-either-part"),
        pytest.param("lunch (via Roma 3)", None, id="street-after-no-name"),
        pytest.param(
            "Centro Social de Vilamaior", "Centro Social de Vilamaior", id="gl-centre-first"
        ),
        pytest.param("Escola de Maxisterio", "Escola de Maxisterio", id="gl-school-first"),
        pytest.param("Dia da Escola", None, id="pt-school-last-is-a-day-not-a-place"),
        pytest.param(
            "Pavillón Municipal de Ferreira (Pantón) – ACCESO CON ENTRADA",
            "Pavillón Municipal de Ferreira (Pantón)",
            id="gl-a-notice-in-capitals-after-a-dash",
        ),
        pytest.param("Aula Magna – SALA VERDI", "Aula Magna – SALA VERDI", id="two-places"),
        pytest.param("Kalda Kõrgkooli Narva maja", "Kalda Kõrgkooli Narva maja", id="et-maja"),
    ],
)
def test_room_line(line: str, room: str | None) -> None:
    assert room_line(line) == room


@pytest.mark.parametrize(
    ("line", "columns"),
    [
        pytest.param(
            "| Time | Main hall | Room 101 |", (None, "Main hall", "Room 101"), id="pipes"
        ),
        pytest.param("Time\tAuditorium\tHall B", (None, "Auditorium", "Hall B"), id="tabs"),
        pytest.param("| Time | Section | Section |", None, id="not-rooms"),
        pytest.param("| Speaker | Room 1 | Room 2 |", None, id="first-not-time"),
        pytest.param("| Time | Room 1 |", None, id="one-room"),
        pytest.param("Time   Room 1   Room 2", None, id="spaces-lose-columns"),
        pytest.param(
            "\tWednesday 9.5\tThursday 10.5",
            (None, Day(5, 9, 2, None, "Wednesday 9.5"), Day(5, 10, 3, None, "Thursday 10.5")),
            id="days-day-first-tabs-not-room-codes",
        ),
    ],
)
def test_header_columns(line: str, columns: tuple[str | None, ...] | None) -> None:
    assert header_columns(line) == columns


TWO_HALLS = (None, "Hall A", "Hall B")
THREE_HALLS = (None, "Hall A", "Hall B", "Hall C")


@pytest.mark.parametrize(
    ("line", "columns", "rooms"),
    [
        pytest.param("| 11:00 | Vision | Language |", TWO_HALLS, ["Hall A", "Hall B"], id="in-order"),
        pytest.param("| 11:00 | | Vision | Language |", THREE_HALLS, ["Hall B", "Hall C"], id="empty-first"),
        pytest.param("| 11:00 | Vision | | Language |", THREE_HALLS, ["Hall A", "Hall C"], id="empty-between"),
        pytest.param("| 11:00 | Vision | Language |", THREE_HALLS, [None, None], id="spanned-cells"),
    ],
)  # fmt: skip
def test_column_rooms(line: str, columns: tuple[str | None, ...], rooms: list[str | None]) -> None:
    assert column_rooms(line, ["Vision", "Language"], columns) == rooms


@pytest.mark.parametrize(
    ("line", "cells"),
    [
        pytest.param("| 09:00 | Talk | |", ["09:00", "Talk", ""], id="markdown-borders"),
        pytest.param("09:00 | Talk |", ["09:00", "Talk", ""], id="saved-page-empty-last-cell"),
        pytest.param("09:00\tTalk\t\tHall B", ["09:00", "Talk", "", "Hall B"], id="tabs"),
        pytest.param("09:00   Talk", None, id="spaces-are-no-columns"),
    ],
)
def test_cells_in_columns(line: str, cells: list[str] | None) -> None:
    assert cells_in_columns(line) == cells
