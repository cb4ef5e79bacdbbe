"""Fusing events into incidents: the same real-world event, reported many times.

Two events are one incident when they have the same type, compatible actors
and compatible dates:

- **type**: equal (the mode may differ; the most frequent one is kept);
- **actors**: the *fusion key* groups events by the country (or, for an
  international organisation, the name) of each side, unordered for the
  symmetric types (CONSULT, AGREE, COOPERATE). Inside a key, two actors of the
  same side are compatible when their canonical names are equal, or when at
  most one of them is a person ("the Kremlin" and "Vladimir Putin" fuse,
  "Putin" and "Lavrov" do not);
- **dates**: compatible with their precisions: ``2025-12-26`` fits
  ``2025-12`` and ``2025``; two days must be equal (or within
  ``tolerance_days``). An event without a date only joins an incident that
  already holds an event of the same article (a repeated mention); otherwise it
  stays alone, so undated reports never glue unrelated incidents together.

Everything here is pure: events in, :class:`Incident` records out. The store
(``store/store.py``) recomputes the incidents of every fusion key a write touches.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from urllib.parse import urlparse

from diplograph.records import (
    PRECISIONS,
    STATUSES,
    SYMMETRIC_TYPES,
    ActorRef,
    Event,
    EventDate,
    Happening,
    to_dict,
)

logger = logging.getLogger(__name__)

_PRECISION_RANK = {precision: rank for rank, precision in enumerate(PRECISIONS)}
# Columns of ``diplograph incidents --format table|csv`` (name, path in the incident dict).
INCIDENT_COLUMNS: tuple[tuple[str, str], ...] = (
    ("date", "date.value"), ("type", "type"), ("mode", "mode"),
    ("source", "source.name"), ("src", "source.country"),
    ("target", "target.name"), ("tgt", "target.country"),
    ("status", "status"), ("weakest", "weakest_status"), ("events", "n_events"),
    ("articles", "n_articles"), ("sources", "n_sources"), ("first", "first_report"),
    ("summary", "summary"), ("id", "id"),
)


@dataclass(frozen=True, slots=True, kw_only=True)
class Report:
    """Where an article came from: its publication date and its outlet."""

    published: str | None = None
    outlet: str | None = None


@dataclass(frozen=True, kw_only=True)
class _Fused:
    __slots__ = ()  # a field group (see records.Happening)
    id: str
    fusion_key: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Incident(Happening, _Fused):
    """One real-world event, fused from one or more coded events: its id and fusion key,
    what happened (:class:`~diplograph.records.Happening`; ``status`` is the strongest
    claim status among its events), then its reports."""

    weakest_status: str
    statuses: dict[str, int] = field(default_factory=dict)
    first_report: str | None = None
    last_report: str | None = None
    n_events: int = 0
    n_articles: int = 0
    n_sources: int = 0
    sources: tuple[str, ...] = ()
    event_ids: tuple[str, ...] = ()
    evidence: tuple[dict, ...] = ()
    summary: str = ""


def outlet_of(url: str | None, doc_id: str) -> str:
    """The outlet an article counts as: the URL's host without ``www.``, else its document."""
    host = urlparse(url).hostname if url else None
    if host:
        return host.removeprefix("www.")
    return doc_id


def actor_unit(actor: ActorRef | None) -> str:
    """The coarse identity used in the fusion key: country code, else the name."""
    if actor is None:
        return "-"
    return actor.country or (actor.name or actor.text or "?").lower()


def fusion_key(event: Event) -> str:
    """``TYPE|SRC|TGT``; sides sorted for symmetric types (the unit of recomputation)."""
    src, tgt = actor_unit(event.source), actor_unit(event.target)
    if event.type in SYMMETRIC_TYPES and tgt < src:
        src, tgt = tgt, src
    return f"{event.type}|{src}|{tgt}"


def precision_of(date: EventDate) -> str:
    """The date's precision as its value shows it (``2025-08-15`` is a day)."""
    return {10: "day", 7: "month", 4: "year"}.get(len(date.value or ""), "unknown")


def dates_compatible(a: EventDate, b: EventDate, tolerance_days: int = 0) -> bool:
    """True when two dates may denote the same day given their precisions."""
    if not a.value or not b.value:
        return False
    if precision_of(a) == "day" and precision_of(b) == "day":
        return abs((_day(a.value) - _day(b.value)).days) <= tolerance_days
    short, long_ = sorted((a.value, b.value), key=len)
    return long_.startswith(short)


