"""Recall class of issue 16, stop 28 (return28): people handed back are a release.

CAMEO 0841 "Return, release person(s)" is PLOVER RETREAT release: "returned / repatriated
<prisoners, children, bodies> to Y", "handed back / handed over <captives>". Lexicon rules
`return`/`repatriate` and `hand` + back/over, with the people nouns as their object. Sentences of
our own; the contrasts return from travel, property, a vote, and people a state hosts (a
deportation, not a release)."""

from __future__ import annotations

import pytest
from rule_events import type_and_countries


@pytest.mark.parametrize("text, expected", [
    ("Ethiopia returned 30 Eritrean prisoners to Eritrea.", ("RETREAT", "ETH", "ERI")),
    ("Georgia repatriated the detained Russian sailors to Russia.", ("RETREAT", "GEO", "RUS")),
    ("Sudan handed over the bodies of four Chadian soldiers to Chad.", ("RETREAT", "SDN", "TCD")),
    ("Lebanon handed back the Israeli hostages on Sunday.", ("RETREAT", "LBN", "ISR")),
])
def test_people_handed_back_are_a_release(code_sentence, text, expected):
    assert expected in type_and_countries(code_sentence(text))


@pytest.mark.parametrize("text", [
    "The Kenyan president returned to Nairobi on Tuesday.",
    "Mexico returned the stolen paintings to Spain.",
    "Voters in Hungary returned the governing party to power.",
    "Italy plans to return the migrant children to Tunisia.",
    "Kuwait returned 200 Egyptian nationals to Egypt last month.",
])
def test_return_of_other_things_is_no_release(code_sentence, text):
    assert not [e for e in code_sentence(text) if e.type == "RETREAT"]
