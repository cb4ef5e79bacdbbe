"""Opening the DuckDB database file, and naming what went wrong with it in one line."""

from __future__ import annotations

import logging
import os
import re
import tempfile
from pathlib import Path

import duckdb

from diplograph.errors import (
    DatabaseCorrupt,
    DatabaseLocked,
    DiplographError,
    DiskFull,
    StoreError,
)

logger = logging.getLogger(__name__)
# DuckDB reports these conditions only in its messages (all as IOException); the words are
# DuckDB's own, not knowledge about the news, so they live here rather than in data/.
_LOCKED = "could not set lock on file"
_NO_SPACE = ("no space left on device", "file too large", "disk quota exceeded")
_HOLDER = re.compile(r"\(PID (\d+)\)")
MIGRATIONS_TABLE = "_migrations"


def open_db(path: str | Path, *, read_only: bool = False) -> duckdb.DuckDBPyConnection:
    """Open (creating if needed, unless read-only) the database at ``path``.

    Raises:
        StoreError: missing (read-only).
        DatabaseLocked: another process holds the file.
        DatabaseCorrupt: not a DuckDB file, truncated, or a DuckDB file of something else.
        DiskFull: no room to create it.
    """
    path = Path(path)
    if read_only and not path.exists():
        raise StoreError(
            f"{path}: no such database (run `diplograph ingest ... --db {path}` first)")
    if not read_only:
        path.parent.mkdir(parents=True, exist_ok=True)
    try:
        con = duckdb.connect(str(path), read_only=read_only)
    except duckdb.Error as exc:
        raise database_failure(exc, path) from exc
    try:
        check_ours(con, path, read_only=read_only)
    except BaseException:
        con.close()
        raise
    return con


def held_by_a_process(path: str | Path) -> bool:
    """Whether some process holds a lock on ``path`` (DuckDB's writer or readers).

    Read from ``/proc/locks``, without opening the file: closing any descriptor of a file
    drops every POSIX lock this process holds on it, and asking through ``fcntl`` would
    need one. False where the kernel does not tell (not Linux) or the file is gone.
    """
    try:
        st = os.stat(path)
        table = Path("/proc/locks").read_text()
    except OSError:
        return False
    device = f"{os.major(st.st_dev):02x}:{os.minor(st.st_dev):02x}:{st.st_ino}"
    return any(device in line.split() for line in table.splitlines())


def _tables(con: duckdb.DuckDBPyConnection) -> list[str]:
    return [name for (name,) in con.execute(
        "SELECT table_name FROM information_schema.tables ORDER BY table_name").fetchall()]


def check_ours(con: duckdb.DuckDBPyConnection, path: str | Path, *, read_only: bool) -> None:
    """Refuse a DuckDB file diplograph did not create: reading it would fail on the first
    query, and writing would add our tables to someone else's database.

    Raises:
        DatabaseCorrupt: tables, but not ours (or, read-only, no tables at all).
    """
    tables = _tables(con)
    if MIGRATIONS_TABLE in tables or (not tables and not read_only):
        return
    raise DatabaseCorrupt(f"{path}: a DuckDB file, but not a diplograph database "
                          "(give the --db of an ingest, or a new file name)")


def read_every_table(con: duckdb.DuckDBPyConnection) -> None:
    """Read every column of every table once, so that a truncated or damaged file fails
    here rather than on some later page (counting rows reads only the metadata).

    Raises:
        duckdb.Error: what reading the damaged part raised.
    """
    for table in _tables(con):
        con.execute(f'SELECT sum(hash(COLUMNS(*))) FROM "{table}"').fetchall()


# What a damaged file, a full disk or a held lock raise; other DuckDB errors are our bugs.
FILE_FAILURES = (duckdb.IOException, duckdb.SerializationException, duckdb.InternalException,
                 duckdb.FatalException)


def database_failure(exc: duckdb.Error, path: str | Path | None = None, *,
                     copy: str | Path | None = None) -> DiplographError | None:
    """The one-line error for a DuckDB error that ends a command: locked, disk full or
    corrupt (any other I/O or internal error while reading the file); None for the others
    (a bug of ours). ``copy``: the error came from this copy of ``path`` (the server's
    snapshot), named as ``path``."""
    message = " ".join(str(exc).split())  # DuckDB's messages may span lines
    if copy is not None and path is not None:
        message = message.replace(str(copy), str(path))
    lowered = message.lower()
    where = f"{path}: " if path is not None else ""
    if _LOCKED in lowered:
        holder = _HOLDER.search(message)
        by = f" (process {holder.group(1)})" if holder else ""
        return DatabaseLocked(f"{where}the database is in use by another process{by}; "
                              "wait for it to finish")
    if any(words in lowered for words in _NO_SPACE):  # also a failed COMMIT's message
        return DiskFull(f"{where}no space left to write the database ({message}); free some "
                        "disk space and run the command again")
    if not isinstance(exc, FILE_FAILURES):
        return None
    return DatabaseCorrupt(f"{where}the database is damaged or not a DuckDB file ({message}); "
                           "ingest again into a new --db file")


# What DuckDB may hold in memory while streaming a listing or an export: its sorts and
# joins spill to disk beyond it, so a CLI listing of a million events stays under 1 GB.
STREAM_MEMORY = "400MB"


def limit_memory(con: duckdb.DuckDBPyConnection, limit: str = STREAM_MEMORY) -> None:
    """Bound DuckDB's memory on this connection; it spills to the system's temporary folder.
    One thread: with one per core, the export's sorted join of a million events with their
    incidents and articles ran out of the 400 MB (each thread keeps its own buffers);
    with one, the exports of a million events peak at 548 MB."""
    con.execute(f"SET memory_limit = '{limit}'")
    con.execute("SET threads = 1")
    con.execute("SET temp_directory = ?", [tempfile.gettempdir()])
