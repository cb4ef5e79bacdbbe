"""Keeping the ``incidents`` tables in step with ``events`` (SQL side of incidents.py).

Strategy: incremental by fusion key *and year*. Every event row carries its
fusion key (``TYPE|SRC|TGT``, see :func:`diplograph.store.incidents.fusion_key`).
Inside a key, a dated event can only fuse with events of the same year (dates
fuse when one is a prefix of the other, or on the same day), and an undated
event only with events of its own article. So a write recomputes, for each key
it touches, only the *fusion window*: the events of the years its old and new
events fall in, the undated events of the articles that have events there, and
(closing the window) the years of those articles' other events. Clustering that
window gives exactly the incidents a recomputation of the whole key would give,
so the cost of a batch does not grow with the size of the database.
:func:`rebuild_incidents` recomputes everything (once after the migration that
added incidents, and to check the incremental path: ``scripts/fusion_check.py``).
Incidents are fused with ``tolerance_days=0`` (two days fuse only when equal),
which is what keeps a window inside one year.
"""

from __future__ import annotations

import json
import logging
import multiprocessing
from collections import deque
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field

import duckdb
import pyarrow as pa

from diplograph.records import Event, event_from_dict
from diplograph.store.incidents import Incident, Report, fuse, fusion_key, incident_dict, outlet_of
from diplograph.store.queries import has_column

logger = logging.getLogger(__name__)

# The fusion window of an event row: its year; '' when undated; '*' for a date too short
# to have a year (it may fuse with any year of its key, so the whole key is recomputed).
WINDOW_SQL = ("CASE WHEN coalesce(date_value, '') = '' THEN '' "
              "WHEN length(date_value) >= 4 THEN left(date_value, 4) ELSE '*' END")
UNDATED, WHOLE_KEY = "", "*"


@dataclass(slots=True)
class Touched:
    """What a write touches: its documents, the (key, window) pairs of their events, and
    the incidents their old events belonged to (to be replaced)."""

    doc_ids: list[str]
    windows: set[tuple[str, str]] = field(default_factory=set)
    stale_incidents: set[str] = field(default_factory=set)

    @property
    def keys(self) -> list[str]:
        return sorted({key for key, _ in self.windows})


def windows_of_documents(con: duckdb.DuckDBPyConnection, doc_ids: list[str]
                         ) -> set[tuple[str, str]]:
    """(fusion key, window) of the events currently stored for these documents."""
    rows = con.execute(
        f"SELECT DISTINCT fusion_key, {WINDOW_SQL} FROM events "
        "WHERE doc_id IN (SELECT unnest(?)) AND fusion_key IS NOT NULL", [doc_ids]).fetchall()
    return {(key, window) for key, window in rows}


def touched_before_write(con: duckdb.DuckDBPyConnection, doc_ids: list[str]) -> Touched:
    """The windows and incidents of these documents' stored events, before they are replaced."""
    stale = con.execute(
        "SELECT DISTINCT incident_id FROM incident_events WHERE event_id IN "
        "(SELECT id FROM events WHERE doc_id IN (SELECT unnest(?)))", [doc_ids]).fetchall()
    return Touched(doc_ids, windows_of_documents(con, doc_ids), {r[0] for r in stale})


def refresh_incidents(con: duckdb.DuckDBPyConnection, touched: Touched) -> int:
    """Recompute the incidents of the fusion windows a write touched (caller holds the
    transaction; the documents' new events are already stored).

    Returns:
        How many incidents those windows have now.
    """
    touched.windows |= windows_of_documents(con, touched.doc_ids)
    if not touched.windows:
        _delete_incidents(con, touched.stale_incidents)
        return 0
    years = _closed_years(con, touched)
    cursor = con.execute(_window_events_sql(_FUSE_COLUMNS),
                         [touched.keys, _pairs(years), touched.doc_ids])
    events, reports = _events_and_reports(cursor.fetchall())
    stale = con.execute(
        "SELECT DISTINCT incident_id FROM incident_events WHERE fusion_key IN (SELECT unnest(?)) "
        "AND event_id IN (SELECT unnest(?))", [touched.keys, [e.id for e in events]]).fetchall()
    _delete_incidents(con, touched.stale_incidents | {r[0] for r in stale})
    incidents = fuse(events, reports)
    _insert_incidents(con, incidents, _confidences(events))
    keep_incident_ids(con, [e.id for e in events])
    return len(incidents)


def keep_incident_ids(con: duckdb.DuckDBPyConnection, event_ids: list[str] | None = None) -> None:
    """Write each event's incident on the event (``events.incident_id``, migration m017),
    for these events (None: every event): a page of a dyad's events joined all the links
    of ``incident_events`` to find its 500 events' incidents (30-40 ms at 1M events)."""
    if (event_ids is not None and not event_ids) or not has_column(con, "events",
                                                                   "incident_id"):
        return  # nothing to write, or a database being migrated (m017 fills them)
    chosen = "TRUE" if event_ids is None else "events.id IN (SELECT unnest(?))"
    con.execute("UPDATE events SET incident_id = ie.incident_id FROM incident_events ie "
                f"WHERE ie.event_id = events.id AND {chosen}",
                [] if event_ids is None else [event_ids])