def _day(value: str) -> dt.date:
    return dt.date.fromisoformat(value[:10])


def _is_person(actor: ActorRef) -> bool:
    return actor.kind == "person" or (actor.kind is None and actor.role is not None)


def actors_compatible(a: ActorRef | None, b: ActorRef | None) -> bool:
    """Same side of one incident: same name, or not both (different) persons."""
    if a is None or b is None:
        return a is b
    if a.name and b.name and a.name.lower() == b.name.lower():
        return True
    return actor_unit(a) == actor_unit(b) and not (_is_person(a) and _is_person(b))


@dataclass(slots=True)
class _Cluster:
    events: list[Event]
    source: ActorRef | None
    target: ActorRef | None
    date: EventDate

    def articles(self) -> set[tuple[str, int]]:
        return {(e.doc_id, e.article_index) for e in self.events}


def _more_specific(current: ActorRef | None, new: ActorRef | None) -> ActorRef | None:
    if current is None or (new is not None and _is_person(new) and not _is_person(current)):
        return new
    return current


def _oriented(event: Event, cluster: _Cluster) -> tuple[ActorRef | None, ActorRef | None] | None:
    """The event's (source, target) in the cluster's orientation, or None if incompatible."""
    pairs = [(event.source, event.target)]
    if event.type in SYMMETRIC_TYPES:
        pairs.append((event.target, event.source))
    for src, tgt in pairs:
        if actors_compatible(src, cluster.source) and actors_compatible(tgt, cluster.target):
            return src, tgt
    return None


def _join(cluster: _Cluster, event: Event, actors: tuple[ActorRef | None, ActorRef | None]) -> None:
    cluster.events.append(event)
    cluster.source = _more_specific(cluster.source, actors[0])
    cluster.target = _more_specific(cluster.target, actors[1])
    if _PRECISION_RANK[precision_of(event.date)] < _PRECISION_RANK[precision_of(cluster.date)]:
        cluster.date = event.date


def _candidates(event: Event, clusters: Iterable[_Cluster], tolerance_days: int):
    article = (event.doc_id, event.article_index)
    for cluster in clusters:
        actors = _oriented(event, cluster)
        if actors is None:
            continue
        if event.date.value:
            if dates_compatible(event.date, cluster.date, tolerance_days):
                yield cluster, actors
        elif article in cluster.articles():
            yield cluster, actors


class _ClusterIndex:
    """The clusters of one key, indexed so that an event is compared only with those it could
    join: a dated event with the clusters of its year (and those dated too vaguely to have
    one), an undated event with the clusters holding its article. Without the index every
    event met every cluster of its key, which grew with the square of the key's events."""

    def __init__(self, tolerance_days: int) -> None:
        self.all: list[_Cluster] = []
        self.by_year: dict[str, list[_Cluster]] = defaultdict(list)
        self.yearless: list[_Cluster] = []  # dated, but shorter than a year ("20")
        self.by_article: dict[tuple[str, int], list[_Cluster]] = defaultdict(list)
        self.scan_all = tolerance_days > 0  # two days apart may straddle a new year

    def near(self, event: Event) -> Iterable[_Cluster]:
        value = event.date.value
        if not value:
            return self.by_article.get((event.doc_id, event.article_index), ())
        if self.scan_all or len(value) < 4:
            return self.all
        return self.by_year.get(value[:4], []) + self.yearless

    def add(self, cluster: _Cluster) -> None:
        self.all.append(cluster)
        value = cluster.date.value
        if value:
            (self.by_year[value[:4]] if len(value) >= 4 else self.yearless).append(cluster)
        self.joined(cluster, cluster.events[0])

    def joined(self, cluster: _Cluster, event: Event) -> None:
        holding = self.by_article[(event.doc_id, event.article_index)]
        if not any(other is cluster for other in holding):
            holding.append(cluster)


def _sort_key(event: Event) -> tuple:
    return (_PRECISION_RANK[precision_of(event.date)], event.date.value or "",
            event.doc_id, event.article_index, event.evidence.start, event.id)


