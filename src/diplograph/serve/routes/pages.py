"""Dashboard pages. Each page is one data function, served twice: as HTML (Jinja)
at ``PATH`` and as JSON at ``PATH.json``, from the same query (the overview's
twin is ``/index.json``)."""

from __future__ import annotations

import functools
import inspect
import json
from collections.abc import Callable
from typing import Annotated
from urllib.parse import quote

from fastapi import APIRouter, Path, Query, Request, Response
from fastapi.responses import HTMLResponse

from diplograph.records import EVENT_TYPES, STATUSES
from diplograph.serve import actor_view
from diplograph.serve.deps import (
    DEFAULT_CONFIDENCE,
    MAX_PAGE,
    ConnDep,
    IncidentSortParam,
    PageDep,
    SearchDep,
    SortParam,
    SourceSortParam,
)
from diplograph.serve.highlight import segments
from diplograph.serve.listed import compact_members, with_plain_lists
from diplograph.serve.models import NOT_FOUND
from diplograph.serve.routes.actors import EDGES_SHOWN, EdgeLimit, Level, dyad_data
from diplograph.serve.routes.articles import article_data
from diplograph.store import event_lists, outlets, profiles, queries, web_queries
from diplograph.store.filters import EventFilter
from diplograph.store.web_queries import Search

router = APIRouter(tags=["pages (JSON twins)"])
Id = Annotated[str, Path(min_length=1, max_length=100)]
ActorQ = Annotated[str | None, Query(max_length=100, description="ISO3 code, Wikidata id or name.")]


def twin(path: str, template: str, json_path: str | None = None) -> Callable:
    """Register ``fn`` (returning the page's data) as ``PATH.json`` and as an HTML page."""

    def register(fn: Callable) -> Callable:
        router.add_api_route(json_path or path + ".json", _sent_as_json(fn), methods=["GET"],
                             name=f"{fn.__name__}_json", summary=(fn.__doc__ or "").strip(),
                             responses=NOT_FOUND if "{" in path else None)
        sig = inspect.signature(fn)

        def html(request: Request, **kwargs):
            data = fn(**kwargs)
            data = with_plain_lists(data) if isinstance(data, dict) else data
            # Quoted again: a doc id in the path may hold '?', '#' or spaces (URL-like ids).
            twin_url = (json_path or quote(request.url.path) + ".json")
            if request.url.query:
                twin_url += "?" + request.url.query
            return request.app.state.templates.TemplateResponse(
                request, template, {"data": data, "json_url": twin_url,
                                    "params": dict(request.query_params),
                                    "event_types": EVENT_TYPES, "statuses": STATUSES})

        params = [inspect.Parameter("request", inspect.Parameter.KEYWORD_ONLY, annotation=Request)]
        params += [p.replace(kind=inspect.Parameter.KEYWORD_ONLY) for p in sig.parameters.values()]
        html.__signature__ = sig.replace(parameters=params)
        html.__name__ = fn.__name__
        router.add_api_route(path, html, methods=["GET"], response_class=HTMLResponse,
                             include_in_schema=False, name=fn.__name__)
        return fn

    return register


def _sent_as_json(fn: Callable) -> Callable:
    """``fn`` answering its data as JSON bytes itself, the same bytes as FastAPI's: FastAPI
    first walks every value with ``jsonable_encoder`` (62 ms of CPU for a dyad's 500 events
    at 1M, against 8 ms to dump them). Data JSON cannot hold as it is (a date, a set) is
    handed to FastAPI, which converts it."""
    @functools.wraps(fn)
    def json_twin(**kwargs):
        data = fn(**kwargs)
        try:
            body = compact_members(data) if isinstance(data, dict) else None
            if body is None:
                body = json.dumps(data, ensure_ascii=False, allow_nan=False,
                                  separators=(",", ":"))
        except (TypeError, ValueError):
            return with_plain_lists(data) if isinstance(data, dict) else data
        return Response(body.encode("utf-8"), media_type="application/json")

    return json_twin


@twin("/", "overview.html", json_path="/index.json")
def overview(con: ConnDep, search: SearchDep) -> dict:
    """Overview: totals, events per month by type and by status (every month, and an
    ``undated`` bucket), top dyads; all of it follows the filters."""
    filtered = search != Search(min_confidence=DEFAULT_CONFIDENCE)
    return {"totals": web_queries.totals(con, search, whole=not filtered), "filtered": filtered,
            "filter": _filter_dict(search),
            "by_type": web_queries.over_time(con, "type", search),
            "by_status": web_queries.over_time(con, "status", search),
            "top_dyads": web_queries.top_dyads(con, search, limit=15)}


@twin("/events", "events.html")
def events_page(con: ConnDep, search: SearchDep, paging: PageDep,
                sort: SortParam = None) -> dict:
    """Events, filtered, sorted and paginated (same parameters as /api/events)."""
    rows, total = event_lists.search(con, "events", search, limit=paging.limit,
                                     offset=paging.offset, sort=sort.value if sort else None)
    return {**paging.wrap(rows, total), "sort": sort.value if sort else None,
            "filter": _filter_dict(search)}


@twin("/incidents", "incidents.html")
def incidents_page(con: ConnDep, search: SearchDep, paging: PageDep,
                   sort: IncidentSortParam = None) -> dict:
    """Incidents, filtered, sorted and paginated (same parameters as /api/incidents)."""
    rows, total = event_lists.search(con, "incidents", search, limit=paging.limit,
                                     offset=paging.offset, sort=sort.value if sort else None)
    return {**paging.wrap(rows, total), "sort": sort.value if sort else None}


