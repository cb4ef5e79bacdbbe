"""Recall class of issue 16, stop 28 (notrig28): physical force on a person told by a verb of
handling, words in ``data/lexicon/events.yaml`` (no code).

CAMEO 182 "physically assault" is PLOVER ASSAULT beat: a blow to a person ("punched a Polish
journalist"), a person held by a body part ("grabbed him by the throat", "yanked the arm of"),
thrown to the ground, or a substance thrown over a person ("threw a milkshake over the
minister"). A person removed from a place by force is COERCE restrict ("dragged supporters out
of the hall"), handcuffs are an arrest (CAMEO 173, COERCE arrest). Each needs the one handled
to be an actor or a person noun: the other senses of the same verbs (kick off, grab headlines,
drag Britain out of the EU, hurl accusations at, handcuffed by the rules) are no event, and
"slapped Russia with sanctions" is a SANCTION. Sentences of our own."""

from __future__ import annotations

import pytest


def _coded(events) -> set[tuple]:
    return {(e.type, e.mode, e.source and e.source.country, e.target and e.target.country)
            for e in events}


@pytest.mark.parametrize("text, expected", [
    ("Hungarian police punched a Serbian journalist outside the stadium in Budapest.",
     ("ASSAULT", "beat", "HUN", "SRB")),
    ("A Moroccan border guard slapped an Algerian shepherd near the fence.",
     ("ASSAULT", "beat", "MAR", "DZA")),
    ("An Iraqi officer grabbed a Kuwaiti reporter by the collar at the crossing.",
     ("ASSAULT", "beat", "IRQ", "KWT")),
    ("A Jordanian guard yanked the arm of a Syrian photographer at the camp gate.",
     ("ASSAULT", "beat", "JOR", "SYR")),
    ("Ecuadorian police threw a Colombian activist to the ground in Quito.",
     ("ASSAULT", "beat", "ECU", "COL")),
    ("Italian demonstrators threw paint over the Austrian minister in Rome.",
     ("ASSAULT", "beat", "ITA", "AUT")),
    ("A Mexican journalist was shoved by American border agents in El Paso.",
     ("ASSAULT", "beat", "USA", "MEX")),
])
def test_a_blow_to_a_person_is_assault_beat(code_sentence, text, expected):
    assert expected in _coded(code_sentence(text))


@pytest.mark.parametrize("text, expected", [
    ("Ethiopian soldiers dragged Somali traders out of the market in Dolo.",
     ("COERCE", "restrict", "ETH", "SOM")),
    ("A Qatari journalist was ejected from the forum by Saudi guards.",
     ("COERCE", "restrict", "SAU", "QAT")),
    ("Algerian police handcuffed a Tunisian activist at the airport.",
     ("COERCE", "arrest", "DZA", "TUN")),
])
def test_a_person_removed_or_handcuffed_is_coerce(code_sentence, text, expected):
    assert expected in _coded(code_sentence(text))


@pytest.mark.parametrize("text", [
    "The election campaign kicked off in Leeds on Monday.",
    "The summit grabbed headlines across Asia.",
    "The negotiations dragged on for a week in Vienna.",
    "The striker punched the ball into the net.",
    "Johnson dragged Britain out of the European Union.",
    "Investors were handcuffed by the new banking rules.",
    "Washington twisted the arms of its European allies.",
    "The critics poured cold water on Russia's proposal.",
    "Putin took Modi by the hand as they walked into the hall.",
    "The storm dragged the ferry out of the harbour.",
])
def test_other_senses_of_handling_verbs_are_no_force(code_sentence, text):
    assert not [e for e in code_sentence(text) if e.type in {"ASSAULT", "COERCE"}]


def test_accusations_hurled_at_a_state_are_no_blow(code_sentence):
    events = code_sentence("Iranian officials hurled accusations at Israel on Tuesday.")
    assert not [e for e in events if e.type == "ASSAULT"]


def test_slapped_with_sanctions_is_a_sanction(code_sentence):
    events = code_sentence("The European Union slapped Belarus with new sanctions on Monday.")
    assert ("SANCTION", None, None, "BLR") in _coded(events)
    assert not [e for e in events if e.type == "ASSAULT"]
