"""What to select: :class:`EventFilter`, the filters shared by the listings, the API and exports.

A filter turns into a SQL condition with bound parameters (:meth:`EventFilter.where`);
the queries that use it are in :mod:`diplograph.store.queries`.
"""

from __future__ import annotations

from dataclasses import dataclass

from diplograph.store import like


def is_country_code(value: str) -> bool:
    """"RUS", "CAN": an ISO 3166 alpha-3 code, matched exactly rather than as words."""
    return len(value) == 3 and value.isalpha() and value.isupper()


def is_wikidata_id(value: str) -> bool:
    """"Q22686": a Wikidata item id, matched exactly on the actor's ``wikidata``."""
    return value[:1] in "Qq" and value[1:].isdigit() and len(value) > 1


def actor_side(side: str, actor: str, table: str = "events") -> tuple[str, list]:
    """The one actor matcher: SQL condition for ``actor`` on one side of an event row.

    Every page, the API and the CLI select actors through this, so ``/events?actor=Trump``,
    ``/dyad?a=Trump&b=Putin`` and the network agree. ``actor`` is an ISO3 code (the state
    and everyone in it), a Wikidata id, or words found in the canonical name or the
    article's words for the actor (case-insensitive).

    Args:
        side: ``"source"`` or ``"target"`` (a column prefix, never user input).
        actor: what the user typed.
        table: ``"events"`` or ``"incidents"`` (which has no ``wikidata`` columns: an
            incident matches a Wikidata id through its reports).
    """
    if side not in ("source", "target"):
        raise ValueError(f"no actor side {side!r}")
    if is_country_code(actor):
        return f"{side}_country = ?", [actor]
    if is_wikidata_id(actor) and table == "incidents":  # no wikidata columns: via its reports
        return (f"id IN (SELECT ie.incident_id FROM incident_events ie JOIN events e "
                f"ON e.id = ie.event_id WHERE e.{side}_wikidata = ?)"), [actor.upper()]
    if is_wikidata_id(actor):
        return f"{side}_wikidata = ?", [actor.upper()]
    words = like.text(" ".join(actor.split()))
    return f"({like.holds(f'{side}_name')} OR {like.holds(f'{side}_text')})", [words, words]


def actor_either(actor: str, table: str = "events") -> tuple[str, list]:
    """``actor`` on either side of an event (:func:`actor_side` twice)."""
    src, src_p = actor_side("source", actor, table)
    tgt, tgt_p = actor_side("target", actor, table)
    return f"({src} OR {tgt})", src_p + tgt_p


def dyad_either(a: str, b: str, table: str = "events") -> tuple[str, list]:
    """Events between ``a`` and ``b``, either direction (:func:`actor_side` four times)."""
    parts, params = [], []
    for x, y in ((a, b), (b, a)):
        sx, px = actor_side("source", x, table)
        ty, py = actor_side("target", y, table)
        parts.append(f"({sx} AND {ty})")
        params += px + py
    return "(" + " OR ".join(parts) + ")", params


@dataclass(frozen=True, slots=True, kw_only=True)
class EventFilter:
    """Filters shared by ``events``, ``incidents``, the API and the exports."""

    actor: str | None = None  # name, country code or words, either side
    type: str | None = None
    since: str | None = None  # YYYY-MM-DD (compared on the date's prefix)
    until: str | None = None
    status: str | None = None
    country: str | None = None
    place: str | None = None  # where it happened: a country code or words of the place name

    def where(self, table: str = "events") -> tuple[str, list]:
        """SQL condition (bound parameters only) and its parameters, on ``events`` or
        ``incidents`` (which has no location columns: ``place`` matches an incident when
        one of its reports is located there)."""
        clauses, params = ["TRUE"], []
        if self.actor:
            clause, values = actor_either(self.actor, table)
            clauses.append(clause)
            params += values
        if self.country:
            clauses.append("(source_country = ? OR target_country = ?)")
            params += [self.country.upper(), self.country.upper()]
        if self.place:
            e = "e." if table == "incidents" else ""
            if is_country_code(self.place):
                place, value = f"{e}location_country = ?", self.place
            else:
                place, value = like.holds(f"{e}location_name"), like.text(self.place)
            if table == "incidents":
                place = ("id IN (SELECT ie.incident_id FROM incident_events ie JOIN events e "
                         f"ON e.id = ie.event_id WHERE {place})")
            clauses.append(place)
            params.append(value)
        if self.type:
            clauses.append("type = ?")
            params.append(self.type.upper())
        if self.status:
            clauses.append("status = ?")
            params.append(self.status.lower())
        if self.since:
            clauses.append("date_value >= ?")
            params.append(self.since)
        if self.until:
            clauses.append("substr(date_value, 1, ?) <= ?")
            params += [len(self.until), self.until]
        return " AND ".join(clauses), params


__all__ = ["EventFilter", "actor_either", "actor_side", "dyad_either", "is_country_code",
           "is_wikidata_id"]
