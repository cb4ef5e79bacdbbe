"""Queries behind the dashboard's profile views: dyads, actor profiles, cooperation and
conflict, the map (moved here from :mod:`diplograph.store.web_queries` so that the list
and search queries there and these can change apart).

Same rules as there: plain functions over a connection, JSON-ready values, bound
parameters only; table and column names come from this module.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable

import duckdb

from diplograph.records import SYMMETRIC_TYPES
from diplograph.store import actor_counts, catalog, dyad_kept, identities
from diplograph.store.aggregates import FIRST_EVENTS
from diplograph.store.compact_records import ListedEvent, listed, listed_columns, with_incident
from diplograph.store.filters import EventFilter, actor_side, dyad_either, is_country_code
from diplograph.store.kept_buckets import pair_condition, states_alone
from diplograph.store.queries import (
    EVENT_ORDER,
    HAPPENED,
    NO_FILTER,
    Condition,
    after_clause,
    has_column,
    qualified,
)
from diplograph.store.web_queries import (
    HAS_MONTH,
    Search,
    _from_counts,
    counted_where,
    monthly,
)


def locations(con: duckdb.DuckDBPyConnection, flt: Condition = NO_FILTER) -> dict:
    """Where events happened: geocoded places and counts per country (from the kept
    per-place counts when they can tell, :func:`_counted_places`).

    Returns:
        ``{"places": [{"name", "country", "lat", "lon", "n", "types", "event_ids"}],
        "countries": {ISO3: n}}``.
    """
    counted = _counted_places(con, flt)
    where, params = counted if counted is not None else flt.where("events")
    sql = _PLACES_KEPT if counted is not None else _PLACES_OF_EVENTS
    return _located(con.execute(sql["places"].format(where=where), params).fetchall(),
                    con.execute(sql["countries"].format(where=where), params).fetchall())


# The map's two queries, on the events themselves and on their kept per-place counts
# (ties broken on every column of the place, so that both answer in the same order).
_PLACES_OF_EVENTS = {
    "places": "SELECT location_name, location_country, location_lat, location_lon, count(*), "
              "list(DISTINCT type ORDER BY type), "
              f"list(id ORDER BY date_value, id)[1:{FIRST_EVENTS}] FROM events "
              "WHERE {where} AND location_lat IS NOT NULL AND location_lon IS NOT NULL "
              "GROUP BY ALL ORDER BY 5 DESC, 1, 2, 3, 4",
    "countries": "SELECT location_country, count(*) FROM events WHERE {where} "
                 "AND location_country IS NOT NULL GROUP BY ALL ORDER BY 2 DESC, 1",
}
_PLACES_KEPT = {
    "places": "SELECT name, country, lat, lon, sum(n)::BIGINT, list(DISTINCT type ORDER BY type), "
              f"list_transform(list_sort(flatten(list(firsts)))[1:{FIRST_EVENTS}], "
              "lambda f: f.id) FROM counts_place "
              "WHERE {where} AND lat IS NOT NULL AND lon IS NOT NULL "
              "GROUP BY ALL ORDER BY 5 DESC, 1, 2, 3, 4",
    "countries": "SELECT country, sum(n)::BIGINT FROM counts_place WHERE {where} "
                 "AND country IS NOT NULL GROUP BY ALL ORDER BY 2 DESC, 1",
}


def _located(places: list[tuple], countries: list[tuple]) -> dict:
    return {
        "places": [{"name": n, "country": c, "lat": lat, "lon": lon, "n": k, "types": t,
                    "event_ids": ids} for n, c, lat, lon, k, t, ids in places],
        "countries": dict(countries),
    }


def _counted_places(con: duckdb.DuckDBPyConnection, flt: Condition) -> tuple[str, list] | None:
    """The condition on ``counts_place`` that selects what ``flt`` selects, or None when
    the kept counts cannot tell (a filter on more than type and the default confidence
    floor, or a database whose next write has not counted its places yet)."""
    counted = counted_where(flt, by_month=False)
    return counted if counted is not None and has_kept(con, "counts_place") else None


def has_kept(con: duckdb.DuckDBPyConnection, table: str) -> bool:
    """Whether the database keeps this count table (one written before its migration has
    none until its next write)."""
    return catalog.has_table(con, table)


def clusters(places: list[dict], zoom: int) -> list[dict]:
    """:func:`locations`' places grouped into the cells of a lon/lat grid, finer as ``zoom``
    grows (cells of 360 / 2^(zoom + 3) degrees: 45 at zoom 0), most events first.

    Returns:
        ``[{"n", "lat", "lon", "places", "bbox"}]``: ``lat``/``lon`` the places' centre
        weighted by events, ``bbox`` the box (west, south, east, north) around the places;
        it lies inside its cell, so the events inside ``bbox`` are exactly the cluster's.
    """
    cell = 360 / 2 ** (zoom + 3)
    cells: dict[tuple[int, int], list[dict]] = defaultdict(list)
    for place in places:
        cells[(int(place["lon"] // cell), int(place["lat"] // cell))].append(place)
    out = []
    for members in cells.values():
        n = sum(p["n"] for p in members)
        lons, lats = [p["lon"] for p in members], [p["lat"] for p in members]
        out.append({"n": n, "lat": sum(p["lat"] * p["n"] for p in members) / n,
                    "lon": sum(p["lon"] * p["n"] for p in members) / n,
                    "places": [p["name"] for p in members],
                    "bbox": [min(lons), min(lats), max(lons), max(lats)]})
    return sorted(out, key=lambda c: (-c["n"], c["places"]))


def actor_identities(con: duckdb.DuckDBPyConnection, actor: str, *,
                     limit: int = 5) -> list[dict]:
    """The canonical actors that ``actor`` matches (the shared matcher, either side), most
    events first: ``[{"name", "country", "wikidata", "role", "sector", "kind", "n"}]``;
    ``kind`` is the actor index's (``person``, ``state``, ``group``...); from the rows
    counted per identity (``counts_identity``) when the database keeps them."""
    kept = has_kept(con, "counts_identity")
    parts, params = [], []
    for side in ("source",) if kept else ("source", "target"):
        cond, values = actor_side(side, actor)
        rows = actor_counts.IDENTITY_SIDES if kept else _actor_slots(side)
        parts.append(f"SELECT {side}_name AS name, {side}_country AS country, "
                     f"{side}_wikidata AS wikidata, {side}_role AS role, "
                     f"{side}_sector AS sector, kind, {'n' if kept else '1 AS n'} "
                     f"FROM ({rows}) WHERE {cond}")
        params += values
    rows = con.execute(identities.PER_VALUE_SQL.format(sides=" UNION ALL ".join(parts)),
                       params).fetchall()
    return identities.ranked(rows, limit)


def _actor_slots(side: str) -> str:
    """The ``actors`` rows of one side of the events, their columns named as the events'
    (``{side}_name``...), so that the shared matcher selects them. Each side of an event
    has its row there, written from the same actor: reading them alone spares joining
    every matching event with its actor rows for their kind (at 1M events, 0.4 s of CPU
    for a state's page)."""
    columns = ", ".join(f"{column} AS {side}_{column}"
                        for column in ("name", "country", "wikidata", "role", "sector", "text"))
    return f"SELECT {columns}, kind FROM actors WHERE role_in_event = '{side}'"


# PLOVER's four classes (the manual's quad classes; DEMAND = REQUEST, DISAPPROVE = ACCUSE).
PLOVER_CLASSES: dict[str, tuple[str, ...]] = {
    "verbal cooperation": ("AGREE", "CONSULT", "SUPPORT"),
    "material cooperation": ("CONCEDE", "COOPERATE", "AID", "RETREAT"),
    "verbal conflict": ("REQUEST", "ACCUSE", "REJECT", "THREATEN"),
    "material conflict": ("PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"),
}
# How each claim status counts: it happened, it is only planned or possible, or it did not.
STATUS_GROUPS: dict[str, tuple[str, ...]] = {
    "happened": ("asserted", "reported", "unconfirmed"),
    "planned": ("planned", "hypothetical"),
    "not": ("denied", "negated"),
}


def cooperation_conflict(con: duckdb.DuckDBPyConnection, s: Condition = NO_FILTER) -> dict:
    """PLOVER's four classes per month (every month, and ``undated``), for the events that
    happened and, apart, for the planned or hypothetical ones; denied and negated events
    are only counted (``not_happened``).

    Returns:
        :func:`monthly`'s block whose series are ``"<class>"`` (happened) and
        ``"<class> · planned"``, plus ``"classes"`` (the type map) and ``"not_happened"``.
    """
    return cooperation_block(period_counts(con, s))


_CLASS_OF = {t: name for name, types in PLOVER_CLASSES.items() for t in types}
_GROUP_OF = {status: name for name, statuses in STATUS_GROUPS.items() for status in statuses}


def cooperation_block(counts: list[tuple]) -> dict:
    """:func:`cooperation_conflict`'s block from :func:`period_counts`' rows."""
    shown = [(period, _CLASS_OF[t] if _GROUP_OF[status] == "happened"
              else f"{_CLASS_OF[t]} · planned", n)
             for period, t, status, n in counts
             if t in _CLASS_OF and _GROUP_OF.get(status) in ("happened", "planned")]
    return {**monthly(shown), "classes": {k: list(v) for k, v in PLOVER_CLASSES.items()},
            "not_happened": sum(n for _, _, status, n in counts
                                if _GROUP_OF.get(status) == "not")}


def types_over_time(counts: list[tuple]) -> dict:
    """Events per month by type (:func:`web_queries.over_time`'s block) from
    :func:`period_counts`' rows."""
    return monthly([(period, t, n) for period, t, _, n in counts])


def period_counts(con: duckdb.DuckDBPyConnection, s: Condition) -> list[tuple]:
    """``(month or None, type, status, n)`` of the events ``s`` selects: from the counts
    kept per country when ``s`` is a state and filters they hold (:func:`_counted_country`),
    per dyad and month when it is two states (:func:`_counted_dyad_months`), per actor when
    it is one the profile counts can tell (:func:`_counted_actor_months`), else from the
    events."""
    for period, table, counted in (("period", "counts_country", _counted_country),
                                   ("period", _DYAD_MONTHS, _counted_dyad_months),
                                   (_month_of("month"), "counts_profile", _counted_actor_months)):
        found = counted(con, s)
        if found is not None:
            where, params = found
            return con.execute(f"SELECT {period}, type, status, sum(n)::BIGINT FROM {table} "
                               f"WHERE {where} GROUP BY ALL", params).fetchall()
    where, params = s.where("events")
    return con.execute(f"SELECT CASE WHEN {HAS_MONTH} THEN substr(date_value, 1, 7) END, type, "
                       f"status, count(*) FROM events WHERE {where} GROUP BY ALL",
                       params).fetchall()


def _counted_country(con: duckdb.DuckDBPyConnection, s: Condition) -> tuple[str, list] | None:
    """The condition on ``counts_country`` that selects what ``s`` selects: ``s`` names a
    state (its code) as actor and else only filters the month counts hold; else None."""
    search = s if isinstance(s, Search) else Search(flt=s) if isinstance(s, EventFilter) else None
    if search is None or not search.flt.actor or not is_country_code(search.flt.actor):
        return None
    counted = counted_where(search.with_(actor=None))
    if counted is None or not has_kept(con, "counts_country"):
        return None
    where, params = counted
    return f"country = ? AND {where}", [search.flt.actor, *params]


def _month_of(column: str) -> str:
    """The charts' month (:data:`HAS_MONTH`) from a kept column of the date's first 7
    characters (the profile counts' month, a listing bucket): a date of at least YYYY-MM
    gives 7 of them; a shorter date, an empty one or none gives no month."""
    return f"CASE WHEN length({column}) >= 7 THEN {column} END"


# A dyad's kept listing buckets with their month as ``period`` (the column the count
# tables' conditions name, :func:`web_queries.counted_where`): the dyad chart's months.
_DYAD_MONTHS = f"(SELECT *, {_month_of('bucket')} AS period FROM counts_dyad_listing) AS d"


def _counted_actor_months(con: duckdb.DuckDBPyConnection,
                          s: Condition) -> tuple[str, list] | None:
    """The condition on ``counts_profile`` that selects what ``s`` selects: ``s`` names one
    actor whose profile the counts answer (:func:`_kept_profile`) and else only filters
    they hold; else None."""
    if not isinstance(s, Search) or not s.flt.actor or s.other:
        return None
    return _kept_profile(con, s.flt.actor, s.with_(actor=None))


def _counted_dyad_months(con: duckdb.DuckDBPyConnection,
                         s: Condition) -> tuple[str, list] | None:
    """The condition on ``counts_dyad_listing`` (whose buckets of 7 characters are the
    months) that selects what ``s`` selects: ``s`` names two states (``actor`` and
    ``other``, :func:`kept_buckets.states_alone`) and else only filters the month counts
    hold; else None."""
    if not isinstance(s, Search) or not s.flt.actor or not s.other:
        return None
    a, b = s.flt.actor, s.other
    counted = counted_where(s.with_(actor=None, other=None))
    if counted is None or not has_kept(con, "counts_dyad_listing") \
            or not states_alone(con, a, b):
        return None
    return pair_condition(a, b, counted)


def actor_clause(side: str, actor: str) -> tuple[str, list]:
    """SQL condition for ``actor`` on one side (``source``/``target``) of an event row:
    the shared matcher, :func:`diplograph.store.filters.actor_side`."""
    return actor_side(side, actor)


def _dyad_clause(a: str, b: str) -> tuple[str, list]:
    return dyad_either(a, b)


def dyad_timeline(con: duckdb.DuckDBPyConnection, a: str, b: str,
                  flt: Condition = NO_FILTER, *, limit: int | None = None,
                  after: str | None = None) -> list[dict]:
    """The events between ``a`` and ``b``, in either direction, by date: every one, or a
    page of ``limit`` after the event with id ``after`` (keyset paging).

    Each event dict gains ``incident_id``, the incident it was fused into.
    """
    return [json.loads(record)
            for _, record in dyad_timeline_json(con, a, b, flt, limit=limit, after=after)]


def dyad_timeline_json(con: duckdb.DuckDBPyConnection, a: str, b: str,
                       flt: Condition = NO_FILTER, *, limit: int | None = None,
                       after: str | None = None) -> list[tuple[str, str]]:
    """:func:`dyad_timeline` as ``(id, stored JSON record with its incident_id)``: a page
    of two states read from its date buckets (:func:`dyad_kept.timeline_page`) when the kept
    counts answer it, else the events between the two sorted."""
    kept = dyad_kept.timeline_page(con, a, b, flt, limit=limit, after=after)
    if kept is not None:
        return kept
    return _with_incidents(con, *_dyad_page(a, b, con, flt, limit=limit, after=after),
                           qualified(EVENT_ORDER, "p"))


def dyad_listing(con: duckdb.DuckDBPyConnection, a: str, b: str,
                 flt: Condition = NO_FILTER, *, limit: int | None = None,
                 after: str | None = None) -> list[ListedEvent]:
    """:func:`dyad_timeline_json`'s page with each record also compact, as the JSON twin
    sends it, and whether each event is undated or a contact said to have happened
    (:mod:`diplograph.store.compact_records`): the page's twin neither parses nor dumps."""
    rows = dyad_kept.timeline_rows(con, a, b, flt, limit=limit, after=after,
                                   read=dyad_kept.READ, shown=listed_columns("", "incident_id"))
    if rows is None:
        page, params = _dyad_page(a, b, con, flt, limit=limit, after=after)
        rows = _page_rows(con, page, params, qualified(EVENT_ORDER, "p"),
                          lambda incident: listed_columns("e.", incident))
    return listed(rows)


def _dyad_page(a: str, b: str, con: duckdb.DuckDBPyConnection, flt: Condition, *,
               limit: int | None, after: str | None) -> tuple[str, list]:
    """The query choosing a page of the events between ``a`` and ``b`` from the events
    themselves (:data:`_ORDER_COLUMNS`, sorted), and its parameters."""
    where, params = flt.where("events")
    dyad, dyad_params = _dyad_clause(a, b)
    if after is not None:
        key_clause, key_params = after_clause(con, "events", after)
        where, params = f"{where} AND {key_clause}", params + key_params
    page = f"SELECT {_ORDER_COLUMNS} FROM events WHERE {dyad} AND {where} ORDER BY {EVENT_ORDER}"
    if limit is not None:
        page, params = page + " LIMIT ?", params + [limit]
    return page, dyad_params + params


# The columns of the listing order: a page is chosen on them alone, and only its rows then
# fetch their stored record and incident (at 1M events, joining every event's record and
# incident before the LIMIT cost 1.2 s of CPU for a dyad's first page, the page alone 0.1 s).
_ORDER_COLUMNS = "id, date_value, doc_id, article_index, evidence_start"


def _with_incidents(con: duckdb.DuckDBPyConnection, page: str, params: list,
                    order: str) -> list[tuple[str, str]]:
    """The events a ``page`` query selects (its rows: :data:`_ORDER_COLUMNS`), in ``order``
    (on the page's alias ``p``), as ``(id, stored record)`` with ``incident_id`` added at
    its end: the text as stored otherwise, for the API to send without parsing it."""
    return [(row_id, with_incident(record, incident))
            for row_id, record, incident in _page_rows(con, page, params, order)]


def _page_rows(con: duckdb.DuckDBPyConnection, page: str, params: list, order: str,
               columns: Callable[[str], str] = lambda incident: f"p.id, e.record, {incident}",
               ) -> list[tuple]:
    """The rows of the events a ``page`` query selects, in ``order``: the SQL ``columns``
    on the page ``p`` and its events ``e``, given the expression of their incident id."""
    # The incident kept on the event (m017), else looked up in every link of incident_events.
    incident, links = (("e.incident_id", "") if has_column(con, "events", "incident_id") else
                       ("ie.incident_id", "LEFT JOIN incident_events ie ON ie.event_id = p.id"))
    return con.execute(f"WITH p AS ({page}) SELECT {columns(incident)} FROM p "
                       f"JOIN events e ON e.id = p.id {links} ORDER BY {order}",
                       params).fetchall()


def count_dyad(con: duckdb.DuckDBPyConnection, a: str, b: str,
               flt: Condition = NO_FILTER) -> int:
    """How many events there are between ``a`` and ``b``, either direction: from the
    kept per-dyad counts when they can tell (:func:`_counted_dyad`)."""
    counted = _counted_dyad(con, a, b, flt)
    if counted is not None:
        where, params = counted
        return con.execute(f"SELECT coalesce(sum(n), 0) FROM counts_dyad WHERE {where}",
                           params).fetchone()[0]
    where, params = flt.where("events")
    dyad, dyad_params = _dyad_clause(a, b)
    return con.execute(f"SELECT count(*) FROM events WHERE {dyad} AND {where}",
                       dyad_params + params).fetchone()[0]


def _counted_dyad(con: duckdb.DuckDBPyConnection, a: str, b: str,
                  flt: Condition) -> tuple[str, list] | None:
    """The condition on ``counts_dyad`` that counts the events between two states, or None
    when the kept counts cannot tell (:func:`kept_buckets.states_alone`)."""
    if not (is_country_code(a) and is_country_code(b)) or a == b:
        return None
    counted = _from_counts(con, flt, by_month=False)
    if counted is None or not states_alone(con, a, b):
        return None
    return pair_condition(a, b, counted)


def last_contact(con: duckdb.DuckDBPyConnection, a: str, b: str) -> dict | None:
    """The latest CONSULT between ``a`` and ``b`` that is said to have happened, or None."""
    found = last_contact_json(con, a, b)
    return json.loads(found) if found is not None else None


def last_contact_json(con: duckdb.DuckDBPyConnection, a: str, b: str) -> str | None:
    """:func:`last_contact` as its stored JSON record with its incident_id, or None (two
    states alone: :func:`dyad_kept.last_contact`)."""
    kept = dyad_kept.last_contact(con, a, b)
    if kept is not None:
        return kept[0]
    dyad, params = _dyad_clause(a, b)
    page = (f"SELECT {_ORDER_COLUMNS} FROM events WHERE type = 'CONSULT' "
            "AND status IN (SELECT unnest(?)) AND date_value IS NOT NULL "
            f"AND {dyad} ORDER BY date_value DESC, id LIMIT 1")
    found = _with_incidents(con, page, [list(HAPPENED)] + params, "p.date_value DESC, p.id")
    return found[0][1] if found else None


def actor_profile(con: duckdb.DuckDBPyConnection, actor: str,
                  flt: Condition = NO_FILTER, *, top: int = 20) -> dict:
    """Who ``actor`` deals with, how, and when.

    Returns:
        ``{"actor", "n_events", "as_source", "as_target", "first_date", "last_date",
        "types": {type: n}, "statuses": {status: n}, "counterparts": [{"id", "name",
        "country", "n", "types"}], "timeline": [{"period": "YYYY-MM", "n"}]}``.
    """
    kept = _kept_profile(con, actor, flt)
    if kept is not None:
        where, params = kept
        rows = con.execute(actor_counts.PROFILE_SQL.format(where=where),
                           params * 2 + [top]).fetchall()
    else:
        src, src_p = actor_clause("source", actor)
        tgt, tgt_p = actor_clause("target", actor)
        where, params = flt.where("events")
        rows = con.execute(_PROFILE_SQL.format(src=src, tgt=tgt, where=where),
                           src_p * 3 + src_p + tgt_p + params + [top]).fetchall()
    part: dict[str, list[tuple]] = {}
    for kind, *values in rows:
        part.setdefault(kind, []).append(tuple(values))
    [(first, last, _, n_events, _)], [(*_, n_source, _)] = part["all"], part["source"]
    return {
        "actor": actor, "n_events": n_events, "as_source": n_source,
        "as_target": n_events - n_source, "first_date": first, "last_date": last,
        "types": _ranked(part.get("type", [])), "statuses": _ranked(part.get("status", [])),
        "counterparts": [{"id": key, "name": name, "country": country, "n": n,
                          "types": dict(sorted(types.items(), key=lambda t: (-t[1], t[0])))}
                         for key, name, country, n, types in part.get("counterpart", [])],
        "timeline": [{"period": p, "n": n} for p, _, _, n, _ in sorted(part.get("month", []))],
    }


def _kept_profile(con: duckdb.DuckDBPyConnection, actor: str,
                  flt: Condition) -> tuple[str, list] | None:
    """The condition on the counts kept per actor that answers the profile of ``actor``
    under ``flt``, or None when they cannot (:func:`actor_counts.profile_where`)."""
    if not has_kept(con, "counts_profile") or not has_kept(con, "counts_identity"):
        return None
    return actor_counts.profile_where(con, actor, flt)


def _ranked(rows: list[tuple]) -> dict[str, int]:
    return {value: n for value, _, _, n, _ in sorted(rows, key=lambda r: (-r[3], r[0]))}


# An actor's profile in one pass over its events, aggregated in DuckDB: one row per type,
# status, month and counterpart (the ``top`` busiest), and one with the totals.
_PROFILE_SQL = """
    WITH mine AS (
        SELECT type, status, nullif(date_value, '') AS day, ({src}) AS is_source,
            CASE WHEN {src} THEN target_name ELSE source_name END AS other_name,
            CASE WHEN {src} THEN target_country ELSE source_country END AS other_country
        FROM events WHERE ({src} OR {tgt}) AND {where})
    SELECT 'all', min(day), max(day), NULL, count(*), NULL FROM mine
    UNION ALL SELECT 'source', NULL, NULL, NULL, count(*) FILTER (WHERE is_source), NULL
        FROM mine
    UNION ALL SELECT 'type', type, NULL, NULL, count(*), NULL FROM mine GROUP BY type
    UNION ALL SELECT 'status', status, NULL, NULL, count(*), NULL FROM mine GROUP BY status
    UNION ALL SELECT 'month', substr(day, 1, 7), NULL, NULL, count(*), NULL FROM mine
        WHERE day IS NOT NULL GROUP BY 2
    UNION ALL (SELECT 'counterpart', coalesce(other_name, other_country), any_value(other_name),
        any_value(other_country), count(*), histogram(type) FROM mine
        WHERE other_name IS NOT NULL OR other_country IS NOT NULL
        GROUP BY 2 ORDER BY 5 DESC, 2 LIMIT ?)
"""


def network(con: duckdb.DuckDBPyConnection, flt: Condition = NO_FILTER, *,
            level: str = "country", min_weight: int = 1, limit: int | None = None) -> dict:
    """The contact network: nodes are actors, edges weighted by their events.

    Args:
        con: the database.
        flt: which events count (type, period via since/until, status, actor).
        level: ``"country"`` (a node per state or organisation) or ``"actor"``
            (a node per canonical name).
        min_weight: leave out lighter edges.
        limit: keep only the heaviest edges, at most this many (None: all).

    Returns:
        ``{"nodes": [{"id", "label", "country", "weight"}], "edges": [{"source",
        "target", "weight", "types": {type: n}, "directed"}], "edges_total": n}``;
        symmetric types (CONSULT, AGREE, COOPERATE) make undirected edges (sorted ends).
        Edges and nodes are heaviest first; a node's weight counts all its events, kept
        edges or not; ``edges_total``: the edges there are at ``min_weight``, kept or not.
    """
    if level not in ("country", "actor"):
        raise ValueError("level must be 'country' or 'actor'")
    counted = _counted_pairs(con, flt)
    where, params = counted if counted is not None else flt.where("events")
    rows = con.execute(_network_sql(level, where, counted is not None),
                       params + [list(SYMMETRIC_TYPES), min_weight, limit]).fetchall()
    edges = [{"source": a, "target": b, "weight": n, "types": dict(zip(types, ns)),
              "directed": directed}
             for kind, a, b, n, types, ns, directed, _, _, _ in rows if kind == "edge"]
    nodes = [{"id": key, "label": key if level == "country" else name, "country": country,
              "weight": n}
             for kind, key, _, n, _, _, _, name, country, _ in rows if kind == "node"]
    total = next((n for kind, *_, n in rows if kind == "edge"), 0)
    # A directed and an undirected edge may join the same two ends with the same weight:
    # ``directed`` settles their order (and, with a limit, which is kept), run after run.
    edges.sort(key=lambda e: (-e["weight"], e["source"], e["target"], e["directed"]))
    nodes.sort(key=lambda v: (-v["weight"], v["id"]))
    return {"nodes": nodes, "edges": edges, "edges_total": total}


def _counted_pairs(con: duckdb.DuckDBPyConnection, flt: Condition) -> tuple[str, list] | None:
    """The condition on ``counts_pair`` (events per directed pair of actors, kept at every
    write) that selects what ``flt`` selects, or None when the kept counts cannot tell."""
    counted = counted_where(flt, by_month=False)
    return counted if counted is not None and has_kept(con, "counts_pair") else None


def _network_sql(level: str, where: str, kept: bool) -> str:
    """Edges and nodes of the network, aggregated in DuckDB (one row per edge or node), from
    the events or (``kept``) from their counts per directed pair of actors. An edge's
    types come as two lists in the same order (types, their counts), not as a MAP: at a
    million events building the 11,230 maps of the actor network took three quarters of
    its query. The lists are built for the kept edges only, after the heaviest are chosen:
    the heaviest 200 of 11,230 edges need 200 pairs of lists, not 11,230.

    The rows (``ends``) are grouped once, into typed edges, and the nodes are summed from
    the same rows, read twice rather than kept in memory: grouping them first into
    directed pairs with a name and a country for each end, kept for both, cost a quarter
    of the actor network's query at 1M events. A node's label is its key (at the actor
    level, its name), its country any of its rows' (as the pairs' was)."""
    node = ("coalesce({p}_country, {p}_name)" if level == "country"
            else "coalesce({p}_name, {p}_country)")
    return f"""
        WITH ends AS NOT MATERIALIZED (
            SELECT {node.format(p='source')} AS s, {node.format(p='target')} AS t, type,
                {'n' if kept else '1'} AS n, source_country AS s_country,
                target_country AS t_country
            FROM {'counts_pair' if kept else 'events'}
            WHERE {where} AND source_name IS NOT NULL AND target_name IS NOT NULL
                AND s IS NOT NULL AND t IS NOT NULL AND s <> t),
        typed_edges AS (
            SELECT CASE WHEN directed THEN s ELSE least(s, t) END AS a,
                CASE WHEN directed THEN t ELSE greatest(s, t) END AS b, directed, type,
                sum(n) AS n
            FROM (SELECT *, type NOT IN (SELECT unnest(?)) AS directed FROM ends) GROUP BY ALL),
        weighed_edges AS (
            SELECT a, b, directed, sum(n)::BIGINT AS weight, count(*) OVER () AS total
            FROM typed_edges GROUP BY ALL HAVING sum(n) >= ?
            ORDER BY weight DESC, a, b, directed LIMIT ?),
        edges AS (
            SELECT a, b, directed, weight, list(type ORDER BY type) AS types,
                list(n::BIGINT ORDER BY type) AS ns, total
            FROM weighed_edges JOIN typed_edges USING (a, b, directed)
            GROUP BY a, b, directed, weight, total),
        sides AS (
            SELECT s AS id, s_country AS country, n FROM ends
            UNION ALL SELECT t, t_country, n FROM ends),
        nodes AS (
            SELECT id, any_value(country) AS country, sum(n)::BIGINT AS weight FROM sides
            WHERE id IN (SELECT a FROM edges UNION SELECT b FROM edges) GROUP BY id)
        SELECT 'edge', a, b, weight, types, ns, directed, NULL, NULL, total FROM edges
        UNION ALL SELECT 'node', id, NULL, weight, NULL, NULL, NULL, id, country, NULL
            FROM nodes
    """
