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
        if self.actor and is_country_code(self.actor):
            clauses.append("(source_country = ? OR target_country = ?)")
            params += [self.actor, self.actor]
        elif self.actor:
            words = like.contains(self.actor.lower())
            clauses.append("(" + " OR ".join(f"lower({c}) LIKE ? {like.ESCAPE}" for c in (
                "source_name", "target_name", "source_text", "target_text")) + ")")
            params += [words, words, words, words]
        if self.country:
            clauses.append("(source_country = ? OR target_country = ?)")
            params += [self.country.upper(), self.country.upper()]
        if self.place:
            e = "e." if table == "incidents" else ""
            if is_country_code(self.place):
                place, value = f"{e}location_country = ?", self.place
            else:
                place = f"lower({e}location_name) LIKE ? {like.ESCAPE}"
                value = like.contains(self.place.lower())
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


__all__ = ["EventFilter", "is_country_code"]
