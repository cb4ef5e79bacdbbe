"""The event coder on sentences written for the contract's rules (SPEC §4):
one test per claim status and per diplomacy rule."""

from __future__ import annotations

import pytest
from conftest import sentence_coder

from diplograph.coding.parse import load_nlp
from diplograph.records import Event


@pytest.fixture(scope="module")
def code(event_coder):
    return sentence_coder(event_coder, load_nlp())


def find(events: list[Event], kind: str, source: str | None = None,
         target: str | None = None) -> Event:
    """The event of ``kind`` between these countries (either way for symmetric types)."""
    for ev in events:
        countries = (ev.source and ev.source.country, ev.target and ev.target.country)
        if ev.type != kind:
            continue
        if source and source not in countries:
            continue
        if target and target not in countries:
            continue
        return ev
    seen = [(e.type, e.source and e.source.country, e.target and e.target.country, e.status)
            for e in events]
    raise AssertionError(f"no {kind} {source}->{target} in {seen}")


# ------------------------------------------------------------------ statuses
def test_asserted(code):
    ev = find(code("Canadian Prime Minister Mark Carney met French President Emmanuel Macron "
                   "in Paris on Monday."), "CONSULT", "CAN", "FRA")
    assert ev.status == "asserted"
    assert ev.date.value == "2025-03-10" and ev.date.precision == "day"


def test_reported_with_claimed_by(code):
    ev = find(code("Carney spoke with Ukrainian President Volodymyr Zelenskyy by phone on "
                   "Thursday, according to a statement from the Prime Minister's Office."),
              "CONSULT", "CAN", "UKR")
    assert ev.status == "reported"
    assert ev.mode == "phone"


def test_reported_by_a_named_speaker(code):
    ev = find(code("Britain expelled a Russian diplomat, the Foreign Office said on Tuesday."),
              "SANCTION", "GBR", "RUS")
    assert ev.status == "reported"
    assert ev.claimed_by is not None and ev.claimed_by.country == "GBR"


def test_unconfirmed(code):
    ev = find(code("The Kremlin said it could neither confirm nor deny that Putin had spoken "
                   "to Trump.", "2025-02-10"), "CONSULT", "RUS", "USA")
    assert ev.status == "unconfirmed"


def test_planned(code):
    ev = find(code("Zelenskyy is expected to meet Trump in Florida on Sunday.", "2025-12-26"),
              "CONSULT", "UKR", "USA")
    assert ev.status == "planned"
    assert ev.date.value == "2025-12-28"


def test_hypothetical_deployment_and_asserted_warning(code):
    events = code("Russia warned that if Paris sends troops to Ukraine, it will create "
                  "serious problems.")
    assert find(events, "THREATEN", "RUS").status == "asserted"


def test_denied(code):
    ev = find(code("The Kremlin denied that Putin had spoken with Trump.", "2024-11-11"),
              "CONSULT", "RUS", "USA")
    assert ev.status == "denied"


def test_negated(code):
    ev = find(code("Chancellor Olaf Scholz said Germany would not send soldiers to Ukraine.",
                   "2024-02-27"), "MOBILIZE", "DEU")
    assert ev.status == "negated"


# ------------------------------------------------------------------ diplomacy rules
def test_summoned_ambassador_is_accuse(code):
    ev = find(code("China summoned Japan's ambassador on Thursday to protest remarks by the "
                   "Japanese prime minister.", "2025-11-14"), "ACCUSE", "CHN", "JPN")
    assert ev.mode == "disapprove"
    assert not [e for e in code("China summoned Japan's ambassador.") if e.type == "CONSULT"]


def test_diplomatic_protest_is_accuse_disapprove(code):
    ev = find(code("Japan lodged a protest with China over the remarks."), "ACCUSE", "JPN", "CHN")
    assert ev.mode == "disapprove"


def test_cancelled_meeting_is_reject(code):
    ev = find(code("Trump cancelled his planned meeting with Putin in Budapest."),
              "REJECT", "USA", "RUS")
    assert ev.status == "asserted"


def test_expelled_diplomats_is_sanction_expel(code):
    ev = find(code("Poland expelled three Belarusian diplomats on Friday."),
              "SANCTION", "POL", "BLR")
    assert ev.mode == "expel"


def test_threat_to_cut_relations_is_threaten_relations(code):
    ev = find(code("Turkey threatened to cut diplomatic relations with Israel."),
              "THREATEN", "TUR", "ISR")
    assert ev.mode == "relations"


def test_tariffs_are_sanction(code):
    ev = find(code("The United States imposed tariffs on Canadian steel on Tuesday."),
              "SANCTION", "USA", "CAN")
    assert ev.status == "asserted"


