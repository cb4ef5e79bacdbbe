"""``/api/events`` and ``/api/incidents``: filtered, paginated lists and single records."""

from __future__ import annotations

from enum import Enum
from typing import Annotated

import duckdb
from fastapi import APIRouter, Path, Response

from diplograph.serve.deps import (
    AfterParam,
    ConnDep,
    IncidentSortParam,
    PageDep,
    Paging,
    SearchDep,
    SortParam,
)
from diplograph.serve.models import (
    NOT_FOUND,
    EventPublic,
    IncidentDetail,
    IncidentPublic,
    Page,
    public_event,
)
from diplograph.store import event_lists, queries, web_queries
from diplograph.store.web_queries import Search

router = APIRouter(prefix="/api", tags=["events"])
Id = Annotated[str, Path(min_length=1, max_length=100)]


@router.get("/events", response_model=Page[EventPublic])
def list_events(con: ConnDep, search: SearchDep, paging: PageDep,
                sort: SortParam = None, after: AfterParam = None) -> Response:
    """Events (one per article), filtered, by date (or by ``sort``)."""
    return _page(con, "events", search, paging, sort, after)


def _page(con: duckdb.DuckDBPyConnection, table: str, search: Search, paging: Paging,
          sort: Enum | None, after: str | None) -> Response:
    """One page of a list, its records sent as stored."""
    after = None if sort else after  # keyset paging follows the default order only
    rows, total = event_lists.search_json(con, table, search, limit=paging.limit,
                                          offset=paging.offset if after is None else 0,
                                          sort=sort.value if sort else None, after=after)
    if table == "events":  # as /api/dyad sends them: a record older than a field gains it
        rows = [public_event(row) for row in rows]
    return paging.stored(rows, total, keyset=sort is None)


@router.get("/events/{event_id}", response_model=EventPublic, responses=NOT_FOUND)
def get_event(con: ConnDep, event_id: Id) -> dict:
    """One event, with the incident it was fused into."""
    return web_queries.event(con, event_id)


@router.get("/incidents", response_model=Page[IncidentPublic])
def list_incidents(con: ConnDep, search: SearchDep, paging: PageDep,
                   sort: IncidentSortParam = None, after: AfterParam = None) -> Response:
    """Incidents (events fused across articles), by date (or by ``sort``); ``status``
    matches the strongest claim."""
    return _page(con, "incidents", search, paging, sort, after)


@router.get("/incidents/{incident_id}", response_model=IncidentDetail, responses=NOT_FOUND)
def get_incident(con: ConnDep, incident_id: Id) -> dict:
    """One incident with all its reports."""
    return queries.incident(con, incident_id)
