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
