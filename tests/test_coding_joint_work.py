"""Recall class of issue 16, stop 29 (worktogether29): joint work told by "work together /
with / alongside" is COOPERATE, and its intent ("will work with", "agreed to work
together") AGREE, as "will cooperate" is (SPEC §4). Sentences of our own; the contrasts are a
career, a trade, means and people who are no actors."""

from __future__ import annotations

import pytest
from rule_events import type_and_countries


@pytest.mark.parametrize("text, expected", [
    ("Senegal worked with Gambia to reopen the ferry route.", ("COOPERATE", "SEN", "GMB")),
    ("Mongolia is working alongside China to fight the wildfires.", ("COOPERATE", "MNG", "CHN")),
    ("Latvia and Estonia have worked together on energy security.", ("COOPERATE", "LVA", "EST")),
    ("Malawi and Zambia agreed to work together against cattle theft.", ("AGREE", "MWI", "ZMB")),
])
def test_joint_work_between_actors_is_cooperation(code_sentence, text, expected):
    assert expected in type_and_countries(code_sentence(text))


@pytest.mark.parametrize("text", [
    "Before politics she worked with street children in Lima.",
    "Nurses worked together through the night at the clinic in Accra.",
    "The former diplomat worked with the Guardian as a columnist.",
    "Farmers in Kenya are working with old tractors.",
])
def test_work_of_a_career_or_with_no_actor_is_no_event(code_sentence, text):
    assert not [e for e in code_sentence(text) if e.type in ("COOPERATE", "AGREE")]
