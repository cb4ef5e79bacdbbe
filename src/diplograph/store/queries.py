"""Analyst queries: plain functions over a connection, returning JSON-ready values.

These are the library behind the CLI listings and the API routes. Actors are
named by an ISO 3166 alpha-3 code (``"RUS"``: the state and everyone in it), a
Wikidata id (``"Q7747"``) or a canonical name (``"Vladimir Putin"``, ``"NATO"``,
case-insensitive). Every function takes an optional :class:`EventFilter`
(type, period, status, actor) where that makes sense. SQL uses bound
parameters only; table and column names come from this module, never from input.
"""

from __future__ import annotations

import itertools
import json
import logging
from collections.abc import Iterator, Mapping
from typing import Any, NamedTuple, Protocol

import duckdb
import pyarrow as pa

from diplograph.errors import NotFound
from diplograph.store import catalog, ordered
from diplograph.store.filters import EventFilter

logger = logging.getLogger(__name__)

HAPPENED = ("asserted", "reported", "unconfirmed")
# The order of a listing: events by date, then by their place in the articles.
EVENT_ORDER = "date_value NULLS LAST, doc_id, article_index, evidence_start, id"
# EVENT_ORDER as one text, kept on every event as ``listing_key`` (never NULL; migration
# m016 fills it, every insert writes it): paging after an event compares this one column,
# where the row of seven values cost a scan of every undated event (55 % at 1M) with a
# row comparison each. Parts are joined by chr(1), below every character of an id or a
# date; numbers are zero-padded; no date and no evidence start sort last, as NULLs do.
LISTING_KEY = ("coalesce(date_value, chr(1114111)) || chr(1) || doc_id || chr(1) || "
               "lpad(article_index::VARCHAR, 10, '0') || chr(1) || "
               "coalesce(lpad(evidence_start::VARCHAR, 10, '0'), '~') || chr(1) || id")
INCIDENT_ORDER = "date_value NULLS LAST, id"
_LISTING_ORDER = {"events": EVENT_ORDER, "incidents": INCIDENT_ORDER}
# The listing order as one comparable row (NULLs last, as in ORDER BY), for keyset paging.
_ORDER_KEY = {
    "events": "(date_value IS NULL, coalesce(date_value, ''), doc_id, article_index, "
              "evidence_start IS NULL, coalesce(evidence_start, 0), id)",
    "incidents": "(date_value IS NULL, coalesce(date_value, ''), id)",
}
# The tables the listings, counts and searches filter.
LISTED_TABLES: tuple[str, ...] = tuple(_LISTING_ORDER)
# Every table of the store (what an export writes).
STORE_TABLES: tuple[str, ...] = ("documents", "articles", "events", "actors", "quotes",
                                 "incidents", "incident_events")
NO_FILTER = EventFilter()
STREAM_CHUNK = 2048  # rows a streaming reader fetches at a time


class Condition(Protocol):
    """A filter that gives a SQL condition on a table (``EventFilter``, ``web_queries.Search``)."""

    def where(self, table: str) -> tuple[str, list]: ...


def _records(con: duckdb.DuckDBPyConnection, sql: str, params: list) -> list[dict]:
    return [json.loads(row[0]) for row in con.execute(sql, params).fetchall()]


def iter_listing(con: duckdb.DuckDBPyConnection, table: str, flt: Condition = NO_FILTER, *,
                 order: str | None = None, chunk: int | None = None) -> Iterator[dict]:
    """Every record of ``events`` or ``incidents`` that matches ``flt``, in listing order (or
    ``order``), streamed a page at a time (what :func:`listing` returns with no limit,
    without holding it all, nor DuckDB sorting it all)."""
    if table not in _LISTING_ORDER:
        raise ValueError(f"cannot list {table!r}")
    where, params = flt.where(table)
    for page in ordered.pages(con, table, where, params, order or _LISTING_ORDER[table],
                              columns="record", rows=chunk or STREAM_CHUNK):
        yield from (json.loads(text) for text in page.column("record").to_pylist())


