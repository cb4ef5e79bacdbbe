"""Which tables and columns a database has, asked of DuckDB's catalog once per opened
snapshot instead of at every request.

A database is read as it is: one written before a migration lacks what the migration
adds (a kept column, a count table) until its next write migrates it, so the queries ask
whether it is there. A writable connection can gain them at any time and is asked every
time; a read-only snapshot (the server's) never changes, so the server tells this module
its tables once (:func:`fix`) and each of its cursors answers from that.
"""

from __future__ import annotations

import threading
import weakref
from dataclasses import dataclass

import duckdb


@dataclass(frozen=True)
class Catalog:
    """The tables of one database and their columns."""

    tables: frozenset[str]
    columns: frozenset[tuple[str, str]]  # (table, column)


# The connections and cursors whose database will not change, and what it holds; weak, so
# that a dropped cursor does not stay here.
_FIXED: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()
_LOCK = threading.Lock()  # request threads add and remove their cursors concurrently


def read(con: duckdb.DuckDBPyConnection) -> Catalog:
    """What the database behind ``con`` holds now (one query of the catalog)."""
    rows = con.execute("SELECT table_name, column_name FROM duckdb_columns() "
                       "WHERE NOT internal").fetchall()
    return Catalog(frozenset(table for table, _ in rows), frozenset(rows))


def fix(con: duckdb.DuckDBPyConnection, catalog: Catalog) -> None:
    """Promise that the database behind ``con`` (a read-only snapshot) holds ``catalog``
    for as long as ``con`` is open: :func:`has_table` and :func:`has_column` answer from
    it without asking DuckDB."""
    with _LOCK:
        _FIXED[con] = catalog


def forget(con: duckdb.DuckDBPyConnection) -> None:
    """Withdraw :func:`fix` for ``con`` (its request is over)."""
    with _LOCK:
        _FIXED.pop(con, None)


def fixed(con: duckdb.DuckDBPyConnection) -> Catalog | None:
    """The catalog promised for ``con``, or None when it is to be asked."""
    with _LOCK:
        return _FIXED.get(con)


def fixed_cursor(con: duckdb.DuckDBPyConnection) -> duckdb.DuckDBPyConnection:
    """A cursor of ``con`` that knows what was promised for ``con``, if anything."""
    cur = con.cursor()
    known = fixed(con)
    if known is not None:
        fix(cur, known)
    return cur


def has_table(con: duckdb.DuckDBPyConnection, table: str) -> bool:
    """Whether the database has ``table``."""
    known = fixed(con)
    if known is not None:
        return table in known.tables
    return con.execute("SELECT count(*) FROM duckdb_tables() WHERE table_name = ?",
                       [table]).fetchone()[0] > 0


def has_column(con: duckdb.DuckDBPyConnection, table: str, column: str) -> bool:
    """Whether ``table`` has ``column``."""
    known = fixed(con)
    if known is not None:
        return (table, column) in known.columns
    return con.execute("SELECT count(*) FROM duckdb_columns() WHERE table_name = ? "
                       "AND column_name = ?", [table, column]).fetchone()[0] > 0
