"""``/api/events.{csv,parquet,plover.jsonl}`` and ``/api/incidents.{csv,parquet,plover.jsonl}``:
exactly the rows of an event or incident list (same filters, same order), streamed, in the
exports' formats (:mod:`diplograph.outputs`). Events: the GDELT-like CSV, the events table as
stored in Parquet, PLOVER records; incidents: their stored columns in CSV and Parquet, PLOVER
records of the fused events.

The rows come from their own cursor, opened inside the stream: the request's cursor
closes when the route returns, before the body is sent. They are read a page at a time in
their order (``store/ordered.py``), by the same code as ``diplograph export``: memory stays
bounded, however many rows there are.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from enum import Enum

from fastapi import APIRouter, Request
from fastapi.responses import StreamingResponse

from diplograph.outputs.exports import (
    EventInContext,
    arrow_stream,
    gdelt_csv,
    incident_lines,
    plover_lines,
)
from diplograph.serve.deps import IncidentSortParam, SearchDep, SortParam
from diplograph.store import queries, web_queries
from diplograph.store.web_queries import Search

router = APIRouter(prefix="/api", tags=["exports"])


def _rows(request: Request, search: Search, sort: str | None) -> Iterator[EventInContext]:
    with request.app.state.snapshots.cursor() as cur:
        yield from queries.events_in_context(cur, search,
                                             order=web_queries.order_by("events", sort))


def _download(request: Request, search: Search, sort: Enum | None,
              lines: Callable[[Iterable[EventInContext]], Iterator[str]], media_type: str,
              name: str) -> StreamingResponse:
    """The rows of the event list ``search`` selects, streamed as the file ``name``."""
    rows = _rows(request, search, sort.value if sort else None)
    return _attachment(lines(rows), media_type, name)


def _attachment(body: Iterator[str] | Iterator[bytes], media_type: str,
                name: str) -> StreamingResponse:
    return StreamingResponse(body, media_type=media_type,
                             headers={"Content-Disposition": f'attachment; filename="{name}"'})


def _table_file(request: Request, table: str, search: Search, sort: str | None,
                fmt: str) -> Iterator[bytes]:
    """The list's rows as stored, in ``fmt`` (parquet, csv), from the list's own cursor."""
    with request.app.state.snapshots.cursor() as cur:
        yield from arrow_stream(web_queries.list_batches(cur, table, search, sort=sort), fmt)


def _incident_lines(request: Request, search: Search, sort: str | None) -> Iterator[str]:
    with request.app.state.snapshots.cursor() as cur:
        yield from incident_lines(queries.iter_listing(
            cur, "incidents", search, order=web_queries.order_by("incidents", sort)))


def _file_response(media_type: str, description: str) -> dict:
    """The OpenAPI answer of a route that streams a file."""
    return {200: {"content": {media_type: {"schema": {"type": "string"}}},
                  "description": description}}


@router.get("/events.csv", response_class=StreamingResponse,
            responses=_file_response("text/csv", "GDELT-like CSV, one row per event."))
def events_csv(request: Request, search: SearchDep, sort: SortParam = None):
    """The filtered events (every page of the list) as the export's GDELT-like CSV."""
    return _download(request, search, sort, gdelt_csv, "text/csv; charset=utf-8", "events.csv")


@router.get("/events.plover.jsonl", response_class=StreamingResponse,
            responses=_file_response("application/x-ndjson",
                                     "PLOVER JSON Lines, one event per line."))
def events_plover(request: Request, search: SearchDep, sort: SortParam = None):
    """The filtered events (every page of the list) as PLOVER JSON Lines."""
    return _download(request, search, sort, plover_lines, "application/x-ndjson",
                     "events.plover.jsonl")


PARQUET = "application/vnd.apache.parquet"


@router.get("/events.parquet", response_class=StreamingResponse,
            responses=_file_response(PARQUET, "The events table's rows, as stored."))
def events_parquet(request: Request, search: SearchDep, sort: SortParam = None):
    """The filtered events (every page of the list) as Parquet: the events table's columns,
    as ``diplograph export --format parquet`` writes them."""
    body = _table_file(request, "events", search, sort.value if sort else None, "parquet")
    return _attachment(body, PARQUET, "events.parquet")


@router.get("/incidents.csv", response_class=StreamingResponse,
            responses=_file_response("text/csv", "One row per incident."))
def incidents_csv(request: Request, search: SearchDep, sort: IncidentSortParam = None):
    """The filtered incidents (every page of the list) as CSV: their stored columns."""
    body = _table_file(request, "incidents", search, sort.value if sort else None, "csv")
    return _attachment(body, "text/csv; charset=utf-8", "incidents.csv")


@router.get("/incidents.parquet", response_class=StreamingResponse,
            responses=_file_response(PARQUET, "One row per incident."))
def incidents_parquet(request: Request, search: SearchDep, sort: IncidentSortParam = None):
    """The filtered incidents (every page of the list) as Parquet: their stored columns."""
    body = _table_file(request, "incidents", search, sort.value if sort else None, "parquet")
    return _attachment(body, PARQUET, "incidents.parquet")


@router.get("/incidents.plover.jsonl", response_class=StreamingResponse,
            responses=_file_response("application/x-ndjson",
                                     "PLOVER JSON Lines, one incident per line."))
def incidents_plover(request: Request, search: SearchDep, sort: IncidentSortParam = None):
    """The filtered incidents (every page of the list) as PLOVER JSON Lines."""
    return _attachment(_incident_lines(request, search, sort.value if sort else None),
                       "application/x-ndjson",
                       "incidents.plover.jsonl")
