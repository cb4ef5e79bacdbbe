"""Recall classes of issue 16, stop 19, each rule with sentences of our own: an act told in
a where- or when-clause (coding/frames.py)."""

from __future__ import annotations

import pytest
from rule_events import by_rule

WHERE_CLAUSE = "clause/where-or-when-clause-is-its-own-event"


# ------------------------------------------------------------------ where- and when-clauses
@pytest.mark.parametrize("text, expected", [
    ("The envoys travelled on to Amman, where Jordan condemned Syria's shelling of Daraa.",
     ("ACCUSE", "disapprove", "JOR", "SYR", "asserted")),
    ("Ties broke down in May, when Ecuador expelled the Colombian ambassador.",
     ("SANCTION", "expel", "ECU", "COL", "asserted")),
])
def test_an_act_in_a_where_or_when_clause_is_its_own_event(code_sentence, text, expected):
    assert by_rule(code_sentence(text), WHERE_CLAUSE, with_status=True) == {expected}


def test_a_where_clause_without_an_act_gives_no_event(code_sentence):
    # the rule keeps a trigger of the clause; it does not make one
    assert code_sentence("The talks moved to Rabat, where the weather was hot.") == []


# ------------------------------------------------------------------ passives the parse hides
HIDDEN_PASSIVE = "argument/passive-the-parse-hides"


@pytest.mark.parametrize("text, expected", [
    # coordinated participles: the agent of the last is the source of both
    ("Four Estonian fishermen were detained and deported by Russia.",
     {("COERCE", "arrest", "RUS", "EST"), ("COERCE", "deport", "RUS", "EST")}),
    ("The Maltese tanker was stopped and seized by Libya.",
     {("COERCE", "seize", "LBY", "MLT")}),
])
def test_coordinated_passives_share_subject_and_agent(code_sentence, text, expected):
    assert by_rule(code_sentence(text), HIDDEN_PASSIVE) == expected


def test_a_participle_with_an_agent_parsed_as_a_clause_is_passive(code_sentence):
    # "released" is parsed as a clausal subject whose own subject is "the Chileans"
    text = ("The minister said the Chileans released by Bolivia were close to finishing their "
            "terms, while others were still held.")
    assert by_rule(code_sentence(text), HIDDEN_PASSIVE) == {
        ("RETREAT", "release", "BOL", "CHL")}


def test_a_coordination_without_an_agent_names_no_source(code_sentence):
    # no one is said to have done it: the rule does not invent a source
    assert by_rule(code_sentence("Two Danish sailors were detained and deported."),
                   HIDDEN_PASSIVE) == set()


# ------------------------------------------------------------------ wrongdoing in "said"
WRONGDOING = "trigger/wrongdoing-told-as-what-was-said"


@pytest.mark.parametrize("text, expected", [
    # active: the clause's subject did it
    ("Moldova said Russia had bribed the local officials.", ("ACCUSE", "allege", "MDA", "RUS")),
    # passive with an agent: the agent did it
    ("Kenya claimed the ballots had been forged by Uganda.", ("ACCUSE", "allege", "KEN", "UGA")),
    # passive without one: the owner of what was done to
    ("Chile said Peru's trade figures were doctored.", ("ACCUSE", "allege", "CHL", "PER")),
])
def test_wrongdoing_told_as_what_was_said_is_an_allegation(code_sentence, text, expected):
    assert by_rule(code_sentence(text), WRONGDOING) == {expected}


@pytest.mark.parametrize("text", [
    "Moldova said Russia had not bribed the local officials.",  # denied, not alleged
    "Moldova asked whether Russia had bribed the local officials.",  # a question
    "Moldova said the local officials had been bribed.",  # no doer named
])
def test_no_allegation_without_a_claimed_doer(code_sentence, text):
    assert by_rule(code_sentence(text), WRONGDOING) == set()
