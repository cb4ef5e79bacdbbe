"""Precision class of issue 16, stop 28: a verb of leaving read as RETREAT resign where what is
left is private life (a firm, a show, a habit), and a member leaving a party the knowledge base
lacks (coding/membership.py). Sentences of our own."""

from __future__ import annotations

import pytest
from rule_events import by_rule

PRIVATE_LIFE = "argument/leaving-private-life-is-no-event"
UNKNOWN_PARTY = "recode/unknown-party-left-is-the-members-own"


@pytest.mark.parametrize("text", [
    # a firm or a trade left: its object, its from-phrase, the in-phrase of an as-phrase
    "The Belgian minister's wife quit the insurance business last year.",
    "A Greek politician resigned from the shipping company in May.",
    "The former French minister resigned as a partner in an accounting firm.",
    # a state named inside the phrase does not make a show a public post
    "The German MP resigned as host of the Germany Today show.",
    # a stage of private life: a show, a series
    "The Austrian television presenter quit his morning programme on Friday.",
    # a habit: a bare -ing form
    "The Danish prime minister quit smoking before the election.",
    "The Portuguese president quit swimming after his illness.",
])
def test_leaving_private_life_is_no_event(code_sentence, text):
    assert code_sentence(text) == []


@pytest.mark.parametrize("text, country", [
    # public office and the government stay resignations
    ("The Belgian foreign minister resigned from the government on Monday.", "BEL"),
    ("The Greek finance minister quit as head of the ministry.", "GRC"),
    ("The Austrian chancellor stepped down after the vote.", "AUT"),
    # a post named with a public body in its phrase: a state bank is no firm
    ("The Danish minister resigned as chairman of the Danish parliament's finance committee.",
     "DNK"),
])
def test_leaving_public_office_stays_a_resignation(code_sentence, text, country):
    events = code_sentence(text)
    assert not by_rule(events, PRIVATE_LIFE)
    assert {(e.type, e.mode, e.source and e.source.country) for e in events} == {
        ("RETREAT", "resign", country)}


@pytest.mark.parametrize("text, country", [
    ("The Peruvian senator quit the Popular Force party on Tuesday.", "PER"),
    ("A Chilean deputy resigned from the Independent Democratic Union party.", "CHL"),
    ("Two Colombian senators left the Liberal caucus over the peace deal.", "COL"),
    ("The Ghanaian MP defected from the New Patriotic Party last year.", "GHA"),
])
def test_leaving_an_unknown_party_is_a_withdrawal_from_the_members_own(code_sentence, text,
                                                                       country):
    events = code_sentence(text)
    assert by_rule(events, UNKNOWN_PARTY, with_status=True) == {
        ("SANCTION", "withdraw", country, country, "asserted")}
    assert not [e for e in events if e.type in ("RETREAT", "CONCEDE")]


def test_a_known_party_left_is_the_known_party(code_sentence):
    # the knowledge base's party is the target; the unknown-party rule does not run
    events = code_sentence("A British MP quit the Conservative Party over the budget.")
    assert not by_rule(events, UNKNOWN_PARTY)
    assert by_rule(events, "recode/leaving-a-party-is-withdrawal") == {
        ("SANCTION", "withdraw", "GBR", "GBR")}


def test_a_party_with_no_member_state_stays_as_it_was(code_sentence):
    # no member with a state: no party can be placed, and nothing is invented
    events = code_sentence("Critics quit the Popular Force party on Tuesday.")
    assert not by_rule(events, UNKNOWN_PARTY)


def test_a_show_the_parser_reads_as_a_verb_is_still_a_show(code_sentence):
    # "show" before a title comes out of the parser as a verb (VBP)
    assert code_sentence("Former French minister Marie Dupont has resigned as host of RTL's "
                         "Saturday morning children's music show Top 50 after six years.") == []
