"""A page of the event list in its default order without sorting every matching event.

The listing order starts with the date, and events are stored in date order, so a page
lies in a few date buckets (a month, a year-only date, or no date). How many matching
events each bucket holds tells which buckets a page falls into; the page is then read from
those buckets only (DuckDB skips the row groups outside them) with a small offset, instead
of an ``ORDER BY ... OFFSET`` over every event. The counts come from a kept count
table (``store/kept_buckets.py``: the listing's, an actor's, a dyad's) when the search is
one it answers, else from one grouped pass over the matching events; they also give the
total.
"""

from __future__ import annotations

import json

import duckdb

from diplograph.store.kept_buckets import bucket_counts
from diplograph.store.ordered import order_parts
from diplograph.store.queries import (
    EVENT_ORDER,
    Condition,
    after_values,
    has_listing_key,
    key_of,
    listing_json,
)
from diplograph.store.web_queries import Search, count_matching, order_by

# A date's bucket: its month (YYYY-MM), or the date itself when shorter, or NULL (no date).
BUCKET = "substr(date_value, 1, 7)"
# Above every character of a date: "2020-05" + this is above every date of May 2020.
TOP = "\U0010ffff"

Histogram = list[tuple[str | None, int]]


def search(con: duckdb.DuckDBPyConnection, table: str, s: Search, *,
           limit: int, offset: int, sort: str | None = None) -> tuple[list[dict], int]:
    """One page of matching events or incidents (stored records), in the order of ``sort``
    (``web_queries.SORTS``), and the total count."""
    rows, total = search_json(con, table, s, limit=limit, offset=offset, sort=sort)
    return [json.loads(text) for text in rows], total


def search_json(con: duckdb.DuckDBPyConnection, table: str, s: Search, *, limit: int,
                offset: int, sort: str | None = None, after: str | None = None
                ) -> tuple[list[str], int]:
    """:func:`search` with the records as stored (JSON texts); ``after``: the page after the
    record with this id (keyset paging, listing order only; ``offset`` then counts from it).
    Events in the listing order are read from the date buckets of the page only."""
    if table == "events" and not sort:
        return page_json(con, s, limit=limit, offset=offset, after=after)
    return (listing_json(con, table, s, limit=limit, offset=offset,
                         order=order_by(table, sort), after=after),
            count_matching(con, table, s))


def histogram(con: duckdb.DuckDBPyConnection, s: Condition) -> Histogram:
    """Matching events per date bucket, in listing order (no date last): from a kept count
    table when one answers ``s`` (:mod:`diplograph.store.kept_buckets`), else one grouped
    pass over the matching events."""
    kept = bucket_counts(con, s)
    if kept is not None:
        return counted_buckets(con, kept)
    where, params = s.where("events")
    return counted_buckets(con, (f"SELECT {BUCKET}, count(*) FROM events WHERE {where} "
                                 "GROUP BY 1", params))


def counted_buckets(con: duckdb.DuckDBPyConnection, counts: tuple[str, list]) -> Histogram:
    """The ``(bucket, n)`` rows of a counting query, in listing order (no date last)."""
    rows = con.execute(*counts).fetchall()
    return sorted(rows, key=lambda row: (row[0] is None, row[0] or ""))


def page_json(con: duckdb.DuckDBPyConnection, s: Condition, *, limit: int, offset: int = 0,
              after: str | None = None) -> tuple[list[str], int]:
    """A page of the events that match ``s`` (stored JSON texts) in listing order, and how
    many match: ``limit`` after skipping ``offset``, counted from the start or, with
    ``after``, from the event with this id (keyset paging; none when no event has it)."""
    sql, params, total = page_query(con, s, ("record",), limit=limit, offset=offset,
                                    after=after)
    if sql is None:
        return [], total
    return [row[0] for row in con.execute(sql, params).fetchall()], total


