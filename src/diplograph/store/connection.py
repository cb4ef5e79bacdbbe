"""Opening the DuckDB database file."""

from __future__ import annotations

import logging
import tempfile
from pathlib import Path

import duckdb

from diplograph.errors import StoreError

logger = logging.getLogger(__name__)


def open_db(path: str | Path, *, read_only: bool = False) -> duckdb.DuckDBPyConnection:
    """Open (creating if needed, unless read-only) the database at ``path``.

    Raises:
        StoreError: the file cannot be opened (missing for read-only, locked, not DuckDB).
    """
    path = Path(path)
    if read_only and not path.exists():
        raise StoreError(
            f"{path}: no such database (run `diplograph ingest ... --db {path}` first)")
    if not read_only:
        path.parent.mkdir(parents=True, exist_ok=True)
    try:
        return duckdb.connect(str(path), read_only=read_only)
    except duckdb.Error as exc:
        raise StoreError(f"{path}: cannot open database: {exc}") from exc


# What DuckDB may hold in memory while streaming a listing or an export: its sorts and
# joins spill to disk beyond it, so a CLI listing of a million events stays under 1 GB.
STREAM_MEMORY = "400MB"


def limit_memory(con: duckdb.DuckDBPyConnection, limit: str = STREAM_MEMORY) -> None:
    """Bound DuckDB's memory on this connection; it spills to the system's temporary folder."""
    con.execute(f"SET memory_limit = '{limit}'")
    con.execute("SET temp_directory = ?", [tempfile.gettempdir()])
