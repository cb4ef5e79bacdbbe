"""Actors you can trust (issues #15/#16, stop 27, ownside27): a group of the speaker's own
side ("fellow senators", "his own MPs", "party members") is of the speaker's state, in its
noun's sector (coding/actors/own_side.py: rule `own-side-group`; words in
data/actors/mention_words.yaml). The mention table of the stop is
tests/data/actor_mentions_ownside27.tsv. Sentences of our own, none of the table's."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import actor_at

from diplograph.coding.actors import ActorResolver

WHEN = dt.date(2020, 9, 15)


@pytest.fixture(scope="module")
def resolver(actor_resolver) -> ActorResolver:
    return actor_resolver  # the session's (read-only)


@pytest.mark.parametrize(("text", "words", "country", "sector"), [
    ("The Norwegian prime minister urged fellow lawmakers to approve the fishing quota.",
     "fellow lawmakers", "NOR", "LEG"),
    ("The Danish defence minister asked his own officials to check the radar contract.",
     "his own officials", "DNK", "GOV"),
    ("The Belgian foreign minister told party activists to campaign in Antwerp.",
     "party activists", "BEL", "PTY"),
    ("The Finnish president called on fellow citizens to vote on Sunday.",
     "fellow citizens", "FIN", "CVL"),
])
def test_own_side_group_is_the_speakers_state(resolver, text, words, country, sector):
    actor = actor_at(resolver, text, words, when=WHEN, home=None)
    assert (actor.country, actor.sector) == (country, sector)  # the state, not a person
    assert actor.kind != "person"


@pytest.mark.parametrize(("text", "words"), [
    # a region's word between the marker and the noun: several states' leaders
    ("The Danish prime minister urged fellow Nordic ministers to share the costs.",
     "ministers"),
    # another state after the noun: not the speaker's side
    ("The Danish prime minister met fellow ministers from Sweden in Malmo.", "fellow"),
    # "own" with no possessive before it is no own-side marker
    ("The Danish prime minister said own officials would decide.", "own officials"),
])
def test_own_side_group_leaves_other_sides_alone(resolver, text, words):
    at = text.index(words)
    mentions = resolver.find_mentions(resolver.nlp(text), when=WHEN, home_country=None)
    found = [m for m in mentions if m.start <= at < m.end]
    assert all(m.actor.country != "DNK" for m in found), [m.actor for m in found]
