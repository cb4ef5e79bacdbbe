"""Actors you can trust (issue #15, stop 28, sector28): a title of a private body's officer
by a possessive or an "of" phrase is the body's office, never the state's. Rule
`officer-of-private-body` (coding/actors/resolve.py for "X's president Name",
coding/actors/body_offices.py for "Name, the president of X", the post's own mention and
"the company's president, Name"); the mention table of the stop is
tests/data/actor_mentions_sector28.tsv. Sentences of our own, none of the table's."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import actor_at

from diplograph.coding.actors import ActorResolver
from diplograph.records import ActorRef

WHEN = dt.date(2016, 6, 1)


@pytest.fixture(scope="module")
def resolver(actor_resolver) -> ActorResolver:
    return actor_resolver  # the session's (read-only)


def _actor(resolver: ActorResolver, text: str, words: str, when: dt.date = WHEN) -> ActorRef:
    """The actor of the mention that starts at the first occurrence of `words`."""
    return actor_at(resolver, text, words, when=when, home=None)


@pytest.mark.parametrize(("text", "words", "country", "sector"), [
    ("The Sierra Club's president, Joan Whitfield, said the lawsuit would go ahead.",
     "The Sierra Club's president, Joan Whitfield", "USA", "NGO"),
    ("Siemens's chairman, Otto Brenner, promised new jobs in Munich.",
     "Siemens's chairman, Otto Brenner", "DEU", "BUS"),
])
def test_a_private_body_s_president_by_possessive_is_no_head_of_state(
        resolver: ActorResolver, text: str, words: str, country: str, sector: str) -> None:
    actor = _actor(resolver, text, words)
    assert (actor.country, actor.sector, actor.role) == (country, sector, None)


@pytest.mark.parametrize(("text", "words", "country", "sector"), [
    ("Lisa Harmon, the president of the NAACP, urged voters to register.", "Lisa Harmon",
     "USA", "NGO"),
    ("Pat Dorsey, president of the Teamsters, said the drivers would walk out.", "Pat Dorsey",
     "USA", "LAB"),
])
def test_a_private_body_s_president_by_of_is_the_body_s(
        resolver: ActorResolver, text: str, words: str, country: str, sector: str) -> None:
    actor = _actor(resolver, text, words)
    assert (actor.name, actor.country, actor.sector, actor.role) == (
        words, country, sector, None)


def test_the_post_s_own_words_name_no_state_head(resolver: ActorResolver) -> None:
    # "The president of Toyota" is no holder of a state's office (no known president).
    text = "The president of Toyota apologised for the recall on Monday."
    actor = _actor(resolver, text, "The president")
    assert (actor.country, actor.sector, actor.role) == ("JPN", "BUS", None)
    assert actor.wikidata is None and actor.name is None


def test_a_company_s_president_after_a_comma_is_business(resolver: ActorResolver) -> None:
    text = "The company's president, Ruth Calder, said profits had doubled."
    actor = _actor(resolver, text, "president, Ruth Calder")
    assert (actor.name, actor.sector, actor.role) == ("Ruth Calder", "BUS", None)


@pytest.mark.parametrize(("text", "words", "when", "name", "country", "role"), [
    ("The president of France, Francois Hollande, flew to Mali.", "Francois Hollande",
     dt.date(2013, 2, 2), "François Hollande", "FRA", "head of state"),
    ("Mexico's president, Enrique Pena Nieto, met the governor.", "Enrique Pena Nieto",
     dt.date(2016, 9, 1), "Enrique Peña Nieto", "MEX", "head of state"),
])
def test_a_state_s_president_keeps_the_office(resolver: ActorResolver, text: str, words: str,
                                              when: dt.date, name: str, country: str,
                                              role: str) -> None:
    actor = _actor(resolver, text, words, when=when)
    assert (actor.name, actor.country, actor.sector, actor.role) == (
        name, country, "GOV", role)
