"""Recall class of issue 16, stop 24: a standing stance on an actor told by a copula and a
stance adjective or role noun, not by a verb of the act (trigger/stance-told-by-a-predicate):
"is CRITICAL OF X" and "a CRITIC OF X" are ACCUSE disapprove, "is SUPPORTIVE OF X" and "a
SUPPORTER OF X" are SUPPORT; the counterpart is the "of" phrase or its owner. Sentences of our
own (not those of coding_cases_recall24.yaml)."""

from __future__ import annotations

import pytest
from rule_events import by_rule

STANCE = "trigger/stance-told-by-a-predicate"


@pytest.mark.parametrize("text, expected", [
    ("Slovakia has been sharply critical of Austria's border checks.",
     ("ACCUSE", "disapprove", "SVK", "AUT", "asserted")),
    ("Greece remains critical of Turkish drilling near Cyprus.",
     ("ACCUSE", "disapprove", "GRC", "TUR", "asserted")),
    ("Latvia has long been an outspoken critic of Belarus.",
     ("ACCUSE", "disapprove", "LVA", "BLR", "asserted")),
    ("Spain was dismissive of Morocco's complaint.",
     ("ACCUSE", "disapprove", "ESP", "MAR", "asserted")),
    ("Romania is strongly supportive of Moldova's bid to join the EU.",
     ("SUPPORT", None, "ROU", "MDA", "asserted")),
    ("Kenya has been a firm supporter of Somalia.", ("SUPPORT", None, "KEN", "SOM", "asserted")),
    # the copula's negation is the stance's
    ("Egypt was not critical of Saudi Arabia's decision.",
     ("ACCUSE", "disapprove", "EGY", "SAU", "negated")),
])
def test_a_stance_told_by_a_predicate_is_an_act_of_the_subject(code_sentence, text, expected):
    assert by_rule(code_sentence(text), STANCE, with_status=True) == {expected}


@pytest.mark.parametrize("text", [
    "The patient remains in a critical condition.",
    "Chile said the vote was critical to the peace process.",
    "Emmanuel Macron is a lifelong supporter of Olympique de Marseille football club.",
    "Viewers were critical of the new series.",
    "Peru's president became critical after the vote.",
])
def test_no_stance_on_an_actor(code_sentence, text):
    assert not by_rule(code_sentence(text), STANCE)
