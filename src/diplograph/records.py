"""Typed records that flow between the pipeline stages (SPEC §3–§5).

Records are frozen dataclasses. ``to_dict`` gives the JSON shape of the
contracts in SPEC §4 (events) and §5 (articles); nothing else in the package
builds those dicts by hand, and ``document_from_dict``, ``article_from_dict`` and
``event_from_dict`` are the only code that turns them back into records.
"""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal, get_args

EVENT_TYPES: tuple[str, ...] = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)
# Types whose two participants play the same part (the referee scorer's SYMMETRIC).
SYMMETRIC_TYPES = frozenset({"CONSULT", "AGREE", "COOPERATE"})
# The name and version of the rule-based coder, stored on each event (STYLE rule 6).
EXTRACTOR = "diplograph.rules.v1"

DocumentKind = Literal["text", "html", "jsonl", "warc"]
# Claim statuses, from the strongest (narrated as fact) to the weakest (said not to happen).
Status = Literal[
    "asserted", "reported", "unconfirmed", "planned", "hypothetical", "denied", "negated",
]
STATUSES: tuple[str, ...] = get_args(Status)
# Date precisions, from the finest to the coarsest.
Precision = Literal["day", "month", "year", "unknown"]
PRECISIONS: tuple[str, ...] = get_args(Precision)


@functools.cache
def _field_names(cls: type) -> tuple[str, ...] | None:
    """The field names of a record class, None for any other type (asked once per class:
    ``dataclasses.fields`` per value was half the time of fusing a million events)."""
    if dataclasses.is_dataclass(cls):
        return tuple(f.name for f in dataclasses.fields(cls))
    return None


def to_dict(record: Any) -> Any:
    """Turn a record (or a tuple/list of records) into plain JSON-ready values."""
    names = _field_names(type(record))
    if names is not None:
        return {name: to_dict(getattr(record, name)) for name in names}
    if isinstance(record, (list, tuple)):
        return [to_dict(item) for item in record]
    return record


def _fields(cls: type, d: Mapping[str, Any]) -> dict[str, Any]:
    """The items of ``d`` that are fields of the record class ``cls`` (others are ignored)."""
    names = {f.name for f in dataclasses.fields(cls)}
    return {k: v for k, v in d.items() if k in names}


def document_from_dict(d: Mapping[str, Any]) -> Document:
    """Rebuild a :class:`Document` from its ``to_dict`` shape; missing optional fields are None."""
    return Document(**_fields(Document, d))


def article_from_dict(d: Mapping[str, Any]) -> Article:
    """Rebuild an :class:`Article` from its ``to_dict`` shape (SPEC §5)."""
    return Article(**{**_fields(Article, d), "published": PublishedDate(**d["published"]),
                      "dropped": tuple(d.get("dropped") or ())})


def _actor(d: Mapping[str, Any] | None) -> ActorRef | None:
    return ActorRef(**d) if d else None


def event_from_dict(d: Mapping[str, Any]) -> Event:
    """Rebuild an :class:`Event` from its SPEC §4 dict (the stored ``record``)."""
    quote = d.get("quote")
    if quote:
        quote = Quote(**{**quote, "speaker": _actor(quote.get("speaker"))})
    return Event(
        **{k: d[k] for k in ("id", "doc_id", "article_index", "type", "mode", "status",
                             "confidence")},
        factuality=d.get("factuality"),
        claim_chain=tuple(_actor(a) for a in d.get("claim_chain") or ()),
        source=_actor(d.get("source")), target=_actor(d.get("target")),
        others=tuple(_actor(o) for o in d.get("others") or ()),
        date=EventDate(**d["date"]), evidence=Evidence(**d["evidence"]),
        location=Location(**d["location"]) if d.get("location") else None,
        claimed_by=_actor(d.get("claimed_by")), quote=quote,
        trigger=d.get("trigger"), extractor=d.get("extractor") or EXTRACTOR,
        rules=tuple(d.get("rules") or ()),
    )


@dataclass(frozen=True, slots=True, kw_only=True)
class Document:
    """One input unit: a file, a JSONL record or a WARC response."""

    doc_id: str
    kind: DocumentKind
    content: str  # decoded text; HTML stays HTML
    content_hash: str  # sha256 of the raw bytes (or of the JSONL record)
    path: str | None = None
    # What the document is, whatever its id: the file path as given (normalised), or
    # ``file#record-id`` for a JSONL record or WARC response. A later batch whose doc_id is
    # held by another source gets a new id instead of replacing it (pages/ids.py).
    source: str | None = None
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
class Quote(Evidence):
    """A direct quote (its span of the article, as evidence is) with its speaker and cue verb."""

    speaker: ActorRef | None = None
    cue: str | None = None


# Field groups without slots of their own (``__slots__ = ()``): a record built on several
# of them holds all the slots itself, which two slotted bases could not share. A record's
# fields, and so its JSON, come in the order of its bases read from the last to the first,
# then its own: ``class Event(Happening, _InArticle)`` starts with the ``_InArticle`` ones.
@dataclass(frozen=True, kw_only=True)
class Happening:
    """What happened, between whom, when, and how sure the report is: the fields an event
    shares with the incident fused from its reports (SPEC §4)."""

    __slots__ = ()
    type: str
    mode: str | None
    source: ActorRef | None
    target: ActorRef | None
    date: EventDate
    status: Status


@dataclass(frozen=True, kw_only=True)
class _InArticle:
    __slots__ = ()
    id: str
    doc_id: str
    article_index: int


@dataclass(frozen=True, slots=True, kw_only=True)
class Event(Happening, _InArticle):
    """One coded event in one article (SPEC §4): its id and article, what happened
    (:class:`Happening`), then how it was found."""

    # the status as a score in [-3, +3]: +3 certainly happened, 0 uncertain, -3 certainly did
    # not (None: an event stored before the score existed)
    factuality: float | None = None
    evidence: Evidence
    confidence: float
    others: tuple[ActorRef, ...] = ()
    location: Location | None = None
    claimed_by: ActorRef | None = None  # the innermost source of the report that carries it
    claim_chain: tuple[ActorRef, ...] = ()  # every source of a nested report, outermost first
    quote: Quote | None = None
    trigger: str | None = None  # the word(s) that carried the event
    extractor: str = EXTRACTOR
    rules: tuple[str, ...] = ()  # the coding rules that produced it, in order (SPEC §4)


@dataclass(frozen=True, slots=True, kw_only=True)
class SkippedInput:
    """A file passed over on purpose (unsupported type, listed twice): counted in the
    summary, one line each with ``--verbose``."""

    path: str
    reason: str

    def line(self) -> str:
        return f"skipped: {self.path}: {self.reason}"


@dataclass(frozen=True, slots=True)
class KnownSources:
    """The ids and sources of the documents already stored, so that a new batch keeps
    their ids and never replaces a document of another source."""

    ids_by_source: Mapping[str, str] = field(default_factory=dict)
    sources_by_id: Mapping[str, str | None] = field(default_factory=dict)
    # With no store to collide in (``extract``), every document keeps the id it was given,
    # so that its events join back to the user's own records (and to gold files).
    ids_as_given: bool = False


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
