"""Class of issue 16, stop 26 (branch owner18): a judgement on a thing that belongs to an
actor, whose target is the thing's owner. The route of a routed thing is no receiver
(coding/counterparts.py, ``routed_things`` of data/lexicon/counterparts.yaml), not backing an
owned plan is a REJECT of its owner (coding/recode.py refused-backing-is-reject, status.py
refusal-is-the-act), and a participle on a text an actor puts out is that actor's act
(coding/published_texts.py); a possessive pronoun names the owner by its antecedent
(coding/antecedents.py owner-named-by-a-possessive-pronoun). Sentences of our own."""

from __future__ import annotations

import pytest
from rule_events import by_rule, type_and_countries

ROUTE = "argument/topic-or-scene-inside-a-phrase"
REFUSED = "recode/refused-backing-is-reject"
REFUSAL_STATUS = "status/refusal-is-the-act"
PUBLISHED = "clause/participle-of-a-published-text-is-its-own-event"
PUBLISHER = "argument/published-text-speaks-for-its-publisher"


@pytest.mark.parametrize("text, expected", [
    ("Denmark praised Norway's aid to Ethiopia.", ("SUPPORT", "DNK", "NOR")),
    ("Austria condemned Hungary's gas pipeline to Serbia.", ("ACCUSE", "AUT", "HUN")),
    ('Spain\'s prime minister has called the UK\'s rebate from the European Union "unjustified".',
     ("ACCUSE", "ESP", "GBR")),
])
def test_the_owner_of_a_routed_thing_is_the_target(code_sentence, text, expected):
    assert type_and_countries(code_sentence(text)) == {expected}


@pytest.mark.parametrize("text", [
    "Greece praised the new rail link to Bulgaria as a boost for trade.",
    "Japan welcomed the aid package for Indonesia.",
    "Canada criticised the new pipeline from Russia to Germany.",
])
def test_the_route_of_an_unowned_thing_is_no_target(code_sentence, text):
    events = code_sentence(text)
    assert events and all(e.target is None and ROUTE in e.rules for e in events)


def test_a_route_is_still_a_target_outside_a_verdict(code_sentence):
    # AID is done to its receiver: the route rule looks at verdict types only
    assert type_and_countries(code_sentence("Britain sent aid to Ethiopia.")) == {
        ("AID", "GBR", "ETH")}


@pytest.mark.parametrize("text, expected", [
    ("Germany will not back Turkey's bid to join the union.",
     ("REJECT", None, "DEU", "TUR", "asserted")),
    ("The United States said it could not approve Iran's application.",
     ("REJECT", None, "USA", "IRN", "reported")),
    ("France cannot support a proposal by Italy to share the costs.",
     ("REJECT", None, "FRA", "ITA", "asserted")),
])
def test_not_backing_an_owned_plan_is_a_rejection(code_sentence, text, expected):
    events = code_sentence(text)
    assert by_rule(events, REFUSED, with_status=True) == {expected}
    assert all(REFUSAL_STATUS in e.rules for e in events if REFUSED in e.rules)


def test_not_backing_an_unowned_plan_is_no_rejection(code_sentence):
    events = code_sentence("Portugal did not support the resolution.")
    assert by_rule(events, REFUSED) == set()
    assert not [e for e in events if e.type == "REJECT"]


def test_backing_an_owned_application_is_support(code_sentence):
    assert type_and_countries(code_sentence("The EU approved Turkey's application.")) == {
        ("SUPPORT", None, "TUR")}


@pytest.mark.parametrize("text, expected", [
    ("Estonia released a statement condemning Russia's annexation of Crimea.",
     ("ACCUSE", "disapprove", "EST", "RUS")),
    ("Labour published a leaflet at the conference accusing the Conservative Party of lying.",
     ("ACCUSE", "allege", "GBR", "GBR")),
])
def test_a_participle_on_a_published_text_is_the_publishers_act(code_sentence, text, expected):
    events = code_sentence(text)
    assert by_rule(events, PUBLISHER) == {expected}
    assert all(PUBLISHED in e.rules for e in events if PUBLISHER in e.rules)


def test_a_text_nobody_put_out_gives_no_source(code_sentence):
    assert code_sentence("A report accusing Russia of meddling was leaked.") == []


@pytest.mark.parametrize("text, expected", [
    ("South Korea renewed its criticism of North Korea's missile programme.",
     ("ACCUSE", "KOR", "PRK")),
    ("Sweden reiterated its criticism of Belarus's treatment of prisoners.",
     ("ACCUSE", "SWE", "BLR")),
])
def test_criticism_said_again_is_criticism(code_sentence, text, expected):
    assert type_and_countries(code_sentence(text)) == {expected}


PRONOUN_OWNER = "argument/owner-named-by-a-possessive-pronoun"


@pytest.mark.parametrize("text, expected", [
    ("Morocco tabled a new proposal, but Algeria rejected its proposal.",
     ("REJECT", None, "DZA", "MAR")),
    ("Ghana's president announced a reform, and Togo praised his decision.",
     ("SUPPORT", None, "TGO", "GHA")),
    ("Belarus held a snap election. Lithuania condemned its conduct.",
     ("ACCUSE", "disapprove", "LTU", "BLR")),
])
def test_a_possessive_pronoun_names_the_owner_of_the_thing(code_sentence, text, expected):
    kind, mode, source, target = expected
    assert by_rule(code_sentence(text), PRONOUN_OWNER) == {(kind, mode, source,
                                                            target)}


@pytest.mark.parametrize("text", [
    "Germany defended its decision to close the border.",  # the speaker's own
    "Russia built a new base. Norway criticised his plan.",  # "his" is no state's
])
def test_a_possessive_pronoun_with_no_other_owner_gives_no_target(code_sentence, text):
    assert by_rule(code_sentence(text), PRONOUN_OWNER) == set()
