"""Precision class of issue 16, stop 25 (precision17): an act verb in its economic sense is no
event (argument/act-on-a-market-figure-is-no-event). A verb of force, seizure or concession
whose object is a market figure ("hit steel PRICES", "captured half of the MARKET", "seized a
larger SHARE of the car market", "met consumers' DEMAND for tulips") is no act between actors;
the same verbs acting on people, places, territory or an actor's demands stay events.
Sentences of our own (not those of coding_cases_precision17.yaml); each sentence of the first
test gave an event on main 23e820e."""

from __future__ import annotations

import pytest
from rule_events import type_and_countries

from diplograph.coding.economic_sense import economic_words
from diplograph.coding.rules import all_rules

RULE = "argument/act-on-a-market-figure-is-no-event"


@pytest.mark.parametrize("text", [
    "Cheaper Chinese steel hit American steel prices last year.",  # was ASSAULT CHN -> USA
    "South Korean phone makers captured half of the Indian market.",  # ASSAULT KOR -> IND
    "The Swedish firm seized a larger share of the German car market.",  # COERCE SWE -> DEU
    "Dutch growers met European consumers' demand for tulips.",  # CONCEDE NLD -> NLD
])
def test_an_act_on_a_market_figure_is_no_event(code_sentence, text):
    assert code_sentence(text) == []


@pytest.mark.parametrize("text, expected", [
    ("Russian missiles hit an apartment block in Odesa.", ("ASSAULT", "RUS", "UKR")),
    ("Azerbaijani forces captured a third of the Armenian-held territory.",
     ("ASSAULT", "AZE", "ARM")),
    ("The Polish government met the demands of the protesting farmers.",
     ("CONCEDE", "POL", "POL")),
    ("Portugal met Spain's demand for a joint water commission.", ("CONCEDE", "PRT", "ESP")),
])
def test_acts_on_actors_places_and_their_demands_stay(code_sentence, text, expected):
    events = code_sentence(text)
    assert type_and_countries(events) == {expected}
    assert not any(RULE in e.rules for e in events)


def test_the_rule_is_registered_for_the_types_its_words_name():
    rule = next(r for r in all_rules() if r.name == RULE)
    assert rule.types == economic_words().types == frozenset({"ASSAULT", "COERCE", "CONCEDE"})
    assert "SANCTION" not in rule.types  # "halted gas exports to Chile" is the act itself
