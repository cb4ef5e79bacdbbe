"""The events a named coding rule gave, as comparable tuples (shared by the recall tests)."""

from __future__ import annotations

from diplograph.records import Event


def by_rule(events: list[Event], rule: str, *, with_status: bool = False) -> set[tuple]:
    """(type, mode, source, target[, status]) of each event whose ``rules`` name ``rule``;
    an actor as its country, else its name."""
    status = (lambda e: (e.status,)) if with_status else (lambda e: ())
    return {(e.type, e.mode, e.source and (e.source.country or e.source.name),
             e.target and (e.target.country or e.target.name), *status(e))
            for e in events if rule in e.rules}


def type_and_countries(events: list[Event]) -> set[tuple[str, str | None, str | None]]:
    """(type, source's country, target's country) of each event, whatever rule gave it."""
    return {(e.type, e.source and e.source.country, e.target and e.target.country)
            for e in events}


def only_event(events: list[Event], kind: str) -> Event:
    """The one event of type ``kind``; fails, listing every event, when there are none or
    several."""
    chosen = [e for e in events if e.type == kind]
    assert len(chosen) == 1, [(e.type, e.source, e.target, e.status, e.rules) for e in events]
    return chosen[0]
