"""Pages through the test client: what they list, the links they offer, their headers."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from flask.testing import FlaskClient

from ..conftest import write_abstracts
from ..html import elements, find, text
from .test_web_feeds import ALL_2022

BASE = "http://localhost"


def _subscribe_links(page: bytes, block: int = 0) -> list[tuple[str, str]]:
    lists = [e for e in elements(page) if e.tag == "ul" and "buttons" in e.attrs.get("class", "")]
    assert lists, "no subscribe buttons"
    anchors = [
        e for e in elements(page) if e.tag == "a" and "button" in e.attrs.get("class", "").split()
    ]
    chosen = [a for a in anchors if a.ancestors.count("ul")]  # buttons inside button lists
    start = block * 5
    return [(text(a), a.attrs["href"]) for a in chosen[start : start + 5]]


def test_index_lists_conferences_with_their_pages(reader: FlaskClient) -> None:
    page = reader.get("/").data

    headings = [
        (text(a), a.attrs["href"]) for a in elements(page) if a.tag == "a" and "h2" in a.ancestors
    ]
    assert headings == [
        ("MLSys 2021", f"{BASE}/mlsys-2021/"),
        ("MLSys 2022", f"{BASE}/mlsys-2022/"),
        ("MLSys 2023", f"{BASE}/mlsys-2023/"),
    ]


def test_conference_page_lists_the_programme_by_day(reader: FlaskClient) -> None:
    page = reader.get("/mlsys-2022/").data

    days = [text(h) for h in find(page, "h3") if h.attrs.get("id", "").startswith("day-")]
    sessions = [(text(a), a.attrs["href"]) for a in find(page, "a", class_="title")]
    assert days == ["Wednesday 31 August 2022"]
    assert sessions == [
        ("Registration Desk: Registration Check-in Desk", f"{BASE}/events/{ALL_2022[4]}/"),
        ("Efficient Training", f"{BASE}/events/{ALL_2022[5]}/"),
        (
            "ML Programming Models and Abstractions & Interpretability and Explainability of ML",
            f"{BASE}/events/{ALL_2022[6]}/",
        ),
        ("Efficient Inference and Model Serving", f"{BASE}/events/{ALL_2022[7]}/"),
        ("Invited Talk: Ryan Adams", f"{BASE}/events/{ALL_2022[0]}/"),
        ("Tutorial: Mert TOSLALI", f"{BASE}/events/{ALL_2022[1]}/"),
        (
            "Tutorial: Radu Marculescu · Ming Lin · Atlas Wang · Kartikeya Bhardwaj",
            f"{BASE}/events/{ALL_2022[2]}/",
        ),
        ("Tutorial: Tushar Krishna", f"{BASE}/events/{ALL_2022[3]}/"),
    ]
    assert [text(t) for t in find(page, "span", class_="time")][:2] == [
        "06:30–07:30",
        "08:45–10:15",
    ]


def test_conference_page_subscribe_links_have_the_exact_forms(reader: FlaskClient) -> None:
    page = reader.get("/mlsys-2023/").data

    assert _subscribe_links(page) == [
        (
            "Google Calendar",
            "https://calendar.google.com/calendar/r?cid=webcal%3A%2F%2Flocalhost%2Fmlsys-2023%2Fcalendar.ics",
        ),
        ("Apple Calendar", "webcal://localhost/mlsys-2023/calendar.ics"),
        (
            "Outlook.com",
            "https://outlook.live.com/calendar/0/addfromweb?url=http%3A%2F%2Flocalhost%2Fmlsys-2023%2Fcalendar.ics&name=MLSys%202023",
        ),
        (
            "Microsoft 365",
            "https://outlook.office.com/calendar/0/addfromweb?url=http%3A%2F%2Flocalhost%2Fmlsys-2023%2Fcalendar.ics&name=MLSys%202023",
        ),
        ("Download .ics", "http://localhost/mlsys-2023/calendar.ics?download=1"),
    ]
    assert (
        find(page, "input", id="url-conference")[0].attrs["value"]
        == f"{BASE}/mlsys-2023/calendar.ics"
    )


def test_conference_page_announces_its_feeds_to_browsers(reader: FlaskClient) -> None:
    page = reader.get("/mlsys-2023/").data

    feeds = [
        (link.attrs["title"], link.attrs["href"])
        for link in find(page, "link", rel="alternate", type="text/calendar")
    ]
    assert feeds == [
        ("MLSys 2023", f"{BASE}/mlsys-2023/calendar.ics"),
        ("MLSys 2023 · Federated Learning", f"{BASE}/mlsys-2023/tracks/federated-learning.ics"),
        (
            "MLSys 2023 · Measurement and Analysis",
            f"{BASE}/mlsys-2023/tracks/measurement-and-analysis.ics",
        ),
        ("MLSys 2023 · ML for Systems", f"{BASE}/mlsys-2023/tracks/ml-for-systems.ics"),
        (
            "MLSys 2023 · Parallel and Distributed Systems 2: Communication",
            f"{BASE}/mlsys-2023/tracks/parallel-and-distributed-systems-2-communication.ics",
        ),
        ("MLSys 2023 · Invited Talks", f"{BASE}/mlsys-2023/kinds/invited-talk.ics"),
        ("MLSys 2023 · Posters", f"{BASE}/mlsys-2023/kinds/poster.ics"),
        ("MLSys 2023 · Registration Desk", f"{BASE}/mlsys-2023/kinds/registration-desk.ics"),
    ]


def test_conference_page_announces_every_format_and_its_changes(reader: FlaskClient) -> None:
    page = reader.get("/mlsys-2023/").data
    announced = [
        (link.attrs["type"], link.attrs["title"], link.attrs["href"])
        for link in find(page, "link", rel="alternate")
        if link.attrs["type"] != "text/calendar"
        if not any(part in link.attrs["href"] for part in ("/tracks/", "/kinds/", "?"))
    ]

    assert announced == [
        ("application/calendar+json", "MLSys 2023 (jCal)", f"{BASE}/mlsys-2023/calendar.jcal"),
        ("application/calendar+xml", "MLSys 2023 (xCal)", f"{BASE}/mlsys-2023/calendar.xcs"),
        ("text/csv", "MLSys 2023 (CSV)", f"{BASE}/mlsys-2023/calendar.csv"),
        ("application/xml", "MLSys 2023 (frab XML)", f"{BASE}/mlsys-2023/schedule.xml"),
        ("application/json", "MLSys 2023 (frab JSON)", f"{BASE}/mlsys-2023/schedule.json"),
        ("application/atom+xml", "MLSys 2023: what changed", f"{BASE}/mlsys-2023/changes.atom"),
    ]


def test_conference_page_shows_schedule_apps_the_frab_address(reader: FlaskClient) -> None:
    page = reader.get("/mlsys-2023/").data
    (apps,) = find(page, "section", class_="apps")

    assert (
        " ".join(text(apps).split()[:6]),
        find(page, "input", id="schedule-conference")[0].attrs["value"],
        [a.attrs["href"] for a in find(page, "a") if "formats" in a.classes_above][:5],
    ) == (
        "Use in a schedule app Giggity,",
        f"{BASE}/mlsys-2023/schedule.json",
        [f"{BASE}/mlsys-2023/calendar.jcal", f"{BASE}/mlsys-2023/calendar.xcs",
         f"{BASE}/mlsys-2023/calendar.csv", f"{BASE}/mlsys-2023/schedule.xml",
         f"{BASE}/mlsys-2023/schedule.json"],
    )  # fmt: skip


def test_event_page_shows_papers_and_adds_the_one_session(reader: FlaskClient) -> None:
    page = reader.get("/events/mlsys-2021-20210406-oral-session-4-training-i/").data

    papers = [text(h) for h in find(page, "h3") if "article" in h.ancestors]
    assert papers == [
        "TensorFlow Lite Micro: Embedded Machine Learning for TinyML Systems",
        "Scaling Distributed Training with Adaptive Summation",
        "PipeMare: Asynchronous Pipeline Parallel DNN Training",
        "“Recent results in language understanding using neural networks have required…”",
        "TT-Rec: Tensor Train Compression for Deep Learning Recommendation Models",
    ]
    add = _subscribe_links(page)[:2]
    assert add[0] == (
        "Download .ics",
        f"{BASE}/events/mlsys-2021-20210406-oral-session-4-training-i.ics",
    )
    assert add[1][1].startswith(
        "https://calendar.google.com/calendar/render?action=TEMPLATE&text=Oral%3A%20Session%204%3A%20Training%20%28I%29"
        "&dates=20210406T222000Z%2F20210406T235000Z&details=MLSys%202021%20%C2%B7%20Oral"
    )
    assert add[1][1].endswith("&location=Online&ctz=America%2FLos_Angeles")


def test_builder_without_javascript_is_a_get_form(reader: FlaskClient) -> None:
    page = reader.get("/builder?track=federated-learning&track=efficient-training").data

    form = find(page, "form", id="builder")[0]
    checked = [
        e.attrs["value"] for e in find(page, "input", type="checkbox") if "checked" in e.attrs
    ]
    shown = [text(a) for a in find(page, "a", class_="title")]
    assert (form.attrs["method"], form.attrs["action"]) == ("get", f"{BASE}/builder")
    assert (checked, shown) == (
        ["efficient-training", "federated-learning"],
        ["Efficient Training", "Federated Learning"],
    )
    assert find(page, "input", id="url-built")[0].attrs["value"] == (
        f"{BASE}/calendar.ics?track=efficient-training&track=federated-learning"
    )


def test_builder_unknown_value_explains_in_the_page(reader: FlaskClient) -> None:
    response = reader.get("/builder?track=<b>nope</b>")

    alert = find(response.data, "p", class_="alert")
    assert (response.status_code, text(alert[0])) == (404, "no track 'b-nope-b'; known: "
        "efficient-inference-and-model-serving, efficient-training, federated-learning, "
        "measurement-and-analysis, ml-for-systems, "
        "ml-programming-models-and-abstractions-interpretability-and-explainability-of-ml, "
        "parallel-and-distributed-systems-2-communication, session-1-search-and-devices, session-2-compilers, "
        "session-3-communication-and-storage, session-4-training-i")  # fmt: skip


@pytest.mark.parametrize(
    ("url", "policy"),
    [
        ("/", "default-src 'self'; img-src 'self' data:; frame-ancestors 'self'"),
        ("/mlsys-2023/", "default-src 'self'; img-src 'self' data:; frame-ancestors 'self'"),
        ("/builder", "default-src 'self'; img-src 'self' data:; frame-ancestors 'self'"),
        ("/embed?conference=mlsys-2023", "default-src 'self'; frame-ancestors *"),
    ],
    ids=["index", "conference", "builder", "embed-can-be-framed"],
)
def test_pages_security_headers(reader: FlaskClient, url: str, policy: str) -> None:
    response = reader.get(url)

    assert (response.headers["Content-Security-Policy"], response.headers["X-Content-Type-Options"],
            response.mimetype) == (policy, "nosniff", "text/html")  # fmt: skip


def test_embed_widget_offers_the_feed(reader: FlaskClient) -> None:
    page = reader.get("/embed?conference=mlsys-2022&kind=oral").data

    assert [name for name, _ in _subscribe_links(page)] == [
        "Google Calendar", "Apple Calendar", "Outlook.com", "Microsoft 365", "Download .ics"
    ]  # fmt: skip
    assert text(find(page, "strong")[0]) == "MLSys 2022 · Orals"


def test_embed_snippet_is_plain_links_with_inline_styles(reader: FlaskClient) -> None:
    page = reader.get("/mlsys-2023/").data

    snippet = text(find(page, "textarea", id="snippet-conference")[0])
    inner = elements(snippet)
    assert ({e.tag for e in inner}, [e.attrs["href"] for e in inner if e.tag == "a"][1]) == (
        {"div", "strong", "a", "span"}, "webcal://localhost/mlsys-2023/calendar.ics"
    )  # fmt: skip
    assert all("style" in e.attrs for e in inner) and "<script" not in snippet


@pytest.mark.parametrize(
    "url",
    ["/", "/mlsys-2023/", "/builder", "/events/mlsys-2023-20230606-poster-federated-learning/"],
)
def test_pages_label_every_field(reader: FlaskClient, url: str) -> None:
    page = reader.get(url).data

    labelled = {e.attrs["for"] for e in find(page, "label") if "for" in e.attrs}
    fields = [e for e in elements(page) if e.tag in {"input", "textarea", "select"}]
    unlabelled = [
        e.attrs for e in fields if e.attrs.get("id") not in labelled and "label" not in e.ancestors
    ]
    assert unlabelled == []


def test_pages_escape_text_from_sources(client: FlaskClient, sources: Path) -> None:
    path = sources / "mlsys-2023.txt"
    path.write_text(path.read_text(encoding="utf-8").replace("Federated Learning", "<script>alert(1)</script> & Co"),
                    encoding="utf-8")  # fmt: skip

    page = client.get("/mlsys-2023/").get_data(as_text=True)

    assert ("<script>alert" in page, "&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co" in page) == (
        False,
        True,
    )


def test_embed_unknown_conference_is_404_not_an_error(reader: FlaskClient) -> None:
    response = reader.get("/embed?conference=0")  # found by tests/parse/test_fuzz.py

    assert (response.status_code, response.get_data(as_text=True)) == (
        404, "no conference '0'; known: mlsys-2021, mlsys-2022, mlsys-2023\n"
    )  # fmt: skip


def test_conference_page_says_what_it_could_not_read(client: FlaskClient, sources: Path) -> None:
    write_abstracts(sources, "Programme\n09:00 Opening\n10:00 Keynote: Ada\n")

    page = client.get("/mlsys-abstracts/").data

    note = find(page, "section", class_="problems")
    assert [text(h) for h in find(page, "h3", id="problems-heading")] == [
        "Nothing in this programme could be read as a session"
    ]
    assert [text(c) for c in elements(page) if c.tag == "code" and "li" in c.ancestors] == [
        "mlsys-abstracts.txt:2: error: 2 lines hold dates or times but none was read as a session; "
        "calsvc reads session headers with their own date ('Poster: Federated Learning Tue 6 Jun "
        "09:00 a.m.'), or a day heading ('Monday 14 October 2024') followed by time rows "
        "('09:15–10:30 Keynote: Title'); see the warnings for each line",
        "mlsys-abstracts.txt:2: warning: '09:00 Opening': a time with no day heading above it; not read",
        "mlsys-abstracts.txt:3: warning: '10:00 Keynote: Ada': a time with no day heading above it; not read",
    ]
    assert len(note) == 1


def test_a_session_ending_on_a_later_day_shows_and_feeds_its_end(
    client: FlaskClient, sources: Path
) -> None:
    write_abstracts(sources, "Exhibit Hall Mon 4 Dec 2023 9 a.m. — Thu 7 Dec 2023 5 p.m.\n")

    page = client.get("/mlsys-abstracts/").data
    feed = client.get("/mlsys-abstracts/calendar.ics").data.decode("utf-8")
    event = feed.split("BEGIN:VEVENT", 1)[1]
    events = client.get("/api/events?conference=mlsys-abstracts").json["events"]  # type: ignore[index]

    assert [text(t) for t in find(page, "span", class_="time")] == ["09:00–Thu 7 Dec 17:00"]
    assert [line for line in event.splitlines() if line.startswith(("DTSTART", "DTEND"))] == [
        "DTSTART:20231204T090000Z",
        "DTEND:20231207T170000Z",
    ]
    assert [(e["start"], e["end"]) for e in events] == [
        ("2023-12-04T09:00:00+00:00", "2023-12-07T17:00:00+00:00")
    ]


def test_builder_widget_link_without_filters_is_the_bare_widget(reader: FlaskClient) -> None:
    page = reader.get("/builder").data

    widgets = [e.attrs["href"] for e in find(page, "a") if "/embed" in e.attrs.get("href", "")]
    assert widgets == ["http://localhost/embed"]


def test_a_talk_without_a_title_is_headed_by_its_session(reader: FlaskClient) -> None:
    page = reader.get("/events/mlsys-2023-20230606-invited-talk-alexander-rush/").data

    assert [text(e) for e in find(page, "h3")] == ["Invited Talk: Alexander Rush"]


def test_a_feed_too_large_for_google_says_so_and_a_small_one_does_not(
    client: FlaskClient, sources: Path
) -> None:
    abstract = "An abstract of a few hundred characters, as programmes print them. " * 8
    talks = "".join(
        f"Keynote: Talk number {n} Tue 6 Jun 2023 09:00-10:00\n{abstract}\n" for n in range(3000)
    )
    (sources / "large.txt").write_text(
        talks + "Coffee break Tue 6 Jun 2023 10:00-10:30\n", encoding="utf-8"
    )

    page = client.get("/large/").get_data(as_text=True)
    sizes = [len(client.get(path).data) for path in ("/large/calendar.ics",
             "/large/kinds/keynote.ics", "/large/kinds/coffee-break.ics")]  # fmt: skip

    assert sizes == [1_590_514, 1_590_139, 898]
    # A page of 3,000 sessions is 2.3 MB: only its notes are parsed.
    notes = re.findall(r'<p class="note warning">.*?</p>', page, re.S)
    assert [text(find(note, "p")[0]) for note in notes] == [
        f"This calendar has {count} sessions, more than 1 MB. Google Calendar drops the events of "
        "calendars over about 1 MB without a word: for Google, subscribe to one track or kind, "
        "or build a smaller feed."
        for count in ("3,001", "3,000")
    ]
