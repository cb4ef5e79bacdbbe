"""Named dependencies: the database cursor, settings and validated query parameters."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from enum import Enum
from typing import Annotated

import duckdb
from fastapi import Depends, Query, Request, Response
from pydantic import AfterValidator, BeforeValidator, Field, StringConstraints, WithJsonSchema

from diplograph.records import EVENT_TYPES, STATUSES
from diplograph.serve.cache import CONNECTION
from diplograph.store import catalog
from diplograph.store.filters import EventFilter
from diplograph.store.outlets import SOURCE_SORTS
from diplograph.store.web_queries import SORTS, Search

EventType = Enum("EventType", {t: t for t in EVENT_TYPES}, type=str)
Status = Enum("Status", {s: s for s in STATUSES}, type=str)

DEFAULT_CONFIDENCE = 0.5  # the coder's own threshold (Settings.min_confidence)
MAX_LIMIT = 500
MAX_PAGE = 100_000
DATE = r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$"


def _upper(value: object) -> object:
    return value.upper() if isinstance(value, str) else value


def _lower(value: object) -> object:
    return value.lower() if isinstance(value, str) else value


def _blank_is_none(value: object) -> object:
    """An empty form field (``?type=``) means "no filter", as a browser form sends it."""
    return None if value == "" else value


def optional_query(value: object, description: str, *normalise: Callable[[object], object]):
    """A query parameter that may be left out or sent blank (``?type=``: no filter), made
    ``normalise``-d (e.g. upper case) before it is validated as ``value``."""
    return Annotated[(value | None, BeforeValidator(_blank_is_none),  # type: ignore[operator]
                      *map(BeforeValidator, normalise), Query(description=description))]


def words(max_length: int) -> object:
    """Free text of 1 to ``max_length`` characters."""
    return Annotated[str, StringConstraints(min_length=1, max_length=max_length)]


def get_settings(request: Request):
    return request.app.state.settings


def get_con(request: Request) -> Iterator[duckdb.DuckDBPyConnection]:
    """A cursor on the current read-only snapshot, closed after the request; on the
    snapshot being warmed for a request the cache replays (``cache.CONNECTION``)."""
    warming = request.scope.get(CONNECTION)
    if warming is None:
        with request.app.state.snapshots.cursor() as cur:
            yield cur
        return
    cur = catalog.fixed_cursor(warming)
    try:
        yield cur
    finally:
        cur.close()


ConnDep = Annotated[duckdb.DuckDBPyConnection, Depends(get_con)]
SettingsDep = Annotated[object, Depends(get_settings)]

TypeParam = optional_query(EventType, "PLOVER event type (case-insensitive), e.g. CONSULT.",
                           _upper)
StatusParam = optional_query(Status, "Claim status, e.g. reported, planned, denied.", _lower)
# Constraints sit on the ``str`` inside the optional, so that a blank form field,
# turned into None first, is "no filter" rather than a failed pattern.
def _date_in_words(value: str) -> str:
    """A date as YYYY, YYYY-MM or YYYY-MM-DD, or an error an analyst can read (the OpenAPI
    schema keeps the pattern, for clients)."""
    if not re.fullmatch(DATE, value):
        raise ValueError(f"{value!r} is not a date: use YYYY-MM-DD (or YYYY-MM, or YYYY)")
    return value


DateStr = Annotated[str, AfterValidator(_date_in_words),
                    WithJsonSchema({"type": "string", "pattern": DATE})]
SinceParam = optional_query(DateStr, "Earliest event date, YYYY[-MM[-DD]].")
UntilParam = optional_query(DateStr, "Latest event date, YYYY[-MM[-DD]].")
ActorParam = optional_query(words(100),
                            "Actor on either side: ISO3 code (exact), else words of a name.")
CountryParam = optional_query(Annotated[str, StringConstraints(pattern=r"^[A-Za-z]{3}$")],
                              "ISO 3166-1 alpha-3 code, either side.")
ModeParam = optional_query(Annotated[str, StringConstraints(pattern=r"^[A-Za-z-]{1,32}$")],
                           "PLOVER mode, e.g. phone, visit.")
TextParam = optional_query(words(200), "Words in the evidence or actor names.")
PlaceParam = optional_query(
    words(100), "Where the event happened: an ISO3 code or words of the place name.")


def get_filter(type: TypeParam = None, status: StatusParam = None, since: SinceParam = None,
               until: UntilParam = None, actor: ActorParam = None,
               country: CountryParam = None, place: PlaceParam = None) -> EventFilter:
    """The common event filter from validated query parameters."""
    return EventFilter(type=type.value if type else None, status=status.value if status else None,
                       since=since, until=until, actor=actor,
                       country=country.upper() if country else None, place=place)


FilterDep = Annotated[EventFilter, Depends(get_filter)]


MinConfidenceParam = optional_query(
    Annotated[float, Field(ge=0, le=1)], "Leave out events below this confidence (default: the "
    "coder's threshold, 0.5; 0 shows every stored event).")
UndatedParam = optional_query(
    bool, "Only the events with no month (undated, or dated to a year only).")
OtherParam = optional_query(words(100), "With ``actor``: only the events between the two, "
                            "either direction (a dyad); same matching as ``actor``.")


NUMBER = r"-?\d{1,3}(\.\d{1,17})?(e-?\d{1,3})?"
BOX = rf"^{NUMBER},{NUMBER},{NUMBER},{NUMBER}$"


def _box_in_words(value: str) -> tuple[float, float, float, float]:
    """"west,south,east,north" (degrees) as numbers, or an error an analyst can read. A box
    the schema's pattern allows is taken as it is: one turned inside out (west east of
    east) or off the globe holds no event, it is not an error."""
    if not re.fullmatch(BOX, value):
        raise ValueError(f"{value!r} is not a box: use west,south,east,north in degrees, "
                         "e.g. -10,35,30,60")
    west, south, east, north = (float(v) for v in value.split(","))
    return west, south, east, north


WithinParam = optional_query(
    Annotated[str, AfterValidator(_box_in_words),
              WithJsonSchema({"type": "string", "pattern": BOX})],
    "Only the events that happened inside this box: west,south,east,north (degrees, edges "
    "included), e.g. a map cluster's bbox.")


def get_search(flt: FilterDep, mode: ModeParam = None, q: TextParam = None,
               min_confidence: MinConfidenceParam = DEFAULT_CONFIDENCE,
               undated: UndatedParam = None, other: OtherParam = None,
               within: WithinParam = None) -> Search:
    """The event filter plus mode, free-text search, confidence floor, the undated bucket
    and the map's box."""
    return Search(flt=flt, mode=mode, q=q, undated=bool(undated), other=other, within=within,
                  min_confidence=DEFAULT_CONFIDENCE if min_confidence is None
                  else min_confidence)


