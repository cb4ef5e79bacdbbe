"""Recall class of issue 16, stop 28 (nouns28): an event noun that is what its clause is
about, with actors of its own, whatever verb it hangs from (trigger/event-noun-with-its-own-
actors): "RUSSIA's attack ON Ukrainian ports killed five", "Iran's expulsion of British
diplomats angered London".

What nouns28 added: the expulsion noun (SANCTION expel), "invasion of" (ASSAULT), the owner
of what is criticised or protested against as the target ("criticism of SOUTH KOREA's
ruling"), and two conditions of the rule: a noun feared, asked for or imagined ("FEARS OF a
Russian attack", "CALLS FOR sanctions") is not told, and a noun whose own phrase names a
game's thing ("an attack on the GOAL") is play. Sentences of our own."""

from __future__ import annotations

import pytest
from rule_events import by_rule

OWN_ACTORS = "trigger/event-noun-with-its-own-actors"


@pytest.mark.parametrize("text, expected", [
    ("Poland's expulsion of three Belarusian diplomats surprised Minsk.",
     ("SANCTION", "expel", "POL", "BLR")),
    ("Iraq's invasion of Kuwait shocked the Gulf states.",
     ("ASSAULT", None, "IRQ", "KWT")),
    ("Canada's criticism of India's consular rules upset the envoys.",
     ("ACCUSE", "disapprove", "CAN", "IND")),
    ("Egypt's attack on Libyan camps killed ten fighters.",
     ("ASSAULT", None, "EGY", "LBY")),
])
def test_event_noun_with_its_own_actors_is_its_event(code_sentence, text, expected):
    assert expected in by_rule(code_sentence(text), OWN_ACTORS)


@pytest.mark.parametrize("text, kind", [
    ("Fears of an Iranian attack on Saudi oil fields lifted prices.", "ASSAULT"),
    ("Calls for a Chinese embargo on Japanese seafood grew louder.", "SANCTION"),
    ("The threat of a Russian invasion of Finland worried the markets.", "ASSAULT"),
    ("The risk of an Indian strike on Pakistani camps alarmed traders.", "ASSAULT"),
])
def test_event_noun_feared_or_asked_for_is_not_told(code_sentence, text, kind):
    assert not [e for e in by_rule(code_sentence(text), OWN_ACTORS) if e[0] == kind]


@pytest.mark.parametrize("text", [
    "Germany's attack on the French goal failed in the last minute.",
    "Portugal's strike on goal against Spain hit the post.",
])
def test_event_noun_aimed_at_a_game_is_play(code_sentence, text):
    assert not by_rule(code_sentence(text), OWN_ACTORS)
