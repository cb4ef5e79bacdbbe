"""Precision classes of issue 16, stop 26 (senses18): a force verb in a figurative sense is
no event (argument/force-in-a-figurative-sense-is-no-event), an attack on an actor's moves is
criticism, and a place where peers met is no counterpart (argument/topic-or-scene-inside-a-
phrase, counterparts.yaml peer_nouns), and "his EU counterparts" are the organisation (coref).

Sentences of our own (not those of coding_cases_senses18.yaml or the BBC noise sample); each
sentence of the no-event tests gave an ASSAULT (or a CONSULT with the place) on main b6e5a3c."""

from __future__ import annotations

import pytest
from rule_events import type_and_countries

from diplograph.coding.rules import all_rules
from diplograph.coding.verb_senses import force_words

FIGURATIVE = "argument/force-in-a-figurative-sense-is-no-event"


@pytest.mark.parametrize("text", [
    "Brazil's hopes of winning the cup were hit by the injury to their captain.",
    "Argentina title hopes hit by defeat in Lima.",
    "The new Samsung handset hits Germany in May.",
    "Russia was hit by a severe storm on Sunday.",
    "A Danish plan that targets drivers with a new fuel tax was unveiled on Monday.",
])
def test_force_in_a_figurative_sense_is_no_event(code_sentence, text):
    assert not [e for e in code_sentence(text) if e.type == "ASSAULT"]


@pytest.mark.parametrize("text, expected", [
    ("Syrian rebels attacked Turkish troops on Friday.", ("ASSAULT", "SYR", "TUR")),
    ("Russian drones hit Kyiv overnight.", ("ASSAULT", "RUS", "UKR")),
    ("Turkish jets struck targets in northern Iraq.", ("ASSAULT", "TUR", "IRQ")),
])
def test_force_on_actors_and_places_stays(code_sentence, text, expected):
    events = code_sentence(text)
    assert expected in type_and_countries(events)
    assert not any(FIGURATIVE in e.rules for e in events)


def test_an_attack_on_moves_is_criticism(code_sentence):
    events = code_sentence("Austria attacked Germany's border moves on Tuesday.")
    assert ("ACCUSE", "AUT", "DEU") in type_and_countries(events)
    assert not [e for e in events if e.type == "ASSAULT"]


def test_the_place_where_peers_met_is_no_counterpart(code_sentence):
    events = code_sentence("The Irish foreign minister met his EU counterparts in Malta.")
    assert not [e for e in events if "MLT" in type_and_countries([e]).pop()]
    # the peers are the organisation's ("his EU counterparts"), not the place's
    assert [(e.type, e.target.name) for e in events if e.target] == [
        ("CONSULT", "EU")]


def test_a_counterpart_named_with_a_place_stays(code_sentence):
    events = code_sentence("The Irish foreign minister met the Maltese prime minister in Valletta.")
    assert ("CONSULT", "IRL", "MLT") in type_and_countries(events)


def test_the_rule_is_registered_for_assault_and_protest():
    rules = {r.name: r for r in all_rules()}
    # PROTEST since stop 28 (noact28: "struck populist notes", "marching toward November")
    assert rules[FIGURATIVE].types == force_words().types == frozenset({"ASSAULT", "PROTEST"})
