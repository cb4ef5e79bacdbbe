"""An attack made in words is criticism, ACCUSE disapprove, and a speaker's side set off
before the verb is no receiver (issues #15, #16, stop 22; coding/criticism.py and
coding/counterparts.py). Sentences of our own, not from any case file."""

from __future__ import annotations

import pytest

from diplograph.coding.counterparts import is_off_phrase
from diplograph.records import Event


@pytest.fixture(scope="module")
def code(code_sentence):
    return code_sentence


def coded(events: list[Event]) -> set[tuple[str, str | None, str | None, str | None]]:
    return {(e.type, e.mode, e.source and e.source.country, e.target and e.target.country)
            for e in events}


@pytest.mark.parametrize("text, source, target", [
    # a reason
    ("Emmanuel Macron attacked Donald Trump over his tariffs on European steel.", "FRA", "USA"),
    # a participle of saying
    ("Venezuela attacked Guyana, saying it had stolen the Essequibo region.", "VEN", "GUY"),
    # an occasion of speech
    ("Emmanuel Macron attacked Russia in a speech in Paris.", "FRA", "RUS"),
])
def test_an_attack_framed_as_words_is_criticism(code, text, source, target):
    events = code(text)
    assert coded(events) == {("ACCUSE", "disapprove", source, target)}
    assert "recode/attack-framed-as-words-is-criticism" in events[0].rules


def test_an_attack_on_a_party_is_criticism(code):
    events = code("Keir Starmer attacked the Scottish National Party.")
    assert coded(events) == {("ACCUSE", "disapprove", "GBR", "GBR")}
    assert "recode/attack-on-a-party-is-criticism" in events[0].rules


def test_an_attack_on_a_refusal_is_criticism_of_its_owner(code):
    events = code("Germany attacked Hungary's refusal to back the sanctions.")
    assert coded(events) == {("ACCUSE", "disapprove", "DEU", "HUN")}
    assert "recode/attack-on-a-policy-is-criticism" in events[0].rules


@pytest.mark.parametrize("text", [
    # "over" a time, "as part of" an operation, military "positions" (no policy noun)
    "Russian drones attacked Kharkiv over the weekend.",
    "Russian troops attacked the town of Pokrovsk as part of a new offensive.",
    "Israeli jets attacked Hezbollah positions in southern Lebanon.",
    "Russian forces attacked Pokrovsk for three days.",
])
def test_force_stays_an_assault(code, text):
    assert {e.type for e in code(text)} == {"ASSAULT"}


@pytest.fixture(scope="module")
def nlp():
    from diplograph.coding.parse import load_nlp
    return load_nlp()


def _word(doc, text: str):
    return next(t for t in doc if t.text == text)


@pytest.mark.parametrize("text", [
    "Nigel Farage, for Reform UK, attacked the new rules on fishing.",  # from the subject
    "Oliver Dowden, for the Tories, attacked the new rules on fishing.",
])
def test_the_side_a_speaker_stands_for_is_no_counterpart(nlp, text):
    doc = nlp(text)
    side = next(t for t in doc if t.dep_ == "pobj" and t.head.lower_ == "for")
    assert is_off_phrase(side, "ACCUSE")


def test_a_for_phrase_after_the_verb_may_be_a_counterpart(nlp):
    doc = nlp("Nigel Farage campaigned for Reform UK in Clacton.")
    assert not is_off_phrase(_word(doc, "UK"), "SUPPORT")


def test_a_speakers_side_is_not_read_as_the_reason_of_an_attack(code):
    # "for Reform UK" before the verb is no reason: with no frame of words, force stays
    events = code("Keir Starmer, for Labour, attacked Russia.")
    assert coded(events) == {("ASSAULT", None, "GBR", "RUS")}
