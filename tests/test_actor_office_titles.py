"""Offices known by a title of their own (role ``other`` in the knowledge base: "vice
president", "special presidential envoy for climate"): the holder at a date, found through
the index of titles that ``Offices`` builds once (stop 20: the knowledge base was scanned
person by person for each title an article used)."""

from __future__ import annotations

import datetime as dt

import pytest

from diplograph.coding.actors.offices import Offices
from diplograph.coding.actors.words import mention_words
from diplograph.knowledge.base import Person


@pytest.fixture(scope="module")
def offices(actor_resolver) -> Offices:
    return Offices(actor_resolver.kb, mention_words())


@pytest.mark.parametrize(("when", "name"), [
    (dt.date(2010, 6, 1), "Joe Biden"),
    (dt.date(2018, 6, 1), "Mike Pence"),
    (dt.date(2023, 6, 1), "Kamala Harris"),
])
def test_vice_president_at_the_date(offices: Offices, when: dt.date, name: str) -> None:
    person = offices.holder("deputy head of government", "USA", when, "vice president")
    assert person is not None and person.name == name


def test_title_is_read_in_any_case(offices: Offices) -> None:
    lower = offices.holder("deputy head of government", "USA", dt.date(2018, 6, 1),
                           "vice president")
    upper = offices.holder("deputy head of government", "USA", dt.date(2018, 6, 1),
                           "Vice President")
    assert lower is not None and upper == lower


def _scanned(offices: Offices, title: str, where: str, when: dt.date) -> Person | None:
    """The first person of the knowledge base holding `title` in `where` on `when`: what the
    index must give."""
    low = title.lower()
    return next((p for p in offices.kb.people if any(
        t.role == "other" and (t.title or "").lower() == low and where in (t.country, t.org)
        and t.active(when) for t in p.terms)), None)


def test_index_gives_what_a_scan_of_every_person_gives(offices: Offices) -> None:
    # Every title of role ``other`` at the start and on the last day of each of its terms,
    # and a day before any: namesakes in order, the dates bounding a term.
    asked = 0
    for person in offices.kb.people:
        for term in person.terms:
            if term.role != "other" or not term.title:
                continue
            where = term.country or term.org
            days = [term.start, term.end, dt.date(1900, 1, 1)]
            for when in (d for d in days if d is not None):
                # No one holds a role "x": the holder is the title's or no one.
                assert offices.holder("x", where, when, term.title) \
                    == _scanned(offices, term.title, where, when)
                asked += 1
    assert asked > 20
