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

Snapshots live in ``$TMPDIR/diplograph-serve-<pid>-*`` and are as large as the
database: they are removed on close, at interpreter exit (``atexit``; the
``serve`` command turns SIGTERM into a clean stop as well), and, for a server
that was killed (``kill -9``), by the next server to start on this machine
(:func:`remove_stale`).
"""

from __future__ import annotations

import atexit
import logging
import os
import re
import shutil
import tempfile
import threading
import time
import weakref
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb

from diplograph.errors import DatabaseCorrupt, DiplographError, StoreError, os_failure
from diplograph.store.connection import check_ours, database_failure, read_every_table
from diplograph.store.queries import totals

logger = logging.getLogger(__name__)
PREFIX = "diplograph-serve-"
_STALE = re.compile(re.escape(PREFIX) + r"(\d+)-[A-Za-z0-9_]+")


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


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process
        return True
    return True


def remove_stale(folder: str | Path | None = None) -> list[Path]:
    """Remove snapshot folders left by servers that no longer run; returns them.

    Only folders of this user whose process id is not running are touched
    (``folder`` defaults to the system's temporary folder).
    """
    if os.name != "posix":
        return []
    removed = []
    for path in Path(folder or tempfile.gettempdir()).glob(PREFIX + "*"):
        match = _STALE.fullmatch(path.name)
        try:
            mine = path.is_dir() and not path.is_symlink() and path.stat().st_uid == os.getuid()
        except OSError:
            continue
        if match and mine and not _alive(int(match.group(1))):
            shutil.rmtree(path, ignore_errors=True)
            removed.append(path)
            logger.info("removed a stale snapshot folder %s", path)
    return removed


def _close_at_exit(ref: weakref.ref) -> None:
    snapshots = ref()
    if snapshots is not None:
        snapshots.close()


class Snapshots:
    """A refreshed, read-only private copy of one database file."""

    def __init__(self, path: str | Path, *, refresh_s: float = 1.0) -> None:
        self.path = Path(path)
        if not self.path.is_file():
            raise StoreError(f"{self.path}: no such database "
                             f"(run `diplograph ingest ... --db {self.path}` first)")
        self.refresh_s = refresh_s
        remove_stale()
        self._dir = tempfile.TemporaryDirectory(prefix=f"{PREFIX}{os.getpid()}-")
        atexit.register(_close_at_exit, weakref.ref(self))  # weak: a dropped one is still freed
        self._lock = threading.Lock()
        self._con: duckdb.DuckDBPyConnection | None = None
        self._retired: list[duckdb.DuckDBPyConnection] = []
        self._files: list[Path] = []
        self._sig: tuple | None = None
        self._checked = 0.0
        self._n = 0
        try:
            self.refresh(force=True)
            self._check_first()
        except BaseException:  # also Ctrl-C or SIGTERM during the first copy
            self.close()
            raise

    def _check_first(self) -> None:
        """Refuse to serve a file that is not a readable diplograph database: a server that
        starts would answer every page with an error.

        Raises:
            DatabaseCorrupt: truncated or damaged past what opening it reads.
        """
        assert self._con is not None and self._files  # refresh raised otherwise
        try:
            read_every_table(self._con)
        except duckdb.Error as exc:
            raise self._unreadable(exc) from exc

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
            try:
                con = self._copy()
            except (OSError, duckdb.Error, StoreError) as exc:
                if self._con is None:  # nothing to serve: the first copy must work
                    raise self._unreadable(exc) from exc
                logger.warning("%s: snapshot not usable yet (%s); serving the previous one",
                               self.path, exc)
                return False
            old, self._con, self._sig = self._con, con, sig
            if old is not None:
                self._retired.append(old)
            while len(self._retired) > 2:  # in-flight requests may still use the last ones
                self._retired.pop(0).close()
                self._remove(self._files.pop(0))
            return True

    def _copy(self) -> duckdb.DuckDBPyConnection:
        """A new copy of the file, opened and checked (its tables answer).

        Raises:
            OSError: the copy cannot be made (disk full, unreadable file).
            duckdb.Error: the copy does not open or answer (half-written, damaged).
        """
        self._n += 1
        target = self._target()
        wal = self.path.with_name(self.path.name + ".wal")
        try:
            shutil.copyfile(self.path, target)
            if wal.exists():
                shutil.copyfile(wal, target.with_name(target.name + ".wal"))
            con = duckdb.connect(str(target), read_only=True)
        except BaseException:
            self._remove(target)
            raise
        try:
            check_ours(con, self.path, read_only=True)
            totals(con)  # the tables are there and readable
        except BaseException:
            con.close()
            self._remove(target)
            raise
        logger.info("%s: serving snapshot %d", self.path, self._n)
        self._files.append(target)
        return con

    def _target(self) -> Path:
        """The file of the latest snapshot (taken or being taken)."""
        return Path(self._dir.name) / f"snap-{self._n}.duckdb"

    def _unreadable(self, exc: OSError | duckdb.Error | StoreError) -> DiplographError:
        """Why the first snapshot could not be taken, in one line."""
        if isinstance(exc, StoreError):
            return exc
        if isinstance(exc, OSError):
            return os_failure(exc)
        return database_failure(exc, self.path, copy=self._target()) or DatabaseCorrupt(
            f"{self.path}: cannot read this database ({exc})")

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
        """Close the snapshots and remove their files (safe to call again)."""
        with self._lock:
            for con in [*self._retired, self._con]:
                if con is not None:
                    con.close()
            self._con, self._retired = None, []
        self._dir.cleanup()
