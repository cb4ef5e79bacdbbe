"""Recall class of issue 16, stop 21: a party's sanction on its own member is SANCTION expel,
party to member (coding/membership.py). Sentences of our own."""

from __future__ import annotations

import pytest
from rule_events import by_rule

EXPULSION = "recode/expelling-a-member-is-a-sanction"


@pytest.mark.parametrize("text, expected", [
    # CAMEO's "expel" is a deportation; a party doing it makes it a sanction on the member
    ("Fidesz expelled a Hungarian MEP after the scandal.", ("HUN", "HUN")),
    # the party in the from-phrase of a passive
    ("A Turkish mayor was suspended from the AKP over the corruption case.", ("TUR", "TUR")),
    # the party as the agent of a passive
    ("An American congressman was expelled by the Republican Party.", ("USA", "USA")),
    # the whip taken away: the member in the from-phrase
    ("Labour withdrew the whip from a British MP on Tuesday.", ("GBR", "GBR")),
    ("The ANC threw a South African MP out of the party.", ("ZAF", "ZAF")),
])
def test_a_party_expelling_its_member_is_a_sanction(code_sentence, text, expected):
    events = code_sentence(text)
    assert by_rule(events, EXPULSION, with_status=True) == {
        ("SANCTION", "expel", *expected, "asserted")}
    assert not [e for e in events if e.type == "COERCE"]


def test_a_planned_expulsion_is_planned(code_sentence):
    events = code_sentence("The Labour Party will expel the British MP next week.")
    assert by_rule(events, EXPULSION, with_status=True) == {
        ("SANCTION", "expel", "GBR", "GBR", "planned")}


def test_a_suspension_by_no_party_is_no_event(code_sentence):
    assert code_sentence("The club suspended its captain for two matches.") == []
    # an actor suspended by a state: the membership rule reads no sanction into it
    events = code_sentence("The Ukrainian government suspended a Ukrainian governor.")
    assert not by_rule(events, EXPULSION)
    assert not [e for e in events if e.rules[0] == "trigger/SANCTION:verb:suspend"]


def test_a_deportation_by_a_state_stays_coercion(code_sentence):
    events = code_sentence("Israel expelled two Palestinian activists from Jerusalem.")
    assert not by_rule(events, EXPULSION)
    assert {(e.type, e.mode) for e in events} == {("COERCE", "deport")}


LEAVING = "recode/leaving-a-party-is-withdrawal"


@pytest.mark.parametrize("text, expected", [
    # "quit" is a resignation (RETREAT resign) until what is quit is a party
    ("A Hungarian MEP quit Fidesz on Monday.", ("HUN", "HUN", "asserted")),
    ("Two British MPs resigned the Labour whip over the budget.", ("GBR", "GBR", "asserted")),
    ("A Turkish mayor defected from the AKP last year.", ("TUR", "TUR", "asserted")),
    # a future departure is planned, not an announced concession
    ("A British MP will leave the Labour Party next month.", ("GBR", "GBR", "planned")),
])
def test_a_member_leaving_its_party_is_a_withdrawal(code_sentence, text, expected):
    events = code_sentence(text)
    assert by_rule(events, LEAVING, with_status=True) == {("SANCTION", "withdraw", *expected)}
    assert not [e for e in events if e.type in ("RETREAT", "CONCEDE")]


def test_leaving_no_party_is_no_withdrawal(code_sentence):
    # "quit" with no party stays a resignation; a conference or a place left is no event
    quit = code_sentence("The Hungarian foreign minister quit on Monday.")
    assert not by_rule(quit, LEAVING)
    assert {(e.type, e.mode) for e in quit} == {("RETREAT", "resign")}
    assert code_sentence("The British MP left the party conference early.") == []
