"""Recall class of issue 16, stop 28 (critverbs28): criticism told by an idiom of attack
("took aim at", "took a swipe at", "tore into", "laid into", "ripped into") is ACCUSE
disapprove against the one criticised (events.yaml, lexicon rules ``take+object:aim...``,
``tear+prep:into``); the same words in other senses, or done by armed forces, weapons or
weather (argument/idiom-of-attack-done-by-force-is-no-criticism), are no criticism.

Sentences of our own (not those of coding_cases_critverbs28.yaml); each sentence of the
positive tests gave no ACCUSE on main fd597c8."""

from __future__ import annotations

import pytest
from rule_events import type_and_countries


@pytest.mark.parametrize("text, expected", [
    ("The Brazilian president took aim at Argentina over its new import tariffs.",
     ("ACCUSE", "BRA", "ARG")),
    ("Japan's prime minister took a swipe at China's fishing fleet policy.",
     ("ACCUSE", "JPN", "CHN")),
    ("The Dutch finance minister tore into Italy over its budget deficit.",
     ("ACCUSE", "NLD", "ITA")),
    ("Lithuania's president laid into Belarus for pushing migrants over the border.",
     ("ACCUSE", "LTU", "BLR")),
])
def test_criticism_idioms_are_accuse(code_sentence, text, expected):
    events = code_sentence(text)
    assert expected in type_and_countries(events)
    assert all(e.mode == "disapprove" for e in events if e.type == "ACCUSE")


@pytest.mark.parametrize("text", [
    "The hunters took aim at the deer from the ridge.",
    "The flood tore into the villages along the river.",
    "The workers laid into the concrete with hammers.",
    "The court dismissed the appeal of the former mayor.",
])
def test_other_senses_are_no_criticism(code_sentence, text):
    assert not [e for e in code_sentence(text) if e.type == "ACCUSE"]


def test_a_dismissed_worry_stays_no_event(code_sentence):
    events = code_sentence("The Swedish minister dismissed fears as overblown.")
    assert not events


@pytest.mark.parametrize("text", [
    "Russian tanks tore into Ukraine on Thursday.",
    "Israeli troops tore into Gaza overnight.",
])
def test_an_idiom_of_attack_done_by_force_is_no_criticism(code_sentence, text):
    events = code_sentence(text)
    assert not [e for e in events if e.type == "ACCUSE"]


def test_a_minister_tearing_into_a_state_stays_criticism(code_sentence):
    events = code_sentence("The Israeli defence minister tore into Turkey over the flotilla.")
    assert ("ACCUSE", "ISR", "TUR") in type_and_countries(events)
    assert not any("argument/idiom-of-attack-done-by-force-is-no-criticism" in e.rules
                   for e in events)
