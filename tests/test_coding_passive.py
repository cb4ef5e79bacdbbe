"""Recall class of issue 16, stop 26: passive and participle events whose doer is named by a
phrase or an institutional modifier, not as a subject (coding/passive_sources.py, the
unnamed-member rules of coding/membership.py). Sentences of our own."""

from __future__ import annotations

import pytest
from rule_events import by_rule

LISTING = "trigger/actor-put-on-a-sanctions-list"
LIST_SIDES = "argument/listed-actor-and-the-list-owner"
MISPLACED_AGENT = "argument/agent-hung-from-the-object"
UNNAMED_COURT = "argument/unnamed-court-is-the-state"
STATE_ACT = "argument/state-act-without-its-doer"
EXPELLED_MEMBER = "argument/unnamed-member-of-the-expelling-body"
LEAVING_MEMBER = "argument/unnamed-member-leaving-the-party"


@pytest.mark.parametrize("text, expected", [
    ("The Ugandan minister was added to the US sanctions list on Monday.",
     ("SANCTION", None, "USA", "UGA", "asserted")),
    # "European" names the EU only before a list or sanctions (list_owner_adjectives)
    ("The Syrian central bank was placed on the European sanctions list.",
     ("SANCTION", None, "EU", "SYR", "asserted")),
    ("The Cuban airline has been under American sanctions since 2019.",
     ("SANCTION", None, "USA", "CUB", "asserted")),
    # no owner in the list's phrase: the active verb's subject does the listing
    ("Japan added three North Korean banks to its blacklist.",
     ("SANCTION", None, "JPN", "PRK", "asserted")),
])
def test_an_actor_put_on_a_sanctions_list_is_sanctioned_by_its_owner(code_sentence, text,
                                                                     expected):
    events = code_sentence(text)
    assert by_rule(events, LISTING, with_status=True) == {expected}
    assert by_rule(events, LIST_SIDES)


@pytest.mark.parametrize("text", [
    "The Ugandan minister was placed on a waiting list for surgery.",
    "The Syrian film was added to the festival's shortlist.",
    "The Cuban singer's new song was added to the BBC playlist.",
    # sanctions with no owner named: who imposes them is unknown
    "The Cuban airline has been under sanctions since 2019.",
])
def test_a_list_or_sanctions_with_no_owner_is_no_sanction(code_sentence, text):
    assert not by_rule(code_sentence(text), LISTING)


def test_an_agent_hung_from_the_object_is_the_source(code_sentence):
    # the parser hangs "by the Dutch central bank" from "euros"
    events = code_sentence("Two Belgian lenders were fined 3m euros by the Dutch central bank.")
    assert by_rule(events, MISPLACED_AGENT) == {("SANCTION", "convict", "NLD", "BEL")}


@pytest.mark.parametrize("text, expected", [
    ("The Egyptian poet was sentenced to five years in prison.",
     ("SANCTION", "convict", "EGY", "EGY")),
    ("Two Iranian journalists were jailed for six years.",
     ("SANCTION", "convict", "IRN", "IRN")),
])
def test_a_sentence_with_no_court_named_is_the_states(code_sentence, text, expected):
    # argument/state-act-without-its-doer (stop 29) runs first: it reads a place in the
    # words before the target's state, and gives these two the same state.
    events = code_sentence(text)
    assert by_rule(events, UNNAMED_COURT) | by_rule(events, STATE_ACT) == {expected}


def test_a_court_named_is_not_replaced_by_the_state(code_sentence):
    events = code_sentence("The Egyptian poet was sentenced by a French court to five years.")
    assert not by_rule(events, UNNAMED_COURT)


@pytest.mark.parametrize("text", [
    "The long-serving MP was expelled from the SNP in 2020.",
    "A veteran councillor was expelled from the Liberal Democrats after the vote.",
])
def test_a_member_named_by_a_common_noun_is_expelled_by_the_body(code_sentence, text):
    assert by_rule(code_sentence(text), EXPELLED_MEMBER) == {("SANCTION", "expel", "GBR", "GBR")}


@pytest.mark.parametrize("text", [
    "The young pupil was expelled from the school for fighting.",
    "The long-serving MP was released from hospital on Monday.",
])
def test_no_body_expels_from_a_school_or_a_hospital(code_sentence, text):
    events = code_sentence(text)
    assert not by_rule(events, EXPELLED_MEMBER)
    assert not [e for e in events if e.type == "SANCTION"]


def test_a_member_named_by_a_common_noun_leaves_the_party(code_sentence):
    events = code_sentence("The former councillor resigned from the Liberal Democrats in 2019.")
    assert by_rule(events, LEAVING_MEMBER) == {("SANCTION", "withdraw", "GBR", "GBR")}


CUSTODY = "trigger/actor-placed-in-custody"


@pytest.mark.parametrize("text, expected", [
    ("The Cuban dissident was placed in detention by Cuban police.",
     ("COERCE", "arrest", "CUB", "CUB")),
    # no detainer named: the authorities of the detained's own state
    ("The Belarusian opposition leader was placed under house arrest.",
     ("COERCE", "arrest", "BLR", "BLR")),
])
def test_an_actor_placed_in_custody_is_arrested(code_sentence, text, expected):
    assert by_rule(code_sentence(text), CUSTODY) == {expected}


def test_remaining_in_custody_is_no_new_arrest(code_sentence):
    assert not by_rule(code_sentence("The Cuban dissident remains in custody."), CUSTODY)
