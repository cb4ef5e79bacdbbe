"""Type error of issue 16, stop 24 (coder16): a warning of a risk is no threat. A warning to an
actor that IT is in danger of, at risk of or risked a harm is criticism of it
(recode/warned-party-at-risk-is-criticism, an argument rule: ACCUSE disapprove;
docs/actor_handcheck_stop22.md H014, H015); a risk of the warner's own or of no one is no event
(argument/warning-of-a-danger-is-no-threat); a threat of the warner's own act stays THREATEN.
Sentences of our own (not those of coding_cases_recall26.yaml)."""

from __future__ import annotations

import pytest
from rule_events import by_rule

AT_RISK = "recode/warned-party-at-risk-is-criticism"


@pytest.mark.parametrize("text, expected", [
    ("Ireland warned Britain it was in danger of breaking the peace agreement.",
     ("ACCUSE", "disapprove", "IRL", "GBR", "asserted")),
    ("Austria warned Slovakia that it risked losing EU funds.",
     ("ACCUSE", "disapprove", "AUT", "SVK", "asserted")),
    ("Portugal warned Spain that it was at risk of wrecking the water treaty.",
     ("ACCUSE", "disapprove", "PRT", "ESP", "asserted")),
])
def test_a_warned_party_at_risk_is_criticism(code_sentence, text, expected):
    assert by_rule(code_sentence(text), AT_RISK, with_status=True) == {expected}


@pytest.mark.parametrize("text", [
    "Nigeria warned it was in danger of running short of fuel.",
    "Ghana warned it risked missing its budget targets.",
    "Chile warned that the strike could slow copper output.",
    "Norway warned of a serious risk of floods in the west.",
])
def test_a_warning_of_a_risk_is_no_event(code_sentence, text):
    assert code_sentence(text) == []


@pytest.mark.parametrize("text, target", [
    ("Algeria warned Morocco that it would respond to any incursion.", "MAR"),
    ("Serbia warned Kosovo of consequences if it sends police to the north.", "XKX"),
    ("Azerbaijan threatened to cut off relations with Armenia.", "ARM"),
])
def test_a_threat_of_the_warners_own_act_stays_threaten(code_sentence, text, target):
    events = code_sentence(text)
    assert {e.type for e in events} == {"THREATEN"}
    assert {e.target.country for e in events if e.target} == {target}