def test_scheduled_meeting_is_planned_consult(code):
    ev = find(code("Macron will meet Starmer in London next week."), "CONSULT", "FRA", "GBR")
    assert ev.status == "planned"


def test_intent_to_cooperate_is_agree(code):
    ev = find(code("Russia said it was ready to improve relations with Japan."), "AGREE", "RUS")
    assert ev.status in {"asserted", "reported"}


def test_plain_comment_is_not_an_event(code):
    assert code("Macron said the weather in Paris was lovely this spring.") == []


def test_headline_words_in_a_comment_do_not_make_events(code):
    assert code("The summit was described by officials as long and tiring.") == []


# ------------------------------------------------------------------ more PLOVER frames
def test_particles_and_prepositions_load_as_words():
    """YAML 1.1 reads a bare ``off``/``on`` as a boolean; the lexicon must keep the words."""
    from diplograph.knowledge.lexicon import load_lexicon
    rules = load_lexicon().verb_rules["call"]
    assert any(r.particle == ("off",) for r in rules)
    assert any("on" in r.prep for r in rules)


def test_called_off_strike_is_a_concession_to_the_government(code):
    ev = find(code("Kenyan teachers called off their strike on Friday."), "CONCEDE", "KEN")
    assert ev.source.sector == "CVL" and ev.target.sector == "GOV"


def test_coordinated_demonyms_act_with_each_other(code):
    ev = find(code("Senior Hungarian and Romanian officials agreed on Wednesday to reopen the "
                   "border crossing."), "AGREE", "HUN", "ROU")
    assert {ev.source.country, ev.target.country} == {"HUN", "ROU"}


def test_a_state_adjective_on_an_unknown_noun_is_a_civilian_group(code):
    ev = find(code("Algerian farmers staged a protest outside parliament on Monday."),
              "PROTEST", "DZA")
    assert ev.source.sector == "CVL"
    assert ev.target.country == "DZA" and ev.target.sector == "GOV"


def test_partitive_object(code):
    ev = find(code("The United States suspended part of its military aid to Bosnia."),
              "SANCTION", "USA", "BIH")
    assert ev.mode == "discontinue"


def test_a_threat_is_aimed_at_the_subject_of_its_condition(code):
    ev = find(code("Turkey threatened to close its airspace unless Sweden extradited the "
                   "suspects."), "THREATEN", "TUR", "SWE")
    assert ev.status == "asserted"


def test_welcoming_a_statement_is_support_not_a_meeting(code):
    events = code("The German government welcomed the French president's statement on Monday.")
    assert not [e for e in events if e.type == "CONSULT"]
    find(events, "SUPPORT", "DEU", "FRA")
    find(code("Macron welcomed Zelensky at the Elysee on Monday."), "CONSULT", "FRA", "UKR")


def test_failing_to_reach_agreement_is_a_rejection(code):
    ev = find(code("Serbia and Kosovo failed to reach an agreement in Brussels on Monday."),
              "REJECT")
    assert ev.status == "asserted"
    assert {ev.source.country} <= {"SRB", "XKX"}
    assert find(code("Croatia failed to support the plan."), "SUPPORT", "HRV").status == "negated"


def test_plural_title_of_an_organisation(code):
    ev = find(code("EU foreign ministers agreed on Tuesday to lift sanctions on Syria."),
              "AGREE", target="SYR")
    assert ev.source.name == "EU"


@pytest.mark.parametrize(("text", "kind", "mode", "source", "target"), [
    ("Palestinian youths threw stones at Israeli soldiers in Hebron on Friday.",
     "PROTEST", "riot", "PSE", "ISR"),
    ("Kenyan police fired tear gas at demonstrators in Nairobi on Tuesday.",
     "ASSAULT", "crowd-control", "KEN", "KEN"),
    ("Mali forced the UN peacekeeping mission out of the country.", "SANCTION", "expel", "MLI",
     None),
    ("The IAEA sent inspectors to Iran on Monday.", "ACCUSE", "investigate", None, "IRN"),
    ("Dockworkers in Argentina stopped work on Monday over the pension reform.",
     "PROTEST", "strike", "ARG", None),
])
def test_more_cameo_frames(code, text, kind, mode, source, target):
    ev = find(code(text), kind, source, target)
    assert ev.mode == mode


def test_being_opposed_is_the_subject_rejecting(code):
    ev = find(code("Turkey is opposed to Swedish membership of the alliance, officials said."),
              "REJECT", "TUR", "SWE")
    assert ev.status == "reported"


