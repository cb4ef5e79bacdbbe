"""Precision class of issue 16, stop 20: what "warn" is (coding/recode.py). A warning
against an act is a demand, a warning of a danger no event, a warning of the warner's own
act a threat. Sentences of our own."""

from __future__ import annotations

import pytest
from rule_events import by_rule

DEMAND = "recode/warning-against-an-act-is-a-demand"


@pytest.mark.parametrize("text, expected", [
    ("Norway warned Russia against any build-up of troops near the border.",
     ("REQUEST", "change", "NOR", "RUS", "asserted")),
    ("The Chilean president warned Bolivia not to close the pass to lorries.",
     ("REQUEST", "change", "CHL", "BOL", "asserted")),
])
def test_a_warning_against_an_act_is_a_demand(code_sentence, text, expected):
    events = code_sentence(text)
    assert by_rule(events, DEMAND, with_status=True) == {expected}
    assert not [e for e in events if e.type == "THREATEN"]


@pytest.mark.parametrize("text", [
    "The Finnish prime minister warned that the budget gap could double by 2021.",
    "Peru warned Ecuador about the risks of a long drought.",
    # "about" hung from the second of the warned
    "Chile warned Peru and Bolivia about the dangers of a trade war.",
    "Austria warned that a failure by Hungary to act could lead to a new migrant crisis.",
])
def test_a_warning_of_a_danger_is_no_event(code_sentence, text):
    assert [e.type for e in code_sentence(text)] == []


@pytest.mark.parametrize("text, source, target", [
    # the warner's own act, named by a pronoun
    ("Vietnam warned China that it would respond to any new incursion.", "VNM", "CHN"),
    # a threat noun
    ("Pakistan warned India of retaliation for the raid.", "PAK", "IND"),
])
def test_a_warning_of_the_warners_own_act_stays_a_threat(code_sentence, text, source, target):
    threats = {(e.source and e.source.country, e.target and e.target.country)
               for e in code_sentence(text) if e.type == "THREATEN"}
    assert threats == {(source, target)}
