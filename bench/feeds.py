"""Feed speed on a generated 10,000-session programme; prints its figures.

0. Each output format's cost beside the `.ics`: the first document of a selection (once per
   catalogue version, host and selection; each session's piece of it is made once, so the
   first row, the whole conference, pays for the pieces the others join) and each repeated
   request for it (kept by the service: nothing made), with the document's size.

1. Building a filtered feed from warm caches (VEVENTs already rendered; target ≤ 20 ms),
   beside icalendar's Calendar.to_ical() rendering the same calendar from scratch
   (target ≥ 250× faster); the two outputs are compared byte for byte.
2. Requests per second for the full feed /calendar.ics and for its 304 revalidation under
   granian (2 workers) with wrk, beside the same server sending the same bytes as a static
   file (targets: within 1.2× of it, and within 1.5× for the 304), over interleaved rounds.

Run: make bench  (needs wrk: apt-get install wrk)
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from programme import WORDS, programme  # noqa: E402

from calsvc import pipeline  # noqa: E402
from calsvc.catalogue.selection import MAX_QUERY_WORDS, Selection  # noqa: E402
from calsvc.formats.icalendar import ICALENDAR  # noqa: E402
from calsvc.formats.registry import FORMATS  # noqa: E402
from calsvc.ics.render import calendar_component, event_component, session_page  # noqa: E402
from calsvc.serving.service import Service  # noqa: E402
from calsvc.settings import Settings  # noqa: E402

SESSIONS = 10_000
ROUNDS = 3
BASE_URL = "http://127.0.0.1"
DATA_FILE = """[[source]]
file = "bench.txt"
slug = "bench"
name = "Bench 2023"
year = 2023
timezone = "America/New_York"
"""


def write_sources(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "bench.txt").write_text(programme(SESSIONS, papers=2), encoding="utf-8")
    (folder / "conferences.toml").write_text(DATA_FILE, encoding="utf-8")


def from_scratch(service: Service, selection: Selection) -> bytes:
    """The same calendar, every component rendered by icalendar's Calendar.to_ical()."""
    catalogue = service.catalogue()
    positions = catalogue.positions(selection)
    name = catalogue.name(selection)
    description = f"{name}: sessions from the published programme."
    zones = catalogue.zones_for(positions)
    calendar = calendar_component(name=name, description=description, zones=zones, ttl=service.ttl)
    for entry in (catalogue.entries[p] for p in positions):
        url = session_page(BASE_URL, entry.session.uid)
        calendar.add_component(
            event_component(entry.session, entry.conference, entry.revision, url=url)
        )
    return bytes(calendar.to_ical())


def formats(service: Service) -> None:
    """Every format at 10,000 sessions: the first rendering, then a repeated request."""
    catalogue = service.catalogue()
    picks = tuple(sorted(catalogue.short_ids[p] for p in range(0, 10_000, 200)))
    chosen = {
        "conference (all)": Selection(conferences=("bench",)),
        "kind=poster": Selection(conferences=("bench",), kinds=("poster",)),
        "s=… (50 picks)": Selection(conferences=("bench",), sessions=picks),
    }
    print(f"{'format':<10} {'selection':<18} {'MB':>6} {'first ms':>9} {'repeat µs':>10}")
    for fmt in FORMATS:
        for label, selection in chosen.items():
            service.feeds.clear()
            started = time.perf_counter()
            feed = service.feed(selection, fmt, base_url=BASE_URL)
            first = time.perf_counter() - started
            repeats = []
            for _ in range(50):
                started = time.perf_counter()
                service.version(selection, fmt, base_url=BASE_URL)
                service.feed(selection, fmt, base_url=BASE_URL)
                repeats.append(time.perf_counter() - started)
            repeat = statistics.median(repeats) * 1e6
            size = feed.size / 1e6
            print(f"{fmt.name:<10} {label:<18} {size:>6.2f} {first * 1000:>9.1f} {repeat:>10.1f}")
    print()


