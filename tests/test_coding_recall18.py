"""Recall classes of issue 16, stop 18, each rule with sentences of our own: an event noun
carried by a participle of its light verb (coding/structure_triggers.py, frames.py)."""

from __future__ import annotations

import pytest
from rule_events import by_rule

PARTICIPLE = "trigger/event-noun-carried-by-its-participle"


@pytest.fixture(scope="module")
def code(code_sentence):
    return code_sentence


# ------------------------------------------------------------------ participle light verbs
@pytest.mark.parametrize("text, expected", [
    # the noun's own light verb, its agent the source, its counterpart the target
    ("The censure issued by Norway against Russia was printed in every paper.",
     ("ACCUSE", "disapprove", "NOR", "RUS")),
    ("The loan offered by Japan to Vietnam will build two bridges.",
     ("AID", None, "JPN", "VNM")),
    # a meeting noun, carried by a verb that holds a meeting, with both sides "between"
    ("The meeting held between Vietnam and Laos in Hanoi lasted an hour.",
     ("CONSULT", None, "VNM", "LAO")),
    # the parser hangs the counterpart from the agent ("the minister AGAINST Chile")
    ("The condemnation voiced by the Peruvian minister against Chile surprised no one.",
     ("ACCUSE", "disapprove", "PER", "CHL")),
])
def test_an_event_noun_carried_by_its_participle_is_an_event(code, text, expected):
    assert by_rule(code(text), PARTICIPLE) == {expected}


@pytest.mark.parametrize("text", [
    "The talks planned with Iran were put off until May.",  # planning is no light verb
    "The meeting held in Geneva ended early.",  # neither agent nor counterpart
    "The speech delivered by the mayor at the opening was short.",  # not an event noun
])
def test_a_participle_that_only_describes_its_noun_carries_no_event(code, text):
    assert by_rule(code(text), PARTICIPLE) == set()


# ------------------------------------------------------------------ pronoun owners
PRONOUN = "trigger/verdict-on-an-act-named-by-a-pronoun"


@pytest.mark.parametrize("text, expected", [
    # the clause before, in the same sentence
    ("Hungary closed its border with Serbia, and Croatia said it was a disgrace.",
     ("ACCUSE", "disapprove", "HRV", "HUN")),
    # the main clause of the sentence before
    ("Norway announced new fishing quotas on Monday. Iceland's minister said they were unfair.",
     ("ACCUSE", "disapprove", "ISL", "NOR")),
    # a naming verb in a relative clause: the clause its noun sits in
    ("Spain turned down the offer from Morocco, which called it a mistake.",
     ("ACCUSE", "disapprove", "MAR", "ESP")),
])
def test_a_verdict_on_a_pronoun_judges_the_doer_of_the_clause_before(code, text, expected):
    assert by_rule(code(text), PRONOUN) == {expected}


@pytest.mark.parametrize("text", [
    "The museum reopened on Monday. The French minister said it was a disgrace.",  # no actor
    "Hungary closed its border, and Croatia said it was not a mistake.",  # negated
    "The Greek minister arrived in Rome. He said it was a disgrace.",  # the doer speaks
])
def test_a_pronoun_verdict_without_an_actors_act_before_is_no_criticism(code, text):
    assert by_rule(code(text), PRONOUN) == set()


# ------------------------------------------------------------------ domestic pairs
@pytest.mark.parametrize("text, rule", [
    ("Labour unveiled its tax plan on Monday, and the Conservatives said it was a shambles.",
     PRONOUN),
    ("The criticism voiced by the Tory leader against the Labour government was sharp.",
     PARTICIPLE),
])
def test_a_structure_trigger_codes_a_domestic_pair(code, text, rule):
    # the two-states condition is for imported CAMEO patterns only, not for our own rules
    assert by_rule(code(text), rule) == {("ACCUSE", "disapprove", "GBR", "GBR")}


# ------------------------------------------------------------------ a way of acting
SAID_CRITICISM = "trigger/criticism-told-as-what-was-said"
NAMING = "trigger/verdict-given-by-naming"


@pytest.mark.parametrize("text, rule, target", [
    ("The Swiss minister said the way Italy treated the migrants was shameful.",
     SAID_CRITICISM, "ITA"),
    ("Chile's president said the manner in which Bolivia ended the talks was a mistake.",
     SAID_CRITICISM, "BOL"),
    # the parser hangs "as" from the clause that describes the way
    ("The Dutch minister described the way Hungary ran the election as unfair.",
     NAMING, "HUN"),
    # the doer's own owner: "the way Austria's GOVERNMENT"
    ("The Czech minister said the way Austria's government closed the road was unfair.",
     SAID_CRITICISM, "AUT"),
])
def test_a_verdict_on_how_an_actor_acted_judges_that_actor(code, text, rule, target):
    assert {t for _, _, _, t in by_rule(code(text), rule)} == {target}


def test_a_verdict_on_how_a_thing_happened_is_no_criticism(code):
    events = code("The minister said the way the river flooded the town was a disgrace.")
    assert by_rule(events, SAID_CRITICISM) == set()
