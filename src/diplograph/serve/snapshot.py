"""Read-only access to a database that an ingest may be writing at the same time.

DuckDB takes an exclusive file lock for a writer: while ``diplograph ingest``
runs, no other process can open the file, not even read-only ("Could not set
lock on file"); and a server holding the file open, even read-only, would make
the ingest fail to start. So the server never opens the analyst's file. It
serves from a private *snapshot*: a copy of the file and its write-ahead log,
opened read-only. Before a request it checks (at most every ``refresh_s``
seconds) whether the file or its WAL changed; if so it copies them again,
checks the copy opens and answers, and swaps it in. A copy caught half-way
through a checkpoint fails that check and the previous snapshot stays in
service, so pages keep working during an ingest and catch up after it; DuckDB
replays only the complete, committed part of a copied WAL.
"""

from __future__ import annotations

import logging
import shutil
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb

from diplograph.errors import StoreError
from diplograph.store.queries import totals

logger = logging.getLogger(__name__)


def _signature(path: Path) -> tuple:
    """What changes when the database changes: size and mtime of the file and its WAL."""
    sig = []
    for p in (path, path.with_name(path.name + ".wal")):
        try:
            st = p.stat()
            sig.append((st.st_size, st.st_mtime_ns))
        except FileNotFoundError:
            sig.append(None)
    return tuple(sig)


class Snapshots:
    """A refreshed, read-only private copy of one database file."""

    def __init__(self, path: str | Path, *, refresh_s: float = 1.0) -> None:
        self.path = Path(path)
        if not self.path.is_file():
            raise StoreError(f"{self.path}: no such database "
                             f"(run `diplograph ingest ... --db {self.path}` first)")
        self.refresh_s = refresh_s
        self._dir = tempfile.TemporaryDirectory(prefix="diplograph-serve-")
        self._lock = threading.Lock()
        self._con: duckdb.DuckDBPyConnection | None = None
        self._retired: list[duckdb.DuckDBPyConnection] = []
        self._files: list[Path] = []
        self._sig: tuple | None = None
        self._checked = 0.0
        self._n = 0
        self.refresh(force=True)
        if self._con is None:
            raise StoreError(f"{self.path}: cannot read this database (is it a DuckDB file?)")

    def refresh(self, *, force: bool = False) -> bool:
        """Take a new snapshot if the file changed; returns whether one was taken."""
        now = time.monotonic()
        if not force and now - self._checked < self.refresh_s:
            return False
        with self._lock:
            self._checked = now
            sig = _signature(self.path)
            if sig == self._sig and self._con is not None:
                return False
            con = self._copy()
            if con is None:
                return False
            old, self._con, self._sig = self._con, con, sig
            if old is not None:
                self._retired.append(old)
            while len(self._retired) > 2:  # in-flight requests may still use the last ones
                self._retired.pop(0).close()
                self._remove(self._files.pop(0))
            return True

    def _copy(self) -> duckdb.DuckDBPyConnection | None:
        self._n += 1
        target = Path(self._dir.name) / f"snap-{self._n}.duckdb"
        wal = self.path.with_name(self.path.name + ".wal")
        try:
            shutil.copyfile(self.path, target)
            if wal.exists():
                shutil.copyfile(wal, target.with_name(target.name + ".wal"))
            con = duckdb.connect(str(target), read_only=True)
        except (OSError, duckdb.Error) as exc:
            self._remove(target)
            logger.warning("%s: snapshot not usable yet (%s); serving the previous one",
                           self.path, exc)
            return None
        try:
            totals(con)  # the tables are there and readable
        except duckdb.Error as exc:
            con.close()
            self._remove(target)
            logger.warning("%s: snapshot not usable yet (%s); serving the previous one",
                           self.path, exc)
            return None
        logger.info("%s: serving snapshot %d", self.path, self._n)
        self._files.append(target)
        return con

    @staticmethod
    def _remove(target: Path) -> None:
        for p in (target, target.with_name(target.name + ".wal")):
            p.unlink(missing_ok=True)

    @contextmanager
    def cursor(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """A cursor of the current snapshot, for one request (thread-safe)."""
        self.refresh()
        with self._lock:
            if self._con is None:
                raise StoreError(f"{self.path}: database not readable yet, retry shortly")
            cur = self._con.cursor()
        try:
            yield cur
        finally:
            cur.close()

    def close(self) -> None:
        with self._lock:
            for con in [*self._retired, self._con]:
                if con is not None:
                    con.close()
            self._con, self._retired = None, []
        self._dir.cleanup()
