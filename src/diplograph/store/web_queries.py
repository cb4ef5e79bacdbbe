"""Queries the dashboard and the HTTP API need beyond :mod:`diplograph.store.queries`.

Same rules as there: plain functions over a connection, JSON-ready values,
bound parameters only; table and column names come from this module.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field

import duckdb

from diplograph.errors import NotFound
from diplograph.store import like
from diplograph.store.filters import EventFilter
from diplograph.store.queries import LISTED_TABLES, count, listing

# Columns a free-text search looks into, per table.
_TEXT_COLUMNS = {
    "events": ("evidence_text", "source_name", "target_name", "source_text", "target_text",
               "location_name"),
    "incidents": ("summary", "source_name", "target_name", "source_text", "target_text"),
}


@dataclass(frozen=True, slots=True, kw_only=True)
class Search:
    """An :class:`EventFilter` plus the API's extra filters (mode, free text)."""

    flt: EventFilter = field(default_factory=EventFilter)
    mode: str | None = None
    q: str | None = None

    def where(self, table: str) -> tuple[str, list]:
        """SQL condition on ``events`` or ``incidents`` and its bound parameters."""
        if table not in LISTED_TABLES:
            raise ValueError(f"cannot search {table!r}")
        where, params = self.flt.where(table)
        clauses = [where]
        if self.mode:
            clauses.append("mode = ?")
            params = params + [self.mode.lower()]
        if self.q:
            cols = _TEXT_COLUMNS[table]
            clauses.append("(" + " OR ".join(f"lower({c}) LIKE ? {like.ESCAPE}"
                                             for c in cols) + ")")
            params = params + [like.contains(self.q.lower())] * len(cols)
        return " AND ".join(clauses), params


def search(con: duckdb.DuckDBPyConnection, table: str, s: Search, *,
           limit: int, offset: int) -> tuple[list[dict], int]:
    """One page of matching events or incidents (stored records) and the total count."""
    return listing(con, table, s, limit=limit, offset=offset), count(con, table, s)


def event(con: duckdb.DuckDBPyConnection, event_id: str) -> dict:
    """One event (SPEC §4 dict) with ``incident_id``, the incident it was fused into.

    Raises:
        NotFound: no event has this id.
    """
    row = con.execute("SELECT e.record, ie.incident_id FROM events e LEFT JOIN incident_events ie "
                      "ON ie.event_id = e.id WHERE e.id = ? LIMIT 1", [event_id]).fetchone()
    if row is None:
        raise NotFound(f"no event {event_id!r}")
    return {**json.loads(row[0]), "incident_id": row[1]}


def over_time(con: duckdb.DuckDBPyConnection, column: str,
              flt: EventFilter = EventFilter()) -> dict:
    """Event counts per month (``YYYY-MM``) and per value of ``column`` (type or status).

    Events dated only to a year are left out (they have no month).

    Returns:
        ``{"periods": [...], "series": {value: [n per period]}}``.
    """
    if column not in ("type", "status"):
        raise ValueError(f"cannot count over time by {column!r}")
    where, params = flt.where()
    rows = con.execute(f"SELECT substr(date_value, 1, 7) AS period, {column}, count(*) FROM events "
                       f"WHERE {where} AND length(date_value) >= 7 GROUP BY ALL ORDER BY 1, 2",
                       params).fetchall()
    periods = sorted({r[0] for r in rows})
    index = {p: i for i, p in enumerate(periods)}
    series: dict[str, list[int]] = defaultdict(lambda: [0] * len(periods))
    for period, value, n in rows:
        series[value][index[period]] = n
    return {"periods": periods, "series": dict(sorted(series.items()))}


def top_dyads(con: duckdb.DuckDBPyConnection, flt: EventFilter = EventFilter(), *,
              limit: int = 10) -> list[dict]:
    """The pairs of actors (country, else name) with most events between them, either way."""
    where, params = flt.where()
    rows = con.execute(
        "WITH ends AS (SELECT coalesce(source_country, source_name) AS s, "
        "coalesce(target_country, target_name) AS t, type, date_value FROM events "
        f"WHERE {where}) "
        "SELECT least(s, t) AS a, greatest(s, t) AS b, count(*) AS n, max(date_value) AS last, "
        "list(DISTINCT type ORDER BY type) AS types FROM ends "
        "WHERE s IS NOT NULL AND t IS NOT NULL AND s <> t GROUP BY ALL "
        "ORDER BY n DESC, last DESC NULLS LAST, a, b LIMIT ?", params + [limit]).fetchall()
    return [{"a": a, "b": b, "n": n, "last_date": last, "types": types}
            for a, b, n, last, types in rows]


def locations(con: duckdb.DuckDBPyConnection, flt: EventFilter = EventFilter()) -> dict:
    """Where events happened: geocoded places and counts per country.

    Returns:
        ``{"places": [{"name", "country", "lat", "lon", "n", "types", "event_ids"}],
        "countries": {ISO3: n}}``.
    """
    where, params = flt.where()
    places = con.execute(
        "SELECT location_name, location_country, location_lat, location_lon, count(*), "
        "list(DISTINCT type ORDER BY type), list(id ORDER BY date_value, id) FROM events "
        f"WHERE {where} AND location_lat IS NOT NULL AND location_lon IS NOT NULL "
        "GROUP BY ALL ORDER BY 5 DESC, 1", params).fetchall()
    countries = con.execute(
        f"SELECT location_country, count(*) FROM events WHERE {where} "
        "AND location_country IS NOT NULL GROUP BY ALL ORDER BY 2 DESC, 1", params).fetchall()
    return {
        "places": [{"name": n, "country": c, "lat": lat, "lon": lon, "n": k, "types": t,
                    "event_ids": ids[:50]} for n, c, lat, lon, k, t, ids in places],
        "countries": dict(countries),
    }
