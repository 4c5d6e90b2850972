"""compose.yaml, read as Docker Compose would read it (no Docker engine runs here): the
services it starts, that the replicas reach the database and the proxy reaches the
replicas, and nginx's own check of the proxy's configuration."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path
from urllib.parse import urlsplit

import yaml

from .. import servers
from ..conftest import ROOT

COMPOSE = yaml.safe_load((ROOT / "compose.yaml").read_text("utf-8"))
NGINX_CONF = (ROOT / "deploy" / "nginx.conf").read_text("utf-8")


def test_compose_starts_a_database_two_replicas_and_a_proxy() -> None:
    services = COMPOSE["services"]
    database = services["postgres"]["environment"]
    replicas = [services["replica-1"], services["replica-2"]]
    urls = [urlsplit(r["environment"]["CALSVC_DB"]) for r in replicas]

    assert sorted(services) == ["postgres", "proxy", "replica-1", "replica-2"]
    assert [(u.scheme, u.hostname, u.username, u.password, u.path) for u in urls] == [
        ("postgresql", "postgres", database["POSTGRES_USER"], database["POSTGRES_PASSWORD"],
         "/" + database["POSTGRES_DB"])] * 2  # fmt: skip
    assert [r["depends_on"]["postgres"]["condition"] for r in replicas] == ["service_healthy"] * 2
    assert [r["environment"]["CALSVC_BASE_URL"] for r in replicas] == [
        f"http://localhost:{services['proxy']['ports'][0].split(':')[0]}"] * 2  # fmt: skip


def test_the_proxy_sends_requests_to_both_replicas_on_their_port() -> None:
    dockerfile = (ROOT / "Dockerfile").read_text("utf-8")
    port = re.search(r"PORT=(\d+)", dockerfile)
    upstreams = re.findall(r"server (\S+):(\d+)", NGINX_CONF)

    assert port is not None
    assert upstreams == [("replica-1", port[1]), ("replica-2", port[1])]
    assert COMPOSE["services"]["proxy"]["volumes"] == [
        "./deploy/nginx.conf:/etc/nginx/conf.d/default.conf:ro"]  # fmt: skip


def test_nginx_accepts_the_proxy_configuration(tmp_path: Path) -> None:
    """nginx -t on it, with the replicas' names (which only Compose's network resolves) as
    local addresses."""
    conf = re.sub(r"server replica-\d+:", "server 127.0.0.1:", NGINX_CONF)
    conf = conf.replace("listen 80;", f"listen 127.0.0.1:{servers.free_port()};")
    (tmp_path / "nginx.conf").write_text(
        f"daemon off; pid {tmp_path}/nginx.pid; error_log {tmp_path}/error.log;\n"
        "events {}\n"
        f"http {{ access_log off; client_body_temp_path {tmp_path}/body; "
        f"proxy_temp_path {tmp_path}/proxy; {conf} }}\n",
        "utf-8",
    )
    result = subprocess.run([servers.NGINX, "-t", "-c", str(tmp_path / "nginx.conf")],
                            capture_output=True, text=True, check=False)  # fmt: skip

    assert (result.returncode, result.stderr.splitlines()[-1].split("nginx: ")[-1]) == (
        0, f"configuration file {tmp_path}/nginx.conf test is successful")  # fmt: skip