def _listing_sql(con: duckdb.DuckDBPyConnection, table: str, flt: Condition,
                 order: str | None, after: str | None = None) -> tuple[str, list]:
    if table not in _LISTING_ORDER:
        raise ValueError(f"cannot list {table!r}")
    where, params = flt.where(table)
    if after is not None:
        if order:
            raise ValueError("paging after a record follows the listing order only")
        key_clause, key_params = after_clause(con, table, after)
        where, params = f"{where} AND {key_clause}", params + key_params
    return (f"SELECT record FROM {table} WHERE {where} "
            f"ORDER BY {order or _LISTING_ORDER[table]}", params)


def has_column(con: duckdb.DuckDBPyConnection, table: str, column: str) -> bool:
    """Whether ``table`` has ``column`` (a database is read as it is: one written before
    the migration that added a kept column has none until its next write migrates it)."""
    return catalog.has_column(con, table, column)


def has_listing_key(con: duckdb.DuckDBPyConnection) -> bool:
    """Whether the events carry ``listing_key`` (migration m016)."""
    return has_column(con, "events", "listing_key")


class RowKey(NamedTuple):
    """Where a row lies in its listing order: the values of the order (``_ORDER_KEY``) and,
    for an event of a database that keeps it, its ``listing_key``."""

    values: tuple
    listing_key: str | None = None


def key_of(con: duckdb.DuckDBPyConnection, table: str, row_id: str) -> RowKey | None:
    """The listing-order key of the row with this id (None: no such row)."""
    kept = table == "events" and has_listing_key(con)
    columns = _ORDER_KEY[table][1:-1] + (", listing_key" if kept else "")
    found = con.execute(f"SELECT {columns} FROM {table} WHERE id = ?", [row_id]).fetchone()
    if found is None:
        return None
    return RowKey(found[:-1], found[-1]) if kept else RowKey(found)


def after_values(table: str, key: RowKey | None) -> tuple[str, list]:
    """Keyset paging: the rows after the one whose listing-order key is ``key`` (from
    :func:`key_of`; None: no such row, so no rows). The key's values are parameters:
    with the key's subquery inside the condition, DuckDB read every row of the table."""
    if key is None:
        return "FALSE", []
    if key.listing_key is not None:  # one column to compare (LISTING_KEY)
        return "listing_key > ?", [key.listing_key]
    return f"{_ORDER_KEY[table]} > ({', '.join('?' * len(key.values))})", list(key.values)


def after_clause(con: duckdb.DuckDBPyConnection, table: str, row_id: str) -> tuple[str, list]:
    """:func:`after_values` for the row with this id (none after an id no row has)."""
    return after_values(table, key_of(con, table, row_id))


def qualified(order: str, alias: str) -> str:
    """An ORDER BY clause of this module with its columns prefixed by a table alias."""
    return ", ".join(f"{alias}.{part.strip()}" for part in order.split(","))


def listing(con: duckdb.DuckDBPyConnection, table: str, flt: Condition = NO_FILTER, *,
            limit: int | None = None, offset: int = 0, order: str | None = None,
            after: str | None = None) -> list[dict]:
    """The stored records of ``events`` or ``incidents`` that match ``flt``, in listing order.

    Args:
        con: the database.
        table: ``"events"`` (SPEC §4 dicts) or ``"incidents"``.
        flt: the filter, turned into the WHERE condition and its bound parameters.
        limit: at most this many (None: all), after skipping ``offset``.
        offset: how many to skip.
        order: an ORDER BY clause from a caller's whitelist (never user text); default
            the listing order.
        after: keyset paging: only the records after the one with this id, in the
            listing order (no ``order``); none when no record has it.

    Raises:
        ValueError: ``table`` is not listed, or ``after`` with an ``order``.
    """
    return [json.loads(text) for text in listing_json(
        con, table, flt, limit=limit, offset=offset, order=order, after=after)]


def listing_json(con: duckdb.DuckDBPyConnection, table: str, flt: Condition = NO_FILTER, *,
                 limit: int | None = None, offset: int = 0, order: str | None = None,
                 after: str | None = None) -> list[str]:
    """:func:`listing`'s records as stored: JSON texts, not parsed (to send them as they are)."""
    sql, params = _listing_sql(con, table, flt, order, after)
    if limit is not None:
        sql, params = sql + " LIMIT ? OFFSET ?", params + [limit, offset]
    return [row[0] for row in con.execute(sql, params).fetchall()]


