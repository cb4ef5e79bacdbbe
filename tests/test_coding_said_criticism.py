"""Criticism told as what was said with no verdict word on an act (issue 16, stop 27,
coding/said_criticism.py): an actor's failing, and harm done by an actor's act. Sentences of
our own, none of the case files'."""

from __future__ import annotations

import pytest
from rule_events import by_rule

FAILING = "trigger/conduct-told-as-what-was-said"
HARM = "trigger/harm-told-as-what-was-said"


# Every event below is told only as what was said: reported, claimed by the speaker (the
# convention of coding_cases_real.yaml, applied to every report-verb trigger in stop 27).
# ------------------------------------------------------------------ an actor's failing
@pytest.mark.parametrize("text, expected", [
    # a failing by its name
    ("Estonia said Russia had shown open contempt for the treaty.",
     ("ACCUSE", "disapprove", "EST", "RUS", "reported")),
    # bad conduct: a conduct noun with a pejorative modifier
    ("Denmark said Iran had an abysmal record on women's rights.",
     ("ACCUSE", "disapprove", "DNK", "IRN", "reported")),
    # the lack of a virtue
    ("Finland said Belarus had shown a lack of respect for its border.",
     ("ACCUSE", "disapprove", "FIN", "BLR", "reported")),
])
def test_a_failing_told_as_what_was_said_is_disapproval(code_sentence, text, expected):
    assert by_rule(code_sentence(text), FAILING, with_status=True) == {expected}


@pytest.mark.parametrize("text", [
    "Denmark said Iran had a large navy.",  # nothing bad had
    "Denmark said Iran had a terrible harvest.",  # a misfortune, not conduct
    "Denmark said the economy had a terrible year.",  # no actor
    "Denmark said Iran had not shown contempt for the treaty.",  # denied
    "Finland said Belarus had a lack of funds for its border.",  # no virtue lacked
])
def test_no_failing_without_an_actor_and_bad_conduct(code_sentence, text):
    assert by_rule(code_sentence(text), FAILING) == set()


# ------------------------------------------------------------------ harm done by an actor's act
@pytest.mark.parametrize("text, expected", [
    # a harm verb with an owned policy as subject
    ("Austria said Hungary's new law would weaken the courts.",
     ("ACCUSE", "disapprove", "AUT", "HUN", "reported")),
    # a state adjective as the owner, a progressive harm
    ("Peru said the Chilean quota was killing the fishing towns.",
     ("ACCUSE", "disapprove", "PER", "CHL", "reported")),
    # causing a harm noun
    ("Vietnam said China's blockade would cause hardship for its fishermen.",
     ("ACCUSE", "disapprove", "VNM", "CHN", "reported")),
])
def test_harm_by_an_actors_act_told_as_what_was_said_is_disapproval(code_sentence, text,
                                                                      expected):
    assert by_rule(code_sentence(text), HARM, with_status=True) == {expected}


@pytest.mark.parametrize("text", [
    "Austria said the new law would weaken the courts.",  # no owner
    "Austria said Hungary's new law would strengthen the courts.",  # no harm
    "Austria said Hungary's new law would not weaken the courts.",  # denied
    "Peru said the earthquake was killing the fishing towns.",  # no act of an actor
    "Vietnam said China's blockade would cause a delay for its fishermen.",  # no harm noun
])
def test_no_harm_without_an_owned_act_and_a_harm(code_sentence, text):
    assert by_rule(code_sentence(text), HARM) == set()


# ------------------------------------------------------------------ said in a relative clause
RELATIVE = "clause/speech-in-a-relative-clause-is-its-own-event"


@pytest.mark.parametrize("text, expected", [
    # the relative pronoun is the subject of what was said: it stands for the noun
    ("The forum met without Syria, which the Jordanian minister said had shown contempt "
     "for the ceasefire.", ("ACCUSE", "disapprove", "JOR", "SYR", "reported")),
    ("The vote was delayed by Serbia, which Croatia says had a shameful record on refugees.",
     ("ACCUSE", "disapprove", "HRV", "SRB", "reported")),
])
def test_what_a_relative_clause_says_of_its_noun_is_the_speakers_act(code_sentence, text,
                                                                     expected):
    assert by_rule(code_sentence(text), RELATIVE, with_status=True) == {expected}


@pytest.mark.parametrize("text", [
    # a neutral thing had: the rule keeps a trigger, it does not make one
    "The forum met without Syria, which the Jordanian minister said had a large army.",
    # no actor: the relative pronoun stands for a plan
    "The plan, which the Jordanian minister said had a poor record, was dropped.",
])
def test_no_act_kept_from_a_relative_clause_without_a_verdict_on_an_actor(code_sentence, text):
    assert by_rule(code_sentence(text), RELATIVE) == set()
