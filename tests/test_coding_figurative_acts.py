"""Precision class of issue 16, stop 28 (noact28): a verb of force or protest in a figurative
sense is no event (argument/force-in-a-figurative-sense-is-no-event, verb_senses.yaml):
"captured the country's attention", "struck populist notes", "is marching toward November"
(docs/actor_handcheck_polnear28b.md Q005, Q091, Q093).

Sentences of our own (not those of coding_cases_noact28.yaml or the PolNeAR sample)."""

from __future__ import annotations

import pytest
from rule_events import type_and_countries

FIGURATIVE = "argument/force-in-a-figurative-sense-is-no-event"


@pytest.mark.parametrize("text", [
    "The Peruvian candidate captured the attention of voters in Lima last week.",
    "The Danish minister struck a warm chord with farmers in Aarhus.",
    "The Colombian senator is marching towards the nomination after her win in Cali.",
    "The Irish leader marched toward November with a comfortable lead.",
])
def test_force_or_protest_in_a_figurative_sense_is_no_event(code_sentence, text):
    assert not [e for e in code_sentence(text) if e.type in {"ASSAULT", "PROTEST"}]


@pytest.mark.parametrize("text, expected", [
    ("Hundreds of Kenyan teachers marched toward parliament in Nairobi.",
     ("PROTEST", "KEN", "KEN")),
    ("Iraqi militants captured three Turkish engineers near Mosul.", ("ASSAULT", "IRQ", "TUR")),
])
def test_real_marches_and_captures_stay(code_sentence, text, expected):
    events = code_sentence(text)
    assert expected in type_and_countries(events)
    assert not any(FIGURATIVE in e.rules for e in events)