@twin("/dyad", "dyad.html")
def dyad_page(con: ConnDep, flt: SearchDep, a: ActorQ = None, b: ActorQ = None) -> dict:
    """Dyad timeline: every event between actors ``a`` and ``b``, and their last contact."""
    if not a or not b:
        return {"a": a, "b": b, "count": 0, "events": [], "last_contact": None,
                "suggestions": web_queries.top_dyads(con, flt, limit=10)}
    found = dyad_data(con, a, b, flt)
    # The timeline is a time axis: the events with no date are not on it, so they are
    # counted for the note under it (and listed with the others).
    no_date = [ev for ev in found["events"].events if ev.undated]
    # The last contact is the latest dated one: an undated contact is named apart, so that
    # "no contact" is never said of two actors who did meet.
    undated_contacts = sum(1 for ev in no_date if ev.happened_contact)
    return {**found, "suggestions": [], "undated": len(no_date),
            "undated_contacts": undated_contacts,
            "cooperation_conflict": profiles.cooperation_conflict(
                con, flt.with_(actor=a, other=b))}


@twin("/network", "network.html")
def network_page(con: ConnDep, flt: SearchDep, level: Level = Level.country,
                 min_weight: Annotated[int, Query(ge=1, le=100_000)] = 1,
                 limit: EdgeLimit = EDGES_SHOWN) -> dict:
    """Contact network: actors as nodes, events as edges, filtered by type and period; the
    ``limit`` heaviest edges, of ``edges_total``."""
    return {**profiles.network(con, flt, level=level.value, min_weight=min_weight, limit=limit),
            "level": level.value, "limit": limit, "filter": _filter_dict(flt)}


@twin("/map", "map.html")
def map_page(con: ConnDep, flt: SearchDep, zoom: Annotated[int, Query(
        ge=0, le=12, description="Clustering level: cells of 360/2^(zoom+3) degrees.")] = 1
             ) -> dict:
    """Where events happened: geocoded places, the places clustered at ``zoom`` (each with
    the box that lists its events: ``/events?within=BBOX``) and counts per country."""
    found = profiles.locations(con, flt)
    return {**found, "zoom": zoom, "clusters": profiles.clusters(found["places"], zoom),
            "filter": _filter_dict(flt)}


@twin("/events/{event_id}", "event.html")
def event_page(con: ConnDep, event_id: Id) -> dict:
    """One event: its claim, who claims it, and its evidence marked in the cleaned article."""
    ev = web_queries.event(con, event_id)
    art = queries.article(con, ev["doc_id"], ev["article_index"])
    own = [e for e in art["events"] if e["id"] == event_id] or [ev]
    return {"event": ev, "article": _article_head(art),
            "segments": segments(art["text"], own, focus=event_id),
            "incident": queries.incident(con, ev["incident_id"]) if ev.get("incident_id") else None}


@twin("/incidents/{incident_id}", "incident.html")
def incident_page(con: ConnDep, incident_id: Id) -> dict:
    """One incident: the fused event, its claim statuses and every report's evidence."""
    return {"incident": queries.incident(con, incident_id)}


# ``:path``: a doc id may hold ``/`` (crawl ids are often URLs).
@twin("/articles/{doc_id:path}/{index}", "article.html")
def article_page(con: ConnDep, doc_id: Annotated[str, Path(min_length=1, max_length=300)],
                 index: Annotated[int, Path(ge=0, le=10_000)]) -> dict:
    """A cleaned article with every event's evidence marked."""
    return article_data(con, doc_id, index)


@twin("/actors", "actors.html")
def actors_index(con: ConnDep, q: Annotated[str | None, Query(
        max_length=100, description="Words of a name (or of the article's words for it).")] = None
                 ) -> dict:
    """Actor index: every canonical actor with its number of events; search by name."""
    return {"q": q, "actors": web_queries.actor_index(con, q or None, limit=200)}


@twin("/actors/{actor_id}", "actor.html")
def actor_page(con: ConnDep, search: SearchDep, actor_id: Id) -> dict:
    """Actor page: a person (roles with dates, events as source and target, counterparts)
    or a state (events over time by type), named, with counts following the filters."""
    return actor_view.actor_page(con, actor_id, search)


@twin("/sources", "sources.html")
def sources_page(con: ConnDep, sort: SourceSortParam = None,
                 outlet: Annotated[str | None, Query(
                     max_length=300, description="Only the articles of this outlet.")] = None,
                 page: Annotated[int, Query(ge=1, le=MAX_PAGE, description=(
                     "Page, from 1, of the outlets and of the articles."))] = 1) -> dict:
    """Sources: outlets (a URL's host, or a local document's file) with their documents,
    articles and events, and each article, linked to its cleaned text with every event
    marked."""
    key = sort.value if sort else "-events"
    return {"sort": key, "outlet": outlet or None,
            **outlets.sources(con, sort=key, outlet=outlet or None, page=page)}


def _article_head(art: dict) -> dict:
    return {k: v for k, v in art.items() if k not in ("text", "events", "dropped")}


def _filter_dict(flt: EventFilter | Search) -> dict:
    """The active filter as the page's JSON shows it (and its links carry)."""
    out = {}
    if isinstance(flt, Search):
        out = {"mode": flt.mode, "q": flt.q, "min_confidence": flt.min_confidence,
               "undated": flt.undated, "within": flt.within}
        flt = flt.flt
    return {**{k: getattr(flt, k) for k in ("actor", "type", "since", "until", "status",
                                             "country", "place")}, **out}
