"""The pages as a person meets them: headless Chromium against the real server (granian).

Screenshots at desktop and phone widths are saved in tests/screenshots/ on every run.
"""

from __future__ import annotations

import io
import shutil
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import quote

import feedparser
import icalendar
import pytest
import zxingcpp
from PIL import Image
from playwright.sync_api import Browser, Page, expect, sync_playwright

from calsvc.export import export_site
from calsvc.settings import Settings

from .. import commands, servers
from ..calendars import revisions, uids
from ..conftest import SEEDS
from ..parsers import PYTHON_PARSERS, lint

CHROMIUM = "/usr/bin/chromium"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
SCREENSHOTS = Path(__file__).resolve().parent.parent / "screenshots"
SIZES = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 390, "height": 844}}


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    folder = tmp_path_factory.mktemp("server")
    shutil.copytree(SEEDS, folder / "sources")
    with servers.calsvc(folder, folder / "sources") as base:
        yield base


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport=SIZES["desktop"])
    yield context.new_page()
    context.close()


def _fetch(url: str) -> bytes:
    with urllib.request.urlopen(url, timeout=10) as response:
        return bytes(response.read())


EXPECTED = [
    "mlsys-2022-20220831-oral-efficient-training",
    "mlsys-2023-20230606-poster-federated-learning",
]


def test_builder_two_tracks_give_a_feed_of_exactly_those_sessions(server: str, page: Page) -> None:
    page.goto(f"{server}/builder")

    for conference, track in (
        ("MLSys 2022", "Efficient Training"),
        ("MLSys 2023", "Federated Learning"),
    ):
        group = page.locator("details", has=page.locator("summary", has_text=conference)).filter(
            has=page.get_by_label(track, exact=True))  # fmt: skip
        group.locator("summary").click()
        group.get_by_label(track, exact=True).check()
    expect(page.locator("#url-built")).to_have_value(
        f"{server}/calendar.ics?track=efficient-training&track=federated-learning"
    )
    feed_url = page.locator("#url-built").input_value()

    assert feed_url == f"{server}/calendar.ics?track=efficient-training&track=federated-learning"
    assert uids(_fetch(feed_url)) == EXPECTED
    assert page.url == f"{server}/builder?track=efficient-training&track=federated-learning"


def test_builder_works_without_javascript(server: str, browser: Browser) -> None:
    context = browser.new_context(java_script_enabled=False, viewport=SIZES["desktop"])
    page = context.new_page()
    page.goto(f"{server}/builder")

    for track in ("Efficient Training", "Federated Learning"):
        label = page.get_by_label(track, exact=True)
        label.locator("xpath=ancestor::details/summary").click()
        label.check()
    page.get_by_role("button", name="Show sessions and feed").click()
    feed_url = page.locator("#url-built").input_value()
    context.close()

    assert uids(_fetch(feed_url)) == EXPECTED


def test_subscribe_links_have_the_exact_forms(server: str, page: Page) -> None:
    page.goto(f"{server}/mlsys-2023/")

    block = page.locator(".subscribe").first
    links = {name: block.get_by_role("link", name=name, exact=True).get_attribute("href")
             for name in ("Google Calendar", "Apple Calendar", "Outlook.com", "Microsoft 365", "Download .ics")}  # fmt: skip

    feed = f"{server}/mlsys-2023/calendar.ics"
    webcal = "webcal://" + feed.split("://")[1]
    assert links == {
        "Google Calendar": "https://calendar.google.com/calendar/r?cid=" + quote(webcal, safe=""),
        "Apple Calendar": webcal,
        "Outlook.com": f"https://outlook.live.com/calendar/0/addfromweb?url={quote(feed, safe='')}&name=MLSys%202023",
        "Microsoft 365": f"https://outlook.office.com/calendar/0/addfromweb?url={quote(feed, safe='')}&name=MLSys%202023",
        "Download .ics": f"{feed}?download=1",
    }
    assert _fetch(links["Download .ics"]).startswith(b"BEGIN:VCALENDAR\r\n")