def cluster_events(events: Iterable[Event], tolerance_days: int = 0) -> list[list[Event]]:
    """Group events of one fusion key into incidents (most precise dates first)."""
    index = _ClusterIndex(tolerance_days)
    for event in sorted(events, key=_sort_key):
        found = list(_candidates(event, index.near(event), tolerance_days))
        if len(found) == 1:
            _join(found[0][0], event, found[0][1])
            index.joined(found[0][0], event)
        else:  # none, or ambiguous (a month that fits two different days): stay apart
            index.add(_Cluster([event], event.source, event.target, event.date))
    return [c.events for c in index.all]


def fuse(
    events: Iterable[Event],
    reports: Mapping[str, Report] | None = None,
    *,
    tolerance_days: int = 0,
) -> list[Incident]:
    """Fuse events into incidents.

    Args:
        events: coded events, from any number of articles.
        reports: ``"doc_id#index"`` → :class:`Report` (publication date, outlet);
            articles not in it count as their own outlet, with no report date.
        tolerance_days: how many days apart two day-precise dates may be.

    Returns:
        Incidents ordered by date, then id.
    """
    reports = reports or {}
    by_key: dict[str, list[Event]] = defaultdict(list)
    for event in events:
        by_key[fusion_key(event)].append(event)
    incidents = [
        build_incident(key, members, reports)
        for key, group in by_key.items()
        for members in cluster_events(group, tolerance_days)
    ]
    return sorted(incidents, key=lambda i: (i.date.value or "9999", i.id))


def _report(event: Event, reports: Mapping[str, Report]) -> Report:
    report = reports.get(f"{event.doc_id}#{event.article_index}")
    return Report(published=report.published if report else None,
                  outlet=(report.outlet if report and report.outlet else event.doc_id))


def build_incident(key: str, events: Sequence[Event], reports: Mapping[str, Report]) -> Incident:
    """One incident from the events of one cluster."""
    first = events[0]  # the most precisely dated (cluster_events' order)
    ranked = sorted({e.status for e in events}, key=STATUSES.index)
    outlets = sorted({_report(e, reports).outlet for e in events})
    published = sorted(p for e in events if (p := _report(e, reports).published))
    ids = sorted(e.id for e in events)
    modes = Counter(e.mode for e in events if e.mode)
    cluster = _Cluster(list(events[:1]), first.source, first.target, first.date)
    for event in events[1:]:
        _join(cluster, event, _oriented(event, cluster) or (event.source, event.target))
    return Incident(
        id="inc_" + hashlib.sha1(f"{key}|{ids[0]}".encode()).hexdigest()[:16],
        fusion_key=key, type=first.type, mode=modes.most_common(1)[0][0] if modes else None,
        source=cluster.source, target=cluster.target, date=cluster.date,
        status=ranked[0], weakest_status=ranked[-1],
        statuses=dict(Counter(e.status for e in events)),
        first_report=published[0] if published else None,
        last_report=published[-1] if published else None,
        n_events=len(events), n_articles=len(cluster.articles()), n_sources=len(outlets),
        sources=tuple(outlets), event_ids=tuple(ids),
        evidence=tuple(_evidence(e, reports) for e in sorted(events, key=_sort_key)),
        summary=summarize(events, reports),
    )


def _evidence(event: Event, reports: Mapping[str, Report]) -> dict:
    return {
        "event_id": event.id, "doc_id": event.doc_id, "article_index": event.article_index,
        "status": event.status, "outlet": _report(event, reports).outlet,
        "claimed_by": event.claimed_by.name if event.claimed_by else None,
        "text": event.evidence.text, "start": event.evidence.start, "end": event.evidence.end,
    }


def summarize(events: Sequence[Event], reports: Mapping[str, Report] | None = None) -> str:
    """"reported by 3 sources; unconfirmed by 1 source (claimed by Kremlin)"."""
    reports = reports or {}
    parts = []
    for status in STATUSES:
        group = [e for e in events if e.status == status]
        if not group:
            continue
        n = len({_report(e, reports).outlet for e in group})
        text = f"{status} by {n} source{'s' if n > 1 else ''}"
        claimants = sorted({e.claimed_by.name for e in group if e.claimed_by and e.claimed_by.name})
        if claimants:
            text += f" (claimed by {', '.join(claimants)})"
        parts.append(text)
    return "; ".join(parts)


def incident_dict(incident: Incident) -> dict:
    """The JSON shape of an incident (API, exports, ``diplograph incidents``)."""
    return to_dict(incident)

