"""`calsvc ARGS` run in this process as a person runs it in a shell: the exit code and what it
wrote to stdout and stderr. (One test in test_cli.py runs the installed command itself.)"""

from __future__ import annotations

import contextlib
import io
import os
from pathlib import Path
from typing import NamedTuple
from unittest import mock

from calsvc.cli import main


class Ran(NamedTuple):
    returncode: int
    stdout: str
    stderr: str


def calsvc(*args: str, cwd: Path | None = None, env: dict[str, str] | None = None) -> Ran:
    """Runs the command line's main() with these arguments, in `cwd`, with `env` added to the
    environment; every setting it reads (CALSVC_*) is read then, as from a shell."""
    written = io.BytesIO()  # stdout has bytes under it: `calsvc get` writes them
    out = io.TextIOWrapper(written, encoding="utf-8", newline="")
    err = io.StringIO()
    code = 0
    before = Path.cwd()
    with contextlib.ExitStack() as stack:
        stack.enter_context(mock.patch.dict(os.environ, env or {}))
        stack.enter_context(contextlib.redirect_stdout(out))
        stack.enter_context(contextlib.redirect_stderr(err))
        stack.callback(os.chdir, before)
        if cwd is not None:
            os.chdir(cwd)
        try:
            main(list(args))
        except SystemExit as done:
            code = done.code if isinstance(done.code, int) else 1
    out.flush()
    return Ran(code, written.getvalue().decode("utf-8"), err.getvalue())
