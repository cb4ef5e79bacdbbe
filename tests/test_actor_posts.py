"""Actors you can trust (issue 15, stop 24, actors16): posts the phrase reader did not read
as titles. roles.yaml titles no people file holds as a role ("first minister", "education
secretary", "Europe minister", "commissioner"), a party's adjective before "leader"
("Conservative leader"), rule `party-leader` (coding/actors/resolve.py). The mention table
of the stop is tests/data/actor_mentions_posts.tsv. Sentences of our own, none of the
table's."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import actor_at

from diplograph.coding.actors import ActorResolver
from diplograph.records import ActorRef

WHEN = dt.date(2005, 3, 1)


@pytest.fixture(scope="module")
def resolver(actor_resolver) -> ActorResolver:
    return actor_resolver  # the session's (read-only)


def _actor(resolver: ActorResolver, text: str, words: str, home: str | None = "GBR",
           when: dt.date = WHEN) -> ActorRef:
    """The actor of the mention that starts at the last occurrence of `words`."""
    return actor_at(resolver, text, words, when=when, home=home, last=True)


@pytest.mark.parametrize(("text", "words", "name", "country", "sector"), [
    # A post read as a title: the name after it is that person, the bare post refers back.
    ("First Minister Rhodri Morgan opened the new assembly building. The first minister "
     "said Wales had come of age.", "The first minister", "Rhodri Morgan", "GBR", "GOV"),
    ("Education Secretary Charles Clarke defended top-up fees. The education secretary told "
     "MPs the universities needed the money.", "The education secretary", "Charles Clarke",
     "GBR", "GOV"),
    ("Europe minister Douglas Alexander arrived in Luxembourg. The Europe minister said the "
     "rebate was not negotiable.", "The Europe minister", "Douglas Alexander", "GBR", "GOV"),
    # A party's adjective before "leader": the party's leader, not a filler.
    ("Conservative leader Iain Duncan Smith visited a hospital in Kent.",
     "Conservative leader Iain Duncan Smith", "Iain Duncan Smith", "GBR", None),
])
def test_post_with_a_name(resolver, text, words, name, country, sector):
    actor = _actor(resolver, text, words, when=dt.date(2003, 6, 1) if "Duncan" in text
                   else WHEN)
    assert (actor.name, actor.country) == (name, country)
    if sector:
        assert actor.sector == sector


@pytest.mark.parametrize(("text", "words", "when", "sector"), [
    # Rule party-leader: an unknown leader of the official opposition of the day is OPP ...
    ("Scottish Conservative leader Annabel Goldie spoke in Perth.", "Scottish Conservative "
     "leader Annabel Goldie", dt.date(2007, 3, 1), "OPP"),
    # ... and of another party, the party's (PTY), never the government's.
    ("Plaid Cymru leader Ieuan Wyn Jones spoke in Cardiff.", "Plaid Cymru leader Ieuan Wyn "
     "Jones", WHEN, "PTY"),
])
def test_party_leader(resolver, text, words, when, sector):
    actor = _actor(resolver, text, words, when=when)
    assert (actor.country, actor.sector) == ("GBR", sector)


@pytest.mark.parametrize(("text", "words"), [
    # With no name, the office: no holder is picked for a post no people file holds.
    ("The first minister will open the debate on the budget tomorrow.", "The first minister"),
    ("The Europe minister travels to Brussels next week.", "The Europe minister"),
])
def test_post_without_a_name_names_no_one(resolver, text, words):
    actor = _actor(resolver, text, words)
    assert (actor.name, actor.country, actor.sector) == (None, "GBR", "GOV")


def test_bare_post_holder_of_the_day(resolver):
    """The knowledge names a holder of the post on the day (Ruth Kelly, education secretary
    2004-12-15 to 2006-05-05): the bare post is she, as "the home secretary" is Clarke."""
    actor = _actor(resolver, "The education secretary will publish the white paper on "
                   "Tuesday.", "The education secretary")
    assert (actor.name, actor.country, actor.sector) == ("Ruth Kelly", "GBR", "GOV")
    # The first ministers of Wales are dated since dated17 (people_k): "Welsh" says which.
    actor = _actor(resolver, "The Welsh first minister will meet the prime minister on "
                   "Monday.", "The Welsh first minister")
    assert (actor.name, actor.country, actor.sector) == ("Rhodri Morgan", "GBR", "GOV")
