"""Actors you can trust (issue 15), the home state's people: party words, shadow posts,
bare government nouns and the state a story without a dateline is set in. Sentences
written for each rule; the other rules' sentences are in test_actor_trust.py."""

from __future__ import annotations

import pytest
from conftest import actors_in as _actors

from diplograph.coding.actors import ActorResolver


@pytest.fixture(scope="module")
def resolver(actor_resolver) -> ActorResolver:
    return actor_resolver  # the session's (read-only); a new one costs 0.7 s of CPU


@pytest.mark.parametrize(("text", "mention", "who"), [
    # A party word before a name we do not know: the party's state and sector, not the name.
    ("Tory Gareth Pole said the bill would fail.", "Tory Gareth Pole",
     ("Gareth Pole", "GBR", "PTY")),
    ("Democrat Laura Finch criticised the budget.", "Democrat Laura Finch",
     ("Laura Finch", "USA", "PTY")),
    ("Mr Blair said he had done no wrong but Tory Simon Grieve branded the way the office "
     "worked as a scandal.", "Tory Simon Grieve", ("Simon Grieve", "GBR", "PTY")),
    # Before a title or "shadow": the title's sector, with the party's state.
    ("Labour MP Ann Royle asked the question.", "Labour MP Ann Royle",
     ("Ann Royle", "GBR", "LEG")),
    ("Tory shadow attorney general Dominic Grieve said so.",
     "Tory shadow attorney general Dominic Grieve", ("Dominic Grieve", "GBR", "OPP")),
])
def test_a_party_word_gives_a_politician_its_state(resolver: ActorResolver, text: str,
                                                    mention: str, who: tuple) -> None:
    actor = _actors(resolver, text, "2005-01-15")[mention]
    assert (actor.name, actor.country, actor.sector) == who


def test_a_party_s_spokesman_is_the_party_s(resolver: ActorResolver) -> None:
    actor = _actors(resolver, "The Labour spokesman said the plan would cost jobs.",
                    "2005-01-15", "GBR")["The Labour spokesman"]
    assert (actor.name, actor.country, actor.sector) == (None, "GBR", "PTY")
    # With no party word the office is the state's, as before.
    assert _actors(resolver, "The spokesman said the plan would cost jobs.", "2005-01-15",
                   "GBR")["The spokesman"].sector == "GOV"


def test_a_shadow_post_is_the_opposition_s_whatever_the_office(
        resolver: ActorResolver) -> None:
    actor = _actors(resolver, "The Conservative shadow culture secretary attacked the "
                    "licence fee.", "2005-01-15")["The Conservative shadow culture secretary"]
    assert (actor.name, actor.country, actor.sector) == (None, "GBR", "OPP")
    # Not a post: "the shadow cabinet met" names no one.
    assert not _actors(resolver, "The shadow cabinet met on Monday.", "2005-01-15", "GBR")


def test_a_bare_government_noun_is_the_home_state_s(resolver: ActorResolver) -> None:
    found = _actors(resolver, "Ministers rejected the demand and the government said it "
                    "would appeal. Opposition MPs walked out.", "2005-01-15", "GBR")
    assert [(found[t].country, found[t].sector) for t in
            ("Ministers", "the government", "Opposition MPs")] \
        == [("GBR", "GOV"), ("GBR", "GOV"), ("GBR", "LEG")]
    # Another state's, an indefinite one, "in government" and no home state: left alone.
    assert "the government" not in _actors(resolver, "The government of Kenya denied it.",
                                           "2005-01-15", "GBR")
    assert _actors(resolver, "Labour has been in government since 1997 and a government "
                   "must act.", "2005-01-15", "GBR").keys() == {"Labour"}
    assert "Ministers" not in _actors(resolver, "Ministers rejected the demand.", "2005-01-15")
    # A modifier of another noun is no actor ("government red tape").
    assert not _actors(resolver, "She attacked government red tape.", "2005-01-15", "GBR")


def test_a_story_without_a_dateline_is_set_where_its_mentions_say(
        resolver: ActorResolver) -> None:
    found = _actors(resolver, "Tony Blair defended the plan. Gordon Brown backed him and "
                    "Charles Clarke agreed. Ministers said the government would not back "
                    "down.", "2005-01-15")
    assert (found["the government"].country, found["Ministers"].country) == ("GBR", "GBR")
    # It places bare titles and nouns, not people we do not know.
    unknown = _actors(resolver, "Tony Blair defended the plan. Gordon Brown backed him and "
                      "Charles Clarke agreed. Coach Jim Alder said it was fine.", "2005-01-15")
    assert all(a.country is None for a in unknown.values() if a.name == "Jim Alder")
    # Two states named as often: no home state, so the bare noun stays unplaced.
    mixed = _actors(resolver, "Tony Blair met Jacques Chirac. Gordon Brown met Nicolas "
                    "Sarkozy. Ministers said the government would not back down.",
                    "2005-01-15")
    assert "the government" not in mixed


def test_a_bare_group_noun_is_the_home_state_s(resolver: ActorResolver) -> None:
    found = _actors(resolver, "Police said the men were armed. The security forces fired "
                    "and about 60 protesters fled. Prosecutors will charge them.",
                    "2011-01-28", "EGY")
    assert [(found[t].country, found[t].sector) for t in
            ("Police", "The security forces", "about 60 protesters", "Prosecutors")] \
        == [("EGY", "COP"), ("EGY", "COP"), ("EGY", "CVL"), ("EGY", "JUD")]
    # No home state: no one's police; a state's own word or "of" after: the phrase's.
    assert not _actors(resolver, "Police said the men were armed.", "2005-01-15")
    assert _actors(resolver, "Iraqi police arrested them.", "2005-01-15",
                   "GBR")["Iraqi police"].country == "IRQ"
    assert "officials" not in _actors(resolver, "The officials of the bank met.",
                                      "2005-01-15", "GBR")


def test_a_group_noun_in_a_state_is_that_state_s_unless_sent_there(
        resolver: ActorResolver) -> None:
    found = _actors(resolver, "Police in Nepal detained students. Officials in Kabul "
                    "denied it.", "2005-02-08", "GBR")
    assert (found["Police"].country, found["Officials"].country) == ("NPL", "AFG")
    # Troops are sent abroad: "troops in Syria" are not Syria's, nor the home state's.
    assert "troops" not in _actors(resolver, "More troops in Syria would not help.",
                                   "2015-11-17", "USA")


def test_a_state_anaphor_is_the_last_fitting_state_named(resolver: ActorResolver) -> None:
    found = _actors(resolver, "Argentina's president spoke. The country has been in "
                    "default for three years.", "2005-02-25")
    assert (found["The country"].country, found["The country"].sector) == ("ARG", "GOV")
    # The noun's kind picks among the states named: an island, a kingdom.
    assert _actors(resolver, "Japan relies on America to defend the island nation.",
                   "2016-08-18")["the island nation"].country == "JPN"
    assert _actors(resolver, "Saudi Arabia signed a deal with France. The kingdom will buy "
                   "jets.", "2016-08-22")["The kingdom"].country == "SAU"
    # No state named before it: no one.
    assert not _actors(resolver, "The country has been in default.", "2005-02-25")


def test_a_state_noun_that_is_a_place_is_no_actor(resolver: ActorResolver) -> None:
    for text in ("India welcomed it. The firm will open a plant in the country.",
                 "India welcomed it. Thousands of migrants entered the country.",
                 "India's growth slowed. The country's largest bank failed."):
        assert not any("country" in t for t in _actors(resolver, text, "2005-01-15")), text
