"""Argument selection (issues 15/16, stop 16): which phrase gives an event its target.
One sentence of our own per rule of ``coding/counterparts.py``: a topic, a scene or a
medium inside a phrase is no counterpart, a domestic pledge's owner is none either, an
interview is no meeting, officials "of X and Y" stand for both, and the people of a state
receive no apology."""

from __future__ import annotations

import pytest
from rule_events import only_event

from diplograph.records import Event


@pytest.fixture(scope="module")
def code(code_sentence):
    return code_sentence


def countries(event: Event) -> tuple[str | None, str | None]:
    return (event.source and event.source.country, event.target and event.target.country)


def test_a_topic_inside_the_object_is_no_target(code):
    event = only_event(code("Germany criticised the vote on Ukraine."), "ACCUSE")
    assert event.target is None
    assert "argument/topic-or-scene-inside-a-phrase" in event.rules


def test_the_owner_of_the_object_stays_the_target(code):
    # "on North Korea" is the topic; China owns the record.
    event = only_event(code("Canada criticised the Chinese government's record on North Korea."),
                 "ACCUSE")
    assert event.target is not None and event.target.country == "CHN"


def test_an_investigation_into_someone_keeps_its_target(code):
    event = only_event(code("French prosecutors opened an investigation into the Russian embassy."),
                 "ACCUSE")
    assert countries(event) == ("FRA", "RUS")


def test_a_reason_given_with_over_is_no_target(code):
    event = only_event(code("The Spanish foreign minister resigned from the government over "
                      "the war in Gaza."), "RETREAT")
    assert event.target is None


def test_the_place_of_a_summit_is_no_target_of_praise(code):
    event = only_event(code("Egypt praised the summit in Qatar."), "SUPPORT")
    assert event.target is None


def test_the_place_of_a_meeting_further_up_is_no_target(code):
    # "at Brussels" hangs from "year", below the meeting: the meeting's place, not its guest.
    event = only_event(code("The Spanish prime minister will address Labour MPs at their last "
                      "meeting of the year at Brussels."), "CONSULT")
    assert event.target is not None and event.target.text == "Labour MPs"
    assert "argument/topic-or-scene-inside-a-phrase" in event.rules


def test_a_receiver_placed_in_a_city_stays(code):
    event = only_event(code("The Indian prime minister met the French president at a palace in "
                      "Oman."), "CONSULT")
    assert countries(event) == ("IND", "FRA")


def test_the_paper_a_leader_talks_to_is_no_target(code):
    events = code("The Israeli prime minister said in an interview with CNN that he "
                  "rejected the plan.")
    assert all(e.target is None or e.target.sector != "JRN" for e in events)


def test_an_interview_is_no_meeting(code):
    events = code("Speaking to the New York Times, the French president rejected the plan.")
    assert "CONSULT" not in {e.type for e in events}


@pytest.mark.parametrize("text, expected", [
    # the owner of the thing a pledge acts on is of the pledger's own state: policy
    ("The Labour Party pledged to scrap the Conservatives' tax plans.", None),
    # a foreign state's thing: that state is the counterpart
    ("Germany pledged to rebuild Ukraine's power grid.", ("DEU", "UKR")),
    # the owner of the pledge itself is the counterpart, not a thing pledged
    ("The Labour Party accepted the Conservative Party's offer of talks.", ("GBR", "GBR")),
])
def test_the_owner_of_a_pledged_thing(code, text, expected):
    events = [e for e in code(text) if e.type == "AGREE"]
    assert [countries(e) for e in events] == ([expected] if expected else [])


def test_officials_of_two_states_meet_for_both(code):
    event = only_event(code("The foreign ministers of Japan and South Korea met in Seoul."),
                       "CONSULT")
    assert {event.source.country, event.target.country} == {"JPN", "KOR"}
    assert "argument/officials-of-two-states" in event.rules


def test_an_apology_is_owed_to_no_people(code):
    event = only_event(code("The mayor of Paris said he would not apologise for the joke."),
                       "CONCEDE")
    assert event.target is None
    assert "argument/people-are-no-party-to-words" in event.rules


def test_an_apology_to_someone_keeps_its_people(code):
    event = only_event(code("The French interior minister apologised to the victims' relatives."),
                 "CONCEDE")
    assert countries(event) == ("FRA", "FRA")


def test_an_arrest_by_the_police_keeps_its_people(code):
    event = only_event(code("Kenyan police arrested two opposition leaders in Nairobi."), "COERCE")
    assert countries(event) == ("KEN", "KEN")


# ------------------------------------------------------------------ no invented targets (#16)
UNRECEIVED = "argument/unreceived-retreat-stays-retreat"


@pytest.mark.parametrize("text, country", [
    ("The Danish culture minister is to step down at the next election.", "DNK"),
    ("Portugal's finance minister will resign next month.", "PRT"),
])
def test_an_announced_resignation_yields_to_no_one(code, text, country):
    # Nobody receives it: a RETREAT with no target, not a CONCEDE to the own people.
    event = only_event(code(text), "RETREAT")
    assert (event.mode, countries(event)) == ("resign", (country, None))
    assert UNRECEIVED in event.rules


def test_an_announced_withdrawal_keeps_its_receiver(code):
    event = only_event(code("Syria announced that it would withdraw its troops from Lebanon."),
                 "CONCEDE")
    assert countries(event) == ("SYR", "LBN")
    assert UNRECEIVED not in event.rules
