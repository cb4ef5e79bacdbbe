"""A long list in its order, read a page at a time (keyset paging), in bounded memory.

``SELECT ... ORDER BY`` over a whole table makes DuckDB sort every matching row, with its
payload, before the first one comes out: at 100k events an export grew the server by
330 MB, and a million rows would not fit. Here each page is the next ``rows`` rows after
the last one sent (``ORDER BY ... LIMIT``: a top-N that keeps ``rows`` rows, whatever the
table's size), so what is held is one page, and the rows come out in the same order as
one big sort would give.

Orders are the ORDER BY clauses of :mod:`diplograph.store.queries` and ``web_queries``
(``col [DESC] [NULLS LAST]``, the last column unique); NULLs sort last, DuckDB's default.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import duckdb
import pyarrow as pa

KEY = "_key"  # prefix of the order's columns added to each page (and dropped from it)
KEY_COLUMNS = f"COLUMNS('^{KEY}[0-9]+$')"  # a page's key columns, for a query around it


def order_parts(order: str) -> list[tuple[str, bool]]:
    """``"date_value NULLS LAST, id DESC"`` → ``[("date_value", False), ("id", True)]``:
    each column and whether it sorts downwards.

    Raises:
        ValueError: a part this module cannot page by (``NULLS FIRST``, an expression).
    """
    parts = []
    for part in order.split(","):
        words = part.split()
        column, rest = words[0], [w.upper() for w in words[1:]]
        if rest and rest[-2:] == ["NULLS", "LAST"]:
            rest = rest[:-2]
        if not column.replace("_", "").replace(".", "").isalnum() or rest not in ([], ["ASC"],
                                                                              ["DESC"]):
            raise ValueError(f"cannot page by {part.strip()!r}")
        parts.append((column, rest == ["DESC"]))
    return parts


def after_keys(parts: list[tuple[str, bool]], last: list | None) -> tuple[str, list]:
    """SQL condition: the row comes after the one whose order columns hold ``last`` (None:
    the first page, every row). NULLs sort last in either direction, so after a NULL only
    NULLs follow on that column, and after a value come the further values and the NULLs."""
    if last is None:
        return "TRUE", []
    terms, params, same, same_params = [], [], [], []
    for (column, desc), value in zip(parts, last):
        if value is not None:
            terms.append(" AND ".join([*same, f"({column} {'<' if desc else '>'} ? "
                                              f"OR {column} IS NULL)"]))
            params += [*same_params, value]
            same.append(f"{column} = ?")
            same_params.append(value)
        else:
            same.append(f"{column} IS NULL")
    return "(" + " OR ".join(terms or ["FALSE"]) + ")", params


def pages(con: duckdb.DuckDBPyConnection, table: str, where: str, params: list, order: str,
          *, columns: str = "*", rows: int,
          around: Callable[[str, str], str] | None = None) -> Iterator[pa.Table]:
    """The rows of ``SELECT columns FROM table WHERE where ORDER BY order``, as Arrow tables
    of at most ``rows`` rows each (the first one even when there are none: it carries the
    schema), from a cursor of their own.

    Args:
        around: builds the query from one page's SQL and the page's ORDER BY on its key
            columns (to join each page with other tables); its result must keep the key
            columns (:data:`KEY_COLUMNS`), last.
    """
    parts = order_parts(order)
    keys = [f"{KEY}{i}" for i in range(len(parts))]
    key_order = ", ".join(f"{k}{' DESC' if desc else ''} NULLS LAST"
                          for k, (_, desc) in zip(keys, parts))
    selected = ", ".join([columns, *(f"{c} AS {k}" for k, (c, _) in zip(keys, parts))])
    cursor = con.cursor()
    try:
        last = None
        while True:
            after, after_params = after_keys(parts, last)
            page = (f"SELECT {selected} FROM {table} WHERE ({where}) AND {after} "
                    f"ORDER BY {order} LIMIT {int(rows)}")
            sql = around(page, key_order) if around else page
            found = cursor.sql(sql, params=params + after_params).to_arrow_table()
            if last is None or found.num_rows:
                yield found.drop_columns(keys)
            if found.num_rows < rows:
                return
            last = [found.column(k)[-1].as_py() for k in keys]
    finally:
        cursor.close()
