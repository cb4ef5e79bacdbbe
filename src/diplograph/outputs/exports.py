"""Exports: Parquet tables, a GDELT-like CSV and PLOVER JSON Lines.

- ``parquet``: every stored table (documents, articles, events, actors,
  quotes, incidents, incident_events), one file each; events and incidents
  filtered by the given :class:`EventFilter`.
- ``csv``: ``events.csv``, one row per event with GDELT-like columns
  (``GLOBALEVENTID``, ``SQLDATE``, ``Actor1Code`` ... ``EventRootCode``,
  ``QuadClass``, ``PloverScore``, ``NumMentions``/``NumSources``/``NumArticles``
  of the event's incident, ``ActionGeo_*``, ``SOURCEURL``) plus our own
  (``PloverType``, ``ClaimStatus``, ``Evidence``...).
- ``plover-jsonl``: ``events.plover.jsonl``, one object per event with the field
  names of the PLOVER manual's data fields (``id``, ``date``, ``actor``,
  ``recipient``, ``event``, ``mode``, ``context``, ``event_text``, ``text``,
  ``text_info`` ...). Planned meetings are written as AGREE, as PLOVER codes them.

The CAMEO codes and scores come from ``data/cameo/plover_to_cameo.yaml``.
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
import io
import json
import logging
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.csv as pa_csv
import pyarrow.parquet as pq

from diplograph.errors import UsageError
from diplograph.knowledge.yamldata import load_yaml_file
from diplograph.store import queries
from diplograph.store.filters import EventFilter

logger = logging.getLogger(__name__)

FORMATS = ("parquet", "csv", "plover-jsonl")
# CAMEO root → GDELT QuadClass: verbal/material cooperation, verbal/material conflict.
QUAD_CLASS = {**{f"{r:02d}": 1 for r in range(1, 6)}, **{f"{r:02d}": 2 for r in range(6, 9)},
              **{f"{r:02d}": 3 for r in range(9, 14)}, **{f"{r:02d}": 4 for r in range(14, 21)}}


@dataclass(frozen=True, slots=True)
class CameoCode:
    """Where a (type, mode, status) lands in CAMEO, and its PLOVER score."""

    type: str  # the PLOVER type as exported (planned CONSULT → AGREE)
    mode: str | None
    root: str
    code: str
    score: float


@functools.lru_cache(maxsize=4)
def load_mapping(path: str | None = None) -> dict:
    """The PLOVER → CAMEO mapping (packaged, or the YAML file at ``path``)."""
    packaged = resources.files("diplograph") / "data" / "cameo" / "plover_to_cameo.yaml"
    source = Path(path) if path else packaged
    return load_yaml_file(source)


def cameo_code(type_: str, mode: str | None, status: str, mapping: dict | None = None) -> CameoCode:
    """CAMEO root/code and PLOVER score of an event; planned meetings become AGREE."""
    mapping = mapping or load_mapping()
    if status == "planned" and type_ in mapping.get("planned", {}):
        p = mapping["planned"][type_]
        return CameoCode(p["type"], p.get("mode"), p["root"], p["code"], float(p["score"]))
    entry = mapping.get("modes", {}).get(type_, {}).get(mode) or mapping["types"][type_]
    return CameoCode(type_, mode, entry["root"], entry["code"], float(entry["score"]))


def _plover_actor(actor: dict | None) -> dict | None:
    if not actor:
        return None
    return {"name": actor.get("name"), "code": actor.get("country") or actor.get("name"),
            "country": actor.get("country"), "sector": actor.get("sector"),
            "role": actor.get("role"), "wikidata": actor.get("wikidata"),
            "actorText": actor.get("text")}


def plover_record(event: dict, report: dict | None = None, mapping: dict | None = None) -> dict:
    """One SPEC §4 event as a PLOVER data record (the manual's field names)."""
    code = cameo_code(event["type"], event.get("mode"), event["status"], mapping)
    report = report or {}
    date, loc = event.get("date") or {}, event.get("location") or {}
    evidence = event.get("evidence") or {}
    return {
        "id": event["id"], "date": date.get("value"), "date_resolution": date.get("precision"),
        "actor": _plover_actor(event.get("source")),
        "recipient": _plover_actor(event.get("target")),
        "event": code.type, "mode": code.mode, "context": [],
        # The manual's event location fields.
        "event_loc": {"name": loc.get("name"), "country": loc.get("country"),
                      "admin1": loc.get("admin1"), "lat": loc.get("lat"), "lon": loc.get("lon"),
                      "geonameid": loc.get("geonameid"), "precision": loc.get("precision")}
        if loc else None,
        "event_text": event.get("trigger"), "text": evidence.get("text"),
        "text_info": {
            "doc_id": event["doc_id"], "article_index": event["article_index"],
            "start": evidence.get("start"), "end": evidence.get("end"),
            "url": report.get("url"), "headline": report.get("title"),
            "publication_date": report.get("published"), "status": event["status"],
            "claimed_by": (event.get("claimed_by") or {}).get("name"),
            "coded_type": event["type"], "confidence": event.get("confidence"),
        },
        "language": "en", "coder": event.get("extractor") or "diplograph", "version": "diplograph",
    }


def plover_incident(incident: dict, mapping: dict | None = None) -> dict:
    """One incident (an event fused from its reports, SPEC's incident record) as a PLOVER
    data record: the manual's field names, ``text_info`` holding its reports."""
    code = cameo_code(incident["type"], incident.get("mode"), incident["status"], mapping)
    date = incident.get("date") or {}
    return {
        "id": incident["id"], "date": date.get("value"), "date_resolution": date.get("precision"),
        "actor": _plover_actor(incident.get("source")),
        "recipient": _plover_actor(incident.get("target")),
        "event": code.type, "mode": code.mode, "context": [], "text": incident.get("summary"),
        "text_info": {
            "status": incident["status"], "weakest_status": incident.get("weakest_status"),
            "coded_type": incident["type"], "event_ids": incident.get("event_ids", []),
            "n_events": incident.get("n_events"), "n_articles": incident.get("n_articles"),
            "n_sources": incident.get("n_sources"), "sources": incident.get("sources", []),
            "first_report": incident.get("first_report"),
            "last_report": incident.get("last_report"),
        },
        "language": "en", "coder": "diplograph", "version": "diplograph",
    }


class _Drain:
    """A write-only file that hands back what was written since the last :meth:`take`: the
    writers below fill it one record batch at a time, the caller sends each piece on. Its
    position counts every byte ever written (Parquet's footer points into the file)."""

    closed = False

    def __init__(self) -> None:
        self._parts: list[bytes] = []
        self._written = 0

    def write(self, data) -> int:
        self._parts.append(bytes(data))
        self._written += len(data)
        return len(data)

    def tell(self) -> int:
        return self._written

    def flush(self) -> None:
        pass

    def close(self) -> None:
        self.closed = True

    def take(self) -> bytes:
        out, self._parts = b"".join(self._parts), []
        return out


def arrow_stream(batches: pa.RecordBatchReader, fmt: str) -> Iterator[bytes]:
    """Record batches written as one ``parquet`` or ``csv`` file, yielded piece by piece as
    the writer produces them (one row group per batch): bounded memory, whatever the rows."""
    sink = _Drain()
    writers = {"parquet": pq.ParquetWriter, "csv": pa_csv.CSVWriter}
    if fmt not in writers:
        raise UsageError(f"cannot stream {fmt!r} (choose from {', '.join(writers)})")
    with writers[fmt](sink, batches.schema) as writer:
        for batch in batches:
            writer.write_batch(batch)
            yield sink.take()
    yield sink.take()


GDELT_COLUMNS = (
    "GLOBALEVENTID", "SQLDATE", "DateResolution",
    "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1Type1Code",
    "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2Type1Code",
    "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "PloverScore",
    "PloverType", "PloverMode", "CodedType", "ClaimStatus", "ClaimedBy", "Confidence",
    "IncidentID", "NumMentions", "NumSources", "NumArticles",
    "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_Lat", "ActionGeo_Long",
    "DATEADDED", "SOURCEURL", "DocID", "ArticleIndex", "Evidence",
)


def _sqldate(value: str | None) -> str | None:
    """"2025-08" → "20250800" (GDELT's YYYYMMDD, zeros where unknown)."""
    if not value:
        return None
    parts = value.split("-") + ["00", "00"]
    return "".join(parts[:3])


def _actor_code(actor: dict | None) -> str | None:
    if not actor:
        return None
    return (actor.get("country") or actor.get("name") or "") + (actor.get("sector") or "") or None


def gdelt_row(event: dict, incident: dict | None = None, report: dict | None = None,
              mapping: dict | None = None, added: str | None = None) -> dict:
    """One event as a GDELT-like CSV row (``GDELT_COLUMNS``)."""
    code = cameo_code(event["type"], event.get("mode"), event["status"], mapping)
    src, tgt = event.get("source") or {}, event.get("target") or {}
    loc, date = event.get("location") or {}, event.get("date") or {}
    incident, report = incident or {}, report or {}
    return {
        "GLOBALEVENTID": event["id"], "SQLDATE": _sqldate(date.get("value")),
        "DateResolution": date.get("precision"),
        "Actor1Code": _actor_code(src), "Actor1Name": src.get("name"),
        "Actor1CountryCode": src.get("country"), "Actor1Type1Code": src.get("sector"),
        "Actor2Code": _actor_code(tgt), "Actor2Name": tgt.get("name"),
        "Actor2CountryCode": tgt.get("country"), "Actor2Type1Code": tgt.get("sector"),
        "EventCode": code.code, "EventBaseCode": code.code[:3], "EventRootCode": code.root,
        "QuadClass": QUAD_CLASS[code.root], "PloverScore": code.score,
        "PloverType": code.type, "PloverMode": code.mode, "CodedType": event["type"],
        "ClaimStatus": event["status"], "ClaimedBy": (event.get("claimed_by") or {}).get("name"),
        "Confidence": event.get("confidence"), "IncidentID": incident.get("id"),
        "NumMentions": incident.get("n_events", 1), "NumSources": incident.get("n_sources", 1),
        "NumArticles": incident.get("n_articles", 1),
        "ActionGeo_FullName": loc.get("name"), "ActionGeo_CountryCode": loc.get("country"),
        "ActionGeo_Lat": loc.get("lat"), "ActionGeo_Long": loc.get("lon"),
        "DATEADDED": added, "SOURCEURL": report.get("url"), "DocID": event["doc_id"],
        "ArticleIndex": event["article_index"],
        "Evidence": (event.get("evidence") or {}).get("text"),
    }


def export_parquet(con: duckdb.DuckDBPyConnection, out: Path, flt: EventFilter) -> dict[str, int]:
    # Arrow record batches (not DuckDB's COPY, which would mark columns NOT NULL and JSON
    # as an extension type): the files keep the schema they always had, in bounded memory.
    written = {}
    for table in queries.STORE_TABLES:
        path, n = out / f"{table}.parquet", 0
        batches = queries.table_batches(con, table, flt)
        with pq.ParquetWriter(path, batches.schema) as writer:
            for batch in batches:
                writer.write_batch(batch)
                n += batch.num_rows
        written[str(path)] = n
    return written


EventInContext = tuple[dict, dict | None, dict | None]  # queries.events_in_context's rows
PIECE = 64_000  # characters of CSV sent on at a time


def gdelt_csv(rows: Iterable[EventInContext]) -> Iterator[str]:
    """Events in context as the GDELT-like CSV (header first), in pieces of about
    :data:`PIECE` characters: what the CLI writes to ``events.csv`` and the server sends."""
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=GDELT_COLUMNS)
    writer.writeheader()
    added = dt.date.today().strftime("%Y%m%d")
    for event, incident, report in rows:
        writer.writerow(gdelt_row(event, incident, report, added=added))
        if buf.tell() > PIECE:
            yield buf.getvalue()
            buf.seek(0)
            buf.truncate()
    yield buf.getvalue()


