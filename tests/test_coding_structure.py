"""Nominal events, scene phrases and insults (issue 16): the fold and argument rules
``setting-of-the-act``, ``nominal-event-own-actors`` and ``fallback-target``'s scene
phrases, and the ACCUSE rule for branding an actor; one sentence of our own each."""

from __future__ import annotations

import pytest
from conftest import sentence_coder

from diplograph.coding.parse import load_nlp
from diplograph.records import Event


@pytest.fixture(scope="module")
def code(event_coder):
    return sentence_coder(event_coder, load_nlp())


def _pairs(events: list[Event]) -> set[tuple]:
    return {(e.type, e.source and e.source.country, e.target and e.target.country)
            for e in events}


def test_a_summit_that_sets_the_scene_is_not_a_second_meeting_nor_is_its_place_a_target(code):
    events = code("Emmanuel Macron met Narendra Modi during the summit in Argentina.")
    assert _pairs(events) == {("CONSULT", "FRA", "IND")}
    assert "fold/setting-of-the-act" in events[0].rules


def test_a_place_phrase_is_the_scene_of_a_meeting(code):
    events = code("During the summit in Argentina, Macron praised the Indian economy.")
    assert ("CONSULT", "FRA", "ARG") not in _pairs(events)


def test_an_event_noun_heading_the_clause_names_its_own_actors(code):
    events = code("The talks between Chile and Peru ended without a deal.")
    ev = next(e for e in events if e.type == "CONSULT")
    assert {ev.source.country, ev.target.country} == {"CHL", "PER"}
    assert "argument/nominal-event-own-actors" in ev.rules


def test_branding_an_actor_is_an_accusation(code):
    events = code("Brazil branded Venezuela a rogue state.")
    assert ("ACCUSE", "BRA", "VEN") in _pairs(events)
