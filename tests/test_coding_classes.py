"""Coding rules that work on classes of real-news sentences (issue 16), each with a
sentence of our own: pledges without a counterpart, firms dealing with firms, attacks
on a policy, requests for a change, and "is to" plans."""

from __future__ import annotations

import pytest

from diplograph.records import Event


@pytest.fixture(scope="module")
def code(code_sentence):
    return code_sentence


def pairs(events: list[Event]) -> set[tuple[str, str | None, str | None]]:
    return {(e.type, e.source and e.source.country, e.target and e.target.country)
            for e in events}


def test_a_pledge_to_no_one_is_no_agreement(code):
    assert code("The Conservative Party promised to cut income tax by two pence.") == []


def test_a_pledge_to_a_state_stays_an_agreement(code):
    assert ("AGREE", "FRA", "UKR") in pairs(
        code("France promised to send Ukraine more air defence systems."))


def test_a_firm_buying_a_firm_is_commerce(code):
    assert code("Italian tyre maker Pirelli agreed to buy Spanish rival Neumaticos "
                "for 2 billion euros.") == []


def test_firms_the_knowledge_knows_are_firms_without_a_firm_noun(code):
    # No "maker" or "group" in the sentence: the resolved actors' sector (BUS) says it.
    assert code("Google sued Apple on Tuesday over its app store rules.") == []
    events = code("Google sued the European Commission on Tuesday over the fine.")
    assert [(e.type, e.target.name) for e in events] == [("ACCUSE", "European Commission")]


def test_a_state_acting_on_a_firm_is_not_commerce(code):
    events = code("Japan urged US carmaker Ford to keep its plant in Yokohama open.")
    assert ("REQUEST", "JPN", "USA") in pairs(events)


def test_an_attack_on_a_policy_is_criticism_of_its_owner(code):
    events = code("The Spanish prime minister launched an attack on Moroccan fishing policy.")
    assert pairs(events) == {("ACCUSE", "ESP", "MAR")}
    assert events[0].mode == "disapprove"
    assert "recode/attack-on-a-policy-is-criticism" in events[0].rules


def test_an_attack_on_a_town_stays_an_assault(code):
    events = code("Russian forces launched an attack on the Ukrainian town of Avdiivka.")
    assert {e.type for e in events} == {"ASSAULT"}


@pytest.mark.parametrize("text, mode", [
    ("Japan urged North Korea to stop its missile tests.", "change"),
    ("Japan called on China to hold talks on the disputed islands.", "meet"),
    ("Thousands of Sudanese sought refuge in Chad last month.", "assist"),
])
def test_a_request_for_an_act_asks_for_a_change_unless_it_asks_for_more(code, text, mode):
    events = [e for e in code(text) if e.type == "REQUEST"]
    assert [e.mode for e in events] == [mode]
    assert f"mode/REQUEST:{mode}" in events[0].rules or mode == "meet", events[0].rules


def test_is_to_hold_talks_is_planned(code):
    events = code("The World Bank is to hold talks with Ghana on its debt.")
    assert [(e.type, e.status) for e in events] == [("CONSULT", "planned")]
    assert "status/future-clause" in events[0].rules


@pytest.mark.parametrize("text, rule", [
    ("The Kenyan president praised the deal after meeting with the Chinese premier "
     "in Beijing.", "clause/temporal-clause-is-its-own-event"),
    ("At a news conference following talks with the Chinese premier, the Kenyan president "
     "praised the deal.", "clause/temporal-clause-is-its-own-event"),
])
def test_a_meeting_that_dates_another_act_is_the_subjects_meeting(code, text, rule):
    meetings = [e for e in code(text) if e.type == "CONSULT"]
    assert pairs(meetings) == {("CONSULT", "KEN", "CHN")}
    assert meetings[0].status == "asserted"
    assert rule in meetings[0].rules
    assert "argument/scene-event-takes-the-clause-actor" in meetings[0].rules


def test_a_subject_relative_clause_tells_an_act_of_its_noun(code):
    events = code("The Kenyan minister who met the Chinese premier on Monday praised the deal.")
    meetings = [e for e in events if e.type == "CONSULT"]
    assert pairs(meetings) == {("CONSULT", "KEN", "CHN")}
    assert "clause/subject-relative-clause-is-its-own-event" in meetings[0].rules


def test_an_object_relative_clause_stays_background(code):
    events = code("The deal that the Kenyan minister signed with China last year was praised "
                  "by farmers.")
    assert [e for e in events if e.type in ("SUPPORT", "AGREE")] == []


@pytest.mark.parametrize("text, kind", [
    ("The Turkish president vowed not to return the seized ships to Greece.", "REJECT"),
    ("The Greek government promised not to veto Turkey's bid to join the European Union.",
     "AGREE"),
])
def test_a_vow_not_to_act_is_a_refusal_unless_the_act_is_hostile(code, text, kind):
    events = code(text)
    assert {e.type for e in events} == {kind}
    refusal = all("recode/vow-not-to-act-is-reject" in e.rules for e in events)
    assert refusal == (kind == "REJECT")


def test_a_topic_is_no_counterpart_of_a_pledge(code):
    assert code("The Greek prime minister pledged to spend more on schools for refugees "
                "from Syria.") == []


# ------------------------------------------------------------------ criticism (branch coder4)
@pytest.mark.parametrize("text, source, target", [
    ("The British foreign secretary branded the French plans \"a fantasy\".", "GBR", "FRA"),
    ("The French foreign minister labelled Moscow's conduct reckless.", "FRA", "RUS"),
    ("The Canadian prime minister admonished China over its treatment of the detained "
     "diplomats.", "CAN", "CHN"),
    ("The German chancellor lashed out at Turkey on Thursday for jailing journalists.",
     "DEU", "TUR"),
    ("The German chancellor hit back at Poland over the border dispute.", "DEU", "POL"),
])
def test_criticism_verbs_and_insults_aimed_at_conduct(code, text, source, target):
    events = code(text)
    assert [(e.type, e.mode) for e in events] == [("ACCUSE", "disapprove")]
    assert (events[0].source.country, events[0].target.country) == (source, target)


def test_a_ball_hit_back_is_no_criticism(code):
    assert code("The striker hit the ball back at the goalkeeper.") == []
