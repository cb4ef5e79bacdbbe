"""Queries the dashboard and the HTTP API need beyond :mod:`diplograph.store.queries`.

Same rules as there: plain functions over a connection, JSON-ready values,
bound parameters only; table and column names come from this module.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field, fields, replace

import duckdb
import pyarrow as pa

from diplograph.errors import NotFound
from diplograph.store import catalog, like
from diplograph.store.aggregates import CONFIDENT
from diplograph.store.filters import (
    EventFilter,
    actor_either,
    actor_side,
    dyad_either,
    is_country_code,
    is_wikidata_id,
)
from diplograph.store.queries import (
    EVENT_ORDER,
    INCIDENT_ORDER,
    LISTED_TABLES,
    NO_FILTER,
    Condition,
    count,
    table_batches,
)

UNDATED = "undated"  # the bucket of events with no month (no date, or a year only)
# An event "has a month" when its date value is at least YYYY-MM.
HAS_MONTH = "length(coalesce(date_value, '')) >= 7"
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
    min_confidence: float | None = None  # events below it are left out
    undated: bool = False  # only the events with no month (the time charts' "undated" bar)
    other: str | None = None  # with ``flt.actor``: the events between the two (a dyad)
    # Where it happened, as a box: (west lon, south lat, east lon, north lat), edges included.
    within: tuple[float, float, float, float] | None = None

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
            clauses.append("(" + " OR ".join(like.holds(c) for c in cols) + ")")
            params = params + [like.text(self.q)] * len(cols)
        if self.min_confidence is not None:
            # An incident's confidence is its most confident event's (kept at fusion).
            clauses.append("confidence >= ?")
            params = params + [self.min_confidence]
        if self.undated:
            clauses.append(f"NOT {HAS_MONTH}")
        if self.other:
            clause, values = dyad_either(self.flt.actor, self.other, table) if self.flt.actor \
                else actor_either(self.other, table)
            clauses.append(clause)
            params = params + values
        if self.within:
            clause, values = _in_box(table, self.within)
            clauses.append(clause)
            params = params + values
        return " AND ".join(clauses), params

    def with_(self, **changes) -> Search:
        """This search with some fields of the event filter (or of the search) replaced."""
        own = {k: changes.pop(k) for k in ("mode", "q", "min_confidence", "undated", "other",
                                           "within") if k in changes}
        return replace(self, flt=replace(self.flt, **changes), **own)


def _in_box(table: str, box: tuple[float, float, float, float]) -> tuple[str, list]:
    """SQL condition: the event happened inside the lon/lat ``box`` (west, south, east,
    north; edges included); an incident, when one of its reports did."""
    west, south, east, north = box
    inside = "location_lon BETWEEN ? AND ? AND location_lat BETWEEN ? AND ?"
    if table != "events":
        inside = ("id IN (SELECT ie.incident_id FROM incident_events ie JOIN events e "
                  f"ON e.id = ie.event_id WHERE {inside.replace('location_', 'e.location_')})")
    return f"({inside})", [west, east, south, north]


# Sortable columns of the listings: the key a URL holds → ORDER BY (ties: the listing order).
SORTS: dict[str, str] = {
    "date": "date_value NULLS LAST", "-date": "date_value DESC NULLS LAST",
    "type": "type", "-type": "type DESC",
    "source": "source_name NULLS LAST", "-source": "source_name DESC NULLS LAST",
    "target": "target_name NULLS LAST", "-target": "target_name DESC NULLS LAST",
    "status": "status", "-status": "status DESC",
}
_EVENT_SORTS = {"confidence": "confidence NULLS LAST", "-confidence": "confidence DESC NULLS LAST"}


def order_by(table: str, sort: str | None) -> str | None:
    """The ORDER BY of a sort key (:data:`SORTS`; ``confidence`` on events only), or None
    for the listing order.

    Raises:
        ValueError: an unknown key.
    """
    if not sort:
        return None
    sorts = {**SORTS, **_EVENT_SORTS} if table == "events" else SORTS
    if sort not in sorts:
        raise ValueError(f"cannot sort {table} by {sort!r} (choose from {', '.join(sorts)})")
    return f"{sorts[sort]}, {EVENT_ORDER if table == 'events' else INCIDENT_ORDER}"


def counted_where(s: Condition, *, by_month: bool = True) -> tuple[str, list] | None:
    """The condition on the count tables (``store/aggregates.py``) that selects what ``s``
    selects, or None when they cannot answer it (any filter but type, claim status, the
    undated bucket and the default confidence floor). ``by_month``: on ``counts_month``
    (else ``counts_dyad``, which has no status and no month)."""
    search = s if isinstance(s, Search) else Search(flt=s) if isinstance(s, EventFilter) else None
    if search is None:
        return None
    flt = search.flt
    # Only what the count tables hold may be set: a filter added later (a place box, free
    # text, ...) sends the question to the events themselves, never to a wrong count.
    if _set_fields(flt) - _COUNTED_FILTER or _set_fields(search) - _COUNTED_SEARCH:
        return None
    if search.min_confidence not in (None, CONFIDENT):
        return None
    if not by_month and (flt.status or search.undated):
        return None
    where, params = EventFilter(type=flt.type, status=flt.status).where()  # columns kept as is
    clauses = [where]
    if search.undated:
        clauses.append("period IS NULL")
    if search.min_confidence is not None:
        clauses.append("confident")
    return " AND ".join(clauses), params


_COUNTED_FILTER = frozenset({"type", "status"})
_COUNTED_SEARCH = frozenset({"flt", "min_confidence", "undated"})


def _set_fields(record: object) -> set[str]:
    """The dataclass fields of ``record`` that hold something (not None, False or empty)."""
    return {f.name for f in fields(record) if getattr(record, f.name) not in (None, False, "")}


def has_counts(con: duckdb.DuckDBPyConnection) -> bool:
    """Whether the database has its count tables: a server reads a database as it is, and
    one written by an older version has none until its next ingest migrates it."""
    return catalog.has_table(con, "counts_actor")


def _from_counts(con: duckdb.DuckDBPyConnection, s: Condition, *,
                 by_month: bool = True) -> tuple[str, list] | None:
    counted = counted_where(s, by_month=by_month)
    return counted if counted is not None and has_counts(con) else None


def count_matching(con: duckdb.DuckDBPyConnection, table: str, s: Condition) -> int:
    """How many events or incidents match: events from the counts where they can tell."""
    counted = _from_counts(con, s) if table == "events" else None
    if counted is None:
        return count(con, table, s)
    where, params = counted
    return con.execute(f"SELECT coalesce(sum(n), 0) FROM counts_month WHERE {where}",
                       params).fetchone()[0]


# An incident list's columns in an export (its stored JSON record and fusion key left out).
INCIDENT_EXPORT_COLUMNS = (
    "id", "type", "mode", "source_name", "source_country", "source_text", "target_name",
    "target_country", "target_text", "date_value", "date_precision", "status",
    "weakest_status", "first_report", "last_report", "n_events", "n_articles", "n_sources",
    "summary")


def list_batches(con: duckdb.DuckDBPyConnection, table: str, s: Condition, *,
                 sort: str | None = None) -> pa.RecordBatchReader:
    """Every row of an event or incident list (``s``, in the order of ``sort``, else the
    listing's), as stored, streamed as Arrow record batches: events with every column of
    the events table (as ``diplograph export --format parquet`` writes them), incidents
    with :data:`INCIDENT_EXPORT_COLUMNS`."""
    order = order_by(table, sort) or (EVENT_ORDER if table == "events" else INCIDENT_ORDER)
    columns = INCIDENT_EXPORT_COLUMNS if table == "incidents" else None
    return table_batches(con, table, s, order=order, columns=columns)


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


def month_span(first: str, last: str) -> list[str]:
    """Every month from ``first`` to ``last`` (``YYYY-MM``), both included: the one helper
    behind every time axis, so that an empty month is a zero, never a missing bar."""
    year, month = int(first[:4]), int(first[5:7])
    end = (int(last[:4]), int(last[5:7]))
    out = []
    while (year, month) <= end:
        out.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return out


def monthly(rows: list[tuple[str | None, str, int]]) -> dict:
    """``(period or None, series, n)`` rows → a continuous monthly axis plus ``undated``.

    Returns:
        ``{"periods": [YYYY-MM..., "undated"?], "series": {name: [n per period]},
        "undated": n}``; the ``undated`` period is there only when some event has no month.
    """
    months = sorted({p for p, _, _ in rows if p})
    periods = month_span(months[0], months[-1]) if months else []
    undated = sum(n for p, _, n in rows if not p)
    if undated:
        periods.append(UNDATED)
    index = {p: i for i, p in enumerate(periods)}
    series: dict[str, list[int]] = defaultdict(lambda: [0] * len(periods))
    for period, value, n in rows:
        series[value][index[period or UNDATED]] += n
    return {"periods": periods, "series": dict(sorted(series.items())), "undated": undated}


def over_time(con: duckdb.DuckDBPyConnection, column: str, flt: Condition = NO_FILTER) -> dict:
    """Event counts per month (``YYYY-MM``, every month between the first and the last) and
    per value of ``column`` (``type`` or ``status``); events with no month (undated, or dated
    to a year only) are counted in the last period, ``"undated"``.

    Returns:
        :func:`monthly`'s ``{"periods", "series", "undated"}``.
    """
    if column not in ("type", "status"):
        raise ValueError(f"cannot count over time by {column!r}")
    counted = _from_counts(con, flt)
    if counted is not None:
        where, params = counted
        return monthly(con.execute(f"SELECT period, {column}, sum(n)::BIGINT FROM counts_month "
                                   f"WHERE {where} GROUP BY ALL", params).fetchall())
    where, params = flt.where("events")
    rows = con.execute(f"SELECT CASE WHEN {HAS_MONTH} THEN substr(date_value, 1, 7) END, "
                       f"{column}, count(*) FROM events WHERE {where} GROUP BY ALL",
                       params).fetchall()
    return monthly(rows)


def totals(con: duckdb.DuckDBPyConnection, flt: Condition = NO_FILTER, *,
           whole: bool = False) -> dict[str, int]:
    """What the overview counts, following the filter: matching events and incidents, the
    articles and documents they come from (every stored one when ``whole``: nothing is
    filtered), and how many matching events have no month (``undated``)."""
    where, params = flt.where("events")
    counted = _from_counts(con, flt)
    if counted is not None and (whole or where == "TRUE"):
        events, undated = con.execute(
            "SELECT coalesce(sum(n), 0), coalesce(sum(n) FILTER (WHERE period IS NULL), 0) "
            f"FROM counts_month WHERE {counted[0]}", counted[1]).fetchone()
    else:
        events, undated, articles, documents = con.execute(
            f"SELECT count(*), count(*) FILTER (WHERE NOT {HAS_MONTH}), "
            "count(DISTINCT (doc_id, article_index)), count(DISTINCT doc_id) "
            f"FROM events WHERE {where}", params).fetchone()
    if whole or where == "TRUE":
        articles = con.execute("SELECT count(*) FROM articles").fetchone()[0]
        documents = con.execute("SELECT count(*) FROM documents").fetchone()[0]
    return {"documents": documents, "articles": articles, "events": events,
            "incidents": count(con, "incidents", flt), "undated": undated}


def top_dyads(con: duckdb.DuckDBPyConnection, flt: Condition = NO_FILTER, *,
              limit: int = 10) -> list[dict]:
    """The pairs of actors (country, else name) with most events between them, either way."""
    counted = _from_counts(con, flt, by_month=False)
    if counted is not None:
        rows = con.execute(
            "SELECT a, b, sum(n)::BIGINT AS n, max(last_date) AS last, "
            f"list(DISTINCT type ORDER BY type) FROM counts_dyad WHERE {counted[0]} "
            "GROUP BY a, b ORDER BY n DESC, last DESC NULLS LAST, a, b LIMIT ?",
            counted[1] + [limit]).fetchall()
        return [{"a": a, "b": b, "n": n, "last_date": last, "types": types}
                for a, b, n, last, types in rows]
    where, params = flt.where("events")
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


def actor_index(con: duckdb.DuckDBPyConnection, q: str | None = None, *,
                limit: int = 100) -> list[dict]:
    """Canonical actors (either side of an event) with their event counts, most first;
    ``q``: words of the name or of the article's words for it (case-insensitive).

    Returns:
        ``[{"name", "country", "wikidata", "role", "kind", "n"}]``.
    """
    if not q and has_counts(con):  # every actor: from the counts kept at ingest
        rows = con.execute("SELECT name, country, wikidata, role, kind, n, aliases "
                           "FROM counts_actor ORDER BY n DESC, name LIMIT ?", [limit]).fetchall()
        return _actor_rows(rows)
    cond, params = "TRUE", []
    parts = []
    for side in ("source", "target"):
        if q:
            cond, values = actor_side(side, q)
            params += values
        parts.append(f"SELECT e.{side}_name AS name, e.{side}_country AS country, "
                     f"e.{side}_wikidata AS wikidata, e.{side}_role AS role, a.kind, "
                     f"e.{side}_text AS alias FROM events e LEFT JOIN actors a "
                     f"ON a.event_id = e.id AND a.role_in_event = '{side}' WHERE {cond}")
    rows = con.execute(
        f"WITH sides AS ({' UNION ALL '.join(parts)}) SELECT name, country, "
        "any_value(wikidata), any_value(role), mode(kind), count(*), "
        "list(DISTINCT alias ORDER BY alias) FILTER (WHERE alias IS NOT NULL AND alias <> name) "
        "FROM sides WHERE name IS NOT NULL GROUP BY name, country ORDER BY 6 DESC, 1 LIMIT ?",
        params + [limit]).fetchall()
    return _actor_rows(rows)


def _actor_rows(rows: list[tuple]) -> list[dict]:
    """``(name, country, wikidata, role, kind, n, aliases)`` rows as the actor index's."""
    return [{"name": n, "country": c, "wikidata": w, "role": r, "kind": k, "n": k_n,
             "aliases": aliases or []} for n, c, w, r, k, k_n, aliases in rows]


def _starts_a_word(text: str, q: str) -> int:
    """0: ``text`` starts with ``q``; 1: one of its words does; 2: ``q`` is only inside it."""
    text = text.lower()
    if text.startswith(q):
        return 0
    return 1 if any(word.startswith(q) for word in text.split()) else 2


def _named_like(con: duckdb.DuckDBPyConnection, q: str, *, limit: int) -> list[dict]:
    """:func:`actor_index`'s rows for words ``q``, from the kept counts of actors and of
    their aliases (thousands of rows, not every event): an actor whose name holds the
    words with all its events, one whose aliases only hold them with the events that call
    it so (its kind the most frequent among those). A code (ISO3, Wikidata id) goes to
    the events."""
    if is_country_code(q) or is_wikidata_id(q) or not has_counts(con):
        return actor_index(con, q, limit=limit)
    rows = con.execute(_NAMED_LIKE, [like.text(" ".join(q.split())), limit]).fetchall()
    return _actor_rows(rows)


_NAMED_LIKE = """
    WITH by_alias AS (
        SELECT name, country, kind, sum(n) AS n FROM counts_alias
        WHERE contains(lower(alias), $1) AND NOT contains(lower(name), $1) GROUP BY ALL),
    alias_only AS (
        SELECT name, country, arg_max(kind, n) FILTER (WHERE kind IS NOT NULL) AS kind,
            sum(n)::BIGINT AS n FROM by_alias GROUP BY name, country)
    SELECT a.name, a.country, a.wikidata, a.role, b.kind, b.n, a.aliases FROM alias_only b
    JOIN counts_actor a ON a.name = b.name AND a.country IS NOT DISTINCT FROM b.country
    UNION ALL SELECT name, country, wikidata, role, kind, n, aliases FROM counts_actor
    WHERE contains(lower(name), $1)
    ORDER BY 6 DESC, 1 LIMIT $2
"""


def actor_suggestions(con: duckdb.DuckDBPyConnection, q: str, *, limit: int = 10) -> list[dict]:
    """What a search box suggests as the user types ``q``: the actors the shared matcher
    finds (:func:`actor_index`), those whose name (then an alias) starts with ``q`` or has a
    word starting with it first, then by events.

    Returns:
        :func:`actor_index`'s rows, ``aliases`` cut to the ones that contain ``q``, plus
        ``match``: ``"name"`` or the alias that matched.
    """
    asked = " ".join(q.split())  # as typed: "RUS" and "Q22686" match as codes, like the filter
    typed = asked.lower()
    out = []
    for row in _named_like(con, asked, limit=200):
        aliases = [a for a in row["aliases"] if typed in a.lower()]
        by_alias = min(aliases, key=lambda a: _starts_a_word(a, typed), default=None)
        name_rank = _starts_a_word(row["name"], typed)
        alias_rank = _starts_a_word(by_alias, typed) if by_alias else 3
        match = "name" if name_rank < 2 or not by_alias else by_alias
        out.append((min(name_rank, alias_rank), {**row, "aliases": aliases, "match": match}))
    out.sort(key=lambda pair: (pair[0], pair[1]["match"] != "name", -pair[1]["n"],
                               pair[1]["name"]))
    return [row for _, row in out[:limit]]