# What fusing needs of an event: its record, and its article's publication date and URL.
_FUSE_COLUMNS = "e.record, a.published_value, a.url"


def _events_and_reports(rows: list[tuple]) -> tuple[list[Event], dict[str, Report]]:
    events, reports = [], {}
    for record, published, url in rows:
        event = event_from_dict(json.loads(record))
        events.append(event)
        reports[f"{event.doc_id}#{event.article_index}"] = Report(
            published=published, outlet=outlet_of(url, event.doc_id))
    return events, reports


def _pairs(windows: set[tuple[str, str]]) -> list[str]:
    # (key, window) pairs as one string each, for a plain list parameter.
    return sorted(f"{key}\t{window}" for key, window in windows)


# The events of the touched keys (parameter 1) with their window, the articles linked to
# the years (parameter 2, "key<TAB>year") or written now (parameter 3), and the events in
# the fusion window: those years plus the undated events of the linked articles.
_WINDOW_CTE = f"""
    WITH keyed AS (
        SELECT id, fusion_key, doc_id, article_index, {WINDOW_SQL} AS win FROM events
        WHERE fusion_key IN (SELECT unnest($1))),
    dated AS (SELECT * FROM keyed WHERE fusion_key || chr(9) || win IN (SELECT unnest($2))),
    linked AS (
        SELECT DISTINCT fusion_key, doc_id, article_index FROM dated
        UNION SELECT DISTINCT fusion_key, doc_id, article_index FROM keyed
        WHERE doc_id IN (SELECT unnest($3))),
    undated AS (
        SELECT k.* FROM keyed k SEMI JOIN linked l
        ON k.fusion_key = l.fusion_key AND k.doc_id = l.doc_id
        AND k.article_index = l.article_index WHERE k.win = ''),
    in_window AS (SELECT id FROM dated UNION ALL SELECT id FROM undated)
"""


def _window_events_sql(columns: str) -> str:
    return (_WINDOW_CTE + f"SELECT {columns} FROM events e SEMI JOIN in_window w ON e.id = w.id "
            "LEFT JOIN articles a ON a.doc_id = e.doc_id AND a.article_index = e.article_index")


# The years of every dated event that shares an article with an undated event in the window.
_LINKED_YEARS_SQL = _WINDOW_CTE + """
    SELECT DISTINCT k.fusion_key, k.win FROM keyed k SEMI JOIN undated u
    ON k.fusion_key = u.fusion_key AND k.doc_id = u.doc_id AND k.article_index = u.article_index
    WHERE k.win <> ''
"""


def _closed_years(con: duckdb.DuckDBPyConnection, touched: Touched) -> set[tuple[str, str]]:
    """The touched years, grown until no undated event links the window to another year.

    An undated event joins an incident of its own article, whatever that incident's
    year, so the years of its article's other events belong to the window too.
    """
    whole = sorted({key for key, window in touched.windows if window == WHOLE_KEY})
    whole += [r[0] for r in con.execute(
        "SELECT DISTINCT fusion_key FROM events WHERE fusion_key IN (SELECT unnest(?)) "
        "AND length(date_value) BETWEEN 1 AND 3", [touched.keys]).fetchall()]
    years = {(k, w) for k, w in touched.windows if w != UNDATED}
    years |= set(con.execute(f"SELECT DISTINCT fusion_key, {WINDOW_SQL} FROM events "
                             "WHERE fusion_key IN (SELECT unnest(?))", [whole]).fetchall())
    while True:
        linked = set(con.execute(_LINKED_YEARS_SQL,
                                 [touched.keys, _pairs(years), touched.doc_ids]).fetchall())
        if linked <= years:
            return years
        years |= linked


def rebuild_incidents(con: duckdb.DuckDBPyConnection, *, workers: int = 1) -> int:
    """Fill missing fusion keys, then recompute every incident (caller holds the transaction).

    ``workers`` > 1: groups of keys are fused in that many worker processes while this
    one reads the next group and writes the fused ones (fusing is pure Python, one core
    each; the connection stays in this process).
    """
    _fill_fusion_keys(con)
    con.execute("DELETE FROM incident_events")
    con.execute("DELETE FROM incidents")
    groups = (con.execute(f"SELECT {_FUSE_COLUMNS} FROM events e LEFT JOIN articles a "
                          "ON a.doc_id = e.doc_id AND a.article_index = e.article_index "
                          "WHERE e.fusion_key IN (SELECT unnest(?))", [keys]).fetchall()
              for keys in _key_groups(con))  # a few keys at a time: memory bounded
    total = _fuse_groups(con, groups, workers)
    keep_incident_ids(con)
    return total