def test_copy_button_copies_the_feed_url(server: str, browser: Browser) -> None:
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(f"{server}/mlsys-2023/")

    page.locator("button[data-copy='url-conference']").click()
    copied = page.evaluate("navigator.clipboard.readText()")
    label = page.locator("button[data-copy='url-conference']").text_content()
    context.close()

    assert (copied, label) == (f"{server}/mlsys-2023/calendar.ics", "Copied")


def _framed_on_another_site(page: Page, src: str) -> str:
    """Opens a page of another origin (a second local server) that frames src; returns its text.

    The other site runs on loopback too: Chromium will not let a public page frame a local one.
    """
    body = f'<!doctype html><iframe title="calendar" src="{src}" width="600" height="240"></iframe>'.encode()

    class AnotherSite(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    with ThreadingHTTPServer(("127.0.0.1", 0), AnotherSite) as site:
        worker = threading.Thread(target=site.serve_forever, daemon=True)
        worker.start()
        page.goto(f"http://127.0.0.1:{site.server_address[1]}/")
        page.wait_for_timeout(500)
        shown = " ".join(page.frames[1].locator("body").inner_text().split())
        site.shutdown()
    return shown


def test_embed_widget_can_be_framed_by_another_site(server: str, page: Page) -> None:
    shown = _framed_on_another_site(page, f"{server}/embed?conference=mlsys-2023&kind=poster")

    assert shown.startswith("MLSys 2023 · Posters 4 sessions Google Calendar Apple Calendar")


def test_other_pages_refuse_to_be_framed(server: str, page: Page) -> None:
    shown = _framed_on_another_site(page, f"{server}/mlsys-2023/")

    assert "Programme" not in shown


def test_keyboard_reaches_the_skip_link_first(server: str, page: Page) -> None:
    page.goto(f"{server}/mlsys-2023/")

    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent")
    page.keyboard.press("Enter")
    # Following a link to the page's own anchor is not instant: on a loaded machine the URL
    # was read before it changed. Wait for it (a timeout fails the test all the same).
    page.wait_for_url(f"{server}/mlsys-2023/#main", timeout=5_000)

    assert (focused, page.url) == ("Skip to content", f"{server}/mlsys-2023/#main")


@pytest.mark.parametrize("size", sorted(SIZES))
@pytest.mark.parametrize(
    ("name", "path"),
    [("index", "/"), ("conference", "/mlsys-2022/"), ("session", "/events/mlsys-2021-20210406-oral-session-4-training-i/"),
     ("builder", "/builder?kind=poster"), ("embed", "/embed?conference=mlsys-2023"),
     ("my-schedule", "/my/mlsys-2023/?s=dtknztl.ebmx6ue"), ("changes", "/mlsys-2023/changes/"),
     ("read", "/mlsys-2022/read/")],
)  # fmt: skip
def test_pages_fit_the_screen_and_are_saved_as_screenshots(
    server: str, browser: Browser, name: str, path: str, size: str
) -> None:
    context = browser.new_context(viewport=SIZES[size])
    page = context.new_page()
    page.goto(server + path)
    SCREENSHOTS.mkdir(exist_ok=True)

    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    page.screenshot(path=str(SCREENSHOTS / f"{name}-{size}.png"), full_page=True)
    context.close()

    png = (SCREENSHOTS / f"{name}-{size}.png").read_bytes()
    width = int.from_bytes(png[16:20], "big")  # the IHDR chunk: the image is the page's width
    assert (overflow, png[:4], width) == (0, b"\x89PNG", SIZES[size]["width"])


@pytest.fixture
def editable_server(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    """A server of its own, on a copy of the seeds in which the Federated Learning posters
    run until 5 p.m., over the ML for Systems posters at 4:40."""
    shutil.copytree(SEEDS, tmp_path / "sources")
    programme = tmp_path / "sources" / "mlsys-2023.txt"
    programme.write_text(programme.read_text("utf-8").replace(
        "Federated Learning Tue 6 Jun 03:20 p.m.", "Federated Learning Tue 6 Jun 03:20 p.m. - 05:00 p.m."), "utf-8")  # fmt: skip
    with servers.calsvc(
        tmp_path, tmp_path / "sources", env={"CALSVC_RELOAD_SECONDS": "0.2"}
    ) as base:
        yield base, programme


PICKED = [
    "mlsys-2023-20230606-poster-federated-learning",
    "mlsys-2023-20230606-poster-measurement-and-analysis",
    "mlsys-2023-20230606-poster-ml-for-systems",
    "mlsys-2023-20230606-poster-parallel-and-distributed-systems-2-communication",
]


def test_starred_sessions_make_a_personal_feed_that_follows_the_programme(
    editable_server: tuple[str, Path], page: Page
) -> None:
    server, programme = editable_server
    page.goto(server + "/mlsys-2023/")
    for name in ("Federated Learning", "Measurement and Analysis", "ML for Systems"):
        page.get_by_role("button", name=f"Star this session: {name}").click()
    page.get_by_role("link", name="Parallel and Distributed Systems 2: Communication").click()
    page.get_by_role("button", name="Star this paper's session").first.click()
    page.goto(server + "/mlsys-2023/")
    page.reload()
    expect(page.get_by_role("link", name="My schedule 4")).to_be_visible()
    page.get_by_role("link", name="My schedule 4").click()

    listed = page.locator("ol.sessions li").all_inner_texts()
    overlaps = page.locator(".clash").all_inner_texts()
    feed = page.locator("#url-mine").input_value()
    links = {name: page.get_by_role("link", name=name).get_attribute("href")
             for name in ("Google Calendar", "Apple Calendar", "Download .ics")}  # fmt: skip

    assert (len(listed), overlaps) == (
        4,
        ["Overlaps Poster: ML for Systems", "Overlaps Poster: Federated Learning"],
    )
    assert sorted(uids(_fetch(feed))) == PICKED
    assert links == {
        "Google Calendar": "https://calendar.google.com/calendar/r?cid="
        + quote("webcal://" + feed.split("://", 1)[1], safe=""),
        "Apple Calendar": "webcal://" + feed.split("://", 1)[1],
        "Download .ics": feed + "&download=1",
    }
    assert sorted(uids(_fetch(links["Download .ics"] or ""))) == PICKED

    text = programme.read_text("utf-8")
    text = text.replace(
        "Measurement and Analysis Tue 6 Jun 09:00 a.m.",
        "Measurement and Analysis Tue 6 Jun 10:00 a.m.",
    )
    programme.write_text(text[: text.index("Poster: ML for Systems")], "utf-8")  # its posters go
    deadline = time.monotonic() + 20
    while b"STATUS:CANCELLED" not in (body := _fetch(feed)) and time.monotonic() < deadline:
        time.sleep(0.2)

    assert {uid: state[:2] for uid, state in revisions(body).items()} == {
        PICKED[0]: (0, "CONFIRMED"), PICKED[1]: (1, "CONFIRMED"),
        PICKED[2]: (1, "CANCELLED"), PICKED[3]: (0, "CONFIRMED")}  # fmt: skip
    page.goto(server + "/mlsys-2023/changes/")
    assert page.locator(".change .title").all_inner_texts() == [
        "Cancelled: Poster: ML for Systems",
        "Moved: Poster: Measurement and Analysis",
    ]
    atom = feedparser.parse(_fetch(server + "/mlsys-2023/changes.atom?" + feed.split("?", 1)[1]))
    assert [entry.title for entry in atom.entries] == [
        "Cancelled: Poster: ML for Systems",
        "Moved: Poster: Measurement and Analysis",
    ]


def test_times_switch_to_the_reader_s_zone_and_back(server: str, browser: Browser) -> None:
    context = browser.new_context(viewport=SIZES["desktop"], timezone_id="Europe/Berlin")
    page = context.new_page()
    page.goto(server + "/mlsys-2023/")
    first = page.locator("ol.sessions time").first
    written = first.inner_text()
    page.get_by_role("button", name="Show times in your zone (Europe/Berlin)").click()
    local = first.inner_text()
    page.reload()  # the choice is remembered
    remembered = first.inner_text()
    page.get_by_role(
        "button", name="Times in your zone (Europe/Berlin): show America/New_York"
    ).click()
    back = first.inner_text()
    context.close()

    assert (written, local, remembered, back) == ("07:30", "13:30", "13:30", "07:30")


def test_a_static_copy_downloads_the_starred_sessions(tmp_path: Path, page: Page) -> None:
    """An exported site has stars and a My schedule page; with no server behind it, that page
    joins the starred sessions' own .ics files into one download, and says a subscription
    needs the service."""
    shutil.copytree(SEEDS, tmp_path / "sources")
    site = tmp_path / "site"
    site.mkdir()

    class Files(SimpleHTTPRequestHandler):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, directory=str(site), **kwargs)

        def log_message(self, *args: object) -> None:
            pass

    with ThreadingHTTPServer(("127.0.0.1", 0), Files) as host:
        base = f"http://127.0.0.1:{host.server_address[1]}"
        settings = Settings(sources=tmp_path / "sources", db=tmp_path / "db.sqlite3")
        export_site(site, settings=settings, base_url=base)
        threading.Thread(target=host.serve_forever, daemon=True).start()
        page.goto(base + "/mlsys-2023/index.html")
        for name in ("Federated Learning", "Measurement and Analysis"):
            page.get_by_role("button", name=f"Star this session: {name}").click()
        page.get_by_role("link", name="My schedule 2").click()
        listed = page.locator("ol.sessions li:visible .title").all_inner_texts()
        note = page.locator(".programme .note").nth(1).inner_text()
        with page.expect_download() as download:
            page.get_by_role("button", name="Download my sessions (.ics)").click()
        body = Path(download.value.path()).read_bytes()
        host.shutdown()

    assert (listed, note.startswith("This copy of the site has no server behind it")) == (
        ["Measurement and Analysis", "Federated Learning"],
        True,
    )
    assert (sorted(uids(body)), with_icalendar_name(body)) == (
        ["mlsys-2023-20230606-poster-federated-learning",
         "mlsys-2023-20230606-poster-measurement-and-analysis"],
        "MLSys 2023 · My schedule",
    )  # fmt: skip


def with_icalendar_name(body: bytes) -> str:
    return str(icalendar.Calendar.from_ical(body)["X-WR-CALNAME"])


def _decoded(page: Page, selector: str) -> list[str]:
    """The QR codes of the elements `selector` finds, as Chromium draws them, read back by
    zxing-cpp from a screenshot of each."""
    found = []
    for element in page.locator(selector).all():
        image = Image.open(io.BytesIO(element.screenshot()))
        found += [code.text for code in zxingcpp.read_barcodes(image)]
    return found


TWO_PICKS = "dtknztl.ebmx6ue"


@pytest.mark.parametrize(
    ("path", "main", "apps"),
    [("/mlsys-2023/", "/mlsys-2023/calendar.ics", "/mlsys-2023/schedule.json"),
     (f"/my/mlsys-2023/?s={TWO_PICKS}", f"/my/mlsys-2023.ics?s={TWO_PICKS}",
      f"/mlsys-2023/schedule.json?s={TWO_PICKS}")],
)  # fmt: skip
def test_qr_codes_read_back_as_the_feed_and_schedule_links(
    server: str, page: Page, path: str, main: str, apps: str
) -> None:
    page.goto(server + path)
    host = server.split("://", 1)[1]

    assert (_decoded(page, ".qr-main svg"), _decoded(page, ".apps svg")) == (
        [f"webcal://{host}{main}"], [f"{server}{apps}"]
    )  # fmt: skip


def test_conference_page_prints_the_programme_and_one_qr_code(server: str, page: Page) -> None:
    page.goto(server + "/mlsys-2023/")
    page.emulate_media(media="print")
    shown = {
        what: sum(element.is_visible() for element in page.locator(selector).all())
        for what, selector in (("qr codes", "svg.qr"), ("buttons", "button, a.button"),
                               ("sessions", ".session"), ("header", "header.site"))
    }  # fmt: skip
    page.pdf(path=str(SCREENSHOTS / "conference-print.pdf"))

    assert shown == {"qr codes": 1, "buttons": 0, "sessions": 6, "header": 0}


def test_the_read_page_marks_each_session_and_the_line_left_out(server: str, page: Page) -> None:
    page.goto(f"{server}/mlsys-2021/")
    page.get_by_role("link", name="How this programme was read").click()

    sessions = page.locator("tr.mark-session")
    expect(sessions).to_have_count(6)
    left_out = [row.get_attribute("id") for row in page.locator("tr.mark-text").all()]
    first_line = page.locator("#line-1 code").inner_text()
    page.locator("#line-3 a.to-session").click()
    expect(page.locator("h1")).to_have_text("Opening Remarks")

    assert (left_out, first_line, page.url) == (
        ["line-1"],
        "Schedule Mon Tue Wed Thu Fri",
        f"{server}/events/mlsys-2021-20210406-opening-remarks/",
    )


TRIED = """Workshop on Tidal Sensing
Tuesday 9 June 2026
09:00 - 09:30 Registration
09:30 - 10:30 Keynote: Listening to the estuary (Room 2.04)
10:30 - 11:00 Coffee break
"""


def test_try_it_reads_a_pasted_programme_and_downloads_its_calendar(
    server: str, page: Page
) -> None:
    page.goto(f"{server}/")
    page.get_by_role("link", name="Try a programme").click()
    page.get_by_label("Programme text").fill(TRIED)
    page.get_by_label("Time zone of the venue").fill("Europe/Lisbon")
    page.get_by_role("button", name="Read it").click()
    expect(page.locator("#found")).to_have_text("3 sessions found")
    rows = page.locator("table.tried tbody tr").all_inner_texts()
    page.locator("#line-4 a.to-session").click()
    with page.expect_download() as download:
        page.get_by_role("button", name="Download .ics").click()
    body = Path(download.value.path()).read_bytes()
    readings = {name: parse(body) for name, parse in PYTHON_PARSERS.items()}

    assert [" | ".join(row.split("\t")) for row in rows] == [
        "Tue 2026-06-09 | 09:00–09:30 | REGISTRATION |  | 3",  # (kinds in capitals, by CSS)
        "Tue 2026-06-09 | 09:30–10:30 | KEYNOTE Keynote: Listening to the estuary | Room 2.04 | 4",
        "Tue 2026-06-09 | 10:30–11:00 | COFFEE BREAK Coffee break |  | 5",
    ]
    assert (page.url, download.value.suggested_filename) == (
        f"{server}/try/#session-programme-20260609-keynote-listening-to-the-estuary",
        "programme.ics",
    )
    assert (lint(body), readings) == ([], dict.fromkeys(readings, {
        "programme-20260609-registration": ("2026-06-09T08:00:00Z", "2026-06-09T08:30:00Z"),
        "programme-20260609-keynote-listening-to-the-estuary":
            ("2026-06-09T08:30:00Z", "2026-06-09T09:30:00Z"),
        "programme-20260609-coffee-break": ("2026-06-09T09:30:00Z", "2026-06-09T10:00:00Z"),
    }))  # fmt: skip


@pytest.fixture
def desk_server(tmp_path: Path) -> Iterator[tuple[str, str, Path]]:
    """A server on a copy of the seeds with two organisers: its URL, ana's secret, sources."""
    shutil.copytree(SEEDS, tmp_path / "sources")
    env = {"CALSVC_DB": str(tmp_path / "db.sqlite3")}
    added = commands.calsvc("organiser", "add", "ana", "--conference", "mlsys-2021", env=env)
    commands.calsvc("organiser", "add", "bob", "--conference", "mlsys-2022", env=env)
    secret = added.stdout.strip().rsplit(" ", 1)[-1]
    with servers.calsvc(tmp_path, tmp_path / "sources", {"CALSVC_RELOAD_SECONDS": "0.2"}) as base:
        yield base, secret, tmp_path / "sources"


def test_an_organiser_publishes_a_moved_and_a_removed_session(
    desk_server: tuple[str, str, Path], page: Page
) -> None:
    base, secret, sources = desk_server
    before = revisions(_fetch(f"{base}/mlsys-2021/calendar.ics"))
    text = (sources / "mlsys-2021.txt").read_text("utf-8")
    moved = text.replace(
        "Opening Remarks Tue 6 Apr 08:00 a.m.", "Opening Remarks Tue 6 Apr 09:00 a.m."
    )
    version = "\n".join(line for line in moved.split("\n") if line != "Invited Talk: William Dally")
    page.goto(f"{base}/desk/sign-in")
    page.get_by_label("Name").fill("ana")
    page.get_by_label("Secret").fill(secret)
    page.get_by_role("button", name="Sign in").click()
    page.get_by_role("link", name="MLSys 2021").click()
    page.get_by_label("New version: its text").fill(version)
    page.get_by_role("button", name="See what it changes").click()
    summary = page.locator("#summary").inner_text()
    moved_rows = page.locator("ul.moved li").all_inner_texts()
    cancelled_rows = page.locator("ul.cancelled li").all_inner_texts()
    page.get_by_role("button", name="Publish").click()
    expect(page.locator("#done")).to_have_text(
        "Published: wrote mlsys-2021.txt in the sources folder."
    )
    after = revisions(_fetch(f"{base}/mlsys-2021/calendar.ics"))
    opening = "mlsys-2021-20210406-opening-remarks"
    dally = "mlsys-2021-20210406-invited-talk-william-dally"

    assert summary == "0 added · 1 moved · 1 cancelled · 4 unchanged"
    assert (moved_rows, cancelled_rows) == (
        ["Opening Remarks · Tue 2021-04-06 08:00–09:00 → Tue 2021-04-06 09:00–09:30"],
        ["Invited Talk: William Dally · Tue 2021-04-06 time not announced"],
    )
    assert (before[opening][:2], before[dally][:2]) == ((0, "CONFIRMED"), (0, "CONFIRMED"))
    assert (after[opening][:2], after[dally][:2]) == ((1, "CONFIRMED"), (1, "CANCELLED"))


def test_another_organiser_and_a_stranger_get_403(
    desk_server: tuple[str, str, Path], tmp_path: Path, page: Page
) -> None:
    base, _, _ = desk_server
    env = {"CALSVC_DB": str(tmp_path / "db.sqlite3")}
    bob = commands.calsvc("organiser", "add", "bob", "--conference", "mlsys-2022", env=env)
    page.goto(f"{base}/desk/sign-in")
    page.get_by_label("Name").fill("bob")
    page.get_by_label("Secret").fill(bob.stdout.strip().rsplit(" ", 1)[-1])
    page.get_by_role("button", name="Sign in").click()
    own = [a.inner_text() for a in page.locator("ul.desk-conferences a").all()]
    other = page.goto(f"{base}/desk/mlsys-2021/")
    assert other is not None
    with pytest.raises(urllib.error.HTTPError) as stranger:
        _fetch(f"{base}/desk/mlsys-2021/")

    assert (own, other.status, other.text()) == (
        ["MLSys 2022"], 403, "bob may not publish mlsys-2021\n"
    )  # fmt: skip
    assert (stranger.value.code, stranger.value.read()) == (
        403, b"sign in at /desk/sign-in to use the organiser's desk\n"
    )  # fmt: skip
