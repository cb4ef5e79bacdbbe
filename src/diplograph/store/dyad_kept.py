"""A dyad's timeline page and last contact read from the date buckets kept per dyad
(``counts_dyad_listing``, :mod:`diplograph.store.kept_buckets`), with each event's record
and incident as kept on it (m017): neither sorts every event between the two, nor joins
the page back to every event (at 1M events the join alone read a million ids).

:mod:`diplograph.store.profiles` asks these first and reads the events when they answer
None (names, words, filters the counts do not hold, a database from before m017/m020).
"""

from __future__ import annotations

import duckdb

from diplograph.store import event_lists, kept_buckets
from diplograph.store.compact_records import with_incident
from diplograph.store.filters import EventFilter, dyad_either
from diplograph.store.queries import HAPPENED, Condition, has_column
from diplograph.store.web_queries import Search

_RECORD = ("id", "record", "incident_id")
# The columns compact_records.listed_columns reads.
READ = (*_RECORD, "date_value", "type", "status")


def timeline_page(con: duckdb.DuckDBPyConnection, a: str, b: str, flt: Condition, *,
                  limit: int | None, after: str | None) -> list[tuple[str, str]] | None:
    """A page of the events between ``a`` and ``b`` (``(id, record with incident_id)``,
    listing order) read from its date buckets (``event_lists.page_query``), or None when
    the kept counts cannot tell which: every event asked for (no ``limit``), a filter
    naming an actor of its own, not two states alone, or a filter they do not hold."""
    rows = timeline_rows(con, a, b, flt, limit=limit, after=after, read=_RECORD)
    return None if rows is None else [(row_id, with_incident(record, incident))
                                      for row_id, record, incident in rows]


def timeline_rows(con: duckdb.DuckDBPyConnection, a: str, b: str, flt: Condition, *,
                  limit: int | None, after: str | None, read: tuple[str, ...],
                  shown: str | None = None) -> list[tuple] | None:
    """:func:`timeline_page`'s rows: the columns ``read`` of ``events``, or the SQL columns
    ``shown`` on them (:data:`READ` holds all they may use); None when the kept counts
    cannot tell."""
    search = flt if isinstance(flt, Search) else Search(flt=flt) \
        if isinstance(flt, EventFilter) else None
    if limit is None or search is None or search.flt.actor or search.other:
        return None
    dyad = search.with_(actor=a, other=b)
    counts = kept_buckets.bucket_counts(con, dyad)
    if counts is None or not has_column(con, "events", "incident_id"):
        return None
    sql, params, _ = event_lists.page_query(con, dyad, read, limit=limit, after=after,
                                            buckets=event_lists.counted_buckets(con, counts),
                                            shown=shown)
    return [] if sql is None else con.execute(sql, params).fetchall()


def last_contact(con: duckdb.DuckDBPyConnection, a: str, b: str) -> tuple[str | None] | None:
    """``(record with incident_id,)`` of the latest CONSULT between ``a`` and ``b`` said to
    have happened (``(None,)``: there is none), read from the latest date bucket that
    holds one; None when the kept counts cannot tell (not two states alone)."""
    pair = kept_buckets.dyad_pair(con, a, b)
    if pair is None or not has_column(con, "events", "incident_id"):
        return None
    bucket = kept_buckets.last_contact_bucket(con, pair, list(HAPPENED))
    if bucket is None:
        return (None,)
    dyad, params = dyad_either(a, b)
    found = con.execute(
        "SELECT record, incident_id FROM events WHERE type = 'CONSULT' "
        "AND status IN (SELECT unnest(?)) AND date_value IS NOT NULL "
        f"AND {dyad} AND date_value >= ? AND date_value < ? ORDER BY date_value DESC, id "
        "LIMIT 1", [list(HAPPENED), *params, bucket, bucket + event_lists.TOP]).fetchone()
    return (with_incident(*found) if found else None,)


__all__ = ["READ", "last_contact", "timeline_page", "timeline_rows", "with_incident"]