def page_query(con: duckdb.DuckDBPyConnection, s: Condition, columns: tuple[str, ...], *,
               limit: int, offset: int = 0, after: str | None = None,
               buckets: Histogram | None = None,
               shown: str | None = None) -> tuple[str | None, list, int]:
    """The SQL that selects ``columns`` of the page :func:`page_json` describes, in listing
    order, its parameters, and how many events match (the SQL is None when the page is
    empty whatever the events: past the last one, or ``after`` an id no event has).
    ``buckets``: ``s``'s :func:`histogram`, when the caller already has it; ``shown``: SQL
    columns on ``columns`` to select instead of them, computed for the page's rows only."""
    buckets = histogram(con, s) if buckets is None else buckets
    total = sum(n for _, n in buckets)
    if after is None:
        first, skipped = _bucket_at(buckets, offset)
        key_clause, key_params = "TRUE", []
    else:
        key = key_of(con, "events", after)
        if key is None:
            return None, [], total
        no_date, date = key.values[:2]  # the key starts with the date, NULLs last
        first, skipped = _bucket_of_date(buckets, None if no_date else date), 0
        key_clause, key_params = after_values("events", key)
    if first >= len(buckets):
        return None, [], total
    last = _last_bucket(buckets, first, offset - skipped + limit, keyset=after is not None)
    where, params = s.where("events")
    # The kept listing key sorts as EVENT_ORDER does, one column instead of five.
    order = "listing_key" if has_listing_key(con) else EVENT_ORDER
    read = ", ".join(dict.fromkeys([*columns, *(c for c, _ in order_parts(order))]))
    parts, part_params = [], []
    for window, window_params in _windows(buckets[first][0], buckets[last][0]):
        parts.append(f"SELECT {read} FROM events WHERE {where} AND {key_clause} AND {window}")
        part_params += params + key_params + window_params
    sql = (f"SELECT {', '.join(columns) if shown is None else read} FROM "
           f"({' UNION ALL '.join(parts)}) ORDER BY {order} LIMIT ? OFFSET ?")
    if shown is not None:  # computed on the page's rows, not on every row of its buckets
        sql = f"SELECT {shown} FROM ({sql}) ORDER BY {order}"
    return sql, part_params + [limit, offset - skipped], total


def _bucket_at(buckets: Histogram, position: int) -> tuple[int, int]:
    """The index of the bucket holding the event at ``position`` (from 0), and how many
    events the buckets before it hold (``len(buckets)`` when there is none)."""
    before = 0
    for i, (_, n) in enumerate(buckets):
        if before + n > position:
            return i, before
        before += n
    return len(buckets), before


def _bucket_of_date(buckets: Histogram, date: str | None) -> int:
    """The index of the first bucket at or after ``date``'s (no date: the last ones)."""
    bucket = None if date is None else date[:7]
    for i, (name, _) in enumerate(buckets):
        if bucket is None and name is None:
            return i
        if bucket is not None and (name is None or name >= bucket):
            return i
    return len(buckets)


def _last_bucket(buckets: Histogram, first: int, needed: int, *, keyset: bool) -> int:
    """The index of the last bucket a page needs: from ``first``, until ``needed`` events
    are held. With a keyset the events of the first bucket may all lie before the key, so
    ``needed`` is counted from the next one."""
    held = 0 if keyset else buckets[first][1]
    last = first
    while held < needed and last + 1 < len(buckets):
        last += 1
        held += buckets[last][1]
    return last


def _windows(first: str | None, last: str | None) -> list[tuple[str, list]]:
    """Conditions on ``date_value`` that select the buckets from ``first`` to ``last``:
    a range DuckDB prunes row groups with, and apart the events with no date (an OR
    would make it read every row group)."""
    if first is None:
        return [("date_value IS NULL", [])]
    if last is None:
        return [("date_value >= ?", [first]), ("date_value IS NULL", [])]
    return [("date_value >= ? AND date_value < ?", [first, last + TOP])]
