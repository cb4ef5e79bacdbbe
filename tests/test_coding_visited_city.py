"""Visits to a city the coder did not place (issue #16, stop 28, trigev28).

Rule `destination-of-a-visit-is-a-place` (coding/visited_places.py, words in
data/lexicon/visit_destinations.yaml): the proper noun where a visit goes is looked up as a
place whatever the entity tagger calls it; former names and other spellings of cities
("Rangoon", "Saigon", "Basra") are aliases in data/places/place_aliases.yaml. Sentences of
our own, none of the case file's (tests/data/real/coding_cases_trigev28.yaml)."""

from __future__ import annotations

import pytest

from diplograph.coding.places import default_gazetteer
from diplograph.coding.visited_places import is_visit_destination


@pytest.fixture(scope="module")
def nlp():
    from diplograph.coding.parse import load_nlp

    return load_nlp()


def _token(nlp, text: str, word: str):
    return next(t for t in nlp(text) if t.text == word)


@pytest.mark.parametrize(("text", "word"), [
    ("The Spanish foreign minister visited Aleppo on Monday.", "Aleppo"),
    ("The Spanish foreign minister visited Basrah and Najaf.", "Najaf"),
    ("The Polish foreign minister arrived in Chittagong on Friday.", "Chittagong"),
    ("The Swedish prime minister's visit to Madras lasted two days.", "Madras"),
])
def test_where_a_visit_goes_is_a_destination(nlp, text, word):
    assert is_visit_destination(_token(nlp, text, word))


@pytest.mark.parametrize(("text", "word"), [
    ("Wales lost the Calcutta Cup match on Saturday.", "Calcutta"),
    ("The Spanish team visited Basra's new stadium.", "Basra"),
    ("The Swedish prime minister's visit ended in Madras.", "Madras"),  # where it ended
    ("The Polish foreign minister praised Chittagong's port.", "Chittagong"),
])
def test_a_city_named_elsewhere_is_no_destination(nlp, text, word):
    assert not is_visit_destination(_token(nlp, text, word))


@pytest.mark.parametrize(("name", "country"), [
    ("Rangoon", "MMR"), ("Saigon", "VNM"), ("Calcutta", "IND"), ("Basra", "IRQ"),
    ("Chittagong", "BGD"),
])
def test_former_names_and_spellings_are_the_city(name, country):
    place = default_gazetteer().resolve(name)
    assert (place.precision, place.country) == ("city", country)


def _visits(events):
    return [(e.type, e.mode, e.source.country, e.target.country)
            for e in events if e.type == "CONSULT" and e.confidence >= 0.5]


@pytest.mark.parametrize(("text", "source", "target"), [
    ("The Norwegian prime minister visited Saigon on Wednesday.", "NOR", "VNM"),
    ("The Spanish foreign minister visited Aleppo on Monday.", "ESP", "SYR"),
    ("The Swedish prime minister's visit to Madras lasted two days.", "SWE", "IND"),
    ("The Polish foreign minister arrived in Chittagong on Friday.", "POL", "BGD"),
])
def test_a_visit_to_the_city_is_a_visit_to_its_state(code_sentence, text, source, target):
    assert ("CONSULT", "visit", source, target) in _visits(code_sentence(text))


@pytest.mark.parametrize("text", [
    "Thousands of tourists visited Saigon last year.",
    "Wales lost the Calcutta Cup match on Saturday.",
    "Saigon was renamed Ho Chi Minh City after the war.",
])
def test_a_city_with_no_official_visit_gives_no_meeting(code_sentence, text):
    assert _visits(code_sentence(text)) == []
