"""``/api/actors``, ``/api/dyad``, ``/api/last-contact``, ``/api/network``."""

from __future__ import annotations

from enum import Enum
from typing import Annotated

from fastapi import APIRouter, Path, Query, Response

from diplograph.serve.actor_view import actor_href
from diplograph.serve.deps import (
    MAX_LIMIT,
    AfterParam,
    ConnDep,
    SearchDep,
    jsons,
    stored_json,
)
from diplograph.serve.listed import ListedEvents
from diplograph.serve.models import ActorSuggestion, Dyad, LastContact, Network, public_event
from diplograph.store import profiles, web_queries

router = APIRouter(prefix="/api", tags=["actors"])
ActorQ = Annotated[str, Query(min_length=1, max_length=100,
                              description="ISO3 code, Wikidata id or canonical name.")]


class Level(str, Enum):
    country = "country"
    actor = "actor"


@router.get("/actors/suggest", response_model=list[ActorSuggestion])
def actor_suggest(con: ConnDep, q: Annotated[str, Query(
        min_length=1, max_length=100, description="What the user has typed so far.")],
                  limit: Annotated[int, Query(ge=1, le=50)] = 10) -> list[dict]:
    """Search-box suggestions: canonical names and aliases the events filter's actor
    matcher finds for ``q``, names (then aliases) starting with it first; ``href`` is the
    actor's page."""
    return [{**row, "href": actor_href(row)}
            for row in web_queries.actor_suggestions(con, q, limit=limit)]


@router.get("/actors/{actor_id}")
def actor_profile(con: ConnDep, flt: SearchDep,
                  actor_id: Annotated[str, Path(min_length=1, max_length=100)],
                  top: Annotated[int, Query(ge=1, le=200)] = 20) -> dict:
    """Who an actor deals with, how and when (``actor_id``: ISO3, Wikidata id or name)."""
    return profiles.actor_profile(con, actor_id, flt, top=top)


DyadLimit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description="Events per page.")]


def dyad_data(con, a: str, b: str, flt, *, limit: int = MAX_LIMIT,
              after: str | None = None) -> dict:
    """A page of the dyad's events (``next``: the id to page ``after`` when more may follow;
    ``events``: :class:`ListedEvents`, sent as read), their total and the last contact."""
    found = profiles.dyad_listing(con, a, b, flt, limit=limit, after=after)
    return {"a": a, "b": b, "count": profiles.count_dyad(con, a, b, flt),
            "events": ListedEvents(found),
            "next": found[-1].id if len(found) == limit else None,
            "last_contact": profiles.last_contact(con, a, b)}


@router.get("/dyad", response_model=Dyad)
def dyad(con: ConnDep, flt: SearchDep, a: ActorQ, b: ActorQ, limit: DyadLimit = MAX_LIMIT,
         after: AfterParam = None) -> Response:
    """The events between two actors, either direction, by date, a page at a time (``after``
    the ``next`` of the previous page); their total and their last contact."""
    # The events as stored, not validated again (500 of them: most of the route's time).
    found = profiles.dyad_timeline_json(con, a, b, flt, limit=limit, after=after)
    events = ", ".join(public_event(record) for _, record in found)
    last = profiles.last_contact_json(con, a, b)
    return stored_json({**jsons(a=a, b=b, count=profiles.count_dyad(con, a, b, flt)),
                        "events": f"[{events}]",
                        **jsons(next=found[-1][0] if len(found) == limit else None),
                        "last_contact": public_event(last) if last else "null"})


@router.get("/last-contact", response_model=LastContact)
def last_contact(con: ConnDep, a: ActorQ, b: ActorQ) -> dict:
    """The latest CONSULT between two actors that is said to have happened (or null)."""
    return {"a": a, "b": b, "event": profiles.last_contact(con, a, b)}


@router.get("/cooperation-conflict")
def cooperation_conflict(con: ConnDep, search: SearchDep) -> dict:
    """PLOVER's four classes (verbal/material cooperation and conflict) per month, for any
    filter: ``actor`` for one actor, ``actor`` and ``other`` for a dyad. Planned and
    hypothetical events are separate series (``"<class> · planned"``)."""
    return profiles.cooperation_conflict(con, search)


# The heaviest edges a network sends unless asked for more: at 1M events the actor
# network has 3,242 edges, and sending them all took 280 ms (p95, one client).
EDGES_SHOWN = 500
EdgeLimit = Annotated[int, Query(
    ge=1, le=100_000, description=f"Only the heaviest edges, at most this many (default "
                                  f"{EDGES_SHOWN}); ``edges_total`` counts them all.")]


@router.get("/network", response_model=Network)
def network(con: ConnDep, flt: SearchDep, level: Level = Level.country,
            min_weight: Annotated[int, Query(ge=1, le=100_000)] = 1,
            limit: EdgeLimit = EDGES_SHOWN) -> dict:
    """Actors as nodes, events as weighted edges (symmetric types are undirected): the
    ``limit`` heaviest edges (500 unless asked), ``edges_total`` how many there are."""
    return profiles.network(con, flt, level=level.value, min_weight=min_weight, limit=limit)
