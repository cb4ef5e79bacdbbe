"""Actors you can trust (issue #15, stop 28, unres28): in a text with no home state, a bare
noun for a state's own body or press ("the government", "the administration", "the city",
"journalists") acted on by a domestic actor of one state is that actor's state's, in its
noun's sector (coding/actors/own_state.py: rule `speaker-own-state`; words in
data/actors/mention_words.yaml). The mention table of the stop is
tests/data/actor_mentions_ownstate28.tsv. Sentences of our own, none of the table's."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import actor_at

from diplograph.coding.actors import ActorResolver

WHEN = dt.date(2016, 4, 12)


@pytest.fixture(scope="module")
def resolver(actor_resolver) -> ActorResolver:
    return actor_resolver  # the session's (read-only)


@pytest.mark.parametrize(("text", "words", "country", "sector"), [
    ("Senator Chuck Schumer urged the administration to release the report.",
     "the administration", "USA", "GOV"),
    ("The Sierra Club sued the city over the new pipeline.", "the city", "USA", "GOV"),
    ("Donald Trump said the way the government had handled the talks was a disgrace.",
     "the government", "USA", "GOV"),
    ("Hillary Clinton accused reporters of ignoring the economy.", "reporters", "USA", "JRN"),
    ("Bernie Sanders said both the major parties had ignored working families.",
     "both the major parties", "USA", "PTY"),
])
def test_bare_state_noun_is_the_doers_state(resolver, text, words, country, sector):
    actor = actor_at(resolver, text, words, when=WHEN, home=None)
    assert (actor.country, actor.sector) == (country, sector)  # the state, not a person
    assert actor.kind != "person"


@pytest.mark.parametrize(("text", "words"), [
    # a government's foreign face: another state's government
    ("Secretary of State John Kerry urged the government to free the journalists.",
     "the government"),
    # the doer abroad: the text names another state
    ("Senator Bob Corker flew to Cairo and urged the government to hold elections.",
     "the government"),
    # the parties to a conflict, not a state's political parties
    ("Senator Bernie Sanders urged the parties to return to the talks.", "the parties"),
    # an owner names the state the noun is of
    ("Senator Chuck Schumer criticised Mexico's government over the wall.", "government"),
])
def test_bare_state_noun_leaves_other_states_alone(resolver, text, words):
    at = text.index(words)
    mentions = resolver.find_mentions(resolver.nlp(text), when=WHEN, home_country=None)
    found = [m for m in mentions if m.start <= at < m.end]
    assert all(m.actor.country != "USA" for m in found), [m.actor for m in found]


def test_charge_after_of_leaves_a_home_noun_bare(resolver):
    """ "accused ministers OF LOSING control": a gerund after "of" is the charge, not the
    noun's owner, so the bare noun stays the story's (here the doer's) state's."""
    text = "Nigel Farage accused ministers of losing control of the borders."
    actor = actor_at(resolver, text, "ministers", when=dt.date(2014, 10, 1), home="GBR")
    assert (actor.country, actor.sector) == ("GBR", "GOV")
