"""The Dockerfile's own install and start commands, run in a fresh virtual environment.

No Docker engine runs on these machines, so this reads the Dockerfile, copies what it
copies into a folder standing in for the image's root, runs its `pip install`, starts its
CMD with its ENV, and asks /healthz the way its HEALTHCHECK does.
"""

from __future__ import annotations

import json
import os
import shlex
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from ..conftest import ROOT

# RUN lines that set up the image's user and volume: nothing to do outside a container.
SYSTEM_SETUP = (
    "useradd --system --uid 10001 --home-dir /app calsvc && mkdir -p /data && chown calsvc /data"
)


def _instructions() -> list[tuple[str, str]]:
    text = (ROOT / "Dockerfile").read_text(encoding="utf-8").replace("\\\n", " ")
    lines = [
        line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")
    ]
    return [(line.split(None, 1)[0], line.split(None, 1)[1]) for line in lines]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.mark.slow
def test_dockerfile_install_and_start_commands_serve_healthz(tmp_path: Path) -> None:
    image = tmp_path / "image"
    inside = lambda path: str(image / path.lstrip("/"))  # noqa: E731
    subprocess.run([sys.executable, "-m", "venv", str(tmp_path / "venv")], check=True)
    venv_bin = tmp_path / "venv" / "bin"
    env = {"PATH": f"{venv_bin}:{os.environ['PATH']}", "HOME": str(tmp_path)}
    start: list[str] = []
    healthcheck = ""
    for keyword, argument in _instructions():
        if keyword == "ENV":
            for pair in shlex.split(argument):
                name, value = pair.split("=", 1)
                env[name] = inside(value) if value.startswith("/") else value
        elif keyword == "COPY":
            *sources, target = argument.split()
            for source in sources:
                destination = Path(inside(target)) / (
                    Path(source).name if target.endswith("/") else ""
                )
                destination.parent.mkdir(parents=True, exist_ok=True)
                copy = shutil.copytree if (ROOT / source).is_dir() else shutil.copy
                copy(ROOT / source, destination)
        elif keyword == "RUN" and argument.startswith("pip install "):
            targets = [
                inside(word) if word.startswith("/") else word for word in argument.split()[2:]
            ]
            subprocess.run(
                [str(venv_bin / "pip"), "install", "--quiet", *targets], check=True, env=env
            )
        elif keyword == "RUN":
            assert argument == SYSTEM_SETUP
        elif keyword == "CMD":
            start = json.loads(argument)
        elif keyword == "HEALTHCHECK":
            healthcheck = argument.split(" CMD ", 1)[1]
    os.makedirs(inside("/data"), exist_ok=True)
    env["PORT"] = str(_free_port())
    log = tmp_path / "server.log"
    with log.open("wb") as output:
        server = subprocess.Popen(
            start, env=env, cwd=inside("/app"), stdout=output, stderr=subprocess.STDOUT
        )
    try:
        deadline = time.monotonic() + 60
        answer = None
        while time.monotonic() < deadline and answer is None:
            try:
                with urllib.request.urlopen(
                    f"http://127.0.0.1:{env['PORT']}/healthz", timeout=2
                ) as response:
                    answer = (response.status, json.load(response))
            except OSError:
                assert server.poll() is None, log.read_text(encoding="utf-8", errors="replace")
                time.sleep(0.3)
        probe = subprocess.run(healthcheck, shell=True, env=env, check=False)

        assert (answer, probe.returncode, Path(env["CALSVC_DB"]).is_file()) == (
            (200, {"status": "ok"}),
            0,
            True,
        )
    finally:
        server.terminate()
        server.wait(timeout=20)
