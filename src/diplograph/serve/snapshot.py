"""Read-only access to a database that an ingest may be writing at the same time.

DuckDB locks a file for one writer process or for readers, never both (see
``store/publish.py``), so the server never opens the analyst's file. It serves the
snapshot ``<db>.snapshot`` that writers publish beside it after their commits (a
checkpoint, a copy, an atomic rename). A background thread looks at the snapshot every
``refresh_s`` seconds; when the file changed, it opens the new one read-only, checks that
it answers, lets the warmers replay recent requests against it (a request's first query
on a new file reads it cold, seconds at a million events), and only then swaps it in: a
request only ever takes the current connection under a lock, it never waits for a copy or
a warm-up, and is answered by the previous snapshot until the swap. The previous
connection closes as soon as its last request ends; its file, already renamed over, then
leaves the disk.

The server makes a snapshot itself (a copy of the file and its WAL, checkpointed in the
copy) when it starts on a database changed since its last snapshot, and, while serving,
when the database changed (or the snapshot went missing) and no process holds the file (a
writer that did not publish: another program, or an ingest that was killed). While a
writer holds the file, the server leaves publishing to it. The snapshot is removed when
the server stops, so that writers stop publishing; nothing is left in the temporary folder.
"""

from __future__ import annotations

import atexit
import logging
import os
import re
import shutil
import tempfile
import threading
import weakref
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from diplograph.errors import DatabaseCorrupt, DiplographError, StoreError, os_failure
from diplograph.store import catalog
from diplograph.store.connection import (
    check_ours,
    database_failure,
    held_by_a_process,
    read_every_table,
)
from diplograph.store.migrations import migrate
from diplograph.store.publish import (
    copy_into_place,
    opening_path,
    process_alive,
    remove_files,
    remove_unfinished,
    snapshot_path,
    stale,
    temporary_path,
    wal_path,
)
from diplograph.store.queries import totals

logger = logging.getLogger(__name__)
# Called with a new snapshot's connection and the generation it will have, before the swap.
Warmer = Callable[[duckdb.DuckDBPyConnection, int], object]
# Folders of the servers before this one, which copied the database into the temporary
# folder: removed at start when their server is gone.
PREFIX = "diplograph-serve-"
_STALE = re.compile(re.escape(PREFIX) + r"(\d+)-[A-Za-z0-9_]+")


def _signature(path: Path) -> tuple | None:
    """What changes when a new snapshot is renamed into place."""
    try:
        st = path.stat()
    except FileNotFoundError:
        return None
    return st.st_ino, st.st_size, st.st_mtime_ns


def remove_stale(folder: str | Path | None = None) -> list[Path]:
    """Remove snapshot folders left in the temporary folder by servers that no longer run
    (older versions copied the database there); returns them. Only folders of this user
    whose process id is not running are touched."""
    if os.name != "posix":
        return []
    removed = []
    for path in Path(folder or tempfile.gettempdir()).glob(PREFIX + "*"):
        match = _STALE.fullmatch(path.name)
        try:
            mine = path.is_dir() and not path.is_symlink() and path.stat().st_uid == os.getuid()
        except OSError:
            continue
        if match and mine and not process_alive(int(match.group(1))):
            shutil.rmtree(path, ignore_errors=True)
            removed.append(path)
            logger.info("removed a stale snapshot folder %s", path)
    return removed


def _fill_from_files(db: Path):
    """A ``fill`` for ``copy_into_place``: the file and its WAL copied, the WAL's committed
    part checkpointed into the copy (a copy caught mid-checkpoint fails to open)."""
    def fill(temporary: Path) -> None:
        shutil.copyfile(db, temporary)
        if wal_path(db).exists():
            shutil.copyfile(wal_path(db), wal_path(temporary))
        con = duckdb.connect(str(temporary))
        try:
            check_ours(con, db, read_only=True)
            # A database no ingest has opened since an upgrade: the copy gets the tables and
            # columns the queries expect (the analyst's file is left as it is).
            migrate(con)
            con.execute("CHECKPOINT")
        finally:
            con.close()
    return fill


def _close_at_exit(ref: weakref.ref) -> None:
    snapshots = ref()
    if snapshots is not None:
        snapshots.close()


@dataclass(eq=False)
class _Served:
    """One opened snapshot and the requests using it."""

    con: duckdb.DuckDBPyConnection
    signature: tuple | None
    users: int = 0
    retired: bool = field(default=False)


