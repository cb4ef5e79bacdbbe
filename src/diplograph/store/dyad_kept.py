"""A dyad's timeline page and last contact read from the date buckets kept per dyad
(``counts_dyad_listing``, :mod:`diplograph.store.kept_buckets`), with each event's record
and incident as kept on it (m017): neither sorts every event between the two, nor joins
the page back to every event (at 1M events the join alone read a million ids).

:mod:`diplograph.store.profiles` asks these first and reads the events when they answer
None (names, words, filters the counts do not hold, a database from before m017/m020).
"""

from __future__ import annotations

import json

import duckdb

from diplograph.store import event_lists, kept_buckets
from diplograph.store.filters import EventFilter, dyad_either
from diplograph.store.queries import HAPPENED, Condition, has_column
from diplograph.store.web_queries import Search

_RECORD = ("id", "record", "incident_id")


def timeline_page(con: duckdb.DuckDBPyConnection, a: str, b: str, flt: Condition, *,
                  limit: int | None, after: str | None) -> list[tuple[str, str]] | None:
    """A page of the events between ``a`` and ``b`` (``(id, record with incident_id)``,
    listing order) read from its date buckets (``event_lists.page_query``), or None when
    the kept counts cannot tell which: every event asked for (no ``limit``), a filter
    naming an actor of its own, not two states alone, or a filter they do not hold."""
    search = flt if isinstance(flt, Search) else Search(flt=flt) \
        if isinstance(flt, EventFilter) else None
    if limit is None or search is None or search.flt.actor or search.other:
        return None
    dyad = search.with_(actor=a, other=b)
    counts = kept_buckets.bucket_counts(con, dyad)
    if counts is None or not has_column(con, "events", "incident_id"):
        return None
    sql, params, _ = event_lists.page_query(con, dyad, _RECORD, limit=limit, after=after,
                                            buckets=event_lists.counted_buckets(con, counts))
    if sql is None:
        return []
    return [(row_id, with_incident(record, incident))
            for row_id, record, incident in con.execute(sql, params).fetchall()]


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


def with_incident(record: str, incident_id: str | None) -> str:
    """A stored event record (a JSON object, which has no ``incident_id``) with one."""
    body = record.rstrip()[:-1].rstrip()
    comma = "" if body.endswith("{") else ","
    return f'{body}{comma} "incident_id": {json.dumps(incident_id)}}}'


__all__ = ["last_contact", "timeline_page", "with_incident"]
