"""Precision classes of issue 16, stop 27 (noise27), from the BBC tune draw (--offset 80).

- recode/trip-is-a-visit: a trip told by an imported CAMEO 036 pattern ("made a surprise trip
  to Iraq", "flew to Basra") is a visit, CONSULT mode visit, not an intent to meet (AGREE).
- argument/duty-in-the-past-is-reproach: "said Y SHOULD HAVE done Z" asks for what can no
  longer be done: ACCUSE disapprove of Y, or no event when the clause names no doer.
- argument/entitlement-is-no-request: "said Y should HAVE the RIGHT to" asks nothing of Y.
- words added to two existing rules' lists: an attack on WORDS, LANGUAGE or TONE is criticism
  (recode/attack-on-a-policy-is-criticism, coding.yaml policy_nouns); a DISASTER uses no
  force (argument/force-in-a-figurative-sense-is-no-event, verb_senses.yaml).

Sentences of our own (not those of coding_cases_noise27.yaml or the BBC draws); each sentence
of the visit, reproach and no-event tests gave AGREE or REQUEST on main eaa0fb9 (checked)."""

from __future__ import annotations

import pytest
from rule_events import by_rule, type_and_countries

from diplograph.coding.rules import all_rules
from diplograph.coding.verb_senses import modal_clause_words, trip_words

TRIP = "recode/trip-is-a-visit"
PAST_DUTY = "argument/duty-in-the-past-is-reproach"
ENTITLEMENT = "argument/entitlement-is-no-request"


@pytest.mark.parametrize("text, expected", [
    ("Prime Minister Justin Trudeau made a surprise trip to Latvia on Sunday.",
     ("CONSULT", "visit", "CAN", "LVA")),
])
def test_a_trip_is_a_visit(code_sentence, text, expected):
    events = code_sentence(text)
    assert expected in by_rule(events, TRIP)
    assert not [e for e in events if e.type == "AGREE"]


def test_a_flight_to_a_city_is_a_visit(code_sentence):
    """Since trigev28 (stop 28) the city a flight goes to reads as a place
    (`destination-of-a-visit-is-a-place`), so the lexicon's own travel entry codes the visit
    before the CAMEO pattern that the trip recoding turns into one."""
    events = code_sentence("President Lula flew to Erbil in northern Iraq on Friday.")
    assert ("CONSULT", "visit", "BRA", "IRQ") in {
        (e.type, e.mode, e.source.country, e.target.country) for e in events}
    assert not [e for e in events if e.type == "AGREE"]


def test_a_trip_to_come_is_a_planned_visit(code_sentence):
    events = code_sentence("The Turkish president will make a trip to Qatar in May.")
    assert ("CONSULT", "visit", "TUR", "QAT", "planned") in by_rule(events, TRIP,
                                                                    with_status=True)


@pytest.mark.parametrize("text, expected", [
    ("Norway said Sweden should have warned its neighbours about the leak.",
     ("ACCUSE", "disapprove", "NOR", "SWE")),
    ("Chile said Argentina should have closed the border crossing earlier.",
     ("ACCUSE", "disapprove", "CHL", "ARG")),
])
def test_a_duty_in_the_past_is_a_reproach(code_sentence, text, expected):
    events = code_sentence(text)
    assert expected in by_rule(events, PAST_DUTY)
    assert not [e for e in events if e.type == "REQUEST"]


@pytest.mark.parametrize("text", [
    "The Belgian prime minister told Reuters the budget figures should have been shared sooner.",
    "An EU court said Malta should have the right to refuse the ships.",
    "The Polish minister said Ukraine should have a say in the talks.",
])
def test_what_asks_nothing_of_anyone_is_no_request(code_sentence, text):
    assert not [e for e in code_sentence(text) if e.type == "REQUEST"]


@pytest.mark.parametrize("text, expected", [
    ("Germany said Russia must release the jailed journalist.", ("REQUEST", "DEU", "RUS")),
    ("Vietnam said China should withdraw its survey ship.", ("REQUEST", "VNM", "CHN")),
    ("The Swedish foreign minister visited Oslo on Tuesday.", ("CONSULT", "SWE", "NOR")),
])
def test_calls_to_act_and_visits_stay(code_sentence, text, expected):
    assert expected in type_and_countries(code_sentence(text))


@pytest.mark.parametrize("text, expected", [
    ("Opposition leader Keir Starmer attacked the Indian prime minister's words on Kashmir.",
     ("ACCUSE", "GBR", "IND")),
    ("Danish ministers attacked the tone of the Russian government.", ("ACCUSE", "DNK", "RUS")),
])
def test_an_attack_on_words_is_criticism(code_sentence, text, expected):
    events = code_sentence(text)
    assert expected in type_and_countries(events)
    assert not [e for e in events if e.type == "ASSAULT"]


def test_a_disaster_is_no_attacker(code_sentence):
    events = code_sentence(
        "Voters were worried about the Chinese economy and the natural disasters that hit the US.")
    assert not [e for e in events if e.type == "ASSAULT"]


def test_the_rules_are_registered_with_their_words():
    rules = {r.name: r for r in all_rules()}
    assert rules[TRIP].applies_to("AGREE") and not rules[TRIP].applies_to("CONSULT")
    assert rules[PAST_DUTY].applies_to("REQUEST") and rules[ENTITLEMENT].applies_to("REQUEST")
    assert {"fly", "travel"} <= trip_words().travel_verbs and "trip" in trip_words().trip_nouns
    assert "have" in modal_clause_words().perfect_auxiliaries
    assert {"right", "say"} <= modal_clause_words().entitlements
