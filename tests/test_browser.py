"""The pages as a person meets them: headless Chromium against the real server (granian).

Screenshots at desktop and phone widths are saved in tests/screenshots/ on every run.
"""

from __future__ import annotations

import shutil
import threading
import urllib.request
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import quote

import pytest
from playwright.sync_api import Browser, Page, expect, sync_playwright

from . import servers
from .calendars import uids
from .conftest import SEEDS

CHROMIUM = "/usr/bin/chromium"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
SCREENSHOTS = Path(__file__).resolve().parent / "screenshots"
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

    assert (focused, page.url) == ("Skip to content", f"{server}/mlsys-2023/#main")


@pytest.mark.parametrize("size", sorted(SIZES))
@pytest.mark.parametrize(
    ("name", "path"),
    [("index", "/"), ("conference", "/mlsys-2022/"), ("session", "/events/mlsys-2021-20210406-oral-session-4-training-i/"),
     ("builder", "/builder?kind=poster"), ("embed", "/embed?conference=mlsys-2023")],
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
