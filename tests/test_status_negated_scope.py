"""Negations the clause path missed (SPEC §4 ``status``; ``factuality.yaml``'s
``yet_words`` and ``negated_noun_prepositions``): an act that "has YET to" happen or was
"not YET" done has not happened; the object of a preposition of a noun with a negative
determiner ("NO role IN the talks", "NO sign OF a ceasefire") is negated by it, as the
infinitive of such a noun is ("NO plan TO attack"). A "yet" that is no negation ("the
largest raid YET") and a noun whose determiner is no negation keep what they had.
Sentences of our own, labelled before the code ran."""

from __future__ import annotations

import pytest
import test_status

from diplograph.coding.factuality import BAND_OF_STATUS

read = test_status.read  # a fixture: the reading of one word of a sentence


def kinds(reading) -> set[str]:
    return {c.kind for c in reading.cues}


@pytest.mark.parametrize("text, word", [
    ("The two governments have yet to sign the trade agreement.", "sign"),
    ("The rebels are yet to release the hostages taken in March.", "release"),
    ("The ministry said the new sanctions were not yet approved by parliament.", "approved"),
    ("The envoy has not yet visited the refugee camps in the north.", "visited"),
])
def test_an_act_yet_to_happen_is_negated(read, text, word):
    reading = read(text, word)
    assert "negation" in kinds(reading), reading
    assert BAND_OF_STATUS[reading.status] == "not", reading


@pytest.mark.parametrize("text, word", [
    ("The army launched the largest air raid yet on the city.", "launched"),
    ("The talks have been the most productive yet, the minister said.", "said"),
])
def test_a_yet_that_negates_nothing_adds_no_negation(read, text, word):
    reading = read(text, word)
    assert "negation" not in kinds(reading), reading


@pytest.mark.parametrize("text, word", [
    ("The police said they would have no role in the deportation of the migrants.",
     "deportation"),
    ("Observers saw no sign of a ceasefire along the border.", "ceasefire"),
    ("There was no hint of violence during the election in the capital.", "violence"),
])
def test_the_object_of_a_negated_noun_is_negated(read, text, word):
    reading = read(text, word)
    assert "negation" in kinds(reading), reading
    assert BAND_OF_STATUS[reading.status] == "not", reading


@pytest.mark.parametrize("text, word", [
    ("The minister gave details of the attack on the embassy.", "attack"),
    ("Observers saw signs of fighting along the border.", "fighting"),
])
def test_the_object_of_a_noun_with_no_negation_keeps_its_band(read, text, word):
    reading = read(text, word)
    assert "negation" not in kinds(reading), reading
    assert BAND_OF_STATUS[reading.status] != "not", reading
