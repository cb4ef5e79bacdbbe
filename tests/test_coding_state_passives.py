"""State acts told in the passive with no agent (issue #16, stop 29, branch passive29):
argument/state-act-without-its-doer (coding/state_passives.py, data/lexicon/state_acts.yaml).

Sentences of our own (not those of coding_cases_passive29.yaml)."""

from __future__ import annotations

import pytest
from rule_events import type_and_countries

from diplograph.coding.rules import all_rules
from diplograph.coding.state_passives import state_act_words

STATE_ACT = "argument/state-act-without-its-doer"


@pytest.mark.parametrize("text, expected", [
    ("A German journalist was arrested in Ankara on Monday.", ("COERCE", "TUR", "DEU")),
    ("Two Dutch climbers were detained at a checkpoint in Nepal.", ("COERCE", "NPL", "NLD")),
    ("A Canadian engineer has been sentenced to ten years in Saudi Arabia.",
     ("SANCTION", "SAU", "CAN")),
])
def test_the_place_of_the_act_names_the_state(code_sentence, text, expected):
    events = code_sentence(text)
    assert expected in type_and_countries(events)
    assert any(STATE_ACT in e.rules for e in events)


def test_the_authority_is_the_acts_own_sector(code_sentence):
    arrest = [e for e in code_sentence("A German journalist was arrested in Ankara on Monday.")
              if STATE_ACT in e.rules]
    assert [(e.source.country, e.source.sector, e.source.text) for e in arrest] == [
        ("TUR", "COP", None)]


@pytest.mark.parametrize("text, expected", [
    ("A Ugandan opposition leader was arrested on Sunday.", ("COERCE", "UGA", "UGA")),
    ("A Nicaraguan bishop has been convicted of treason.", ("SANCTION", "NIC", "NIC")),
])
def test_with_no_place_the_targets_own_state_acts(code_sentence, text, expected):
    assert expected in type_and_countries(code_sentence(text))


def test_people_named_by_no_actor_are_the_places_people(code_sentence):
    events = code_sentence("Dozens of students were detained in Tehran after the protest.")
    assert ("COERCE", "IRN", "IRN") in type_and_countries(events)


def test_a_participle_joined_to_the_passive_is_the_states_act_too(code_sentence):
    events = code_sentence("Two Belarusian reporters were beaten and detained in Minsk.")
    arrests = [e for e in events if e.type == "COERCE" and STATE_ACT in e.rules]
    assert [(e.source.country, e.target.country) for e in arrests] == [("BLR", "BLR")]


def test_the_place_of_those_it_was_done_to_names_the_state(code_sentence):
    events = code_sentence("Ten people from a smuggling ring based in Madrid were jailed "
                           "for a total of 40 years.")
    assert ("SANCTION", "ESP", "ESP") in type_and_countries(events)


def test_there_points_back_to_the_place_named_before(code_sentence):
    events = code_sentence("She lived in Cuba for years and was arrested there in 2009.")
    assert ("COERCE", "CUB", "CUB") in type_and_countries(events)
    assert any(STATE_ACT in e.rules for e in events)


def _code_with_dateline(coder, text: str, dateline: str) -> list:
    from diplograph.coding.parse import load_nlp
    from diplograph.records import Article, PublishedDate

    article = Article(doc_id="t", article_index=0, title=None, text=text, dateline=dateline,
                      published=PublishedDate(value="2025-03-14", precision="day",
                                              source="metadata"))
    return coder.code(article, load_nlp()(text))


def test_the_dateline_sets_the_state(event_coder):
    events = _code_with_dateline(event_coder, "Three men were arrested after the match.", "DUBLIN")
    assert [(e.type, e.source.country, e.source.sector) for e in events
            if STATE_ACT in e.rules] == [("COERCE", "IRL", "COP")]


def test_a_charge_of_no_one_named_needs_the_place_in_the_words(event_coder):
    # A charge (not a domestic coercion) of someone no actor names would have no target.
    text = "The driver was charged with dangerous driving after the crash."
    assert not [e for e in _code_with_dateline(event_coder, text, "DUBLIN")
                if STATE_ACT in e.rules]
    placed = "The driver was charged with dangerous driving in Ireland after the crash."
    events = _code_with_dateline(event_coder, placed, "DUBLIN")
    assert ("ACCUSE", "IRL", "IRL") in type_and_countries(events)


@pytest.mark.parametrize("text", [
    "The woman was arrested on Tuesday night.",  # no place, no state
    "He was charged with theft after the incident.",
    "The matador was charged by the bull in the second round.",  # an animal's charge
    "The goalkeeper was charged with improper conduct after the game.",  # a league's
    "The envoy was charged with overseeing the ceasefire in Sudan.",  # a task
    "The laptop was charged overnight in Rome.",
    "Any foreign student caught working in Japan can be deported.",  # a power of the law
    "Anyone convicted of fraud in Spain may be jailed for ten years.",
])
def test_no_state_act_without_a_state_or_in_another_sense(code_sentence, text):
    assert not [e for e in code_sentence(text) if STATE_ACT in e.rules]


@pytest.mark.parametrize("text, expected", [
    ("Two Swiss hikers were detained by Iranian border guards.", ("COERCE", "IRN", "CHE")),
    ("A Belgian aid worker was sentenced to prison by a Russian court.",
     ("SANCTION", "RUS", "BEL")),
])
def test_a_named_agent_is_the_source(code_sentence, text, expected):
    events = code_sentence(text)
    assert expected in type_and_countries(events)
    assert not any(STATE_ACT in e.rules for e in events)


@pytest.mark.parametrize("text", [
    "A French photographer was killed in Mali.",
    "A Chinese engineer was kidnapped in Nigeria.",
])
def test_acts_anyone_does_get_no_state_source(code_sentence, text):
    assert not [e for e in code_sentence(text) if STATE_ACT in e.rules]


def test_the_rule_and_its_words_are_registered():
    rules = {r.name: r for r in all_rules()}
    assert rules[STATE_ACT].types == frozenset({"COERCE", "SANCTION", "ACCUSE"})
    words = state_act_words()
    assert words.sectors["arrest"] == "COP" and words.sectors["sentence"] == "JUD"
    assert "kill" not in words.sectors and "in" in words.place_marks


@pytest.mark.parametrize("text, expected", [
    ("Lao police said a Thai businessman was detained on Friday.", ("COERCE", "LAO", "THA")),
    ("South Korean prosecutors said a man from Japan was arrested at the port.",
     ("COERCE", "KOR", "JPN")),
])
def test_the_reporting_authority_is_the_state_that_acted(code_sentence, text, expected):
    assert expected in type_and_countries(code_sentence(text))


def test_where_someone_came_from_is_not_where_the_act_was_done(code_sentence):
    events = code_sentence("A man from Cuba was arrested on Friday, Jamaican police said.")
    assert ("COERCE", "JAM", "CUB") in type_and_countries(events)
    assert not [e for e in events if e.source is not None and e.source.country == "CUB"]
