"""Actors you can trust (issue 15): peers, knights and dames (the `titled-person` rule,
coding/actors/titled.py, data/actors/titled_people.yaml). Sentences written for the rule."""

from __future__ import annotations

import pytest
from conftest import actors_in as _actors

from diplograph.coding.actors import ActorResolver
from diplograph.coding.actors.titled import titled_words


@pytest.fixture(scope="module")
def resolver(actor_resolver) -> ActorResolver:
    return actor_resolver  # the session's (read-only)


def _who(resolver: ActorResolver, text: str, mention: str) -> tuple:
    actor = _actors(resolver, text, "2005-01-15")[mention]
    return actor.name, actor.country, actor.sector


@pytest.mark.parametrize(("text", "mention", "who"), [
    # A peer we do not know: the titled words, a British legislator.
    ("Lord Pemberton said the detention was unlawful.", "Lord Pemberton",
     ("Lord Pemberton", "GBR", "LEG")),
    ("Baroness Halloway tabled an amendment to the bill.", "Baroness Halloway",
     ("Baroness Halloway", "GBR", "LEG")),
    ("The report was written by Lord Ashby of Trent, a former judge.", "Lord Ashby of Trent",
     ("Lord Ashby of Trent", "GBR", "LEG")),
    # A knight or dame we do not know: their own names, of the title's state.
    ("Sir Geoffrey Marlow said the inquiry would report in March.", "Sir Geoffrey Marlow",
     ("Geoffrey Marlow", "GBR", None)),
    ("Dame Ellen McAllister opened the new wing of the hospital.", "Dame Ellen McAllister",
     ("Ellen McAllister", "GBR", None)),
])
def test_a_titled_name_we_do_not_know_is_a_person_of_the_title_s_state(
        resolver: ActorResolver, text: str, mention: str, who: tuple) -> None:
    assert _who(resolver, text, mention) == who


def test_a_peer_s_title_is_not_a_known_person_of_that_surname(resolver: ActorResolver) -> None:
    # Des Browne is in the people files; "Lord Browne" is not him (no alias says so).
    name, country, _ = _who(resolver, "Lord Browne said oil prices would stay high.",
                            "Lord Browne")
    assert (name, country) == ("Lord Browne", "GBR")


def test_a_peer_the_people_files_list_by_title_is_that_person(resolver: ActorResolver) -> None:
    assert _who(resolver, "Lord Falconer said the plan was fair.", "Lord Falconer") \
        == ("Charles Falconer", "GBR", "GOV")


def test_a_knight_by_first_name_is_the_knight_named_before(resolver: ActorResolver) -> None:
    text = ("Police chief Sir Malcolm Dunmore spoke to reporters on Monday. "
            "Sir Malcolm said more officers would be needed.")
    found = _actors(resolver, text, "2005-01-15")
    assert found["Sir Malcolm"].name == found["Sir Malcolm Dunmore"].name == "Malcolm Dunmore"


def test_a_knight_by_first_name_with_no_one_named_before_gets_no_state(
        resolver: ActorResolver) -> None:
    actor = _actors(resolver, "Sir Malcolm said more officers would be needed.",
                    "2005-01-15").get("Sir Malcolm")
    assert actor is None or actor.country is None


def test_a_peer_named_again_is_the_same_actor(resolver: ActorResolver) -> None:
    text = ("Home Office minister Baroness Halloway defended the bill. "
            "Baroness Halloway said it would pass.")
    found = _actors(resolver, text, "2005-01-15")
    first = found["Home Office minister Baroness Halloway"]
    assert (first.country, first.sector) == ("GBR", "GOV")
    again = [m for m in resolver.find_mentions(resolver.nlp(text), when=None)
             if m.start > text.index("said") - 20]
    assert [(m.actor.name, m.actor.sector) for m in again] == [("Baroness Halloway", "GOV")]


@pytest.mark.parametrize("text", [
    "The Lord Chancellor said the courts would cope.",
    "Lord Justice Hale gave the ruling.",
    "The Lord Mayor of London opened the fair.",
])
def test_an_office_after_lord_is_no_peer(resolver: ActorResolver, text: str) -> None:
    found = _actors(resolver, text, "2005-01-15")
    assert not any((a.name or "").startswith("Lord ") for a in found.values())


def test_the_title_file_names_a_state_for_every_title() -> None:
    words = titled_words()
    assert {"lord", "baroness", "sir", "dame"} <= set(words.titles)
    assert all(len(t.country) == 3 for t in words.titles.values())
