"""A finished, read-only copy of the database that a server can open while an ingest writes.

DuckDB locks a database file for one writer process *or* any number of reader processes,
never both: while ``diplograph ingest`` holds the file, a read-only connection from
another process fails ("Could not set lock on file"), and a server holding it read-only
would make the next ingest fail to start (checked with DuckDB 2.0.1). So a server never
opens the analyst's file: it opens ``<db>.snapshot``, a copy published next to it.

The *writer* publishes, after a commit: it CHECKPOINTs (the file alone then holds every
committed row, the WAL is empty), copies the file to ``<db>.snapshot.tmp-<pid>`` and
renames it over ``<db>.snapshot`` (atomic: a server opening it sees the old or the new
file, never a half-written one). The writer owns the only write lock, so nothing changes
the file while it is copied. A writer publishes only while a snapshot exists (a server
made the first one), and at most so often that copying costs a tenth of its time.
"""

from __future__ import annotations

import logging
import os
import re
import time
from pathlib import Path

import duckdb

logger = logging.getLogger(__name__)
SUFFIX = ".snapshot"
# Copying may take at most this share of a writer's time between two publications.
COPY_SHARE = 0.1
MIN_GAP_S = 1.0


def snapshot_path(db: str | Path) -> Path:
    """Where the published snapshot of ``db`` lives: beside it, so that renaming is atomic."""
    db = Path(db)
    return db.with_name(db.name + SUFFIX)


def wal_path(db: str | Path) -> Path:
    db = Path(db)
    return db.with_name(db.name + ".wal")


def temporary_path(db: str | Path) -> Path:
    """Where this process makes a snapshot before renaming it into place."""
    db = Path(db)
    return db.with_name(f"{db.name}{SUFFIX}.tmp-{os.getpid()}")


def process_alive(pid: int) -> bool:
    """Whether the process ``pid`` runs (ours or someone else's)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process
        return True
    return True


def opening_path(db: str | Path, generation: int) -> Path:
    """A second name of the snapshot, for the moment a server opens it: DuckDB hands out
    the instance already open under a file's name, so a new snapshot needs a new name."""
    db = Path(db)
    return db.with_name(f"{db.name}{SUFFIX}.open-{os.getpid()}-{generation}")


def remove_unfinished(db: str | Path) -> list[Path]:
    """Remove the half-made snapshots and opening names of processes that were killed;
    returns them."""
    db = Path(db)
    pattern = re.compile(re.escape(db.name + SUFFIX) + r"\.(?:tmp|open)-(\d+)(-\d+)?(\.wal)?")
    removed = []
    for path in db.parent.glob(f"{db.name}{SUFFIX}.*-*"):
        match = pattern.fullmatch(path.name)
        if match and not process_alive(int(match.group(1))):
            path.unlink(missing_ok=True)
            removed.append(path)
    return removed


def remove_files(path: Path) -> None:
    """Remove a database file and its WAL, if there."""
    for p in (path, wal_path(path)):
        p.unlink(missing_ok=True)


def stale(db: str | Path) -> bool:
    """Whether the database (file or WAL) changed after its snapshot was published."""
    db = Path(db)
    try:
        published = snapshot_path(db).stat().st_mtime_ns
    except FileNotFoundError:
        return True
    changed = [p.stat().st_mtime_ns for p in (db, wal_path(db)) if p.exists()]
    return max(changed, default=0) > published


def copy_into_place(db: Path, fill) -> Path:
    """Make ``<db>.snapshot`` by ``fill(temporary_path)`` then one atomic rename.

    ``fill`` writes the temporary file (and may raise: the temporary is removed)."""
    remove_unfinished(db)
    temporary = temporary_path(db)
    try:
        fill(temporary)
        os.replace(temporary, snapshot_path(db))
    finally:
        remove_files(temporary)
    return snapshot_path(db)


def publish(con: duckdb.DuckDBPyConnection, db: str | Path) -> Path | None:
    """Checkpoint the writer's connection ``con`` on ``db`` and publish the file if it
    changed since its last snapshot; returns the snapshot made, if any.

    Raises:
        duckdb.Error: the checkpoint failed (e.g. another transaction is open).
        OSError: the copy failed (disk full).
    """
    db = Path(db)
    con.execute("CHECKPOINT")
    if not stale(db):
        return None
    return copy_into_place(db, lambda temporary: _copy_held_file(con, db, temporary))


def _descriptor_of(db: Path) -> int | None:
    """The descriptor through which this process's DuckDB holds ``db`` (Linux), else None."""
    folder = Path("/proc/self/fd")
    if not folder.is_dir():
        return None
    target = str(db.resolve())
    for entry in folder.iterdir():
        try:
            if os.readlink(entry) == target:
                return int(entry.name)
        except OSError:
            continue  # closed since the listing
    return None


def _copy_held_file(con: duckdb.DuckDBPyConnection, db: Path, temporary: Path) -> None:
    """Copy the file this process holds open for writing.

    Never through a descriptor of our own: closing *any* descriptor of a file drops every
    POSIX lock the process holds on it, DuckDB's write lock included, and another writer
    could then open the file. So the bytes are read through DuckDB's own descriptor
    (positioned reads, its offset untouched), or, where it cannot be found, written by
    DuckDB itself into a new database.
    """
    fd = _descriptor_of(db)
    if fd is None:
        con.execute("ATTACH ? AS published", [str(temporary)])
        try:
            con.execute(f"COPY FROM DATABASE \"{_catalog(con)}\" TO published")
        finally:
            con.execute("DETACH published")
        return
    size = os.fstat(fd).st_size
    with open(temporary, "wb") as out:
        done = 0
        while done < size:
            sent = os.copy_file_range(fd, out.fileno(), size - done, done, done)
            if sent == 0:
                break
            done += sent


def _catalog(con: duckdb.DuckDBPyConnection) -> str:
    return con.execute("SELECT current_database()").fetchone()[0]


class Publisher:
    """When a writer publishes: after commits, spaced so that copying takes at most
    :data:`COPY_SHARE` of the time, and once more when it closes."""

    def __init__(self, con: duckdb.DuckDBPyConnection, db: str | Path) -> None:
        self.con, self.db = con, Path(db)
        self._next = 0.0

    def wanted(self) -> bool:
        """A server serves (or served) this database: its snapshot is there."""
        return snapshot_path(self.db).exists()

    def after_commit(self) -> None:
        if time.monotonic() >= self._next:
            self.now()

    def now(self) -> None:
        """Publish if a server wants it and the database changed since the last time."""
        if not self.wanted():
            return
        started = time.monotonic()
        try:
            if publish(self.con, self.db) is None:
                return
        except (duckdb.Error, OSError) as exc:  # the data is safe: only the server lags
            logger.warning("%s: snapshot not published (%s)", self.db, exc)
            return
        took = time.monotonic() - started
        self._next = time.monotonic() + max(MIN_GAP_S, took / COPY_SHARE)
        logger.info("%s: snapshot published in %.1f s", self.db, took)
