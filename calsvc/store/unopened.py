"""A store a server's worker could not open (missing, corrupt, its database down).

The worker does not crash (a crash loop would stop the whole server) and never makes a new
store: it serves what it has (the last run's snapshot) and tries the store again on each
use; every use fails with StoreError until the store opens, which the service reports.
"""

from __future__ import annotations

from contextlib import AbstractContextManager
from pathlib import Path

from ..errors import ConfigError, StoreError
from .queries import Store
from .recording import Connection


class Unopened(Store):
    def __init__(self, db: Path | str, error: ConfigError) -> None:
        self.db, self.error = db, error
        self._store: Store | None = None

    def _open(self) -> Store:
        if self._store is None:
            from . import open_store

            try:
                self._store = open_store(self.db, create=False)
            except ConfigError as error:
                self.error = error
                raise StoreError(error.file, None, str(error.message)) from error
        return self._store

    def _reading(self) -> AbstractContextManager[Connection]:
        return self._open()._reading()

    def _transaction(self, lock: str | None = None) -> AbstractContextManager[Connection]:
        return self._open()._transaction(lock)

    def close(self) -> None:
        if self._store is not None:
            self._store.close()
