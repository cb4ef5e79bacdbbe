"""Recall classes of issues 16 and 17, stop 23: event nouns whose carrier the lexicon's light
verbs do not name. An event noun in a "with" phrase of a verb of response or opening is the act
of that verb's subject (trigger/event-noun-as-the-means); a news conference given jointly WITH
a counterpart is a meeting with them (the CONSULT noun rule with ``prep: with``, mode null).
Sentences of our own."""

from __future__ import annotations

import pytest
from rule_events import by_rule

MEANS = "trigger/event-noun-as-the-means"
JOINT = "trigger/CONSULT:noun:news conference+prep:with"


@pytest.mark.parametrize("text, expected", [
    ("Vietnam responded with tariffs on Chinese solar panels.",
     ("SANCTION", None, "VNM", "CHN", "asserted")),
    ("Lithuania retaliated with an embargo on Belarusian potash.",
     ("SANCTION", None, "LTU", "BLR", "asserted")),
    # a verdict told as an attack on an actor's record is criticism of its owner
    ("Keir Starmer opened the session with an attack on the Conservative Party's energy record.",
     ("ACCUSE", "disapprove", "GBR", "GBR", "asserted")),
    ("Argentina reacted with a formal protest to Chile.",
     ("ACCUSE", "disapprove", "ARG", "CHL", "asserted")),
    # the verb's future, modal and negation reach the noun
    ("South Korea will respond with sanctions on North Korean shipping firms.",
     ("SANCTION", None, "KOR", "PRK", "planned")),
    ("Norway did not retaliate with a ban on Russian fish.",
     ("SANCTION", None, "NOR", "RUS", "negated")),
])
def test_an_event_noun_told_as_the_means_is_an_act_of_the_subject(code_sentence, text,
                                                                   expected):
    assert by_rule(code_sentence(text), MEANS, with_status=True) == {expected}


@pytest.mark.parametrize("text", [
    "The bakery opened the festival with an attack on the record for the largest cake.",
    "Italy opened the match with an attack on the Welsh goal.",
    # passive: what the subject suffered, not what it did
    "Iran was hit with sanctions on its oil exports.",
    # a verb outside the list carries no act of its subject
    "Spain agreed with the ban on Moroccan tomatoes.",
])
def test_no_act_where_the_noun_is_no_means_of_an_actor(code_sentence, text):
    assert not by_rule(code_sentence(text), MEANS)


@pytest.mark.parametrize("text, expected", [
    ("The Dutch prime minister held a joint press conference with the Belgian prime minister.",
     ("CONSULT", None, "NLD", "BEL")),
    ("The Austrian chancellor gave a joint news conference with the Czech prime minister.",
     ("CONSULT", None, "AUT", "CZE")),
    ("Pedro Sanchez told a joint press conference with the Portuguese prime minister that "
     "the border would stay open.", ("CONSULT", None, "ESP", "PRT")),
])
def test_a_joint_news_conference_with_a_counterpart_is_a_meeting(code_sentence, text, expected):
    assert by_rule(code_sentence(text), JOINT) == {expected}


@pytest.mark.parametrize("text, expected", [
    ("Pedro Sanchez and Emmanuel Macron held a joint news conference in Barcelona.",
     ("CONSULT", None, "ESP", "FRA", "asserted")),
    ("The Polish president and the Lithuanian president will give a joint press conference "
     "in Vilnius.", ("CONSULT", None, "POL", "LTU", "planned")),
])
def test_two_leaders_holding_one_news_conference_meet(code_sentence, text, expected):
    events = by_rule(code_sentence(text), "trigger/CONSULT:noun:news conference",
                     with_status=True)
    assert events == {expected} or {(t, m, g, s, st) for t, m, s, g, st in events} == {expected}


@pytest.mark.parametrize("text", [
    "The Greek prime minister held a news conference in Athens on Monday.",
    "The Swedish prime minister held a press conference in Kyiv.",
    "The Irish foreign minister told a press conference that talks would resume.",
])
def test_a_news_conference_given_alone_is_no_meeting(code_sentence, text):
    assert [e for e in code_sentence(text) if e.type == "CONSULT"] == []
