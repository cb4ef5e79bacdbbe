"""Precision class of issue 16, stop 26 (precision19): coordinated subjects of a pledge give
their word side by side, not to each other (argument/pledge-of-two-is-no-joint-act).

"X and Y pledged to invest in rail" is two pledges to no one, which agreement-needs-a-counterpart
drops (a pledge to no one is policy, not AGREE). Pledges to a named receiver, pledges given
"to each other" and agreements reached together ("X and Y agreed to ...") stay AGREE.
Sentences of our own (not those of coding_cases_precision19.yaml or the BBC noise sample);
each sentence of the no-event test gave an AGREE between the two subjects on main 0737c38."""

from __future__ import annotations

import pytest
from rule_events import type_and_countries

from diplograph.coding.rules import all_rules

PLEDGE_OF_TWO = "argument/pledge-of-two-is-no-joint-act"


@pytest.mark.parametrize("text", [
    "Finland and Estonia pledged to double their spending on rail links.",
    "The Czech and Slovak prime ministers promised to lower energy prices for households.",
    "Chile and Peru have vowed to cut their carbon emissions by a third.",
    "Norway and Iceland are committed to protecting their fishing grounds.",
])
def test_a_pledge_made_side_by_side_is_no_agreement(code_sentence, text):
    assert not [e for e in code_sentence(text) if e.type == "AGREE"]


@pytest.mark.parametrize("text, expected", [
    ("Finland and Estonia agreed to build a tunnel under the Baltic.", ("AGREE", "FIN", "EST")),
    ("Chile and Peru vowed to each other to end the border dispute.", ("AGREE", "CHL", "PER")),
    ("Finland pledged to Estonia that it would share its air defence radar data.",
     ("AGREE", "FIN", "EST")),
])
def test_agreements_and_pledges_to_a_receiver_stay(code_sentence, text, expected):
    assert expected in type_and_countries(code_sentence(text))


def test_a_pledge_of_two_to_a_receiver_is_one_pledge_each(code_sentence):
    # The receiver is named, so the subjects were never each other's: two pledges to Ukraine.
    events = code_sentence("Finland and Estonia pledged to send more aid to Ukraine.")
    assert {(e.source.country, e.target.country) for e in events if e.type == "AGREE"} == {
        ("FIN", "UKR"), ("EST", "UKR")}


def test_the_rule_is_registered_for_agree_after_stances_of_two():
    names = [r.name for r in all_rules()]
    assert PLEDGE_OF_TWO in names
    assert names.index("argument/stance-of-two-is-no-joint-act") < names.index(PLEDGE_OF_TWO)
