"""Actors you can trust (issue 15): groups of a city, county or region (the
`local-group-noun` rule, coding/actors/local.py, `local_group_nouns` in mention_words.yaml,
data/actors/local_places.yaml). Sentences written for the rule."""

from __future__ import annotations

import pytest
from conftest import actors_in as _actors

from diplograph.coding.actors import ActorResolver
from diplograph.coding.actors.local import local_places, place_state


@pytest.fixture(scope="module")
def resolver(actor_resolver) -> ActorResolver:
    return actor_resolver  # the session's (read-only)


def _who(resolver: ActorResolver, text: str, mention: str, home: str | None = None) -> tuple:
    actor = _actors(resolver, text, "2005-01-15", home)[mention]
    return actor.name, actor.country, actor.sector


@pytest.mark.parametrize(("text", "mention", "who"), [
    # A city before the noun: its state, the noun's sector.
    ("Belfast councillors voted against the plan on Monday.", "Belfast councillors",
     ("United Kingdom", "GBR", "GOV")),
    ("Denver police said two men had been arrested.", "Denver police",
     ("United States", "USA", "COP")),
    ("Three Oklahoma officials resigned over the contract.", "Three Oklahoma officials",
     ("United States", "USA", "GOV")),
    ("The two Houston police officers were suspended.", "The two Houston police officers",
     ("United States", "USA", "COP")),
    # A county the gazetteer gives to a bigger namesake abroad: local_places.yaml.
    ("Kent police have appealed for witnesses.", "Kent police", ("United Kingdom", "GBR", "COP")),
    # After "in", hanging from the noun.
    ("Prosecutors in Lyon said the trial would open in May.", "Prosecutors",
     ("France", "FRA", "JUD")),
    ("Angry residents in Leeds blocked the road.", "Angry residents",
     ("United Kingdom", "GBR", "CVL")),
])
def test_a_group_of_a_place_is_its_state_s(resolver: ActorResolver, text: str, mention: str,
                                           who: tuple) -> None:
    assert _who(resolver, text, mention) == who


@pytest.mark.parametrize(("text", "mention", "who"), [
    ("Houston police officer Mark Delaney was cleared of wrongdoing.",
     "Houston police officer Mark Delaney", ("Mark Delaney", "USA", "COP")),
    ("Essex police spokesman Peter Gould said the search would go on.",
     "Essex police spokesman Peter Gould", ("Peter Gould", "GBR", "COP")),
])
def test_a_person_named_after_a_place_s_group_serves_in_it(
        resolver: ActorResolver, text: str, mention: str, who: tuple) -> None:
    assert _who(resolver, text, mention) == who


def test_troops_in_a_city_are_where_they_serve_not_whose(resolver: ActorResolver) -> None:
    found = _actors(resolver, "Troops in Basra came under fire on Sunday.", "2005-01-15")
    assert not any("Troops" in words for words in found)


def test_a_kind_of_official_in_a_city_is_where_they_work(resolver: ActorResolver) -> None:
    # Relief officials in Nairobi work for aid bodies in Sudan's war, not for Kenya.
    found = _actors(resolver, "Rebels shelled the town, relief officials in Nairobi said.",
                    "2005-01-15")
    assert not any("officials" in words for words in found)


def test_a_longer_name_before_the_noun_is_no_place(resolver: ActorResolver) -> None:
    # "Arizona State University students": the university's students, not Arizona's.
    found = _actors(resolver, "Arizona State University students marched on Friday.",
                    "2005-01-15")
    assert not any("students" in words for words in found)


def test_a_club_before_the_noun_is_no_place(resolver: ActorResolver) -> None:
    # "Chelsea" is a Massachusetts city too; read as an organisation it is the club.
    found = _actors(resolver, "Chelsea officials said the player would stay.", "2005-01-15")
    assert not any("officials" in words for words in found)


def test_an_owner_before_the_group_says_whose_it_is(resolver: ActorResolver) -> None:
    found = _actors(resolver, "The company's workers in Detroit went on strike.", "2005-01-15")
    assert not any("workers" in words for words in found)


def test_a_namesake_in_the_story_s_home_state_wins() -> None:
    places = local_places()
    assert place_state(places, None, "Norfolk") == "GBR"
    assert place_state(places, "USA", "Norfolk") == "USA"  # Norfolk, Virginia
    assert place_state(places, None, "Tulsa") == "USA"
    assert place_state(places, None, "Nepal") is None  # a state: read elsewhere
