"""Precision class of issue 16, stop 29 (insist29): "insist" with a clause of fact.

"Insist" is a verb of demand ("insisted that Russia withdraw") and a verb of claiming
("insisted it had made no such remark"). A clause of fact asks nothing of anyone: the
argument rule claim-of-fact-has-no-receiver drops the request, and now reads do-support
("insists it DOES NOT know", "DID NOT order") as the indicative it is (a demand never takes
do). The act told in such a clause is no content of a demand either: the fold rule
claim-of-fact-absorbs-no-act keeps it as its own event, with its negation. Sentences of our
own; the contrasts are demands in the subjunctive, with a modal, and with an infinitive."""

from __future__ import annotations

import pytest
from rule_events import type_and_countries


@pytest.mark.parametrize("text", [
    "The Dutch aid worker was not among those freed; Syria insists it does not hold her.",
    "The Ghanaian pilot was not part of the exchange, and Mali insists it did not detain him.",
    "Belgrade insists it does not know where the Croatian fugitive is hiding.",
])
def test_a_claim_of_fact_after_insist_is_no_request(code_sentence, text):
    assert not [e for e in code_sentence(text) if e.type == "REQUEST"]


def test_the_act_in_a_claim_of_fact_is_its_own_event_with_its_negation(code_sentence):
    events = code_sentence("Russia insists that it does not detain the Ukrainian sailors.")
    assert ("COERCE", "RUS", "UKR") in type_and_countries(events)
    assert not [e for e in events if e.type == "REQUEST"]
    assert {e.status for e in events if e.type == "COERCE"} <= {"negated", "denied"}


@pytest.mark.parametrize("text, expected", [
    ("Kenya insisted that Somalia withdraw its troops from the border.", ("REQUEST", "KEN", "SOM")),
    ("Sweden insists that Croatia must arrest the fugitive general.", ("REQUEST", "SWE", "HRV")),
    ("Japan insisted that China release the detained businessmen.", ("REQUEST", "JPN", "CHN")),
])
def test_a_demand_after_insist_stays_a_request(code_sentence, text, expected):
    assert expected in type_and_countries(code_sentence(text))
