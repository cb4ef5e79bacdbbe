"""Response models of the HTTP API: the public shape, separate from storage rows.

Event and incident records are the SPEC §4 shapes; the models name the fields
an analyst relies on and let the rest through (``extra="allow"``), so a field
added to the record later reaches the API without a change here.
"""

from __future__ import annotations

from typing import Any, Generic, TypeVar

from pydantic import BaseModel, ConfigDict, Field

T = TypeVar("T")


class Open(BaseModel):
    model_config = ConfigDict(extra="allow")


class ActorPublic(Open):
    """A canonical actor as coded in an event."""

    name: str | None = None
    country: str | None = Field(None, description="ISO 3166-1 alpha-3, null for organisations.")
    sector: str | None = None
    role: str | None = None
    wikidata: str | None = None
    text: str | None = Field(None, description="The words in the article.")


class DatePublic(Open):
    value: str | None = None
    precision: str = "unknown"
    text: str | None = None


class EvidencePublic(Open):
    text: str
    start: int | None = Field(None, description="Offset into the article's cleaned text.")
    end: int | None = None


# As in records.py: a model's fields (and the OpenAPI properties) come in the order of its
# bases read from the last to the first, then its own.
class _InArticlePublic(Open):
    """An event's id and the article it was coded in."""

    id: str
    doc_id: str
    article_index: int


class _Identified(Open):
    """A record with nothing but its id before what happened (an incident)."""

    id: str


class HappeningPublic(Open):
    """What happened, between whom, when: the fields an event shares with its incident."""

    type: str
    mode: str | None = None
    source: ActorPublic | None = None
    target: ActorPublic | None = None
    date: DatePublic


class EventPublic(HappeningPublic, _InArticlePublic):
    """One coded event in one article (SPEC §4)."""

    location: Open | None = None
    status: str
    factuality: float | None = Field(
        None, ge=-3, le=3, description="The claim status as a score: +3 certainly happened, "
        "0 uncertain, -3 certainly did not (null: stored before the score existed).")
    claimed_by: ActorPublic | None = None
    claim_chain: list[ActorPublic] = Field(
        default_factory=list, description="Every source of a nested report, outermost first "
        "(claimed_by is the innermost); empty when the article itself asserts it.")
    evidence: EvidencePublic
    confidence: float | None = None
    incident_id: str | None = None


# The fields of EventPublic and of the objects in it, as keys in a stored record's JSON
# text (a quote inside a JSON string is escaped: these cannot be found inside a value).
_EVENT_KEYS = tuple(sorted({f'"{name}":' for model in (EventPublic, ActorPublic, DatePublic,
                                                       EvidencePublic)
                            for name in model.model_fields}))


def public_event(record: str) -> str:
    """A stored event record (JSON text) as the API sends it: as it is when it holds every
    field of the model and of its actors, date and evidence (a record's objects are written
    together, all with the same fields); else through the model, which gives a field the
    record predates its null or empty value, as a validated answer always did."""
    if all(key in record for key in _EVENT_KEYS):
        return record
    return EventPublic.model_validate_json(record).model_dump_json()


class IncidentPublic(HappeningPublic, _Identified):
    """One real-world event fused from its reports."""

    status: str = Field(description="The strongest claim status among the reports.")
    weakest_status: str
    n_events: int
    n_articles: int
    n_sources: int
    summary: str | None = None


class IncidentDetail(IncidentPublic):
    events: list[EventPublic]


class Page(BaseModel, Generic[T]):
    """One page of results; ``count`` is the total number of matches."""

    data: list[T]
    count: int
    page: int
    limit: int
    pages: int
    next: str | None = Field(None, description="Where the next page starts: pass it as "
                             "`after` (keyset paging); null on a page that is not full.")


class ArticlePublic(Open):
    doc_id: str
    article_index: int
    title: str | None = None
    text: str
    published: Open
    url: str | None = None
    events: list[EventPublic]


class LastContact(BaseModel):
    a: str
    b: str
    event: EventPublic | None = Field(description="The latest CONSULT said to have happened.")


class Dyad(BaseModel):
    a: str
    b: str
    count: int = Field(description="Every event between the two (all pages).")
    events: list[EventPublic] = Field(description="This page of them, by date.")
    next: str | None = Field(None, description="Page on with ``after`` this id; null on the "
                                               "last page.")
    last_contact: EventPublic | None


class ActorSuggestion(BaseModel):
    """One suggestion of the actor search box."""

    name: str = Field(description="Canonical name.")
    country: str | None = None
    wikidata: str | None = None
    role: str | None = None
    kind: str | None = Field(None, description="person, state, group...")
    n: int = Field(description="Events with the actor on either side.")
    aliases: list[str] = Field(description="The article's words for it that contain q.")
    match: str = Field(description='"name", or the alias that matched q.')
    href: str | None = Field(description="The actor's page.")


class NetworkNode(Open):
    id: str
    label: str | None = None
    country: str | None = None
    weight: int


class NetworkEdge(Open):
    source: str
    target: str
    weight: int
    types: dict[str, int]
    directed: bool


class Network(BaseModel):
    nodes: list[NetworkNode]
    edges: list[NetworkEdge]
    edges_total: int = Field(description="How many edges there are, sent or not (``limit``).")


class ErrorDetail(BaseModel):
    status: int
    message: str
    details: Any = None


class ErrorBody(BaseModel):
    """Every 4xx/5xx answer: ``{"error": {"status", "message", "details"}}``."""

    error: ErrorDetail


# Documented error answers (the OpenAPI spec then matches what the handlers in app.py send).
ERRORS: dict[int | str, dict[str, Any]] = {
    422: {"model": ErrorBody, "description": "Invalid parameters (one entry per parameter)."},
    503: {"model": ErrorBody, "description": "The database is not readable yet; retry."},
}
NOT_FOUND: dict[int | str, dict[str, Any]] = {
    404: {"model": ErrorBody, "description": "No such record."},
}
