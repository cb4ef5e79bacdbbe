"""Recall class of issue 16, stop 27 (drawn27): criticism told from the side of the one who
receives it (trigger/criticism-received-from-an-actor, argument/criticism-received-is-from-its-
sender).

"X came under fire FROM Y", "X is facing opposition FROM Y", "X drew condemnation FROM Y": the
subject is the criticised, the "from" phrase the critic (PLOVER 3.9, ACCUSE disapprove). On the
drawn sets this shape had no trigger at all. Sentences of our own; the contrasts are a critic
who is no actor, literal fire on troops, and a negated clause."""

from __future__ import annotations

import pytest
from rule_events import by_rule

from diplograph.coding.rules import all_rules
from diplograph.knowledge.coding_words import structure_words

RECEIVED = "trigger/criticism-received-from-an-actor"


@pytest.mark.parametrize("text, expected", [
    ("The Greek prime minister came under fire from Germany over the bailout terms.",
     ("ACCUSE", "disapprove", "DEU", "GRC")),
    ("The Indian government faced sharp criticism from Pakistan after the border shooting.",
     ("ACCUSE", "disapprove", "PAK", "IND")),
    ("Israel has drawn condemnation from Turkey for the raid.",
     ("ACCUSE", "disapprove", "TUR", "ISR")),
    ("The Kenyan president is facing opposition from Uganda over the pipeline route.",
     ("ACCUSE", "disapprove", "UGA", "KEN")),
    ("France met with a backlash from Italy over the migrant plan.",
     ("ACCUSE", "disapprove", "ITA", "FRA")),
])
def test_criticism_received_from_an_actor_is_its_criticism(code_sentence, text, expected):
    assert expected in by_rule(code_sentence(text), RECEIVED)


@pytest.mark.parametrize("text", [
    "The proposal has drawn criticism from economists.",
    "Turkish troops came under fire from Kurdish militants near the border.",
    "Germany did not face criticism from France over the deal.",
    "The minister faced questions from reporters about the budget.",
])
def test_no_actor_criticising_is_no_received_criticism(code_sentence, text):
    assert not by_rule(code_sentence(text), RECEIVED)


def test_the_rule_is_registered_with_its_words():
    rule = next(r for r in all_rules() if r.name == RECEIVED)
    assert rule.plover == "3.9"
    words = structure_words()
    assert {"face", "draw"} <= words.receiving_verbs
    assert {"criticism", "fire"} <= words.received_criticism_nouns
    assert "troops" in words.literal_fire_targets