def test_a_vow_or_readiness_to_use_force_is_a_threat(code):
    ev = find(code("Rebel commanders in Mali swore to fight until the army left the north."),
              "THREATEN", "MLI")
    assert ev.mode == "violence" and ev.status == "asserted"
    ev = find(code("Thailand's government said it was prepared to impose martial law in "
                   "Bangkok."), "THREATEN", "THA", "THA")
    assert ev.status == "reported"


def test_adjective_and_noun_objects(code):
    """ "MARTIAL law": the object's adjective is part of its name."""
    ev = find(code("The Pakistani government imposed martial law on Monday."), "COERCE", "PAK")
    assert ev.mode == "martial-law"


def test_protesters_are_coded_by_where_they_protest(code):
    ev = find(code("Prisoners rioted at a jail in Bolivia on Monday."), "PROTEST", "BOL")
    assert ev.source.sector == "CVL"
    find(code("Thousands of Chileans were converging on Thursday for a rally in Santiago."),
         "PROTEST", "CHL")


def test_a_month_is_not_a_march(code):
    events = code("Carney took office on March 14 after winning the leadership of the party.",
                  published="2025-06-01")
    assert not [e for e in events if e.type == "PROTEST"]


@pytest.mark.parametrize(("text", "published", "kind", "mode", "source", "target"), [
    ("Prime Minister Margaret Thatcher announced her resignation on Thursday.", "1990-11-23",
     "RETREAT", "resign", "GBR", None),
    ("A Tehran court sentenced a French researcher to six years in prison.", "2020-05-17",
     "SANCTION", "convict", "IRN", "FRA"),
    ("The United States reimposed sanctions on Iran on Monday.", "2018-11-06",
     "SANCTION", None, "USA", "IRN"),
    ("Armenia called up reservists on Tuesday.", "2020-09-29", "MOBILIZE", "troops", "ARM", None),
    ("Putin announced a partial mobilisation on Wednesday.", "2022-09-22",
     "MOBILIZE", "troops", "RUS", None),
    ("Chilean dockworkers went on strike on Thursday.", "2024-03-08",
     "PROTEST", "strike", "CHL", "CHL"),
    ("Indian and French warships began a joint naval exercise on Monday.", "2023-01-17",
     "COOPERATE", None, "IND", "FRA"),
])
def test_world_frames(code, text, published, kind, mode, source, target):
    ev = find(code(text, published=published), kind, source, target)
    assert ev.mode == mode


def test_amounts_of_aid_and_requests_for_loans(code):
    # a promise of aid is AGREE (PLOVER manual 3.1); the amount's "in aid" is its object
    ev = find(code("Japan will provide $5.5 billion in aid to Ukraine, Kishida said."), "AGREE",
              "JPN", "UKR")
    assert ev.status == "reported"
    find(code("Sri Lanka will seek a bailout from the International Monetary Fund."),
         "REQUEST", "LKA")


def test_a_threats_condition_inside_its_content(code):
    find(code("Iran warned that U.S. bases would be targeted if Washington attacked.",
              published="2020-01-05"), "THREATEN", "IRN", "USA")


def test_two_leaders_holding_talks_meet_each_other_not_the_host(code):
    ev = find(code("Kim Jong Un and Donald Trump held talks in Singapore on Tuesday.",
                   published="2018-06-13"), "CONSULT", "PRK", "USA")
    assert {ev.source.country, ev.target.country} == {"PRK", "USA"}


@pytest.mark.parametrize("text", [
    "Croatia will meet Argentina in the World Cup semi-final on Tuesday.",
    "Serbia's Novak Djokovic stormed to victory over Daniil Medvedev in Melbourne.",
    "England beat Wales 24-10 in the Six Nations match at Twickenham.",
])
def test_games_and_company_deals_are_not_political_acts(code, text):
    assert code(text) == []


def test_politics_keeps_the_words_games_share(code):
    """Diplomatic ties, rounds of talks and the Arab League are not games."""
    find(code("Czechia and Albania upgraded their diplomatic ties on Monday."), "SUPPORT",
         "CZE", "ALB")
    find(code("Egypt met the Arab League in Cairo on Monday."), "CONSULT", "EGY")


def test_the_pipeline_is_loaded_once_however_it_is_asked_for():
    # load_nlp() and load_nlp(DEFAULT_MODEL) were two cache keys: every coder (each
    # ingest worker, each Ray actor) loaded spaCy twice, once for its resolver.
    from diplograph.coding.parse import DEFAULT_MODEL
    from diplograph.coding.stage import ArticleCoder

    assert load_nlp() is load_nlp(DEFAULT_MODEL)
    coder = ArticleCoder()
    assert coder.coder.resolver.nlp is coder.nlp
