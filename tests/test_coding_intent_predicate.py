"""Recall class of issue 16, stop 24 (coder15): an intent to deal with an actor told by a
copula and an adjective of readiness (trigger/intent-told-by-a-predicate): "is WILLING TO WORK
WITH X", "is READY TO NEGOTIATE WITH X", "is PREPARED TO MEET X" are AGREE (SPEC 4: "ready for
dialogue"); and a stance adjective joined to another predicate by "but"
(trigger/stance-told-by-a-predicate). Sentences of our own (not those of
coding_cases_recall25.yaml)."""

from __future__ import annotations

import pytest
from rule_events import by_rule

INTENT = "trigger/intent-told-by-a-predicate"
STANCE = "trigger/stance-told-by-a-predicate"


@pytest.mark.parametrize("text, expected", [
    ("Norway is willing to work with Sweden on energy security.",
     ("AGREE", None, "NOR", "SWE", "asserted")),
    ("Chile remains ready to work with Peru on the fishing dispute.",
     ("AGREE", None, "CHL", "PER", "asserted")),
    ("Bolivia is eager to negotiate with Chile over sea access.",
     ("AGREE", None, "BOL", "CHL", "asserted")),
    ("Thailand is prepared to meet Cambodia's foreign minister.",
     ("AGREE", None, "THA", "KHM", "asserted")),
    # the copula's negation is the intent's; a meeting it embeds is absorbed, not planned
    ("Morocco was not willing to work with Algeria on the pipeline.",
     ("AGREE", None, "MAR", "DZA", "negated")),
])
def test_an_intent_told_by_a_predicate_is_agree(code_sentence, text, expected):
    assert by_rule(code_sentence(text), INTENT, with_status=True) == {expected}


def test_a_readiness_to_negotiate_is_no_planned_meeting(code_sentence):
    events = code_sentence("Bolivia is eager to negotiate with Chile over sea access.")
    assert {e.type for e in events} == {"AGREE"}


@pytest.mark.parametrize("text", [
    "Shoppers are willing to pay more for local food.",
    "The Wales team is ready for the tournament.",
    "The chancellor was open to criticism from his party.",
    "The supermarket is keen to work with local farmers.",
    "The coach is ready to talk with the goalkeeper about his future.",
])
def test_no_intent_towards_an_actor(code_sentence, text):
    assert not by_rule(code_sentence(text), INTENT)


@pytest.mark.parametrize("text, expected", [
    # the parser hangs the second adjective from the copula or from the first
    ("Latvia has been supportive of Georgia but critical of Tbilisi's new media law.",
     {("SUPPORT", None, "LVA", "GEO"), ("ACCUSE", "disapprove", "LVA", "GEO")}),
    ("Kenya was cautious but critical of Uganda's border closure.",
     {("ACCUSE", "disapprove", "KEN", "UGA")}),
])
def test_a_stance_adjective_joined_by_but(code_sentence, text, expected):
    assert by_rule(code_sentence(text), STANCE) == expected


def test_two_predicates_of_one_copula_are_two_events(code_sentence):
    events = code_sentence(
        "Finland is ready to work with Norway but critical of Oslo's fishing quotas.")
    assert by_rule(events, INTENT) == {("AGREE", None, "FIN", "NOR")}
    assert by_rule(events, STANCE) == {("ACCUSE", "disapprove", "FIN", "NOR")}
