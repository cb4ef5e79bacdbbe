"""Recall class of issues 16 and 17, stop 22: a court or regulator's penalty is SANCTION
convict, a challenge in court ACCUSE allege (events.yaml, the lexicon's ``prep_object``).
Sentences of our own."""

from __future__ import annotations

import pytest
from rule_events import by_rule

FINE = "trigger/SANCTION:verb:fine"
JAIL_FOR_A_TERM = "trigger/SANCTION:verb:jail+prep:for"
CHALLENGE_IN_COURT = "trigger/ACCUSE:verb:challenge+prep:in"


@pytest.mark.parametrize("text, expected", [
    ("The Swiss regulator fined the Italian government for breaking the rules.", ("CHE", "ITA")),
    # the passive's agent is the court
    ("Greece was fined by a German court for breaking the contract.", ("DEU", "GRC")),
])
def test_a_fine_is_a_sentence(code_sentence, text, expected):
    assert by_rule(code_sentence(text), FINE, with_status=True) == {
        ("SANCTION", "convict", *expected, "asserted")}


@pytest.mark.parametrize("text, expected", [
    ("A Cuban court jailed two Spanish journalists for six years.", ("CUB", "ESP")),
    # the term is the "of" noun of the preposition's object
    ("Iran jailed a Swedish researcher for a total of five years.", ("IRN", "SWE")),
])
def test_a_jailing_for_a_term_is_a_sentence(code_sentence, text, expected):
    events = code_sentence(text)
    assert by_rule(events, JAIL_FOR_A_TERM, with_status=True) == {
        ("SANCTION", "convict", *expected, "asserted")}
    assert not [e for e in events if e.type == "COERCE"]


def test_a_jailing_without_a_term_stays_an_arrest(code_sentence):
    events = code_sentence("Iran jailed a Swedish researcher on Monday.")
    assert not by_rule(events, JAIL_FOR_A_TERM)
    assert {(e.type, e.mode) for e in events} == {("COERCE", "arrest")}


def test_a_penalty_on_no_actor_is_no_event(code_sentence):
    assert code_sentence("The rugby club was fined for fielding an ineligible player.") == []
    assert code_sentence("Police jailed the drunk fans for the night.") == []


@pytest.mark.parametrize("text", [
    "Austria challenged the EU's nuclear rules at the European Court of Justice.",
    # the phrase hung from the verb rather than from its object
    "Austria challenged them before the court of the EU.",
])
def test_a_challenge_in_court_is_a_legal_accusation(code_sentence, text):
    events = code_sentence(text)
    assert {(e.type, e.mode, e.source.country) for e in events
            if CHALLENGE_IN_COURT in e.rules} == {("ACCUSE", "allege", "AUT")}


def test_a_challenge_outside_court_is_no_event(code_sentence):
    events = code_sentence("The Austrian coach challenged his players to beat Germany.")
    assert not by_rule(events, CHALLENGE_IN_COURT)