def events(con: duckdb.DuckDBPyConnection, flt: Condition = NO_FILTER, *,
           limit: int | None = 100, offset: int = 0) -> list[dict]:
    """Stored events (SPEC §4 dicts), filtered, by date."""
    return listing(con, "events", flt, limit=limit, offset=offset)


def count(con: duckdb.DuckDBPyConnection, table: str, flt: Condition = NO_FILTER) -> int:
    """How many ``events`` or ``incidents`` match ``flt``."""
    if table not in _LISTING_ORDER:
        raise ValueError(f"cannot count {table!r}")
    where, params = flt.where(table)
    return con.execute(f"SELECT count(*) FROM {table} WHERE {where}", params).fetchone()[0]


def totals(con: duckdb.DuckDBPyConnection) -> dict[str, int]:
    """Row counts of the main tables."""
    return {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
            for t in ("documents", "articles", "events", "incidents")}


def incidents(con: duckdb.DuckDBPyConnection, flt: Condition = NO_FILTER, *,
              limit: int | None = 100, offset: int = 0) -> list[dict]:
    """Incidents (fused events), filtered like events, by date.

    The status filter matches an incident's strongest claim status.
    """
    return listing(con, "incidents", flt, limit=limit, offset=offset)


def incident(con: duckdb.DuckDBPyConnection, incident_id: str) -> dict:
    """One incident with its full events (``events``: SPEC §4 dicts).

    Raises:
        NotFound: no incident has this id.
    """
    row = con.execute("SELECT record FROM incidents WHERE id = ?", [incident_id]).fetchone()
    if row is None:
        raise NotFound(f"no incident {incident_id!r}")
    stored = json.loads(row[0])
    # Its events by their ids, as its record lists them (fusion writes incident_events from
    # the same list): looked up by primary key, where selecting them through
    # incident_events read every row of it (at 1M events, 0.14 s of CPU per incident).
    ids = stored.get("event_ids")
    if ids:
        found = _records(con, f"SELECT record FROM events WHERE id IN "
                              f"({', '.join('?' * len(ids))}) ORDER BY {EVENT_ORDER}", ids)
    else:  # a record that does not list them
        found = _records(con, "SELECT e.record FROM incident_events ie "
                              "JOIN events e ON e.id = ie.event_id "
                              f"WHERE ie.incident_id = ? ORDER BY {EVENT_ORDER}", [incident_id])
    return {**stored, "events": found}


def article(con: duckdb.DuckDBPyConnection, doc_id: str, index: int = 0) -> dict:
    """One stored article (SPEC §5 shape) with its events.

    Raises:
        NotFound: no such article.
    """
    # The document's rows, then its article: DuckDB looks up an index on ``doc_id = ?``
    # alone; with ``AND article_index = ?`` it read every row of the table.
    cur = con.execute(
        "SELECT doc_id, article_index, title, text, published_value, published_precision, "
        "published_source, dateline, language, url, dropped, duplicate_of FROM articles "
        "WHERE doc_id = ?", [doc_id])
    names = [d[0] for d in cur.description]
    rows = [dict(zip(names, row)) for row in cur.fetchall() if row[1] == index]
    if not rows:
        raise NotFound(f"no article {doc_id}#{index}")
    found = con.execute(f"SELECT record, article_index FROM events WHERE doc_id = ? "
                        f"ORDER BY {EVENT_ORDER}", [doc_id]).fetchall()
    return {**article_dict(rows[0]),
            "events": [json.loads(record) for record, i in found if i == index]}


def article_dict(row: Mapping[str, Any]) -> dict:
    """An ``articles`` row in the SPEC §5 shape (the inverse of ``store.article_row``)."""
    return {"doc_id": row["doc_id"], "article_index": row["article_index"],
            "title": row["title"], "text": row["text"],
            "published": {"value": row["published_value"],
                          "precision": row["published_precision"],
                          "source": row["published_source"]},
            "dateline": row["dateline"], "language": row["language"], "url": row["url"],
            "dropped": json.loads(row["dropped"]) if row["dropped"] else [],
            "duplicate_of": row["duplicate_of"]}


