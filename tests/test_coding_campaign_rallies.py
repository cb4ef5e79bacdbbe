"""A campaign rally is no protest (issues #15, #16, stop 28, branch rally28):
argument/campaign-rally-is-no-protest (coding/campaign_rallies.py, data/lexicon/rallies.yaml),
and "rallied behind X" is SUPPORT (events.yaml).

Sentences of our own (not those of coding_cases_rally28.yaml); each sentence of the no-event
tests below gave a PROTEST/demo on main 8289e83."""

from __future__ import annotations

import pytest
from rule_events import type_and_countries

from diplograph.coding.campaign_rallies import rally_words
from diplograph.coding.rules import all_rules

CAMPAIGN_RALLY = "argument/campaign-rally-is-no-protest"


@pytest.mark.parametrize("text", [
    "Ms. Warren held a rally with her supporters in Boston before the primary.",
    "The Republican senator rallied in Iowa on Sunday.",
    "Mr. Scholz will rally in Hamburg next week.",
    "He could rally again at his favourite park in New York.",
    "Ms. Harris and her aides are organising rallies in Ohio and Michigan next month.",
    "Warren toured Nevada on Friday, holding a rally in Reno that drew 3,000 people.",
])
def test_a_campaign_rally_is_no_protest(code_sentence, text):
    assert not [e for e in code_sentence(text) if e.type == "PROTEST"]


@pytest.mark.parametrize("text, expected", [
    ("Thousands of Serbians rallied against the government in Belgrade.",
     ("PROTEST", "SRB", "SRB")),
    ("Nurses staged a rally in Madrid to protest the health cuts.", ("PROTEST", "ESP", "ESP")),
    ("Opposition supporters held a rally in Kampala against the president.",
     ("PROTEST", "UGA", "UGA")),
])
def test_a_rally_with_a_grievance_stays_a_protest(code_sentence, text, expected):
    events = code_sentence(text)
    assert expected in type_and_countries(events)
    assert not any(CAMPAIGN_RALLY in e.rules for e in events)


def test_a_crowd_rallying_at_election_time_stays_a_protest(code_sentence):
    events = code_sentence("Thousands of Georgians rallied in Tbilisi after the disputed election.")
    assert [e.type for e in events] == ["PROTEST"]


def test_rallying_behind_a_state_is_support(code_sentence):
    events = code_sentence("Lithuania rallied behind Poland after the border incident.")
    assert ("SUPPORT", "LTU", "POL") in type_and_countries(events)
    assert not [e for e in events if e.type == "PROTEST"]


def test_the_rule_is_registered_for_protest():
    rules = {r.name: r for r in all_rules()}
    assert rules[CAMPAIGN_RALLY].types == frozenset({"PROTEST"})
    assert "rally" in rally_words().rally_words
    assert "minister" in rally_words().title_heads
