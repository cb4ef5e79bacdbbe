"""Keeping the ``incidents`` tables in step with ``events`` (SQL side of incidents.py).

Strategy: incremental by fusion key. Every event row carries its fusion key
(``TYPE|SRC|TGT``, see :func:`diplograph.store.incidents.fusion_key`). A write
collects the keys of the events it deletes and of those it inserts, and
recomputes the incidents of exactly those keys, inside the same transaction.
Incidents of other keys are not touched. :func:`rebuild_incidents` recomputes
everything (used once after the migration that added incidents).
"""

from __future__ import annotations

import json
import logging
from collections.abc import Collection

import duckdb
import pyarrow as pa

from diplograph.records import event_from_dict
from diplograph.store.incidents import Incident, Report, fuse, fusion_key, incident_dict, outlet_of

logger = logging.getLogger(__name__)


def keys_of_documents(con: duckdb.DuckDBPyConnection, doc_ids: list[str]) -> set[str]:
    """Fusion keys of the events currently stored for these documents."""
    rows = con.execute(
        "SELECT DISTINCT fusion_key FROM events WHERE doc_id IN (SELECT unnest(?)) "
        "AND fusion_key IS NOT NULL", [doc_ids]).fetchall()
    return {r[0] for r in rows}


def refresh_incidents(con: duckdb.DuckDBPyConnection, keys: Collection[str]) -> int:
    """Recompute the incidents of these fusion keys (caller holds the transaction).

    Returns:
        How many incidents those keys have now.
    """
    keys = sorted(keys)
    if not keys:
        return 0
    rows = con.execute(
        "SELECT e.record, a.published_value, a.url FROM events e LEFT JOIN articles a "
        "ON a.doc_id = e.doc_id AND a.article_index = e.article_index "
        "WHERE e.fusion_key IN (SELECT unnest(?))", [keys]).fetchall()
    events, reports = [], {}
    for record, published, url in rows:
        event = event_from_dict(json.loads(record))
        events.append(event)
        reports[f"{event.doc_id}#{event.article_index}"] = Report(
            published=published, outlet=outlet_of(url, event.doc_id))
    incidents = fuse(events, reports)
    for table in ("incident_events", "incidents"):
        con.execute(f"DELETE FROM {table} WHERE fusion_key IN (SELECT unnest(?))", [keys])
    _insert_incidents(con, incidents)
    return len(incidents)


def rebuild_incidents(con: duckdb.DuckDBPyConnection) -> int:
    """Fill missing fusion keys, then recompute every incident (caller holds the transaction)."""
    missing = con.execute("SELECT id, record FROM events WHERE fusion_key IS NULL").fetchall()
    if missing:
        fill = pa.table({  # noqa: F841 (read by DuckDB by name)
            "id": [r[0] for r in missing],
            "fusion_key": [fusion_key(event_from_dict(json.loads(r[1]))) for r in missing],
        })
        con.execute("UPDATE events SET fusion_key = fill.fusion_key FROM fill "
                    "WHERE events.id = fill.id")
    con.execute("DELETE FROM incident_events")
    con.execute("DELETE FROM incidents")
    keys = {r[0] for r in con.execute("SELECT DISTINCT fusion_key FROM events").fetchall()}
    return refresh_incidents(con, keys)


def incident_row(inc: Incident) -> dict:
    src, tgt = inc.source, inc.target
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
        "summary": inc.summary,
        "record": json.dumps(incident_dict(inc), ensure_ascii=False),
    }


def _insert_incidents(con: duckdb.DuckDBPyConnection, incidents: list[Incident]) -> None:
    if not incidents:
        return
    rows = pa.Table.from_pylist([incident_row(i) for i in incidents])  # noqa: F841
    con.execute(f"INSERT INTO incidents ({', '.join(rows.column_names)}) "
                f"SELECT {', '.join(rows.column_names)} FROM rows")
    links = pa.table({  # noqa: F841
        "incident_id": [i.id for i in incidents for _ in i.event_ids],
        "event_id": [e for i in incidents for e in i.event_ids],
        "fusion_key": [i.fusion_key for i in incidents for _ in i.event_ids],
    })
    con.execute("INSERT INTO incident_events SELECT incident_id, event_id, fusion_key FROM links")
