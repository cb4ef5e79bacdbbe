"""Places of issues #15/#16, stop 25: a city or region inside the name of a treaty, a process,
a round or a set of goals ("the KYOTO protocol", "the Treaty of NICE") is no actor of any
event (rule `place-naming-a-thing-is-no-actor`, coding/actors/in_article.py; the thing nouns
in data/actors/mention_words.yaml). Metonyms, venues and the named parties of a treaty stay.
Sentences of our own (not those of coding_cases_placename17.yaml)."""

from __future__ import annotations

import pytest
from rule_events import type_and_countries

from diplograph.coding.actors.named_things import named_thing


@pytest.fixture(scope="module")
def nlp():
    from diplograph.coding.parse import load_nlp

    return load_nlp()


def _thing_of(nlp, text: str, name: str) -> str | None:
    token = next(t for t in nlp(text) if t.text == name)
    thing = named_thing(token)
    return thing.lower_ if thing is not None else None


@pytest.mark.parametrize("text, name, thing", [
    ("Canada refused to ratify the Kyoto protocol.", "Kyoto", "protocol"),
    ("France criticised the Paris climate accord.", "Paris", "accord"),
    ("Chile criticised the Kyoto and Montreal protocols.", "Montreal", "protocols"),
    ("Belgium rejected the Treaty of Nice.", "Nice", "treaty"),
])
def test_a_name_inside_a_things_name(nlp, text, name, thing):
    assert _thing_of(nlp, text, name) == thing


@pytest.mark.parametrize("text, name", [
    ("Moscow's strategy was criticised by Warsaw.", "Moscow"),  # a possessive: its own
    ("The agreement of France was needed.", "France"),  # a lower-case thing: its party
    ("Iran held talks with Germany in Geneva.", "Geneva"),  # a venue
    ("The Lisbon government rejected the demands.", "Lisbon"),  # a government, no thing
])
def test_a_name_outside_a_things_name(nlp, text, name):
    assert _thing_of(nlp, text, name) is None


@pytest.mark.parametrize("text, place", [
    ("Canada refused to ratify the Kyoto protocol.", "JPN"),
    ("Sweden criticised the Lisbon agenda.", "PRT"),
    ("Belgium rejected the Treaty of Nice.", "FRA"),
    ("France criticised the Paris climate accord.", "FRA"),
    ("Chile criticised the Kyoto and Montreal protocols.", "CAN"),
])
def test_a_place_naming_a_thing_is_no_target(code_sentence, text, place):
    targets = {e.target.country for e in code_sentence(text) if e.target is not None}
    assert place not in targets


@pytest.mark.parametrize("text, expected, place", [
    ("Brazil accused Argentina of stalling the Doha round.", ("ACCUSE", "BRA", "ARG"), "QAT"),
    ("Egypt accused Syria of breaching the Geneva conventions.", ("ACCUSE", "EGY", "SYR"),
     "CHE"),
    ("Kenya criticised Uganda over the Nairobi agreement.", ("ACCUSE", "KEN", "UGA"), "KEN"),
])
def test_the_counterpart_named_apart_stays(code_sentence, text, expected, place):
    found = type_and_countries(code_sentence(text))
    assert expected in found
    assert not [f for f in found if f[2] == place and f != expected]


@pytest.mark.parametrize("text, expected", [
    # metonyms: a capital stands for its government
    ("Brussels criticised Portugal over its deficit.", ("ACCUSE", None, "PRT")),
    ("Washington condemned Tehran for the missile test.", ("ACCUSE", "USA", "IRN")),
    ("Moscow's strategy was criticised by Warsaw.", ("ACCUSE", "POL", "RUS")),
    # a venue with the counterpart named apart
    ("Iran held talks with Germany in Geneva.", ("CONSULT", "IRN", "DEU")),
    # states named in the agreement's name, and its signatories, are its parties
    ("Britain and India signed the UK-India trade agreement.", ("SUPPORT", "GBR", "IND")),
    # a person's agenda is that person's
    ("Poland criticised the Bush agenda.", ("ACCUSE", "POL", "USA")),
])
def test_metonyms_venues_and_parties_stay(code_sentence, text, expected):
    assert expected in type_and_countries(code_sentence(text))
