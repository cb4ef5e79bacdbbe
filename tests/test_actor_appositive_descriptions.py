"""Actors you can trust (issue #15, stop 28, usplace28): a description set after (or before)
a person's name is that person, not the place it names (coding/actors/
appositive_descriptions.py: rule `description-after-name`). The mention table of the stop is
tests/data/actor_mentions_usplace28.tsv. Sentences of our own, none of the table's."""

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
    # the description after the name: the named person, with its state and sector
    ("Dan Moss, the former senator from Nebraska, endorsed the governor on Friday.",
     "the former senator", "Dan Moss", "USA", "ELI"),
    ("Senator Jim Harlan, a Kansas Republican who chairs the panel, opposed the bill.",
     "a Kansas Republican", "Jim Harlan", "USA", "LEG"),
    ("Rita Okafor, a Missouri voter who backs the senator, said the lines were too long.",
     "a Missouri voter", "Rita Okafor", "USA", "CVL"),
    # the name itself takes what the description gives
    ("Dan Moss, the former senator from Nebraska, endorsed the governor on Friday.",
     "Dan Moss", "Dan Moss", "USA", "ELI"),
    # descr28: an occupation or role after the name, its sector from `description_sectors`;
    # a place hanging from a compound's first noun ("an Idaho SCHOOL principal")
    ("Walt Huber, an Oklahoma cattle magnate, gave money to the governor on Friday.",
     "an Oklahoma cattle magnate", "Walt Huber", "USA", "BUS"),
    ("Nora Dunn, an Idaho school principal who backs the senator, spoke on Monday.",
     "an Idaho school principal", "Nora Dunn", "USA", "EDU"),
    ("Ruth Bell, a Kentucky pastor, led a prayer for the governor on Sunday.",
     "a Kentucky pastor", "Ruth Bell", "USA", "REL"),
    # the description before the name, parsed as a second subject of the verb
    ("A Nevada voter who supports Mr. Trump, Hal Benson praised the candidate on Friday.",
     "A Nevada voter", "Hal Benson", "USA", "CVL"),
])
def test_description_is_the_named_person(resolver, text, words, name, country, sector):
    actor = actor_at(resolver, text, words, when=WHEN, home=None)
    assert (actor.name, actor.country, actor.sector, actor.kind) == (name, country, sector,
                                                                     "person")


@pytest.mark.parametrize(("text", "words"), [
    # not in apposition: the state's officials, a farmer beside the senator
    ("Jim Harlan met Kansas officials in Topeka on Monday to discuss the flooding.",
     "Kansas officials"),
    ("Jim Harlan and a Kansas farmer toured the dam on Saturday.", "a Kansas farmer"),
])
def test_no_apposition_binds_no_one(resolver, text, words):
    actor = actor_at(resolver, text, words, when=WHEN, home=None)
    assert actor.name != "Jim Harlan"


def test_a_topic_is_no_state_of_the_person(resolver):
    """Only a place before the noun or after "from"/"of" is the person's: an adviser ON
    Syria is not Syrian."""
    actor = actor_at(resolver, "Paul Kemp, an adviser on Syria, resigned on Monday.",
                     "Paul Kemp", when=WHEN, home=None)
    assert actor.country != "SYR"


def test_relative_clause_of_the_description_is_the_persons_act(code_sentence):
    """The clause hanging from the description ("WHO IS SUPPORTING ...") is the named
    person's act, not the description's place's (the coder reads the noun's mention)."""
    events = code_sentence('"We need a change," said Dan Moss, the former senator from '
                           "Nebraska who is supporting Mr. Kasich.", "2016-03-01")
    sources = {(e.source.name, e.source.country) for e in events if e.type == "SUPPORT"}
    assert sources == {("Dan Moss", "USA")}
