"""A "he"/"she" inside a quotation or a reported clause is not the one who speaks
(issues #15, #16, stop 23; coding/antecedents.py). Sentences of our own, not from any case
file."""

from __future__ import annotations

import pytest
from rule_events import type_and_countries

RULE = "argument/pronoun-in-a-report-is-not-the-reporter"


@pytest.fixture(scope="module")
def code(code_sentence):
    return code_sentence


@pytest.mark.parametrize("text", [
    '"He accused Turkey of blocking the talks," said Nicos Anastasiades.',
    'Recep Tayyip Erdogan told reporters: "She urged Greece to withdraw."',
])
def test_a_third_person_pronoun_in_a_quote_is_not_the_speaker(code, text):
    # no one else is named: the act has no source, so it is no event
    assert code(text) == []


def test_a_quoted_pronoun_stands_for_the_person_named_before(code):
    events = code('Emmanuel Macron flew home on Sunday. "He accused Turkey of blocking '
                  'the talks," said Olaf Scholz.')
    # (the actors already read "he" so; the rule keeps that reading and does not fire)
    assert type_and_countries(events) == {("ACCUSE", "FRA", "TUR")}


def test_a_first_person_pronoun_in_a_quote_is_the_speaker(code):
    events = code('"I accused Turkey of blocking the talks," said Olaf Scholz.')
    assert type_and_countries(events) == {("ACCUSE", "DEU", "TUR")}
    assert RULE not in events[0].rules


def test_a_reported_pronoun_is_the_nearest_subject_inside_the_report(code):
    # "recalled" is no verb of `speech_lemmas`, so the actors leave "he" to this rule (under
    # "admitted" they read it as Macron themselves since stop 29: the same event)
    events = code("Olaf Scholz said Emmanuel Macron had recalled that he accused Turkey "
                  "of blocking the talks.")
    assert type_and_countries(events) == {("ACCUSE", "FRA", "TUR")}
    assert RULE in events[0].rules


def test_a_pronoun_under_admitted_is_read_by_the_actors(code):
    events = code("Olaf Scholz said Emmanuel Macron had admitted that he accused Turkey "
                  "of blocking the talks.")
    assert type_and_countries(events) == {("ACCUSE", "FRA", "TUR")}


def test_a_reported_pronoun_is_the_reporter_when_no_one_else_fits(code):
    events = code("Olaf Scholz said he had accused Turkey of blocking the talks.")
    assert type_and_countries(events) == {("ACCUSE", "DEU", "TUR")}


def test_a_reported_pronoun_of_another_gender_is_not_the_reporter(code):
    assert code("Olaf Scholz said she had accused Turkey of blocking the talks.") == []


def test_a_body_that_reports_leaves_the_pronoun_to_the_man_named_before(code):
    events = code("Olaf Scholz returned on Monday, and the Greens say he accused Turkey of "
                  "blocking the talks.")
    assert ("ACCUSE", "DEU", "TUR") in type_and_countries(events)


def test_a_pronoun_with_no_one_is_not_given_the_reporter(code):
    # "his spokesman" speaks for the man "he" stands for, named in no sentence here
    assert code("His spokesman said he had accused Turkey of blocking the talks.") == []


def test_an_expletive_subject_inside_the_report_is_no_antecedent(code):
    # "it was unlikely": "it" stands for no one, so the man named before is "he"
    events = code("Olaf Scholz flew home. A spokesman said it was likely he accused Turkey "
                  "of blocking the talks.")
    assert type_and_countries(events) == {("ACCUSE", "DEU", "TUR")}
    assert code("A spokesman said it was likely he accused Turkey of blocking the talks.") == []
