"""A place that only locates an act is no target of an act not done to a place (issue #15,
stop 29, branch place29): argument/place-that-only-locates-the-act (coding/place_targets.py,
words in data/lexicon/place_targets.yaml). Sentences of our own; each place-as-target
sentence gave the place as the target on main 4a1f956. Contrasts: a receiver named beside the
place, acts done to territory, an apology addressed to a state."""

from __future__ import annotations

import pytest
from rule_events import only_event

from diplograph.coding.place_targets import place_target_words
from diplograph.records import EVENT_TYPES

RULE = "argument/place-that-only-locates-the-act"


@pytest.fixture(scope="module")
def code(code_sentence):
    return code_sentence


def test_the_type_lists_split_the_plover_types():
    words = place_target_words()
    assert not words.place_blind_types & words.territorial_types
    assert words.place_blind_types | words.territorial_types == set(EVENT_TYPES)


@pytest.mark.parametrize(("text", "kind"), [
    # the city the act was done in
    ("The Dutch foreign minister apologised in Jakarta for the remarks.", "CONCEDE"),
    # a place inside a venue phrase of the verb
    ("The Danish prime minister criticised the governor at a campaign stop in Hamburg.", "ACCUSE"),
    ("The Irish minister apologised on the steps of the Madrid town hall.", "CONCEDE"),
    # a venue hanging from the act's object
    ("The Czech prime minister condemned the killing from his office in Vienna.", "ACCUSE"),
    # a place of the trigger's own object word ("expressed REGRET in Tallinn")
    ("The Finnish president expressed regret in Tallinn for the delays.", "CONCEDE"),
])
def test_a_place_that_only_locates_the_act_is_no_target(code, text, kind):
    event = only_event(code(text), kind)
    assert event.target is None, event.target
    assert RULE in event.rules


def test_an_unaddressed_regret_gets_no_people_as_target(code):
    # Once the place is gone, "expressed regret" is an apology to no one, not to the speaker's
    # own people (argument/people-are-no-party-to-words reads the trigger's object word).
    event = only_event(code("The Austrian chancellor expressed regret in Prague for the remarks."),
                 "CONCEDE")
    assert event.target is None
    assert "argument/people-are-no-party-to-words" in event.rules


def test_a_receiver_named_beside_the_venue_stays(code):
    event = only_event(code("The Latvian president criticised Belarus at a news conference in "
                      "Riga."), "ACCUSE")
    assert event.target is not None and event.target.country == "BLR"
    assert RULE not in event.rules


def test_an_apology_to_a_state_keeps_its_addressee(code):
    event = only_event(
        code("The Italian prime minister apologised to Libya at a ceremony in Rome."), "CONCEDE")
    assert event.target is not None and event.target.country == "LBY"


def test_force_on_a_place_keeps_the_place(code):
    event = only_event(code("Saudi jets bombed rebel bases in Yemen."), "ASSAULT")
    assert event.target is not None and event.target.country == "YEM"
    assert RULE not in event.rules


def test_troops_deployed_into_a_place_keep_it(code):
    event = only_event(code("Ethiopia deployed troops into Somalia."), "MOBILIZE")
    assert event.target is not None and event.target.country == "SOM"
    assert RULE not in event.rules


def test_a_campaign_trip_to_a_city_of_ones_own_state_is_no_visit(code):
    # "the DETROIT area" is read as the state's civilians: a place of the source's own state
    # all the same (argument/own-state-place-is-scene), and a visit with no host is no event.
    events = code("Sanders visited the Detroit area to campaign on Sunday.")
    assert not [e for e in events if e.type == "CONSULT"], events


def test_a_visit_to_a_foreign_city_keeps_its_host(code):
    event = only_event(code("The French president visited Berlin on Monday."), "CONSULT")
    assert event.target is not None and event.target.country == "DEU"
