"""Precision class of issue 16, stop 26 (precision19): "commit" with a wrong as its object is
no pledge (argument/committing-a-wrong-is-no-pledge).

"Committed war crimes against civilians" commits a wrong, not to anyone; the lexicon's pledge
verb "commit" made it AGREE with the people wronged as its receiver. Commitments to act, of
money and of forces stay AGREE. Sentences of our own (not those of
coding_cases_precision19.yaml or the BBC noise sample); each sentence of the no-event test
gave an AGREE event on main 0737c38."""

from __future__ import annotations

import pytest
from rule_events import type_and_countries

from diplograph.coding.rules import all_rules
from diplograph.coding.verb_senses import wrong_words

COMMITTED_WRONG = "argument/committing-a-wrong-is-no-pledge"


@pytest.mark.parametrize("text", [
    "Croatian troops committed war crimes against Serb villagers.",
    "Sudanese militias committed atrocities against Chadian refugees.",
    "Serbian paramilitaries committed massacres in Bosnia.",
    "Israeli settlers committed violence against Palestinians.",
])
def test_a_wrong_committed_is_no_pledge(code_sentence, text):
    # A massacre is an ASSAULT of its own noun where the lexicon has one; no pledge is left.
    assert not [e for e in code_sentence(text) if e.type == "AGREE"]


@pytest.mark.parametrize("text, expected", [
    ("Denmark committed 500 million euros to Moldova's energy grid.", ("AGREE", "DNK", "MDA")),
    ("Italy committed itself to sending patrol boats to Tunisia.", ("AGREE", "ITA", "TUN")),
])
def test_commitments_stay_pledges(code_sentence, text, expected):
    assert expected in type_and_countries(code_sentence(text))


def test_the_rule_is_registered_for_agree_with_its_words():
    rule = next(r for r in all_rules() if r.name == COMMITTED_WRONG)
    assert rule.applies_to("AGREE") and not rule.applies_to("ASSAULT")
    assert {"commit", "perpetrate"} <= wrong_words().wrong_committing_verbs
    assert "crime" in wrong_words().committed_wrongs
