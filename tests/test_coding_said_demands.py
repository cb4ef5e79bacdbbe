"""Recall class of issue 16, stop 28 (drawn28): a demand told as what was said in words the
say + modal rule does not read (trigger/demand-told-by-a-need-in-what-was-said,
trigger/demand-told-by-a-necessity-in-what-was-said, and "argue" / "contend" in the lexicon's
say + should rule).

Among the tune misses of the three drawn sets, demands told by "argued that Y should",
"said Y needed to" and "said it was essential that ..." had no trigger. Sentences of our own;
the contrasts are a past necessity, a negated or asked need, a need with no act, a pronoun
(the speaker) as the one in need, and a necessity with no actor."""

from __future__ import annotations

import pytest
from rule_events import by_rule

from diplograph.coding.rules import all_rules
from diplograph.knowledge.coding_words import structure_words

NEED = "trigger/demand-told-by-a-need-in-what-was-said"
NECESSITY = "trigger/demand-told-by-a-necessity-in-what-was-said"
SAY_MODAL = "trigger/REQUEST:verb:say"


@pytest.mark.parametrize("text, expected", [
    ("The Finnish president said Russia needed to withdraw its troops from Moldova.",
     ("REQUEST", "yield", "FIN", "RUS")),
    ("Egypt's foreign minister said Ethiopia needs to resume talks on the dam.",
     ("REQUEST", "meet", "EGY", "ETH")),
    ("The Polish prime minister said Hungary has to change its media law.",
     ("REQUEST", "change", "POL", "HUN")),
])
def test_a_need_told_as_what_was_said_is_a_demand(code_sentence, text, expected):
    assert expected in by_rule(code_sentence(text), NEED)


@pytest.mark.parametrize("text, expected", [
    ("The Belgian foreign minister said it was essential that Armenia withdraw its forces "
     "from the border.", ("REQUEST", "yield", "BEL", "ARM")),
    ("Chile said it is vital for Peru to resume talks with the rebels.",
     ("REQUEST", "meet", "CHL", "PER")),
])
def test_a_necessity_told_as_what_was_said_is_a_demand_on_the_clause_subject(
        code_sentence, text, expected):
    assert expected in by_rule(code_sentence(text), NECESSITY)


def test_argued_that_y_should_is_a_reported_demand(code_sentence):
    events = code_sentence("Austria argued that Serbia should withdraw its troops from the "
                           "north of Kosovo.")
    assert ("REQUEST", "yield", "AUT", "SRB") in by_rule(events, SAY_MODAL)
    demand = next(e for e in events if e.type == "REQUEST")
    assert demand.status == "reported" and demand.claimed_by.country == "AUT"


@pytest.mark.parametrize("text", [
    "Portugal said it had to cut pensions to pay its debts.",
    "The Spanish minister said Morocco had to close the border in 2020.",
    "The French president said Russia did not need to fear NATO.",
    "The minister asked whether Iran needed to resume talks.",
    "Britain said Ukraine needed more air defence systems.",
    "Israel said it has to defend its borders.",
    "Spain said it was essential that the talks succeed.",
    "Italy said it was important to support the farmers.",
    "The central bank said the Irish government would need to raise taxes next year.",
    "The Dutch prime minister said the Netherlands needs to spend more on its navy.",
])
def test_no_need_of_another_actor_is_no_demand(code_sentence, text):
    events = code_sentence(text)
    assert not by_rule(events, NEED) and not by_rule(events, NECESSITY)


def test_the_rules_are_registered_with_their_words():
    names = {r.name: r for r in all_rules()}
    assert names[NEED].plover == names[NECESSITY].plover == "3.8"
    assert "argument/demand-told-by-a-necessity-is-on-the-clause-subject" in names
    assert "argument/need-of-the-speakers-own-state-is-no-demand" in names
    words = structure_words()
    assert "need" in words.need_verbs and "have" in words.obligation_verbs
    assert {"essential", "vital", "crucial"} <= words.necessity_predicates
