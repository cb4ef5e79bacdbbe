"""Recall class of issue 16, stop 29: criticism told through a verdict with no accuse word —
"described X's move AS a disgrace" with "as" hung from the object, the passive "was branded a
disgrace BY Y" (coding/passive_verdicts.py verdict-given-by-naming-in-the-passive), any act an
actor owns dismissed as a verdict (coding/naming.py
dismissing-an-actors-act-with-a-verdict-is-disapproval) and the verdicts of dismissing and
branding (data/lexicon/structure_triggers.yaml verdict_words). Sentences of our own."""

from __future__ import annotations

import pytest
from rule_events import by_rule, type_and_countries

NAMING = "trigger/verdict-given-by-naming"
PASSIVE = "trigger/verdict-given-by-naming-in-the-passive"
DISMISSED_ACT = "recode/dismissing-an-actors-act-with-a-verdict-is-disapproval"


@pytest.mark.parametrize("text, expected", [
    # the parser hangs "as" from the object, not from the verb
    ("The Dutch foreign minister described Britain's response as a disgrace.",
     ("ACCUSE", "disapprove", "NLD", "GBR")),
    # verdicts of dismissing and branding (data/lexicon/structure_triggers.yaml)
    ("The Danish foreign minister described Norway's plan as a publicity stunt.",
     ("ACCUSE", "disapprove", "DNK", "NOR")),
    ("Lithuania's president described the Belarusian vote as a sham.",
     ("ACCUSE", "disapprove", "LTU", "BLR")),
])
def test_naming_an_act_with_a_verdict_is_disapproval(code_sentence, text, expected):
    assert by_rule(code_sentence(text), NAMING) == {expected}


@pytest.mark.parametrize("text, expected", [
    ("Cyprus's new visa rules were described as arbitrary by the Turkish foreign minister.",
     ("ACCUSE", "disapprove", "TUR", "CYP")),
    ("The Egyptian move was described as a betrayal by the Sudanese government.",
     ("ACCUSE", "disapprove", "SDN", "EGY")),
])
def test_a_passive_verdict_with_its_speaker_is_disapproval(code_sentence, text, expected):
    assert by_rule(code_sentence(text), PASSIVE) == {expected}


@pytest.mark.parametrize("text", [
    # no speaker: nobody criticised anyone
    "Romania's new media law has been described as draconian.",
    # no actor owns what was judged
    "The harvest was described as a betrayal by the French farm minister.",
    # no verdict: praise or a plain description
    "Portugal's budget was described as a model by the Spanish finance minister.",
])
def test_a_passive_naming_without_speaker_owner_or_verdict_gives_no_disapproval(
        code_sentence, text):
    events = code_sentence(text)
    assert not by_rule(events, PASSIVE)
    assert not [e for e in events if e.type == "ACCUSE"]


def test_dismissing_an_actors_act_as_a_verdict_is_disapproval(code_sentence):
    events = code_sentence("The Georgian president dismissed Russia's referendum as a farce.")
    assert by_rule(events, DISMISSED_ACT) == {("ACCUSE", "disapprove", "GEO", "RUS")}


@pytest.mark.parametrize("text, expected", [
    # an appeal or a claim is refused, whatever it is called
    ("The Kenyan government dismissed Uganda's appeal as a stunt.", ("REJECT", "KEN", "UGA")),
    ("Austria dismissed Hungary's claims as a farce.", ("REJECT", "AUT", "HUN")),
])
def test_dismissing_a_claim_or_an_appeal_stays_a_refusal(code_sentence, text, expected):
    events = code_sentence(text)
    assert type_and_countries(events) == {expected}
    assert not by_rule(events, DISMISSED_ACT)


@pytest.mark.parametrize("text", [
    "The Swedish coach described the defeat as a disgrace.",
    "The Finnish prime minister described the storm as a national disgrace.",
    "The Estonian minister described the talks as constructive.",
])
def test_a_verdict_on_no_actors_act_is_no_event(code_sentence, text):
    assert code_sentence(text) == []


def test_a_name_hung_under_the_named_act_is_read(code_sentence):
    # the parser reads "the Belarusian vote" as the predicate and "a sham" as its object:
    # still a verdict on Belarus's act, no phone call (recode/naming-is-no-call)
    events = code_sentence("Lithuania's president called the Belarusian vote a sham.")
    assert by_rule(events, "recode/naming-is-no-call") == {
        ("ACCUSE", "disapprove", "LTU", "BLR")}
    assert not [e for e in events if e.type == "CONSULT"]


@pytest.mark.parametrize("text, expected", [
    ("The Polish prime minister ripped the German chancellor for his silence on the pipeline.",
     {("ACCUSE", "POL", "DEU")}),
    ("The Scottish first minister skewered Labour over its tax plans.", {("ACCUSE", "GBR", "GBR")}),
    # no actor torn, no grievance: no criticism
    ("Protesters ripped the flag for the cameras.", set()),
    ("The rebels ripped the town apart.", set()),
])
def test_ripping_an_actor_for_a_grievance_is_criticism(code_sentence, text, expected):
    assert type_and_countries(code_sentence(text)) == expected
