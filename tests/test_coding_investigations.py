"""Recall class of issue 16, stop 29: investigations told by an investigation noun or an
investigating verb with no named state body (coding/investigations.py,
data/lexicon/investigations.yaml, the "look into" rule of data/lexicon/events.yaml).
Sentences of our own (not those of coding_cases_probe29.yaml); PLOVER 3.9 ACCUSE investigate:
the source is the investigating body, the target the one investigated."""

from __future__ import annotations

import pytest
from rule_events import by_rule

SIDES_TRIGGER = "trigger/investigation-named-with-its-sides"
SIDES = "argument/investigation-sides"
UNNAMED_BODY = "argument/unnamed-investigating-body-is-the-state"
MODIFIER = "argument/investigation-body-named-by-its-modifier"
LOOK_INTO = "trigger/ACCUSE:verb:look+prep:into"


@pytest.mark.parametrize("text, expected", [
    # a state's word for the body: the investigated's own state
    ("A federal probe into the Ohio senator's donors is continuing.",
     ("ACCUSE", "investigate", "USA", "USA", "asserted")),
    # a body named by a compound
    ("Russia faces a UN investigation into the shelling of Ukrainian hospitals.",
     ("ACCUSE", "investigate", "UN", "RUS", "asserted")),
    # the clause makes its subject the one investigated
    ("The Canadian defence minister faces an investigation by the ethics commissioner.",
     ("ACCUSE", "investigate", "CAN", "CAN", "asserted")),
    ("The Pakistani minister has been the subject of a police inquiry into his accounts.",
     ("ACCUSE", "investigate", "PAK", "PAK", "asserted")),
])
def test_an_investigation_noun_names_its_sides(code_sentence, text, expected):
    events = code_sentence(text)
    assert by_rule(events, SIDES_TRIGGER, with_status=True) == {expected}
    assert by_rule(events, SIDES)


@pytest.mark.parametrize("text, expected", [
    ("A police inquiry into the Greek deputy minister has been widened.",
     ("ACCUSE", "investigate", "GRC", "GRC", "asserted")),
    ("The Pentagon inquiry into the Iraqi general was completed in May.",
     ("ACCUSE", "investigate", "USA", "IRQ", "asserted")),
])
def test_the_modifier_names_the_body_of_a_light_verbs_noun(code_sentence, text, expected):
    assert by_rule(code_sentence(text), MODIFIER, with_status=True) == {expected}


@pytest.mark.parametrize("text, expected", [
    # the finding as a clause ("after an inquiry FOUND"), and as an "after" phrase the parser
    # hangs from the fall ("quit AFTER AN INVESTIGATION by prosecutors [that] found")
    ("The Greek minister resigned after a police inquiry found that he had taken bribes.",
     ("ACCUSE", "investigate", "GRC", "GRC", "asserted")),
    ("The Tennessee senator was expelled after an investigation by the state attorney general "
     "uncovered bribes.", ("ACCUSE", "investigate", "USA", "USA", "asserted")),
])
def test_the_one_who_fell_after_an_investigations_finding_was_investigated(code_sentence, text,
                                                                             expected):
    assert by_rule(code_sentence(text), SIDES_TRIGGER, with_status=True) == {expected}


def test_a_place_names_the_investigating_state(code_sentence):
    events = code_sentence("Two Italian bankers are facing a criminal investigation in France.")
    assert by_rule(events, SIDES_TRIGGER) == {("ACCUSE", "investigate", "FRA", "ITA")}


def test_police_under_investigation_is_the_police_not_the_government(code_sentence):
    # the police (COP) of the ministers' state: not the same actor as the ministers (GOV), so
    # the target is kept
    events = code_sentence("Three Nigerian ministers are under police investigation.")
    assert {(e.source.country, e.source.sector, e.target and e.target.country)
            for e in events if e.mode == "investigate"} == {("NGA", "COP", "NGA")}


@pytest.mark.parametrize("text, expected", [
    ("Labour is to be investigated by a watchdog over its donations.",
     ("ACCUSE", "investigate", "GBR", "GBR", "planned")),
    ("Police are investigating two Kenyan ministers.",
     ("ACCUSE", "investigate", "KEN", "KEN", "asserted")),
])
def test_an_unnamed_investigating_body_is_the_investigated_state(code_sentence, text, expected):
    assert by_rule(code_sentence(text), UNNAMED_BODY, with_status=True) == {expected}


def test_looking_into_an_actors_conduct_is_investigating_it(code_sentence):
    events = code_sentence("The European Commission looked into Italy's state aid to its banks.")
    assert by_rule(events, LOOK_INTO) == {("ACCUSE", "investigate", "European Commission", "ITA")}


@pytest.mark.parametrize("text", [
    # no side at all, or no actor investigated
    "An inquiry is under way.",
    "A police investigation into the fire is under way.",
    "The federal inquiry into the train crash reported on Monday.",
    # an investigated actor but no one named who investigates
    "An inquiry into the Greek minister has found nothing.",
    # asked for, not held
    "The opposition demanded a parliamentary inquiry into the Greek minister.",
    # journalists, newspapers and firms investigate, but it is no state act
    "A newspaper investigation into the Portuguese president's finances was published.",
    "The Guardian is investigating the Saudi crown prince's business dealings.",
    "The investigative reporter wrote about the Brazilian president.",
    # a fall after an investigation into something else, or after a newspaper's
    "The Greek minister resigned after an inquiry into the fire found failings.",
    "The Greek minister resigned after a newspaper inquiry found that he had taken bribes.",
    # looking into something that is no actor
    "She looked into the Canadian minister's eyes.",
    "The ministry will look into the matter.",
])
def test_no_investigation_without_both_sides_or_by_a_private_body(code_sentence, text):
    assert not [e for e in code_sentence(text) if e.mode == "investigate"]
