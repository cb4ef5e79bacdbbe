"""Rule `post-at-place` (issue #15, stop 26, mentions18): a person we do not know is of the
state where the body they hold a post in stands (coding/actors/post_places.py; the verbs in
data/actors/mention_words.yaml `post_verbs`). The mention table of the stop is
tests/data/actor_mentions_mentions18.tsv. Sentences of our own, none of the table's."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import actor_at

from diplograph.coding.actors import ActorResolver

WHEN = dt.date(2005, 3, 1)


@pytest.fixture(scope="module")
def resolver(actor_resolver) -> ActorResolver:
    return actor_resolver  # the session's (read-only)


@pytest.mark.parametrize(("text", "name", "country"), [
    # An appositive job noun: the body's place "at" or "in" is the person's state.
    ("Prices will rise, says Ingrid Holm, director of the Centre for Trade Studies at "
     "Uppsala University.", "Ingrid Holm", "SWE"),
    ("Marta Novak, chairwoman of a miners' union in Krakow, called for a strike.",
     "Marta Novak", "POL"),
    # A relative clause whose verb is a post.
    ("Rafael Mendes, who runs a coffee exporter in Sao Paulo, said the harvest was poor.",
     "Rafael Mendes", "BRA"),
    ("Yusuf Demir, who heads the Institute for Policy Research in Ankara, backed the plan.",
     "Yusuf Demir", "TUR"),
])
def test_a_post_places_the_person(resolver: ActorResolver, text: str, name: str,
                                  country: str) -> None:
    actor = actor_at(resolver, text, name, when=WHEN)
    assert (actor.name, actor.country) == (name, country)


@pytest.mark.parametrize(("text", "name"), [
    # The place of an act, not of a post.
    ("Paul Grant, who met the finance minister in Rome on Friday, said the talks went well.",
     "Paul Grant"),
    ("Jane Moss, director of a housing charity, spoke at a rally in Dublin.", "Jane Moss"),
    # A home is no post; a post with no place gives no state from the name.
    ("Erik Lund, who lives in Stockholm, said the new tax was unfair.", "Erik Lund"),
    ("Hiroshi Ito, director of the Institute for Trade Policy, said exports would fall.",
     "Hiroshi Ito"),
])
def test_no_post_place_no_state(resolver: ActorResolver, text: str, name: str) -> None:
    actor = actor_at(resolver, text, name, when=WHEN)
    assert (actor.name, actor.country) == (name, None)


def test_a_known_person_keeps_their_state(resolver: ActorResolver) -> None:
    """The rule reads only people we do not know: a known minister's state stays."""
    actor = actor_at(resolver, "Jack Straw, who heads the Foreign Office in London, flew to "
                     "Washington.", "Jack Straw", when=WHEN)
    assert (actor.name, actor.country) == ("Jack Straw", "GBR")