def plover_lines(rows: Iterable[EventInContext]) -> Iterator[str]:
    """Events in context as PLOVER JSON Lines, one line each."""
    for event, _, report in rows:
        yield json.dumps(plover_record(event, report), ensure_ascii=False) + "\n"


def incident_lines(incidents: Iterable[dict]) -> Iterator[str]:
    """Incidents (stored records) as PLOVER JSON Lines, one line each."""
    for incident in incidents:
        yield json.dumps(plover_incident(incident), ensure_ascii=False) + "\n"


def _write_lines(path: Path, rows: Iterable[EventInContext],
                 lines: Callable[[Iterable[EventInContext]], Iterator[str]]) -> dict[str, int]:
    """The events of ``rows`` written to ``path`` by ``lines``; their number."""
    counted = [0]

    def counting() -> Iterator[EventInContext]:
        for row in rows:
            counted[0] += 1
            yield row

    with path.open("w", newline="", encoding="utf-8") as fh:
        fh.writelines(lines(counting()))
    return {str(path): counted[0]}


def export_csv(con: duckdb.DuckDBPyConnection, out: Path, flt: EventFilter) -> dict[str, int]:
    return _write_lines(out / "events.csv", queries.events_in_context(con, flt), gdelt_csv)


def export_plover(con: duckdb.DuckDBPyConnection, out: Path, flt: EventFilter) -> dict[str, int]:
    return _write_lines(out / "events.plover.jsonl", queries.events_in_context(con, flt),
                        plover_lines)


EXPORTERS: dict[str, Callable[[duckdb.DuckDBPyConnection, Path, EventFilter], dict[str, int]]] = {
    "parquet": export_parquet, "csv": export_csv, "plover-jsonl": export_plover,
}


def export(con: duckdb.DuckDBPyConnection, out_dir: str | Path, fmt: str = "parquet",
           flt: EventFilter | None = None) -> dict[str, int]:
    """Write the database (or the events matching ``flt``) to ``out_dir``.

    Args:
        con: an open database.
        out_dir: directory to write into (created if needed).
        fmt: ``parquet``, ``csv`` or ``plover-jsonl``.
        flt: which events (and incidents) to export.

    Returns:
        Each file written → its number of rows.

    Raises:
        UsageError: unknown format.
    """
    if fmt not in EXPORTERS:
        raise UsageError(f"unknown export format {fmt!r} (choose from {', '.join(FORMATS)})")
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    return EXPORTERS[fmt](con, out, flt or EventFilter())
