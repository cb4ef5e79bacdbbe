"""Argument class of issues #15/#16, stop 24: who a dispute is about, or whose history frames
a record, is no receiver of an act on it (argument/matter-of-a-dispute-is-no-counterpart);
the owner of an act, a decision or a plan that is criticised or praised stays the target.
"Insisted" with a clause of fact is no demand on the clause's subject
(argument/claim-of-fact-has-no-receiver). Sentences of our own (not those of
coding_cases_args24.yaml)."""

from __future__ import annotations

import pytest
from rule_events import by_rule, type_and_countries

MATTER = "argument/matter-of-a-dispute-is-no-counterpart"


@pytest.mark.parametrize("text, expected", [
    # a name before the dispute noun
    ("Friedrich Merz called for an end to the Scholz affair.",
     ("REQUEST", "change", "DEU", None)),
    # the frame of a record
    ("Kenya's president hailed the fastest growth in Ethiopia's history.",
     ("SUPPORT", None, "KEN", None)),
])
def test_the_matter_of_a_dispute_receives_nothing(code_sentence, text, expected):
    assert by_rule(code_sentence(text), MATTER) == {expected}


def test_criticism_of_a_dispute_is_not_aimed_at_its_matter(code_sentence):
    # "over" after the dispute noun is the row's matter, though the parse hangs it from the verb
    events = code_sentence("The Tories attacked the handling of the row over the Turkish "
                           "ambassador.")
    assert by_rule(events, MATTER) == {("ACCUSE", "disapprove", "GBR", None)}


@pytest.mark.parametrize("text, expected", [
    ("Norway criticised Russia's decision to close the consulate.", ("ACCUSE", "NOR", "RUS")),
    ("Chile welcomed Peru's plan to reopen the border.", ("SUPPORT", "CHL", "PER")),
    ("Japan criticised China over the row about the islands.", ("ACCUSE", "JPN", "CHN")),
    ("Ireland criticised Britain's handling of the Brexit row.", ("ACCUSE", "IRL", "GBR")),
    ("Poland condemned Belarus's role in the migrant dispute.", ("ACCUSE", "POL", "BLR")),
])
def test_the_owner_of_what_is_criticised_or_praised_stays(code_sentence, text, expected):
    events = code_sentence(text)
    assert expected in type_and_countries(events)
    assert not by_rule(events, MATTER)


@pytest.mark.parametrize("text", [
    "The Dutch foreign ministry insisted Belgium's new border checks were legal.",
    "Greece insisted that Turkey's drilling ship had left its waters.",
])
def test_insisting_on_a_fact_demands_nothing(code_sentence, text):
    # argument/claim-of-fact-has-no-receiver: a statement about the clause's subject
    assert not [e for e in code_sentence(text) if e.type == "REQUEST"]


@pytest.mark.parametrize("text, expected", [
    ("Norway insisted that Russia must release the fishermen.", ("REQUEST", "NOR", "RUS")),
    ("The Canadian government insisted that India stop interfering in its affairs.",
     ("REQUEST", "CAN", "IND")),
    # a need in the indicative is still a demand
    ("Germany insisted that Iran had to stop enriching uranium.", ("REQUEST", "DEU", "IRN")),
    ("Sweden insisted that Hungary needed to ratify its membership.", ("REQUEST", "SWE", "HUN")),
])
def test_insisting_on_a_demand_keeps_its_receiver(code_sentence, text, expected):
    assert expected in type_and_countries(code_sentence(text))
