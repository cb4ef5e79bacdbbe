"""Actors you can trust (issue #15, stop 27, sector27): agents named by a role noun take
the sector of the noun (coding/actors/phrases.py: rule `led-body`, its words
`led_words`/`led_body_nouns` in data/actors/mention_words.yaml; the sector nouns agents,
investigators and hackers in data/actors/sectors.yaml). The mention table of the stop is
tests/data/actor_mentions_sector27.tsv. Sentences of our own, none of the table's."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import actor_at

from diplograph.coding.actors import ActorResolver

WHEN = dt.date(2015, 10, 20)


@pytest.fixture(scope="module")
def resolver(actor_resolver) -> ActorResolver:
    return actor_resolver  # the session's (read-only)


@pytest.mark.parametrize(("text", "words", "country", "sector"), [
    # led-body: a coalition, alliance or force a state leads is that state's forces.
    ("The Russian-led alliance sent armoured vehicles to the border town.",
     "The Russian-led alliance", "RUS", "MIL"),
    ("A British-led force of six hundred soldiers landed near the capital.",
     "A British-led force", "GBR", "MIL"),
    ("An Emirati-led naval coalition stopped the cargo ship on Monday.",
     "An Emirati-led naval coalition", "ARE", "MIL"),
    # agents and investigators of a state: its government; of a body: the body's sector.
    ("Canadian investigators found the flight recorder on Sunday.",
     "Canadian investigators", "CAN", "GOV"),
    ("FBI agents questioned the pilot for two hours.", "FBI agents", "USA", "COP"),
    # a state's hackers: its spy services'.
    ("Chinese hackers stole the designs of the new fighter, officials said.",
     "Chinese hackers", "CHN", "COP"),
])
def test_role_noun_takes_its_sector(resolver, text, words, country, sector):
    actor = actor_at(resolver, text, words, when=WHEN, home=None)
    assert (actor.country, actor.sector) == (country, sector)


@pytest.mark.parametrize(("text", "words"), [
    # no "-led": a government's coalition is its parties, never an army.
    ("The ruling coalition lost its majority in parliament on Tuesday.", "coalition"),
    ("Germany's coalition partners rejected the tax plan.", "coalition"),
    # "-led" before a noun that is no led body: an inquiry is no army.
    ("A US-led inquiry into the crash will report in May.", "inquiry"),
])
def test_no_army_without_a_led_body(resolver, text, words):
    at = text.index(words)
    mentions = resolver.find_mentions(resolver.nlp(text), when=WHEN, home_country=None)
    covering = [m.actor for m in mentions if m.start <= at < m.end]
    assert all(actor.sector != "MIL" for actor in covering), covering