def _fuse_groups(con: duckdb.DuckDBPyConnection, groups: Iterator[list[tuple]],
                 workers: int) -> int:
    """Fuse and insert each group of events' rows; returns how many incidents."""
    if workers <= 1:
        return sum(_insert_rows(con, *fused_rows(rows)) for rows in groups)
    total, pending = 0, deque()
    with multiprocessing.get_context("spawn").Pool(workers) as pool:
        for rows in groups:
            pending.append(pool.apply_async(fused_rows, (rows,)))
            if len(pending) > workers:  # one group queued per worker, no more in memory
                total += _insert_rows(con, *pending.popleft().get())
        while pending:
            total += _insert_rows(con, *pending.popleft().get())
    return total


def _fill_fusion_keys(con: duckdb.DuckDBPyConnection) -> None:
    missing = con.execute("SELECT id, record FROM events WHERE fusion_key IS NULL").fetchall()
    if missing:
        fill = pa.table({  # noqa: F841 (read by DuckDB by name)
            "id": [r[0] for r in missing],
            "fusion_key": [fusion_key(event_from_dict(json.loads(r[1]))) for r in missing],
        })
        con.execute("UPDATE events SET fusion_key = fill.fusion_key FROM fill "
                    "WHERE events.id = fill.id")


def fused_rows(rows: list[tuple]) -> tuple[list[dict], dict[str, list]]:
    """The incidents rows and links of events given as ``_FUSE_COLUMNS`` rows (pure: a
    worker process runs it)."""
    events, reports = _events_and_reports(rows)
    return _incident_tables(fuse(events, reports), _confidences(events))


REBUILD_EVENTS = 50_000  # events a rebuild fuses at a time (whole keys, so sometimes more)


def _key_groups(con: duckdb.DuckDBPyConnection) -> Iterator[list[str]]:
    group, size = [], 0
    for key, n in con.execute("SELECT fusion_key, count(*) FROM events GROUP BY 1 ORDER BY 1"
                              ).fetchall():
        group.append(key)
        size += n
        if size >= REBUILD_EVENTS:
            yield group
            group, size = [], 0
    if group:
        yield group


def _confidences(events: list[Event]) -> dict[str, float | None]:
    return {e.id: e.confidence for e in events}


def incident_row(inc: Incident, confidences: Mapping[str, float | None]) -> dict:
    """The incidents row of ``inc``; ``confidence`` the highest of its events' (what the
    server's confidence floor selects incidents by)."""
    src, tgt = inc.source, inc.target
    known = [c for e in inc.event_ids if (c := confidences.get(e)) is not None]
    return {
        "id": inc.id, "fusion_key": inc.fusion_key, "type": inc.type, "mode": inc.mode,
        "source_name": src.name if src else None, "source_country": src.country if src else None,
        "source_text": src.text if src else None,
        "target_name": tgt.name if tgt else None, "target_country": tgt.country if tgt else None,
        "target_text": tgt.text if tgt else None,
        "date_value": inc.date.value, "date_precision": inc.date.precision,
        "status": inc.status, "weakest_status": inc.weakest_status,
        "first_report": inc.first_report, "last_report": inc.last_report,
        "n_events": inc.n_events, "n_articles": inc.n_articles, "n_sources": inc.n_sources,
        "summary": inc.summary, "confidence": max(known) if known else None,
        "record": json.dumps(incident_dict(inc), ensure_ascii=False),
    }


def _incident_tables(incidents: list[Incident], confidences: Mapping[str, float | None]
                     ) -> tuple[list[dict], dict[str, list]]:
    rows = [incident_row(i, confidences) for i in incidents]
    links = {
        "incident_id": [i.id for i in incidents for _ in i.event_ids],
        "event_id": [e for i in incidents for e in i.event_ids],
        "fusion_key": [i.fusion_key for i in incidents for _ in i.event_ids],
    }
    return rows, links


def _insert_incidents(con: duckdb.DuckDBPyConnection, incidents: list[Incident],
                      confidences: Mapping[str, float | None]) -> None:
    _insert_rows(con, *_incident_tables(incidents, confidences))


def _insert_rows(con: duckdb.DuckDBPyConnection, rows: list[dict],
                 links: dict[str, list]) -> int:
    """Insert incidents rows and their links; returns how many incidents."""
    if not rows:
        return 0
    fused = pa.Table.from_pylist(rows)  # noqa: F841 (read by DuckDB by name)
    columns = ", ".join(fused.column_names)
    con.execute(f"INSERT INTO incidents ({columns}) SELECT {columns} FROM fused")
    fused_links = pa.table(links)  # noqa: F841
    con.execute("INSERT INTO incident_events SELECT incident_id, event_id, fusion_key "
                "FROM fused_links")
    return len(rows)


def _delete_incidents(con: duckdb.DuckDBPyConnection, ids: set[str]) -> None:
    if ids:
        for table, column in (("incident_events", "incident_id"), ("incidents", "id")):
            con.execute(f"DELETE FROM {table} WHERE {column} IN (SELECT unnest(?))", [sorted(ids)])
