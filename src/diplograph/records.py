"""Typed records that flow between the pipeline stages (SPEC §3–§5).

Records are frozen dataclasses. ``to_dict`` gives the JSON shape of the
contracts in SPEC §4 (events) and §5 (articles); nothing else in the package
builds those dicts by hand.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any, Literal

EVENT_TYPES: tuple[str, ...] = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)
STATUSES: tuple[str, ...] = (
    "asserted", "reported", "unconfirmed", "planned", "hypothetical", "denied", "negated",
)
PRECISIONS: tuple[str, ...] = ("day", "month", "year", "unknown")
# Types whose two participants play the same part (the referee scorer's SYMMETRIC).
SYMMETRIC_TYPES = frozenset({"CONSULT", "AGREE", "COOPERATE"})

DocumentKind = Literal["text", "html", "jsonl", "warc"]
Status = Literal["asserted", "reported", "unconfirmed", "planned", "hypothetical", "denied", "negated"]
Precision = Literal["day", "month", "year", "unknown"]


def to_dict(record: Any) -> Any:
    """Turn a record (or a tuple/list of records) into plain JSON-ready values."""
    if dataclasses.is_dataclass(record) and not isinstance(record, type):
        return {f.name: to_dict(getattr(record, f.name)) for f in dataclasses.fields(record)}
    if isinstance(record, (list, tuple)):
        return [to_dict(item) for item in record]
    return record


@dataclass(frozen=True, slots=True, kw_only=True)
class Document:
    """One input unit: a file, a JSONL record or a WARC response."""

    doc_id: str
    kind: DocumentKind
    content: str  # decoded text; HTML stays HTML
    content_hash: str  # sha256 of the raw bytes (or of the JSONL record)
    path: str | None = None
    url: str | None = None
    title: str | None = None  # from metadata (JSONL), when given
    published: str | None = None  # from metadata (JSONL, WARC-Date is not used), when given


@dataclass(frozen=True, slots=True, kw_only=True)
class PublishedDate:
    """When an article was published, how precisely, and where that came from."""

    value: str | None  # YYYY-MM-DD, YYYY-MM, YYYY or None
    precision: Precision = "unknown"
    source: str | None = None  # "metadata", "html", "dateline", "byline", "caption", ...


@dataclass(frozen=True, slots=True, kw_only=True)
class Article:
    """A cleaned article; a document may hold several (``article_index``)."""

    doc_id: str
    article_index: int
    title: str | None
    text: str  # cleaned body; event evidence offsets point into it
    published: PublishedDate
    dateline: str | None = None
    language: str | None = None
    url: str | None = None
    dropped: tuple[str, ...] = ()  # lines removed as boilerplate, for inspection
    content_hash: str | None = None  # hash of the source document
    duplicate_of: str | None = None  # "doc_id#index" of an earlier near-duplicate
    warning: str | None = None  # set when cleaning was skipped: why the text is kept as it is

    @property
    def key(self) -> str:
        return f"{self.doc_id}#{self.article_index}"


@dataclass(frozen=True, slots=True, kw_only=True)
class ActorRef:
    """A canonical political actor as it appears in one event (SPEC §4)."""

    name: str | None  # canonical name ("Mark Carney", "Russia", "NATO")
    country: str | None  # ISO 3166-1 alpha-3; None for international organisations
    sector: str | None = None  # PLOVER/CAMEO sector: GOV, MIL, LEG, JUD, PTY, REB, JRN, ELI, IGO...
    role: str | None = None  # "head of government", "foreign minister", ...
    wikidata: str | None = None
    text: str | None = None  # the words in the article
    kind: str | None = None  # "person", "state", "organisation", "group"


@dataclass(frozen=True, slots=True, kw_only=True)
class Mention:
    """An actor mention found in an article's parse, with its resolution."""

    start: int  # character offsets in the article text
    end: int
    token_start: int  # token offsets in the spaCy Doc of the article
    token_end: int
    actor: ActorRef


@dataclass(frozen=True, slots=True, kw_only=True)
class EventDate:
    value: str | None  # YYYY-MM-DD, YYYY-MM, YYYY or None
    precision: Precision = "unknown"
    text: str | None = None  # the words the date came from


@dataclass(frozen=True, slots=True, kw_only=True)
class Location:
    name: str | None
    country: str | None = None
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonameid: int | None = None
    precision: str = "unknown"  # venue | city | admin1 | country | unknown
    text: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Evidence:
    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True, kw_only=True)
class Quote:
    """A direct quote with its speaker and cue verb."""

    text: str
    start: int
    end: int
    speaker: ActorRef | None = None
    cue: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Event:
    """One coded event in one article (SPEC §4)."""

    id: str
    doc_id: str
    article_index: int
    type: str
    mode: str | None
    source: ActorRef | None
    target: ActorRef | None
    date: EventDate
    status: Status
    evidence: Evidence
    confidence: float
    others: tuple[ActorRef, ...] = ()
    location: Location | None = None
    claimed_by: ActorRef | None = None
    quote: Quote | None = None
    trigger: str | None = None  # the word(s) that carried the event
    extractor: str = "diplograph.rules.v1"


@dataclass(frozen=True, slots=True, kw_only=True)
class DocumentError:
    """A document that could not be processed, and why (one stderr line)."""

    doc: str  # path or doc_id
    reason: str

    def line(self) -> str:
        return f"error: {self.doc}: {self.reason}"


@dataclass(slots=True)
class DocumentResult:
    """Everything the pipeline produced for one document."""

    document: Document
    articles: list[Article] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
