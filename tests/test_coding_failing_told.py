"""Recall class of issue 16, stop 27 (drawn27): criticism told as what was said by naming the
actor's failing (trigger/failing-told-as-what-was-said).

On the drawn sets (coding_cases_drawn.yaml and coding_cases_drawn27.yaml, tune) the largest
class of misses is party-political criticism with no trigger at all, most of it told as the
content of "said": "said the government had FAILED to ...", "said Conservative policies would
cause economic FAILURE". Sentences of our own; the contrasts are claims with no actor, denied
or passive failings, and a lost contest."""

from __future__ import annotations

import pytest
from rule_events import by_rule

from diplograph.coding.rules import all_rules
from diplograph.knowledge.coding_words import structure_words

FAILING = "trigger/failing-told-as-what-was-said"


@pytest.mark.parametrize("text, expected", [
    ("The French foreign minister said Russia had failed to honour the ceasefire.",
     ("ACCUSE", "disapprove", "FRA", "RUS")),
    ("The Kenyan opposition leader said Uganda's government had bungled the border talks.",
     ("ACCUSE", "disapprove", "KEN", "UGA")),
    ("Tony Blair has said the Conservatives' policies would cause economic failure.",
     ("ACCUSE", "disapprove", "GBR", "GBR")),
    ("Germany's finance minister argued that Greek plans were a recipe for chaos.",
     ("ACCUSE", "disapprove", "DEU", "GRC")),
    ("The Tories said Labour would wreck the economy.",
     ("ACCUSE", "disapprove", "GBR", "GBR")),
])
def test_a_failing_told_as_what_was_said_is_criticism(code_sentence, text, expected):
    assert expected in by_rule(code_sentence(text), FAILING)


@pytest.mark.parametrize("text", [
    "Kenya's president said the talks had failed.",
    "The French minister said Russia had never failed to pay its debts.",
    "The Tories said the economy had been wrecked by the floods.",
    "Labour said the Conservatives had failed to win the seat.",
    "The minister said the harvest would fail without rain.",
])
def test_no_failing_of_an_actor_is_no_criticism(code_sentence, text):
    assert not by_rule(code_sentence(text), FAILING)


def test_the_rule_is_registered_with_its_words():
    rule = next(r for r in all_rules() if r.name == FAILING)
    assert rule.plover == "3.9" and "failing" in rule.doc
    words = structure_words()
    assert {"fail", "wreck"} <= words.failing_verbs and "failure" in words.failing_nouns
    assert "win" in words.contest_acts


def test_a_passive_way_of_acting_under_said_is_read_without_endless_recursion(code_sentence):
    """ "the way the permits were being issued": the passive relative clause gives the manner
    noun back as its own subject; subject_owners walked it forever (RecursionError) and the
    whole document was refused."""
    events = code_sentence("He said the way the permits were being issued meant local firms "
                           "were at a big disadvantage.")
    assert not by_rule(events, FAILING)


def test_whether_the_subject_is_an_actor_is_asked_only_of_a_failing(actor_resolver) -> None:
    """The speed cut (speed28): the word tests run first, so a said clause with no failing
    in it does not make the rule ask whether its subject is an actor (the question reads the
    whole article's actors); a clause with one still asks, and is still read."""
    from diplograph.coding.failing_told import failing_told_as_what_was_said
    from diplograph.knowledge.lexicon import load_lexicon

    nlp = actor_resolver.nlp
    asked: list[str] = []

    def is_actor(token) -> bool:
        asked.append(token.text)
        return True

    quiet = nlp("The Tories said Labour would visit the north.")[:]
    assert failing_told_as_what_was_said(quiet, load_lexicon(), is_actor) == []
    assert asked == []
    failing = nlp("The Tories said Labour would wreck the economy.")[:]
    assert [t.token.text for t in failing_told_as_what_was_said(
        failing, load_lexicon(), is_actor)] == ["said"]
    assert asked == ["Labour"]
