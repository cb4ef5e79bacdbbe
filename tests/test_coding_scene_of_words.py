"""Where an act of words was done is no receiver of it (issue #15, stop 28, branch venue28):
argument/place-where-words-were-said (coding/scene_of_words.py, words in
data/lexicon/scene_of_words.yaml). Sentences of our own; each place-as-target sentence gave
the place (or the chamber) as the target on main cf09bd4. Contrasts: a receiver named in
its own words beside the scene, a place inside the object, force on a place."""

from __future__ import annotations

import pytest
from rule_events import only_event

RULE = "argument/place-where-words-were-said"


@pytest.fixture(scope="module")
def code(code_sentence):
    return code_sentence


@pytest.mark.parametrize(("text", "kind"), [
    ("The German chancellor called in Paris for a common defence budget.", "REQUEST"),
    ("The Polish president appealed in Berlin for more help.", "REQUEST"),
    ("The Hungarian prime minister protested in Brussels against the quota.", "ACCUSE"),
    ("Labour peers will oppose the bill in the Lords next week.", "REJECT"),
])
def test_the_place_where_words_were_said_is_no_target(code, text, kind):
    event = only_event(code(text), kind)
    assert event.target is None
    assert RULE in event.rules


def test_a_receiver_named_beside_the_scene_stays(code):
    # Beijing is China's capital, but China is the object in its own words.
    event = only_event(code("The Japanese prime minister urged China in Beijing to release the "
                      "detained businessman."), "REQUEST")
    assert event.target is not None and event.target.country == "CHN"


def test_the_object_of_criticism_stays_beside_a_foreign_scene(code):
    event = only_event(code("The French president criticised Russia in Berlin."), "ACCUSE")
    assert event.target is not None and event.target.country == "RUS"
    assert RULE not in event.rules


def test_a_place_inside_the_object_is_aimed_at(code):
    # "reforms IN MYANMAR" hangs from the object: the demand is aimed at Myanmar.
    event = only_event(code("The Australian foreign minister demanded democratic reforms in "
                      "Myanmar."), "REQUEST")
    assert event.target is not None and event.target.country == "MMR"


def test_force_on_a_place_keeps_the_place(code):
    event = only_event(code("Israeli jets struck targets in Lebanon."), "ASSAULT")
    assert event.target is not None and event.target.country == "LBN"


def test_a_request_for_refuge_is_addressed_to_the_state_it_is_sought_in(code):
    event = only_event(code("Thousands of Afghans sought refuge in Pakistan last year."), "REQUEST")
    assert event.target is not None and event.target.country == "PAK"
    assert RULE not in event.rules


def test_an_inspection_is_done_to_the_place_it_is_in(code):
    event = only_event(code("The UN agency will send inspectors in North Korea next month."),
                 "ACCUSE")
    assert event.target is not None and event.target.country == "PRK"
    assert RULE not in event.rules
