"""Links come from configuration: a spoofed Host or X-Forwarded-* header changes no link."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import replace

import pytest
from flask.testing import FlaskClient

from calsvc.serving.service import Service
from calsvc.settings import Settings
from calsvc.web import create_app

from ..calendars import hosts_named
from ..conftest import Clock

SESSION = "/events/mlsys-2023-20230606-poster-federated-learning"
ROUTES = ["/", "/mlsys-2023/", f"{SESSION}/", f"{SESSION}.ics", "/calendar.ics", "/api/kinds"]
SPOOFS = {
    "host": {"Host": "evil.example"},
    "forwarded-host": {"X-Forwarded-Host": "evil.example"},
    "forwarded-proto": {"X-Forwarded-Proto": "javascript"},
    "both": {"X-Forwarded-Host": "evil.example", "X-Forwarded-Proto": "https"},
}


# Directly reached, forwarded headers are ignored; behind a proxy, an unlisted host is refused.
REFUSED = {
    (0, "host"): 400, (0, "forwarded-host"): 200, (0, "forwarded-proto"): 200, (0, "both"): 200,
    (1, "host"): 400, (1, "forwarded-host"): 400, (1, "forwarded-proto"): 400, (1, "both"): 400,
}  # fmt: skip
MakeClient = Callable[..., FlaskClient]


@pytest.fixture
def make_client(settings: Settings, clock: Clock) -> Iterator[MakeClient]:
    services: list[Service] = []

    def make(**overrides: object) -> FlaskClient:
        chosen = replace(settings, **overrides)
        service = Service(chosen, clock=clock)
        services.append(service)
        return create_app(chosen, service=service).test_client()

    yield make
    for service in services:
        service.store.close()


@pytest.mark.parametrize("hops", [0, 1], ids=["direct", "behind-one-proxy"])
@pytest.mark.parametrize("spoof", list(SPOOFS), ids=list(SPOOFS))
def test_spoofed_headers_name_no_other_host(make_client: MakeClient, hops: int, spoof: str) -> None:
    client = make_client(proxy_hops=hops)

    answers = []
    for route in ROUTES:
        response = client.get(route, headers=SPOOFS[spoof])
        answers.append((route, response.status_code, hosts_named(response.data)))

    status = REFUSED[hops, spoof]
    assert answers == [(route, status, [] if status == 400 else ["localhost"]) for route in ROUTES]


def test_an_allowed_forwarded_host_names_the_links(make_client: MakeClient) -> None:
    client = make_client(proxy_hops=1, allowed_hosts="cal.example.org")

    body = client.get(
        f"{SESSION}.ics",
        headers={"X-Forwarded-Proto": "https", "X-Forwarded-Host": "cal.example.org"},
    ).data

    assert re.findall(r"URL;VALUE=URI:(\S+)", body.replace(b"\r\n ", b"").decode()) == [
        f"https://cal.example.org{SESSION}/"
    ]


def test_base_url_fixes_every_link_whatever_the_request(make_client: MakeClient) -> None:
    client = make_client(base_url="https://cal.example.org", proxy_hops=1)

    response = client.get(
        "/mlsys-2023/", headers={"Host": "evil.example", "X-Forwarded-Host": "x.example"}
    )

    assert (response.status_code, hosts_named(response.data), response.headers.get("Vary")) == (
        200, ["cal.example.org"], None
    )  # fmt: skip


def test_responses_that_name_the_host_say_they_vary_with_it(make_client: MakeClient) -> None:
    direct = make_client()
    proxied = make_client(proxy_hops=1)

    assert [
        direct.get("/calendar.ics").headers["Vary"],
        direct.get("/mlsys-2023/").headers["Vary"],
        proxied.get("/calendar.ics").headers["Vary"],
    ] == [
        "Accept-Encoding, Host",
        "Host",
        "Accept-Encoding, Host, X-Forwarded-Host, X-Forwarded-Proto",
    ]


def test_redirects_carry_a_path_not_a_host(make_client: MakeClient) -> None:
    client = make_client(proxy_hops=1, allowed_hosts="localhost,cal.example.org")

    response = client.get("/mlsys-2023?x=1", headers={"X-Forwarded-Host": "cal.example.org"})

    assert (response.status_code, response.headers["Location"], response.data) == (
        308, "/mlsys-2023/?x=1", b""
    )  # fmt: skip


def test_refusal_says_what_to_set(make_client: MakeClient) -> None:
    client = make_client()

    response = client.get("/", headers={"Host": "cal.example.org:8443"})

    assert (response.status_code, response.data.decode()) == (
        400,
        "400 Bad Request: host 'cal.example.org' is not served here; the operator lists the "
        "served names in CALSVC_ALLOWED_HOSTS, or sets CALSVC_BASE_URL\n",
    )


def test_the_health_check_is_answered_by_any_host_name(make_client: MakeClient) -> None:
    """The container checks http://127.0.0.1:$PORT/healthz while only the public name may be
    allowed; /healthz names no host, so it answers; everything else is still refused."""
    client = make_client(allowed_hosts="cal.example.org")

    statuses = [
        client.get(path, headers={"Host": "127.0.0.1:8000"}).status_code
        for path in ("/healthz", "/calendar.ics", "/healthz/")
    ]

    assert statuses == [200, 400, 400]
