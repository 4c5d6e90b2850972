"""Sources published into the revision store's database (`calsvc publish`), for replicas on
machines that share no folder: each replica keeps a copy of the newest version in a folder
of its own and reads that folder as it would any other."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Mapping, Sequence
from contextlib import closing
from datetime import datetime
from pathlib import Path
from typing import Protocol

from ..errors import ConfigError
from ..model import DATA_FILE
from ..store import open_store
from .folder import check_folder
from .guessed import PROGRAMME_SUFFIXES


class Publications(Protocol):
    def published_version(self) -> int | None: ...

    def published_files(self, version: int) -> dict[str, bytes]: ...


def mirror(files: Mapping[str, bytes], folder: Path) -> None:
    """Makes the folder hold exactly these files, each written whole and then renamed in, so
    a reload never reads half a file."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, body in files.items():
        target = folder / name
        if target.is_file() and target.read_bytes() == body:
            continue
        # A name of its own for each write: replicas (even two in one process) may share it.
        handle, partial = tempfile.mkstemp(dir=folder, prefix=f".{name}.", suffix=".part")
        with os.fdopen(handle, "wb") as out:
            out.write(body)
        os.replace(partial, target)
    for old in folder.iterdir():
        if old.is_file() and not old.name.startswith(".") and old.name not in files:
            old.unlink()


class Published:
    """The folder a replica reads: its copy of the newest published version, once there is
    one (kept up to date on each check), else None."""

    def __init__(self, store: Publications, folder: Path) -> None:
        self.store, self.folder = store, folder
        self.version: int | None = None

    def current(self) -> Path | None:
        version = self.store.published_version()
        if version is not None and version != self.version:
            mirror(self.store.published_files(version), self.folder)
            self.version = version
        return self.folder if self.version is not None else None


def files_to_publish(paths: Sequence[Path], current: Mapping[str, bytes]) -> dict[str, bytes]:
    """What a publish makes the next version: a folder's data file and programme files,
    exactly (checked as a server would read them); or the current version with these files
    added or replaced."""
    if len(paths) == 1 and paths[0].is_dir():
        folder = paths[0]
        check_folder(folder)
        names = [p for p in sorted(folder.iterdir()) if _publishable(p)]
        return {p.name: p.read_bytes() for p in names}
    files = dict(current)
    for path in paths:
        if not _publishable(path):
            raise ConfigError(str(path), None, "is not a programme file or the data file")
        files[path.name] = path.read_bytes()
    return files


def _publishable(path: Path) -> bool:
    return (
        path.is_file()
        and not path.name.startswith(".")
        and (path.name == DATA_FILE or path.suffix.lower() in PROGRAMME_SUFFIXES)
    )


def publish(db: Path | str, paths: Sequence[Path], *, now: datetime) -> tuple[int, list[str]]:
    """`calsvc publish`: the next version of the sources in the database; its number, files."""
    with closing(open_store(db)) as store:
        newest = store.published_version()
        files = files_to_publish(paths, store.published_files(newest) if newest else {})
        return store.publish(files, now), sorted(files)


def republish(db: Path | str, version: int, *, now: datetime) -> tuple[int, list[str]]:
    """`calsvc publish --rollback N`: version N's files again, as the newest version."""
    with closing(open_store(db)) as store:
        if not (files := store.published_files(version)):
            raise ConfigError(str(db), None, f"has no published version {version}")
        return store.publish(files, now), sorted(files)


def publications(db: Path | str) -> list[tuple[int, str, list[str]]]:
    """`calsvc publish --list`: every published version, newest first."""
    with closing(open_store(db)) as store:
        return store.published_versions()
