"""Recall class of issue 16, stop 25: collective action and investigations told by nouns,
participles and passives, not by a verb with the actor as subject (coding/collective_acts.py,
the strike nouns of data/lexicon/events.yaml). Sentences of our own."""

from __future__ import annotations

import pytest
from rule_events import by_rule

DOER = "trigger/collective-act-named-with-its-doer"
QUESTIONING = "trigger/questioning-by-an-investigator"
SCRUTINY = "trigger/actor-under-investigation"
UNNAMED = "argument/unnamed-investigator-is-the-state"
GREETING = "recode/greeting-by-protesters-is-a-protest"


@pytest.mark.parametrize("text, expected", [
    # a bare "strike" takes the lexicon's first PROTEST noun rule (demo), as "staged a strike"
    ("The strike by Greek dockworkers closed the port of Piraeus for two days.",
     ("PROTEST", "demo", "GRC", "GRC", "asserted")),
    ("Next week's strike action by the Irish nurses' union will close hospitals.",
     ("PROTEST", "strike", "IRL", "IRL", "planned")),
    ("Canadian farmers' protest against the new tax spread to three provinces.",
     ("PROTEST", "demo", "CAN", "CAN", "asserted")),
])
def test_a_collective_act_named_with_its_doer_is_a_protest(code_sentence, text, expected):
    assert by_rule(code_sentence(text), DOER, with_status=True) == {expected}


@pytest.mark.parametrize("text", [
    # a campaign rally is no protest: rallies are left out of the doer-alone nouns
    "Trump's rally in Ohio drew thousands of supporters.",
    # a strike only as a topic, with no doer
    "The right to strike was debated by the Belgian parliament.",
])
def test_a_strike_or_rally_without_a_protesting_doer_is_no_protest(code_sentence, text):
    assert not [e for e in code_sentence(text) if e.type == "PROTEST"]


def test_pickets_held_by_strikers_are_a_strike(code_sentence):
    events = code_sentence("Pickets were staged by Irish nurses outside Dublin hospitals.")
    assert {(e.type, e.mode, e.source.country) for e in events} == {("PROTEST", "strike", "IRL")}


@pytest.mark.parametrize("text, expected", [
    ("Three Kenyan opposition MPs were questioned by police in Nairobi on Friday.",
     ("ACCUSE", "investigate", "KEN", "KEN", "asserted")),
    ("Detectives in Kenya interviewed the Kenyan minister on Monday.",
     ("ACCUSE", "investigate", "KEN", "KEN", "asserted")),
    ("Two Russian businessmen will be questioned by a judge over the next few days.",
     ("ACCUSE", "investigate", "RUS", "RUS", "planned")),
])
def test_questioning_by_an_investigator_is_an_investigation(code_sentence, text, expected):
    events = code_sentence(text)
    assert by_rule(events, QUESTIONING, with_status=True) == {expected}
    assert by_rule(events, UNNAMED)


@pytest.mark.parametrize("text", [
    "The Canadian finance minister was questioned by reporters about the budget.",
    "The French plan was questioned by economists.",
])
def test_questions_from_others_are_no_investigation(code_sentence, text):
    assert not by_rule(code_sentence(text), QUESTIONING)


@pytest.mark.parametrize("text, expected", [
    ("The Indian minister of mines is now under investigation for corruption.",
     ("ACCUSE", "investigate", "IND", "IND", "asserted")),
    ("Two Polish generals remain under investigation by military prosecutors.",
     ("ACCUSE", "investigate", "POL", "POL", "asserted")),
])
def test_an_actor_under_investigation_is_investigated(code_sentence, text, expected):
    assert by_rule(code_sentence(text), SCRUTINY, with_status=True) == {expected}


def test_a_thing_under_investigation_is_no_event(code_sentence):
    assert code_sentence("The cause of the fire in Lyon is still under investigation.") == []


@pytest.mark.parametrize("text, expected", [
    ("The US president will be met by thousands of demonstrators in London next week.",
     ("PROTEST", "demo", "GBR", "USA", "planned")),
    ("The Chinese premier was greeted by hundreds of protesters in Sydney.",
     ("PROTEST", "demo", "AUS", "CHN", "asserted")),
])
def test_a_visitor_greeted_by_protesters_is_protested_against(code_sentence, text, expected):
    events = code_sentence(text)
    assert by_rule(events, GREETING, with_status=True) == {expected}
    assert not [e for e in events if e.type == "CONSULT"]


def test_a_visitor_greeted_by_crowds_is_no_protest(code_sentence):
    events = code_sentence("The Japanese emperor was greeted by cheering crowds in Hanoi.")
    assert not [e for e in events if e.type == "PROTEST"]
