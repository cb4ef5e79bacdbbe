"""Precision class of issue 16, stop 20: verbs of naming and asking read as the acts their
lexicon rules name (coding/naming.py). Sentences of our own."""

from __future__ import annotations

import pytest
from rule_events import by_rule

NAMING = "recode/naming-is-no-call"
DISMISSING = "recode/dismissing-an-actor-is-disapproval"


@pytest.mark.parametrize("text, expected", [
    ("The Peruvian minister called Ecuador a bully.",
     ("ACCUSE", "disapprove", "PER", "ECU", "asserted")),
    # the named thing's owner, as verdict-given-by-naming reads it
    ("The Peruvian minister called the Ecuadorian raid an outrage.",
     ("ACCUSE", "disapprove", "PER", "ECU", "asserted")),
    # a quoted name: the parser reads both the named and the name as object predicates
    ("The Estonian minister called Russia \"a bully\".",
     ("ACCUSE", "disapprove", "EST", "RUS", "asserted")),
])
def test_naming_an_actor_with_a_verdict_is_disapproval(code_sentence, text, expected):
    events = code_sentence(text)
    assert by_rule(events, NAMING, with_status=True) == {expected}
    assert not [e for e in events if e.type == "CONSULT"]


@pytest.mark.parametrize("text", [
    "The Peruvian minister called the late senator a giant of politics.",
    "Mr Letwin called Labour a brilliant machine for talking about things.",
])
def test_naming_without_a_verdict_is_no_call(code_sentence, text):
    assert code_sentence(text) == []


def test_a_phone_call_stays_a_phone_call(code_sentence):
    events = code_sentence("The Peruvian president called the Chilean president on Monday.")
    assert {(e.type, e.mode) for e in events} == {("CONSULT", "phone")}
    assert not by_rule(events, NAMING)


def test_dismissing_an_actor_is_disapproval_and_a_claim_a_refusal(code_sentence):
    assert by_rule(code_sentence("The Thai leader dismissed Cambodia as a nuisance."),
                   DISMISSING) == {("ACCUSE", "disapprove", "THA", "KHM")}
    claim = code_sentence("The Thai leader dismissed the Cambodian offer as a trick.")
    assert {(e.type, e.target and e.target.country) for e in claim} == {("REJECT", "KHM")}


def test_a_question_is_no_request_and_a_request_to_act_stays(code_sentence):
    assert code_sentence(
        "The Latvian minister asked Lithuania whether the border had been closed.") == []
    asked = code_sentence("The Latvian minister asked Lithuania to reopen the border.")
    assert {(e.type, e.source.country, e.target.country) for e in asked} == {
        ("REQUEST", "LVA", "LTU")}
