"""Precision classes of issue 16, stop 25 (precision17): act verbs in another sense than the
act's are no event.

- argument/act-on-a-market-figure-is-no-event: a verb of force, seizure, concession or protest
  acting on a market figure ("hit steel PRICES", "captured half of the MARKET", "seized a
  larger SHARE of the car market", "met consumers' DEMAND for tulips", "the FRANC rallied");
- argument/showing-is-no-demonstration: "demonstrate" with what is shown ("the elections
  demonstrated HOW much the country has changed").

The same verbs acting on people, places, territory or an actor's demands, and people who
demonstrate, rally or march, stay events. Sentences of our own (not those of
coding_cases_precision17.yaml); each sentence of the no-event tests gave an event on main
23e820e."""

from __future__ import annotations

import pytest
from rule_events import type_and_countries

from diplograph.coding.rules import all_rules
from diplograph.coding.verb_senses import sense_words

MARKET = "argument/act-on-a-market-figure-is-no-event"
SHOWING = "argument/showing-is-no-demonstration"


@pytest.mark.parametrize("text", [
    "Cheaper Chinese steel hit American steel prices last year.",  # was ASSAULT CHN -> USA
    "South Korean phone makers captured half of the Indian market.",  # ASSAULT KOR -> IND
    "The Swedish firm seized a larger share of the German car market.",  # COERCE SWE -> DEU
    "Dutch growers met European consumers' demand for tulips.",  # CONCEDE NLD -> NLD
    "The Swiss franc rallied against the euro on Thursday.",  # PROTEST CHE -> CHE
    "Shares in Japanese carmakers rallied after the trade deal.",  # PROTEST JPN -> JPN
    "Stocks in Brazil rallied on Monday.",  # PROTEST BRA -> BRA
])
def test_an_act_on_a_market_figure_is_no_event(code_sentence, text):
    assert code_sentence(text) == []


def test_showing_is_no_demonstration(code_sentence):
    text = "The Danish elections demonstrated how much the country has changed."
    assert code_sentence(text) == []  # was PROTEST DNK -> DNK


@pytest.mark.parametrize("text, expected", [
    ("Russian missiles hit an apartment block in Odesa.", ("ASSAULT", "RUS", "UKR")),
    # things force or a seizure can reach, though their words also name figures
    ("Israeli jets struck targets in southern Lebanon overnight.", ("ASSAULT", "ISR", "LBN")),
    ("Russian missiles hit a market in Kharkiv.", ("ASSAULT", "RUS", "UKR")),
    ("Russian authorities seized shares in Yukos.", ("COERCE", "RUS", "RUS")),
    ("Azerbaijani forces captured a third of the Armenian-held territory.",
     ("ASSAULT", "AZE", "ARM")),
    ("The Polish government met the demands of the protesting farmers.",
     ("CONCEDE", "POL", "POL")),
    ("Portugal met Spain's demand for a joint water commission.", ("CONCEDE", "PRT", "ESP")),
    ("Thousands of teachers demonstrated outside the Hungarian parliament.",
     ("PROTEST", "HUN", "HUN")),
    ("Farmers in India rallied against the new farm laws.", ("PROTEST", "IND", "IND")),
    ("Students marched through Santiago against the Chilean government.",
     ("PROTEST", "CHL", "CHL")),
])
def test_acts_on_actors_places_and_their_demands_stay(code_sentence, text, expected):
    events = code_sentence(text)
    assert type_and_countries(events) == {expected}
    assert not any(MARKET in e.rules or SHOWING in e.rules for e in events)


def test_a_demonstration_with_a_purpose_stays(code_sentence):
    events = code_sentence("Workers in Argentina demonstrated to demand higher wages.")
    assert ("PROTEST", "ARG", "ARG") in type_and_countries(events)


def test_the_rules_are_registered_for_the_types_their_words_name():
    rules = {r.name: r for r in all_rules()}
    assert rules[MARKET].types == sense_words().types == frozenset(
        {"ASSAULT", "COERCE", "CONCEDE", "PROTEST"})
    assert "SANCTION" not in rules[MARKET].types  # "halted gas exports to Chile" is the act
    assert rules[SHOWING].types == frozenset({"PROTEST"})
