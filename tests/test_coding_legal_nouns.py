"""Recall class of issue 16, stop 27 (legal27): legal and investigative acts told by a noun
or a gerund instead of a finite verb (trigger/event-noun-with-its-own-actors,
trigger/event-noun-carried-by-its-participle, with the lexicon's ACCUSE nouns;
argument/gerund-after-its-subject for "pointed to TEXAS suing the government" where the parser
hangs the gerund from the verb, clause/gerund-with-its-own-subject-is-its-own-event where it
gives the gerund its subject).

"X's lawsuit against Y", "the indictment of Y by X" are ACCUSE allege; "X's inquiry into Y's
conduct" is ACCUSE investigate of the owner of what is investigated (the ``obj_prep_owner``
target slot). Sentences of our own; the contrasts are a noun with no named agent, one whose
object names no actor, and a lawsuit about a thing."""

from __future__ import annotations

import pytest
from rule_events import by_rule

from diplograph.coding.triggers import Trigger, target_tokens
from diplograph.knowledge.lexicon import load_lexicon

OWN_ACTORS = "trigger/event-noun-with-its-own-actors"
PARTICIPLE = "trigger/event-noun-carried-by-its-participle"


@pytest.mark.parametrize("text, expected", [
    ("Chile's lawsuit against Bolivia over the river waters was heard last year.",
     ("ACCUSE", "allege", "CHL", "BOL")),
    ("Egypt's indictment of Ethiopian engineers shocked the region.",
     ("ACCUSE", "allege", "EGY", "ETH")),
    ("Sweden's inquiry into Russia's role in the sabotage angered Moscow.",
     ("ACCUSE", "investigate", "SWE", "RUS")),
    ("Kenya's investigation into Somalia's militia funding continued.",
     ("ACCUSE", "investigate", "KEN", "SOM")),
])
def test_legal_noun_with_its_owner_and_accused_is_accuse(code_sentence, text, expected):
    assert expected in by_rule(code_sentence(text), OWN_ACTORS)


def test_lawsuit_filed_by_an_actor_is_its_allegation(code_sentence):
    events = code_sentence("The lawsuit filed by Peru against Chile was heard in The Hague.")
    assert ("ACCUSE", "allege", "PER", "CHL") in by_rule(events, PARTICIPLE)


@pytest.mark.parametrize("text", [
    "An inquiry into the collapse of the bridge has begun.",
    "The lawsuit over the band's name was settled last week.",
    "Norway's investigation into the oil spill found no fault.",
    "Ghana's lawsuit over the mining licence was thrown out.",
])
def test_legal_noun_without_an_accused_actor_is_no_event(code_sentence, text):
    events = code_sentence(text)
    assert not [e for e in events if e.type == "ACCUSE"]


def test_owner_slot_reads_the_owner_of_what_is_investigated():
    from diplograph.coding.parse import load_nlp

    nlp = load_nlp()
    doc = nlp("Sweden's inquiry into Russia's role angered Moscow.")
    noun = next(t for t in doc if t.lower_ == "inquiry")
    rule = next(r for r in load_lexicon().noun_rules["inquiry"] if r.type == "ACCUSE")
    assert rule.target[0] == "obj_prep_owner:into|of"
    assert [t.text for t in target_tokens(Trigger(noun, None, rule))] == ["Russia"]


@pytest.mark.parametrize("text, expected", [
    ("Norway widened its investigation into Russia's fishing fleet.",
     ("ACCUSE", "investigate", "NOR", "RUS")),
    ("Brazil reopened its inquiry into Paraguay's border police.",
     ("ACCUSE", "investigate", "BRA", "PRY")),
])
def test_reopening_or_widening_an_investigation_is_investigating(code_sentence, text, expected):
    assert expected in by_rule(code_sentence(text), "trigger/ACCUSE:noun:investigation") | \
        by_rule(code_sentence(text), "trigger/ACCUSE:noun:inquiry")


GERUND = "argument/gerund-after-its-subject"


@pytest.mark.parametrize("text, expected", [
    ("Analysts pointed to Chile suing Peru over the fishing zone.",
     ("ACCUSE", "allege", "CHL", "PER")),
])
def test_gerund_after_a_prep_object_has_it_as_subject(code_sentence, text, expected):
    assert expected in by_rule(code_sentence(text), GERUND)


@pytest.mark.parametrize("text", [
    "The minister spoke to Russia, hoping to ease tensions.",
    "Chile was accused of suing Peru in bad faith.",
])
def test_gerund_with_its_own_clause_keeps_its_subject(code_sentence, text):
    assert not by_rule(code_sentence(text), GERUND)


OWN_CLAUSE = "clause/gerund-with-its-own-subject-is-its-own-event"


@pytest.mark.parametrize("text, expected", [
    ("Diplomats pointed to Greece suing Turkey at the court.",
     ("ACCUSE", "allege", "GRC", "TUR")),
    ("The summit was overshadowed by Greece suing Turkey at the court.",
     ("ACCUSE", "allege", "GRC", "TUR")),
])
def test_gerund_with_its_own_subject_is_its_own_event(code_sentence, text, expected):
    assert expected in by_rule(code_sentence(text), OWN_CLAUSE)


def test_gerund_after_without_is_no_event(code_sentence):
    assert not code_sentence("The plan went ahead without Greece suing Turkey.")
