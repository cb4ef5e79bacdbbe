"""Actors you can trust (issue #15, stop 27, appos27): a named person or body inside a
descriptive phrase is that person, not the phrase's place or body (coding/actors/
named_in_phrases.py: rules `descriptor-yields-to-names`, `owner-possessive-name`,
`former-post-of-body`; plural callings in setting.py). The mention table of the stop is
tests/data/actor_mentions_appos27.tsv. Sentences of our own, none of the table's."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import actor_at

from diplograph.coding.actors import ActorResolver

WHEN = dt.date(2016, 5, 3)


@pytest.fixture(scope="module")
def resolver(actor_resolver) -> ActorResolver:
    return actor_resolver  # the session's (read-only)


@pytest.mark.parametrize(("text", "words", "name", "country", "sector"), [
    # descriptor-yields-to-names (with a plural calling): the named people, not the place's
    # civilians.
    ("Three Nevada farmers, Carl Lindqvist and two neighbours, sued the water board.",
     "Three Nevada farmers", "Carl Lindqvist", "USA", "CVL"),
    # owner-possessive-name: an unknown person takes the owning body's state and sector.
    ("CNN's Marta Olsen asked the governor about the flooding.", "Marta Olsen", "Marta Olsen",
     "USA", "JRN"),
    ("Gazprom's Ivan Sorokin said exports to Europe would rise.", "Ivan Sorokin",
     "Ivan Sorokin", "RUS", "BUS"),
])
def test_named_person_in_a_phrase(resolver, text, words, name, country, sector):
    actor = actor_at(resolver, text, words, when=WHEN, home=None)
    assert (actor.name, actor.country, actor.sector, actor.kind) == (name, country, sector,
                                                                     "person")


def test_state_possessive_keeps_a_known_person(resolver):
    """A state's possessive before a known leader leaves the leader as the knowledge has him."""
    actor = actor_at(resolver, "Russia's Vladimir Putin met the Chinese leader on Monday.",
                     "Vladimir Putin", when=WHEN, home=None)
    assert (actor.name, actor.country) == ("Vladimir Putin", "RUS")


@pytest.mark.parametrize(("text", "words", "country", "sector"), [
    # former-post-of-body: a person who worked for the body, not the body.
    ("A former Siemens manager told the court he had paid the bribes.", "A former Siemens "
     "manager", "DEU", "BUS"),
    ("An ex-CNN correspondent said the network had ignored the story.", "An ex-CNN "
     "correspondent", "USA", "JRN"),
])
def test_former_post_of_a_body_is_a_person(resolver, text, words, country, sector):
    actor = actor_at(resolver, text, words, when=WHEN, home=None)
    assert (actor.name, actor.country, actor.sector, actor.kind) == (None, country, sector,
                                                                     "person")


def test_the_body_itself_stays_the_body(resolver):
    """Contrast: the body as the subject, no post after its name, is the body."""
    actor = actor_at(resolver, "Siemens said it would close the plant in Bavaria.", "Siemens",
                     when=WHEN, home=None)
    assert (actor.name, actor.kind) == ("Siemens", "organisation")
