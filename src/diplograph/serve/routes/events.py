"""``/api/events`` and ``/api/incidents``: filtered, paginated lists and single records."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path

from diplograph.serve.deps import ConnDep, PageDep, SearchDep, SortParam
from diplograph.serve.models import NOT_FOUND, EventPublic, IncidentDetail, IncidentPublic, Page
from diplograph.store import queries, web_queries

router = APIRouter(prefix="/api", tags=["events"])
Id = Annotated[str, Path(min_length=1, max_length=100)]


@router.get("/events", response_model=Page[EventPublic])
def list_events(con: ConnDep, search: SearchDep, paging: PageDep,
                sort: SortParam = None) -> dict:
    """Events (one per article), filtered, by date (or by ``sort``)."""
    rows, total = web_queries.search(con, "events", search, limit=paging.limit,
                                     offset=paging.offset, sort=sort.value if sort else None)
    return paging.wrap(rows, total)


@router.get("/events/{event_id}", response_model=EventPublic, responses=NOT_FOUND)
def get_event(con: ConnDep, event_id: Id) -> dict:
    """One event, with the incident it was fused into."""
    return web_queries.event(con, event_id)


@router.get("/incidents", response_model=Page[IncidentPublic])
def list_incidents(con: ConnDep, search: SearchDep, paging: PageDep) -> dict:
    """Incidents (events fused across articles); ``status`` matches the strongest claim."""
    rows, total = web_queries.search(con, "incidents", search, limit=paging.limit,
                                     offset=paging.offset)
    return paging.wrap(rows, total)


@router.get("/incidents/{incident_id}", response_model=IncidentDetail, responses=NOT_FOUND)
def get_incident(con: ConnDep, incident_id: Id) -> dict:
    """One incident with all its reports."""
    return queries.incident(con, incident_id)
