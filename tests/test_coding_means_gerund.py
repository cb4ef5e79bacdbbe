"""Recall class of issues 16 and 17, stop 22: an act told as the means of another ("responded
BY EXPELLING two diplomats") is an event of the main clause's subject, at that clause's time
(clause/means-gerund-is-its-own-event). Sentences of our own."""

from __future__ import annotations

import pytest
from rule_events import by_rule

MEANS = "clause/means-gerund-is-its-own-event"


@pytest.mark.parametrize("text, expected", [
    ("Poland responded by expelling two Belarusian diplomats.",
     ("SANCTION", "expel", "POL", "BLR", "asserted")),
    ("The Italian prime minister began her visit by meeting the Kenyan president.",
     ("CONSULT", None, "ITA", "KEN", "asserted")),
    # the main clause's future and modal reach the gerund
    ("Japan will retaliate by imposing tariffs on South Korean chips.",
     ("SANCTION", None, "JPN", "KOR", "planned")),
    ("Iran could respond by expelling the Dutch ambassador.",
     ("SANCTION", "expel", "IRN", "NLD", "hypothetical")),
    # "in" + gerund before the main clause
    ("In expelling the Latvian ambassador, Russia deepened the row.",
     ("SANCTION", "expel", "RUS", "LVA", "asserted")),
])
def test_an_act_told_as_a_means_is_an_event_of_the_subject(code_sentence, text, expected):
    assert by_rule(code_sentence(text), MEANS, with_status=True) == {expected}


def test_a_means_with_no_actor_is_no_event(code_sentence):
    assert code_sentence("The minister cut costs by closing two offices.") == []


def test_a_means_in_a_background_clause_stays_background(code_sentence):
    # the gerund hangs from a relative clause's verb: the sentence is about the deal
    events = code_sentence("The deal that Poland won by expelling Belarusian diplomats "
                           "was signed in Warsaw.")
    assert not by_rule(events, MEANS)


def test_a_gerund_under_a_noun_is_no_means(code_sentence):
    events = code_sentence("The threat of expelling Belarusian diplomats worried Poland.")
    assert not by_rule(events, MEANS)
