"""Sanctions on a state's goods and supplies (issue 16, stop 29, tariff29): a measure on goods
aims at the goods' state (argument/owner-of-sanctioned-goods, data/lexicon/traded_goods.yaml),
a supply shut or turned off to a state and a ban on a state's goods are SANCTION (events.yaml).
Sentences of our own."""

from __future__ import annotations

import pytest
from rule_events import by_rule, type_and_countries

GOODS_OWNER = "argument/owner-of-sanctioned-goods"
SHUT_OFF = "trigger/SANCTION:verb:shut+object:supply+particle:off"
BAN_ON_GOODS = "trigger/SANCTION:verb:ban+object:good"


@pytest.mark.parametrize("text, expected", [
    # the goods' state told deep inside the measure's "on" phrase
    ("Canada slapped duties, ranging from 10 percent to 20 percent, on a list of goods worth "
     "$3 billion in American exports to Canada.", ("CAN", "USA")),
    ("India imposed a levy on a range of products that made up most of Chinese exports to "
     "India.", ("IND", "CHN")),
])
def test_a_measure_on_goods_aims_at_their_state(code_sentence, text, expected):
    assert by_rule(code_sentence(text), GOODS_OWNER) == {("SANCTION", None, *expected)}


def test_the_measures_own_owner_is_no_target(code_sentence):
    # "Canadian duties" are Canada's measure; the goods have no owner: no invented target
    events = code_sentence("Canadian duties on steel angered Washington.")
    assert not by_rule(events, GOODS_OWNER)


@pytest.mark.parametrize("text, expected", [
    ("Turkmenistan shut off gas supplies to Ukraine on Friday.", ("TKM", "UKR")),
    ("Uzbekistan shut off gas to Tajikistan in January.", ("UZB", "TJK")),
    ("Iraq turned off oil supplies to Jordan.", ("IRQ", "JOR")),
])
def test_a_supply_shut_off_to_a_state_is_stopped(code_sentence, text, expected):
    events = code_sentence(text)
    assert {(e.type, e.mode, e.source.country, e.target.country) for e in events} == {
        ("SANCTION", "discontinue", *expected)}
    assert all(SHUT_OFF in e.rules for e in events)


@pytest.mark.parametrize("text", [
    "A storm cut off power to the region.",
    "Workers turned off the electricity to the building.",
    "The company shut off its gas supplies to the plant for repairs.",
    "Chinese steel makers cut their exports to Europe.",
    "Heavy snow cut off gas deliveries to the mountain villages.",
])
def test_a_supply_cut_by_no_state_is_no_event(code_sentence, text):
    assert code_sentence(text) == []


@pytest.mark.parametrize("text, expected", [
    ("France banned British beef in 1996.", ("FRA", "GBR")),
    ("The Philippines banned pork from Germany after an outbreak of swine fever.",
     ("PHL", "DEU")),
    ("Russia banned Georgian wine and mineral water.", ("RUS", "GEO")),
])
def test_a_ban_on_a_states_goods_is_a_sanction(code_sentence, text, expected):
    assert by_rule(code_sentence(text), BAN_ON_GOODS) == {("SANCTION", None, *expected)}


def test_a_ban_on_people_stays_a_restriction(code_sentence):
    events = code_sentence("Iran banned British journalists from the country.")
    assert type_and_countries(events) == {("COERCE", "IRN", "GBR")}


@pytest.mark.parametrize("text", [
    "Prices of Chinese steel fell sharply in March.",
    "Russian gas supplies to Europe fell in the winter.",
    "Gas supplies to Ukraine resumed on Monday.",
])
def test_goods_of_a_state_without_a_measure_are_no_event(code_sentence, text):
    assert code_sentence(text) == []
