"""Recall class of issue 16, stop 25: criticism or praise told as a verdict on a named actor
or its act, without an accuse/criticise verb (coding/structure_triggers.py
praise-given-by-naming and verdict-given-by-naming, coding/naming.py
dismissing-an-actors-conduct-is-disapproval, the verdict verbs of data/lexicon/events.yaml).
Sentences of our own."""

from __future__ import annotations

import pytest
from rule_events import by_rule, type_and_countries

PRAISE = "trigger/praise-given-by-naming"
VERDICT = "trigger/verdict-given-by-naming"
CONDUCT = "recode/dismissing-an-actors-conduct-is-disapproval"


@pytest.mark.parametrize("text, expected", [
    ("Egypt's president described the Israeli prime minister as the best hope for peace.",
     ("SUPPORT", None, "EGY", "ISR", "asserted")),
    # the act's owner: "Greece's decision"
    ("Turkey's prime minister described Greece's decision as courageous.",
     ("SUPPORT", None, "TUR", "GRC", "asserted")),
    # praise on a modifier of the name: "a RELIABLE partner"
    ("Mexico's president described the United States as a reliable partner.",
     ("SUPPORT", None, "MEX", "USA", "asserted")),
])
def test_naming_with_praise_is_support(code_sentence, text, expected):
    assert by_rule(code_sentence(text), PRAISE, with_status=True) == {expected}


@pytest.mark.parametrize("text", [
    "The Dutch prime minister described himself as a cautious reformer.",
    "The French president described the summit as very productive.",
    "The Belgian prime minister described the floods as the worst in a century.",
])
def test_praise_of_no_other_actor_is_no_event(code_sentence, text):
    assert code_sentence(text) == []


def test_a_negated_naming_gives_no_praise(code_sentence):
    events = code_sentence("The Norwegian minister did not describe the Swedish plan as a model.")
    assert not by_rule(events, PRAISE)
    assert not [e for e in events if e.type == "SUPPORT"]


def test_an_insult_in_the_name_is_disapproval_not_praise(code_sentence):
    events = code_sentence("Mexico's president described the United States as a bully.")
    assert by_rule(events, VERDICT) == {("ACCUSE", "disapprove", "MEX", "USA")}
    assert not by_rule(events, PRAISE)


def test_dismissing_an_actors_conduct_as_something_is_disapproval(code_sentence):
    events = code_sentence('Germany dismissed France\'s budget plan as "reckless".')
    assert by_rule(events, CONDUCT) == {("ACCUSE", "disapprove", "DEU", "FRA")}


@pytest.mark.parametrize("text, expected", [
    # an offer put to the speaker is refused, not judged
    ("The Thai leader dismissed the Cambodian offer as a trick.", {("REJECT", "THA", "KHM")}),
    # without "as" a dismissal of a plan stays a refusal
    ("The Italian prime minister dismissed Germany's plan on Monday.",
     {("REJECT", "ITA", "DEU")}),
])
def test_dismissing_an_offer_or_without_a_verdict_stays_reject(code_sentence, text, expected):
    events = code_sentence(text)
    assert type_and_countries(events) == expected
    assert not by_rule(events, CONDUCT)


@pytest.mark.parametrize("text, expected", [
    ("Brazil's foreign minister hit out at Argentina over its import curbs.",
     ("ACCUSE", "BRA", "ARG")),
    ("The Indian prime minister rounded on Pakistan for failing to act.",
     ("ACCUSE", "IND", "PAK")),
    # the owner of the act scorned
    ("Sweden's prime minister poured scorn on Hungary's plan to curb the press.",
     ("ACCUSE", "SWE", "HUN")),
    ("The Chilean president mocked Bolivia's claim to the coast.", ("ACCUSE", "CHL", "BOL")),
])
def test_verdict_verbs_are_disapproval(code_sentence, text, expected):
    events = code_sentence(text)
    assert type_and_countries(events) == {expected}
    assert all(e.mode == "disapprove" for e in events)


@pytest.mark.parametrize("text", [
    # scorn on a thing no actor owns
    "The Danish minister poured scorn on the idea that taxes would fall.",
    # "hit" alone stays the strike it is; this one has no actor target
    "The Estonian minister hit out at the weather.",
])
def test_verdict_verbs_without_an_actor_are_no_event(code_sentence, text):
    assert not [e for e in code_sentence(text) if e.confidence >= 0.5]


# "round" is an arrest only with its particle ("rounded UP"); "rounded off a visit" is none.
@pytest.mark.parametrize("text, arrests", [
    ("Belarusian police rounded up dozens of opposition activists.", True),
    ("The Chinese army rounded up Tibetan monks in Lhasa.", True),
    ("The French president rounded off his visit to China with a dinner in Beijing.", False),
])
def test_round_arrests_only_when_rounded_up(code_sentence, text, arrests):
    modes = {(e.type, e.mode) for e in code_sentence(text)}
    assert (("COERCE", "arrest") in modes) is arrests