SearchDep = Annotated[Search, Depends(get_search)]

Sort = Enum("Sort", {k.replace("-", "desc_"): k for k in (*SORTS, "confidence", "-confidence")},
            type=str)
SortParam = optional_query(Sort, "Column to sort by: date, type, source, target, status, "
                           "confidence; a leading '-' sorts downwards. Default: by date.")
IncidentSort = Enum("IncidentSort", {k.replace("-", "desc_"): k for k in SORTS}, type=str)
IncidentSortParam = optional_query(IncidentSort, "Column to sort by: date, type, source, "
                                   "target, status; a leading '-' sorts downwards. Default: "
                                   "by date.")
SourceSort = Enum("SourceSort", {k.replace("-", "desc_"): k for k in SOURCE_SORTS}, type=str)
SourceSortParam = optional_query(SourceSort, "Column to sort the outlets by: outlet, documents, "
                                 "articles, events; a leading '-' sorts downwards. "
                                 "Default: -events.")


class Paging:
    """Validated ``page`` (from 1) and ``limit`` (1..500)."""

    def __init__(self,
                 page: Annotated[int, Query(ge=1, le=MAX_PAGE, description="Page, from 1.")] = 1,
                 limit: Annotated[int, Query(ge=1, le=MAX_LIMIT,
                                             description="Rows per page.")] = 50) -> None:
        self.page, self.limit = page, limit

    @property
    def offset(self) -> int:
        return (self.page - 1) * self.limit

    def wrap(self, data: list, count: int) -> dict:
        return {"data": data, "count": count, "page": self.page, "limit": self.limit,
                "pages": max(1, -(-count // self.limit))}

    def stored(self, records: list[str], count: int, *, keyset: bool = True) -> Response:
        """This page with its records sent as stored: JSON texts joined, neither parsed nor
        validated again (they were written from the same records the models describe).
        ``next``: the id to page ``after`` when the page is full (more may follow) and the
        list is in its default order (``keyset``)."""
        full = keyset and len(records) == self.limit
        last = json.loads(records[-1])["id"] if full else None
        return stored_json({"data": "[" + ", ".join(records) + "]",
                            **jsons(count=count, page=self.page, limit=self.limit,
                                    pages=max(1, -(-count // self.limit)), next=last)})


def jsons(**values) -> dict[str, str]:
    """Each value as its JSON text, for :func:`stored_json`."""
    return {name: json.dumps(value) for name, value in values.items()}


def stored_json(members: dict[str, str]) -> Response:
    """A JSON object answer from its members' JSON texts, in order: stored records go in as
    they are, neither parsed nor validated again."""
    body = ", ".join(f"{json.dumps(name)}: {text}" for name, text in members.items())
    return Response("{" + body + "}", media_type="application/json")


PageDep = Annotated[Paging, Depends()]
AfterParam = Annotated[
    Annotated[str, StringConstraints(min_length=1, max_length=100)] | None,
    BeforeValidator(_blank_is_none),
    Query(description="Keyset paging: the records after the one with this id (the `next` of "
                      "the previous page), in the default order; ignored with `sort` (then "
                      "`page` applies and `next` is null)."),
]
