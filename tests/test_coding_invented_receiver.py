"""Argument class of issues #15/#16, stop 24: no receiver the text does not give. An act
someone only hopes another will do is no event (argument/hoped-act-is-no-act); rivals at home
who say a leader is surrendering something criticise him, no concession to the state's people
(recode/charge-of-surrender-is-criticism); rallying one's voters is no protest
(argument/rallying-supporters-is-no-protest). Sentences of our own (not those of
coding_cases_args25.yaml)."""

from __future__ import annotations

import pytest
from rule_events import by_rule, type_and_countries

CHARGE = "recode/charge-of-surrender-is-criticism"


@pytest.mark.parametrize("text, doer", [
    ("Lithuania hopes Belarus will release the detained Lithuanian citizens.", "BLR"),
    ("The Estonian prime minister said she hoped Russia would return the border guard.", "RUS"),
    ('"I hope the Iranian government will free me," the detained French tourist wrote.', "IRN"),
])
def test_a_hoped_act_of_another_is_no_event(code_sentence, text, doer):
    assert not [e for e in code_sentence(text) if e.source and e.source.country == doer]


@pytest.mark.parametrize("text, expected", [
    # an appeal is an act; a release names its receiver
    ("Lithuania urged Belarus to release the detained Lithuanian citizens.",
     ("REQUEST", "LTU", "BLR")),
    ("Belarus released three Lithuanian citizens.", ("RETREAT", "BLR", "LTU")),
    # a hope of one's own act is intent, not this rule's
    ("Finland hopes to sign a defence deal with Sweden.", ("SUPPORT", "FIN", "SWE")),
])
def test_an_act_with_its_receiver_stays(code_sentence, text, expected):
    assert expected in type_and_countries(code_sentence(text))


def test_a_charge_of_surrender_is_criticism_of_the_leader(code_sentence):
    events = code_sentence("The Conservatives say Keir Starmer is surrendering the Chagos "
                           "Islands.")
    assert by_rule(events, CHARGE) == {("ACCUSE", "disapprove", "GBR", "GBR")}
    assert not [e for e in events if e.type in {"CONCEDE", "RETREAT"}]


def test_a_surrender_reported_by_another_state_stays(code_sentence):
    events = code_sentence("Ukraine says Russian soldiers are surrendering near Kharkiv.")
    assert not by_rule(events, CHARGE)
    assert ("RETREAT", "RUS", None) in type_and_countries(events)


def test_rallying_ones_voters_is_no_protest(code_sentence):
    # a headline glued to the first sentence, as scraped pages give it
    events = code_sentence("Premier rallies Liberal voters Mark Carney has issued a rallying "
                           "cry to his supporters.")
    assert not [e for e in events if e.type == "PROTEST"]


def test_protesters_who_rally_stay_a_protest(code_sentence):
    events = code_sentence("Thousands of Serbians rallied outside the presidency in Belgrade.")
    assert ("PROTEST", "SRB", "SRB") in type_and_countries(events)