class Snapshots:
    """The published snapshot of one database, reopened in the background when it changes."""

    def __init__(self, path: str | Path, *, refresh_s: float = 1.0,
                 threads: int | None = None) -> None:
        self.path = Path(path)
        self.threads = threads  # DuckDB's threads for every request (None: one per core)
        if not self.path.is_file():
            raise StoreError(f"{self.path}: no such database "
                             f"(run `diplograph ingest ... --db {self.path}` first)")
        self.refresh_s = refresh_s
        self.snapshot = snapshot_path(self.path)
        self.generation = 0  # goes up at every swap: the key of cached answers
        remove_stale()
        remove_unfinished(self.path)
        self._lock = threading.Lock()
        self._served: _Served | None = None
        self._stop = threading.Event()
        self._watcher: threading.Thread | None = None
        self.warmers: list[Warmer] = []
        atexit.register(_close_at_exit, weakref.ref(self))  # weak: a dropped one is still freed
        try:
            self._start()
        except BaseException:  # also Ctrl-C or SIGTERM during the first copy
            self.close()
            raise
        self._watcher = threading.Thread(target=self._watch, name="snapshot-watch", daemon=True)
        self._watcher.start()

    def _start(self) -> None:
        """The first snapshot: the published one if it is current, else a new copy.

        Raises:
            DatabaseCorrupt: not a readable diplograph database.
        """
        if stale(self.path):
            try:
                self._publish()
            except (OSError, duckdb.Error, StoreError) as exc:
                if not self.snapshot.exists():
                    raise self._unreadable(exc) from exc
                logger.warning("%s: serving the previous snapshot (%s)", self.path, exc)
        try:
            self.refresh()
            read_every_table(self._served.con)  # a damaged file fails here, not on a page
        except (OSError, duckdb.Error, StoreError) as exc:
            raise self._unreadable(exc) from exc

    def _publish(self) -> None:
        copy_into_place(self.path, _fill_from_files(self.path))
        logger.info("%s: snapshot made by the server", self.path)

    def _watch(self) -> None:
        while not self._stop.wait(self.refresh_s or 0.05):
            try:
                self.adopt_unpublished()
                self.refresh()
            except (OSError, duckdb.Error, StoreError) as exc:
                logger.warning("%s: snapshot not usable yet (%s); serving the previous one",
                               self.path, exc)
            except Exception:  # a bug of ours: say so, and keep the server catching up
                logger.exception("%s: looking for a new snapshot failed", self.path)

    def adopt_unpublished(self) -> bool:
        """Publish the database ourselves when no writer will: it changed since its snapshot
        (or the snapshot is missing) and no process holds it. While one does, copying would
        race its writes; it publishes itself if a snapshot is there, and this server catches
        up when it lets go. Returns whether a snapshot was made."""
        if not stale(self.path) or held_by_a_process(self.path):
            return False
        self._publish()
        return True

    def refresh(self) -> bool:
        """Open the snapshot if it changed since the last one opened; returns whether it did.

        Raises:
            duckdb.Error, StoreError: the new snapshot does not open or answer (the previous
                one stays in service).
        """
        sig = _signature(self.snapshot)
        if sig is None and self._served is not None:
            return False  # gone (another server stopped): keep serving the one open
        if self._served is not None and sig == self._served.signature:
            return False
        second_name = opening_path(self.path, self.generation + 1)
        os.link(self.snapshot, second_name)  # no copy: the same file under a new name
        try:
            con = duckdb.connect(str(second_name), read_only=True)
        finally:
            second_name.unlink()  # the connection keeps the file open
        try:
            check_ours(con, self.path, read_only=True)
            totals(con)  # the tables are there and readable
            # Read-only: what it holds is asked once, not at every request (store/catalog.py).
            catalog.fix(con, catalog.read(con))
            # One thread while warming: the other cores go on answering requests.
            con.execute("SET threads = 1")
            self._warm(con, self.generation + 1)
            con.execute(f"SET threads = {int(self.threads)}" if self.threads
                        else "RESET threads")
        except BaseException:
            con.close()
            raise
        with self._lock:
            old, self._served = self._served, _Served(con, sig)
            self.generation += 1
            if old is not None:
                old.retired = True
            unused = self._unused(old)
        self._close(unused)
        logger.info("%s: serving snapshot %d", self.path, self.generation)
        return True

    def _warm(self, con: duckdb.DuckDBPyConnection, generation: int) -> None:
        """Let each warmer read the new snapshot before a request does. A warmer that fails
        costs only its warm-up: the snapshot is swapped in all the same."""
        for warmer in self.warmers:
            try:
                warmer(con, generation)
            except Exception:  # a bug of ours, or a route failing on this snapshot
                logger.exception("%s: warming snapshot %d failed", self.path, generation)

    @staticmethod
    def _unused(served: _Served | None) -> _Served | None:
        """``served`` when it was replaced and its last request is done (called under the
        lock; the caller closes it after letting go of the lock)."""
        return served if served is not None and served.retired and served.users == 0 else None

    @staticmethod
    def _close(served: _Served | None) -> None:
        """Close a replaced snapshot outside the lock: closing a large file's connection
        frees its buffers, and every request's cursor waits on the lock."""
        if served is not None:
            served.con.close()

    def _unreadable(self, exc: OSError | duckdb.Error | StoreError) -> DiplographError:
        """Why the first snapshot could not be made or read, in one line."""
        if isinstance(exc, StoreError):
            return exc
        if isinstance(exc, OSError):
            return os_failure(exc)
        if isinstance(exc, duckdb.Error):  # the snapshot's names in the message: the database's
            names = re.escape(str(self.snapshot)) + r"(\.open-\d+-\d+)?"
            exc = type(exc)(re.sub(names, lambda _: str(self.path), str(exc)))
        failure = database_failure(exc, self.path, copy=temporary_path(self.path))
        return failure or DatabaseCorrupt(f"{self.path}: cannot read this database ({exc})")

    @contextmanager
    def cursor(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """A cursor of the current snapshot, for one request (thread-safe, never waits for
        a copy or an open)."""
        with self._lock:
            served = self._served
            if served is None:
                raise StoreError(f"{self.path}: database not readable yet, retry shortly")
            cur = catalog.fixed_cursor(served.con)
            served.users += 1
        try:
            yield cur
        finally:
            cur.close()
            with self._lock:
                served.users -= 1
                unused = self._unused(served)
            self._close(unused)

    def close(self) -> None:
        """Stop watching, close the snapshot and remove it (safe to call again)."""
        self._stop.set()
        if self._watcher is not None and self._watcher is not threading.current_thread():
            self._watcher.join(timeout=30)
        with self._lock:
            served, self._served = self._served, None
            if served is not None:
                served.con.close()
        remove_files(self.snapshot)