def assembly(service: Service) -> None:
    served = service.served()
    catalogue = served.catalogue
    pipeline.render(served, Selection(), ICALENDAR, base_url=BASE_URL, ttl=service.ttl)  # warm
    print(
        f"{'feed':<34} {'events':>7} {'warm ms':>8} {'to_ical s':>10} {'speed-up':>9}  same bytes"
    )
    for label, selection in [
        ("kind=poster", Selection(kinds=("poster",))),
        (
            "kind=poster&kind=oral&day=…(30)",
            Selection(kinds=("oral", "poster"), days=catalogue.days()[:30]),
        ),
        ("q=graph", Selection(queries=(("graph",),))),
        ("conference=bench (all)", Selection(conferences=("bench",))),
        # A person's own schedule: 50 sessions picked across the programme.
        (
            "my schedule, s=… (50 picks)",
            Selection(
                conferences=("bench",),
                sessions=tuple(
                    sorted(
                        catalogue.short_ids[p]
                        for p in range(0, len(catalogue.entries), len(catalogue.entries) // 50)
                    )[:50]
                ),
            ),
        ),
    ]:
        timings = []
        for _ in range(15):
            started = time.perf_counter()
            feed = pipeline.render(served, selection, ICALENDAR, base_url=BASE_URL, ttl=service.ttl)
            timings.append(time.perf_counter() - started)
        warm = statistics.median(timings)
        started = time.perf_counter()
        scratch = from_scratch(service, selection)
        cold = time.perf_counter() - started
        figures = f"{feed.events:>7} {warm * 1000:>8.2f} {cold:>10.2f} {cold / warm:>8.0f}×"
        print(f"{label:<34} {figures}  {scratch == feed.body}")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def wrk(
    url: str, seconds: int, *, extra: list[str] | None = None, connections: int = 64
) -> tuple[float, str, str, int]:
    """wrk's requests/s, p50 and p99 latency, and errors (non-2xx/3xx answers and socket errors)."""
    command = ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--latency", *(extra or []), url]
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    rate = float(output.split("Requests/sec:")[1].split()[0])
    latency = {
        line.split()[0]: line.split()[1]
        for line in output.splitlines()
        if line.strip()[:3] in {"50%", "99%"}
    }
    errors = (
        int(output.split("Non-2xx or 3xx responses:")[1].split()[0]) if "Non-2xx" in output else 0
    )
    if "Socket errors:" in output:
        counts = output.split("Socket errors:")[1].splitlines()[0]
        errors += sum(int(part.split()[1]) for part in counts.split(","))
    return rate, latency.get("50%", "?"), latency.get("99%", "?"), errors


def throughput(sources: Path, folder: Path) -> None:
    if shutil.which("wrk") is None:
        print("wrk is not installed (apt-get install wrk): HTTP figures skipped")
        return
    port = free_port()
    env = {**os.environ, "CALSVC_SOURCES": str(sources), "CALSVC_DB": str(folder / "db.sqlite3"),
           "BENCH_STATIC": str(folder / "static.ics")}  # fmt: skip
    here = str(Path(__file__).resolve().parent)
    granian = ["-m", "granian", "--interface", "wsgi", "--workers", "2", "--blocking-threads",
               "2", "--port", str(port), "--log-level", "warning", "--no-ws", "--factory",
               "--working-dir", here]  # fmt: skip
    server = subprocess.Popen([sys.executable, *granian, "static_app:create"], env=env)
    try:
        base = f"http://127.0.0.1:{port}"
        for _ in range(600):
            try:
                urllib.request.urlopen(f"{base}/healthz", timeout=60).close()
                break
            except OSError:
                time.sleep(0.5)
        with urllib.request.urlopen(f"{base}/calendar.ics", timeout=120) as response:
            feed, etag = response.read(), response.headers["ETag"]
        (folder / "static.ics").write_bytes(feed)
        for _ in range(4):  # every worker has the feed in service before measuring
            urllib.request.urlopen(f"{base}/calendar.ics", timeout=120).read()
            urllib.request.urlopen(f"{base}/static.ics", timeout=120).read()
        with urllib.request.urlopen(f"{base}/static.ics", timeout=120) as response:
            static_etag = response.headers["ETag"]
        routes = {
            f"/calendar.ics ({len(feed) / 1e6:.1f} MB)": ("/calendar.ics", []),
            "the same bytes as a static file": ("/static.ics", []),
            "/calendar.ics, If-None-Match (304)": (
                "/calendar.ics",
                ["-H", f"If-None-Match: {etag}"],
            ),
            "static file, If-None-Match (304)": (
                "/static.ics",
                ["-H", f"If-None-Match: {static_etag}"],
            ),
        }
        rates: dict[str, list[float]] = {label: [] for label in routes}
        errors: dict[str, int] = dict.fromkeys(routes, 0)
        for _ in range(ROUNDS):  # interleaved, so the machine's drift falls on every route
            for label, (path, extra) in routes.items():
                rate, _, _, failed = wrk(base + path, 5, extra=extra)
                rates[label].append(rate)
                errors[label] += failed
        print(f"\n{'req/s, 2 granian workers, wrk -c64, 5 s x ' + str(ROUNDS):<44}"
              f" {'min':>8} {'median':>8} {'max':>8} {'errors':>7}")  # fmt: skip
        for label, values in rates.items():
            low, middle, high = min(values), statistics.median(values), max(values)
            print(f"{label:<44} {low:>8.0f} {middle:>8.0f} {high:>8.0f} {errors[label]:>7}")
        medians = [statistics.median(v) for v in rates.values()]
        print(f"feed / static: {medians[0] / medians[1]:.2f}x (target >= 0.83); "
              f"304s: {medians[2] / medians[3]:.2f}x (target >= 0.67)")  # fmt: skip
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)


def worst_queries(service: Service) -> None:
    """Keyword search costs one pass over the text per word: the most words allowed, none of
    which occurs (every pass runs to the end), against one common word (many hits)."""
    catalogue = service.catalogue()
    cases = [
        ("q= 10 words found nowhere", (tuple(f"zzq{n}" for n in range(MAX_QUERY_WORDS)),)),
        ("q= 1 word found everywhere ('e')", (("e",),)),
        ("q= 10 words found in nearly every session", (tuple(WORDS[:MAX_QUERY_WORDS]),)),
    ]
    print(f"\n{'worst keyword searches, 10,000 sessions':<44} {'ms (best of 3)':>16}")
    for label, queries in cases:
        best = float("inf")
        for _ in range(3):
            started = time.perf_counter()
            catalogue.select(Selection(queries=queries))
            best = min(best, time.perf_counter() - started)
        print(f"{label:<44} {best * 1000:>16.1f}")


def main() -> None:
    folder = Path(tempfile.mkdtemp(prefix="calsvc-bench-"))
    try:
        write_sources(folder / "sources")
        started = time.perf_counter()
        service = Service(Settings(sources=folder / "sources", db=folder / "db.sqlite3"))
        loaded = time.perf_counter() - started
        print(f"{SESSIONS} sessions parsed, stored and indexed in {loaded:.2f} s\n")
        formats(service)
        assembly(service)
        worst_queries(service)
        service.store.close()
        throughput(folder / "sources", folder)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
