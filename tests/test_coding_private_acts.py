"""Acts of private life and of the market are no political events (issue 16, the
non-political cases), each rule with sentences of our own and one that must stay."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def code(code_sentence):
    return code_sentence


def test_an_agreement_to_sell_a_business_is_commerce(code):
    # Without the rule: AGREE Sweden -> Siemens (the possessive names the firm's home).
    assert code("Sweden's Ericsson agreed on Tuesday to sell its cable business to "
                "Germany's Siemens for 1 billion euros.") == []


def test_a_signed_deal_to_buy_a_firm_is_commerce(code):
    assert code("Chile's Andes Minerals signed an agreement on Friday to buy Canada Copper "
                "Holdings from Rio Tinto.") == []


@pytest.mark.parametrize("text", [
    "India agreed to buy 36 fighter jets from France.",
    "Russia agreed to sell S-400 missiles to Turkey.",
])
def test_a_state_buying_goods_stays_an_agreement(code, text):
    events = code(text)
    assert [e.type for e in events] == ["AGREE"]
    assert "argument/sale-of-a-firm-is-commerce" not in events[0].rules


@pytest.mark.parametrize("text", [
    "Brazilian striker Rafael Souza signed a new contract with Real Madrid on Monday.",
    "Spanish singer Lola Vidal visited Mexico last week to promote her new album.",
])
def test_performers_and_players_act_in_private_life(code, text):
    assert code(text) == []


def test_a_head_of_government_visiting_stays_a_visit(code):
    events = code("Spanish Prime Minister Pedro Sanchez visited Mexico last week.")
    assert [(e.type, e.source.country, e.target.country) for e in events] == [
        ("CONSULT", "ESP", "MEX")]


def test_a_place_a_firm_would_move_to_is_no_counterpart(code):
    # Without the rule: THREATEN Denmark -> Mexico, read off "to Mexico".
    assert code("Danish toy maker Brikken threatened to move its factory to Mexico if "
                "taxes rose.") == []


def test_a_firm_suing_a_government_stays(code):
    events = code("Danish toy maker Brikken sued the Mexican government over the new tax.")
    assert [(e.type, e.target.country) for e in events] == [("ACCUSE", "MEX")]


def test_an_armed_group_is_no_firm(code):
    # "group" is a firm noun, but a rebel group's threat read off "at Israel" stays.
    events = code("Hezbollah, the Lebanese militant group, threatened to fire rockets at Israel "
                  "from southern Lebanon.")
    assert [(e.type, e.target.country) for e in events] == [("THREATEN", "ISR")]


@pytest.mark.parametrize("text", [
    "Israeli right-winger Benjamin Netanyahu met Joe Biden in Washington on Monday.",
    "Looking forward to the summit, Italian Prime Minister Giorgia Meloni met Emmanuel Macron "
    "in Rome.",
])
def test_words_of_politics_are_no_performer_roles(code, text):
    assert [e.type for e in code(text)] == ["CONSULT"]
