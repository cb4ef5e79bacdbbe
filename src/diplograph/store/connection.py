"""Opening the DuckDB database file."""

from __future__ import annotations

import logging
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
