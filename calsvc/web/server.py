"""Running the web app under granian, as `calsvc serve` does.

granian (a Rust HTTP server for WSGI apps) reads requests and writes responses in its own
event loop: a client that sends its headers slowly, or never reads its answer, holds a
socket there, not a Python thread, so 200 idle and 20 stalled connections leave /healthz
answering in milliseconds (gunicorn's sync workers stopped answering at two; the README
gives the measurements). Each worker process builds its own app from the CALSVC_*
environment after it starts.
"""

from __future__ import annotations

import logging
import os
import threading
import time
from typing import TYPE_CHECKING, Any

from ..serving.service import MAIN_PID_VARIABLE
from ..settings import Settings

if TYPE_CHECKING:
    from flask import Flask

# Headers must arrive within this long (ms), so idle connections cannot pile up for ever. It
# runs from the moment a connection opens only in HTTP/1 mode: in granian's 'auto' mode a
# connection that never sends a byte waits for ever to be told HTTP/1 from HTTP/2.
HEADER_READ_TIMEOUT_MS = 10_000
# Connections a worker holds at once (granian's default is 1,024 a server, shared by the
# workers): an idle one costs a Tokio task, not a thread, so a client holding thousands
# of silent sockets for the header timeout does not lock others out.
CONNECTIONS_PER_WORKER = 8_192
BLOCKING_THREADS = 2  # Python threads per worker: one builds a page while one waits on I/O
WORKER_KILL_TIMEOUT = 10  # seconds a stopping worker gets before it is killed

LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
LOGGING: dict[str, Any] = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "line": {"format": LOG_FORMAT, "datefmt": "%Y-%m-%dT%H:%M:%S%z"},
        "access": {"format": "%(message)s"},
    },
    "handlers": {
        "stderr": {
            "class": "logging.StreamHandler",
            "formatter": "line",
            "stream": "ext://sys.stderr",
        },
        "access": {
            "class": "logging.StreamHandler",
            "formatter": "access",
            "stream": "ext://sys.stdout",
        },
    },
    "loggers": {
        "calsvc": {"handlers": ["stderr"], "level": "INFO", "propagate": False},
        "_granian": {"handlers": ["stderr"], "level": "INFO", "propagate": False},
        "granian.access": {"handlers": ["access"], "level": "INFO", "propagate": False},
    },
    "root": {"handlers": ["stderr"], "level": "WARNING"},
}
ACCESS_FORMAT = '%(addr)s - [%(time)s] "%(method)s %(path)s %(protocol)s" %(status)d %(dt_ms).1fms'


MAIN_PID = MAIN_PID_VARIABLE  # set by serve() for its workers


def export(settings: Settings) -> None:
    """Puts the settings where the worker processes read them: their CALSVC_* environment."""
    for name, value in settings.environment().items():
        os.environ[name] = value
    os.environ[MAIN_PID] = str(os.getpid())


def worker_app() -> Flask:
    """What each worker serves: the app, and a watch on the main process.

    A worker whose main process died (kill -9, a crash) would keep the port and serve an
    unsupervised copy for ever; it notices within a second and exits.
    """
    from . import create_app

    main = int(os.environ.get(MAIN_PID, "0"))
    if main and os.getppid() == main:
        threading.Thread(target=_exit_when_orphaned, args=(main,), daemon=True).start()
    return create_app(worker=True)


def _exit_when_orphaned(main: int) -> None:
    while os.getppid() == main:
        time.sleep(1)
    logging.getLogger("calsvc.server").error(
        "the main server process %d is gone; worker %d exits", main, os.getpid()
    )
    os._exit(3)


def serve(settings: Settings, *, host: str, port: int, workers: int) -> None:
    """Serves until stopped; the access log goes to stdout, everything else to stderr."""
    from granian import Granian
    from granian.constants import HTTPModes, Interfaces
    from granian.http import HTTP1Settings

    export(settings)
    Granian(
        "calsvc.web.server:worker_app",
        factory=True,
        address=host,
        port=port,
        interface=Interfaces.WSGI,
        http=HTTPModes.http1,
        websockets=False,
        backlog=CONNECTIONS_PER_WORKER,
        backpressure=CONNECTIONS_PER_WORKER,
        workers=workers,
        blocking_threads=BLOCKING_THREADS,
        http1_settings=HTTP1Settings(header_read_timeout=HEADER_READ_TIMEOUT_MS),
        log_dictconfig=LOGGING,
        log_access=True,
        log_access_format=ACCESS_FORMAT,
        respawn_failed_workers=True,
        workers_kill_timeout=WORKER_KILL_TIMEOUT,
    ).serve()