# What the store keeps on each event for its queries (written by the store itself, not
# part of the record): its listing key and its incident (also in incident_events).
KEPT_EVENT_COLUMNS = ("listing_key", "incident_id")
# Every column of the events but those (an export has the incident links table).
_EXPORTED_EVENTS = f"COLUMNS(lambda c: c NOT IN {KEPT_EVENT_COLUMNS})"


def table_batches(con: duckdb.DuckDBPyConnection, table: str, flt: Condition | None = None,
                  *, rows: int | None = None, order: str | None = None,
                  columns: tuple[str, ...] | None = None) -> pa.RecordBatchReader:
    """A stored table (``events``, ``incidents``, ``articles``...) as a stream of Arrow record
    batches of at most ``rows`` rows each, for exports.

    ``flt`` applies to ``events`` and ``incidents`` only; ``order``: an ORDER BY of this
    module's (none: as stored); ``columns``: names of this module's (none: all).
    """
    if table not in STORE_TABLES:
        raise ValueError(f"unknown table {table!r}")
    where, params = ((flt or NO_FILTER).where(table) if table in _LISTING_ORDER
                     else ("TRUE", []))
    every = _EXPORTED_EVENTS if table == "events" else "*"
    selected, size = ", ".join(columns or (every,)), rows or STREAM_CHUNK * 8
    if not order:  # as stored: DuckDB streams the scan itself
        return con.cursor().sql(f"SELECT {selected} FROM {table} WHERE {where}",
                                params=params).to_arrow_reader(size)
    # Pages of STREAM_CHUNK rows: at 100k events, pages of 8k or 16k rows of every column
    # grew the process by 570 MB, pages of 2k by 170 MB (4k: 220 MB).
    found = ordered.pages(con, table, where, params, order, columns=selected,
                          rows=min(size, STREAM_CHUNK))
    first = next(found)  # there is always one: it carries the schema
    batches = (batch for page in itertools.chain([first], found)
               for batch in page.to_batches())
    return pa.RecordBatchReader.from_batches(first.schema, batches)


def events_in_context(con: duckdb.DuckDBPyConnection, flt: Condition = NO_FILTER,
                      *, order: str | None = None, chunk: int | None = None
                      ) -> Iterator[tuple[dict, dict | None, dict | None]]:
    """Every event that matches ``flt``, in listing order (or ``order``), streamed a page at
    a time, with its incident (``{"id", "n_events", "n_articles", "n_sources"}``) and its
    article's report (``{"published", "url", "title"}``), each None when there is none: what
    every export of events (CLI and server) writes."""
    where, params = flt.where("events")
    for page in ordered.pages(con, "events", where, params, order or EVENT_ORDER,
                              columns="record, doc_id, article_index, id",
                              rows=chunk or STREAM_CHUNK, around=_in_context):
        for record, inc, n_events, n_articles, n_sources, doc, published, url, title in zip(
                *(column.to_pylist() for column in page.columns)):
            incident = (None if inc is None else
                        {"id": inc, "n_events": n_events, "n_articles": n_articles,
                         "n_sources": n_sources})
            report = None if doc is None else {"published": published, "url": url,
                                               "title": title}
            yield json.loads(record), incident, report


def _in_context(page: str, key_order: str) -> str:
    """One page of events joined with its incidents and articles, in the page's order."""
    return ("SELECT e.record, i.id, i.n_events, i.n_articles, i.n_sources, a.doc_id, "
            f"a.published_value, a.url, a.title, {ordered.KEY_COLUMNS} FROM ({page}) e "
            "LEFT JOIN incident_events ie ON ie.event_id = e.id "
            "LEFT JOIN incidents i ON i.id = ie.incident_id "
            "LEFT JOIN articles a ON a.doc_id = e.doc_id AND a.article_index = e.article_index "
            f"ORDER BY {key_order}")
