"""Generic agents in a story with a setting (issues #15, #16, stop 26, agents18).

The story's bare plural agents ("MPs", "ministers", "unions", "women", "Thousands of civil
servants") take the state of the story's one clear setting (``home_group_nouns`` in
mention_words.yaml, read by ``bodies.home_state_nouns``); rules `people-of-one-state` and
`units-of-a-federation` (coding/actors/peoples.py) place peoples of one state and the units
of a federation by their own words. Sentences of our own, none of the case file's
(tests/data/real/coding_cases_agents18.yaml)."""

from __future__ import annotations

import datetime as dt

import pytest

from diplograph.coding.actors import ActorResolver
from diplograph.records import ActorRef

WHEN = dt.date(2023, 6, 1)


@pytest.fixture(scope="module")
def resolver(actor_resolver) -> ActorResolver:
    return actor_resolver  # the session's (read-only)


def _actor_of(resolver: ActorResolver, text: str, words: str) -> ActorRef | None:
    """The actor of the mention at the last `words` in `text`, read with no home state."""
    at = text.rindex(words)
    mentions = resolver.find_mentions(resolver.nlp(text), when=WHEN, home_country=None)
    found = [m for m in mentions if m.start <= at < m.end]
    return found[0].actor if found else None


SETTINGS = {
    "GHA": "Power cuts have hit Ghana for a month, and Accra and Kumasi are dark at night. ",
    "CAN": "Wildfires spread across Canada's west, and Alberta and Vancouver are on alert. ",
}


@pytest.mark.parametrize(("setting", "sentence", "words", "country", "sector"), [
    ("GHA", "MPs demanded an inquiry into the utility.", "MPs", "GHA", "LEG"),
    ("GHA", "Unions blamed ministers for the blackouts.", "ministers", "GHA", "GOV"),
    ("GHA", "Unions blamed ministers for the blackouts.", "Unions", "GHA", "LAB"),
    ("CAN", "Dozens of residents criticised the slow evacuation.", "residents", "CAN", "CVL"),
    ("CAN", "Hundreds of civil servants were sent home.", "civil servants", "CAN", "GOV"),
    ("CAN", "Several women described the fire as the worst in decades.", "women", "CAN", "CVL"),
])
def test_a_generic_agent_takes_the_setting(resolver, setting, sentence, words, country, sector):
    actor = _actor_of(resolver, SETTINGS[setting] + sentence, words)
    assert actor is not None and (actor.country, actor.sector) == (country, sector)


@pytest.mark.parametrize(("text", "words"), [
    # Two states compete: whose unions these are is not told.
    ("Chile and Peru argued over fishing rights in Lima and Santiago. Unions backed the ban.",
     "Unions"),
    # One sentence naming no state: the ministers' state is not told.
    ("Ministers promised a review of school meals.", "Ministers"),
])
def test_no_clear_setting_no_state(resolver, text, words):
    actor = _actor_of(resolver, text, words)
    assert actor is None or actor.country is None


@pytest.mark.parametrize(("text", "words", "country"), [
    ("Uighur activists accused the authorities of closing mosques.", "Uighur activists", "CHN"),
    ("Hundreds of Chechens fled the fighting in the mountains.", "Chechens", "RUS"),
])
def test_a_people_of_one_state(resolver, text, words, country):
    actor = _actor_of(resolver, text, words)
    assert actor is not None and (actor.country, actor.sector, actor.kind) == \
        (country, "ETH", "group")


def test_a_people_of_several_states_is_not_placed(resolver):
    """Contrast: Kurds live in four states; the word tells none of them."""
    actor = _actor_of(resolver, "Thousands of Kurds marched through the city.", "Kurds")
    assert actor is None or actor.country is None


def test_a_region_named_for_a_people_is_a_place(resolver):
    """Contrast: "the Oromia region" or "the Amhara region" is a place, not the people."""
    actor = _actor_of(resolver, "Rain fell across the Amhara region on Sunday.", "Amhara")
    assert actor is None or actor.sector != "ETH"


@pytest.mark.parametrize(("text", "words", "country"), [
    ("Eighteen states led by Ohio and Indiana have asked the court to block the rule.",
     "Eighteen states", "USA"),
    ("Three provinces, Ontario and Quebec among them, rejected the federal plan.",
     "Three provinces", "CAN"),
])
def test_units_of_a_federation(resolver, text, words, country):
    actor = _actor_of(resolver, text, words)
    assert actor is not None and (actor.country, actor.sector) == (country, "GOV")


def test_member_states_are_not_units_of_a_federation(resolver):
    """Contrast: states named by their own names are states, not a federation's units."""
    actor = _actor_of(resolver, "Five states, France and Spain among them, opposed the quota.",
                      "Five states")
    assert actor is None or actor.sector != "GOV" or actor.country is None


def test_a_noun_inside_a_body_name_is_not_the_settings(resolver):
    """Contrast: "ministers" in "the Council of Ministers" is part of the body's name."""
    text = ("Power cuts have hit Ghana for a month, and Accra and Kumasi are dark at night. "
            "The Council of ministers in Brussels will meet on Friday.")
    actor = _actor_of(resolver, text, "ministers")
    assert actor is None or actor.country != "GHA"
