"""The dictionary converters (scripts/import_phoenix_actors.py, scripts/import_cameo_verbs.py).

The excerpts below are our own entries written in the dictionaries' formats (made-up people,
groups, verbs and codes), not lines of the shared files; the last tests check that the
committed output is what the scripts make from ../shared.
"""

from __future__ import annotations

import datetime as dt
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest
import yaml
from needs import need

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "scripts"))

import dictionary_import  # noqa: E402
import import_cameo_verbs as verbs  # noqa: E402
import import_phoenix_actors as actors  # noqa: E402

SHARED = REPO.parent / "shared" / "corpus"

COUNTRIES_TXT = """\
# a made-up excerpt in the CountryInfo .actors format
NORTHERN_ZEMBLA_  [NOR]
+ZEMBLAN_
+NOVAYA_ZEMBLA_

ALDOUS_PEMBERTON_  # CountryInfo.txt
+HOME_SECRETARY_ALDOUS_PEMBERTON_
+A._PEMBERTON_
\t[GBRELI 650101-970502]
\t[GBRGOVEDU 030101-041231]
\t[GBRGOV >100601]
\t[GBRELI]
OTTOLINE_MARSH_  # CountryInfo.txt
\t[GBRGOV 050101-060531]
GREGOR_VASQUEZ_  # CountryInfo.txt
\t[FRAELI 19270101-690620]
\t[USAGOV <990115]
\t[DEUGOV 9908223-001221]
\t[DEUGOV 20040101]
FORMER_PRESIDENT_MARTA_QUILLON
MARTA_QUILLON_VEGA
\t[CHLGOV 900311-940311]
LIGHTHOUSE_KEEPERS_UNION_
+LKU
\t[GBRLAB]
UN_SPECIAL_ENVOY
\t[IGOUNO]
PHANTOM_PHRASE_
"""

INTERNATIONAL_TXT = """\
WILHELMINA_TOSS_\t[IGOUNOKID 050101-091231]\t[---] # NGO_Actors
QUIET_HARBOUR_RELIEF_FUND_\t[NGOUSADEV]# NGO_Actors
"""

MILNONSTATE_TXT = """\
GOLDEN_LANTERN_BRIGADE_(GLB)_ [GRCREB] #  test 01 Jan 26
+LANTERN_BRIGADE_
"""


def _write(folder: Path, files: dict[str, str]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (folder / name).write_text(textwrap.dedent(text), encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def actor_result(tmp_path_factory: pytest.TempPathFactory) -> actors.Result:
    tmp = tmp_path_factory.mktemp("actors")
    source = _write(tmp / "source", dict(zip(actors.FILES, (
        COUNTRIES_TXT, INTERNATIONAL_TXT, MILNONSTATE_TXT), strict=True)))
    verified = _write(tmp / "verified", {
        "organisations.yaml": "- {name: NATO, aliases: [], sector: IGO}\n",
        "countries.yaml": "- {code: GBR, name: United Kingdom, aliases: [Britain]}\n",
    })
    _write(verified / "people", {"people_x.yaml": """\
        - name: Ottoline Marsh
          aliases: [Marsh]
          terms:
            - {country: GBR, role: other, start: 2005-01-01, end: 2006-05-31}
        """})
    return actors.convert(source, verified)


def _person(result: actors.Result, name: str) -> dict[str, Any]:
    return next(p for p in result.people if p["name"] == name)


def test_names_in_natural_case_with_title_forms_folded(actor_result: actors.Result) -> None:
    person = _person(actor_result, "Aldous Pemberton")
    assert person["aliases"] == ["A. Pemberton"]  # "HOME_SECRETARY_ALDOUS_PEMBERTON_" folded
    assert person["titles"] == ["home secretary"]
    assert person["source"] == "phoenix"


def test_dates_with_century_rule_and_open_ranges(actor_result: actors.Result) -> None:
    terms = _person(actor_result, "Aldous Pemberton")["terms"]
    assert [(t["start"], t["end"]) for t in terms] == [
        (dt.date(1965, 1, 1), dt.date(1997, 5, 2)),   # YY 65 > 30: 19YY
        (dt.date(2003, 1, 1), dt.date(2004, 12, 31)),  # YY 03 <= 30: 20YY
        (dt.date(2010, 6, 1), None),                   # ">100601": open end
    ]
    assert terms[1] == {"country": "GBR", "sector": "GOV", "cameo": "GBRGOVEDU",
                        "start": dt.date(2003, 1, 1), "end": dt.date(2004, 12, 31)}
    assert "role" not in terms[1]  # CAMEO codes name sectors, not offices
    assert _person(actor_result, "Aldous Pemberton")["default"] == [
        {"country": "GBR", "sector": "ELI", "cameo": "GBRELI"}]


def test_eight_digit_before_and_bare_dates(actor_result: actors.Result) -> None:
    terms = _person(actor_result, "Gregor Vasquez")["terms"]
    assert [(t["country"], t["start"], t["end"]) for t in terms] == [
        ("FRA", dt.date(1927, 1, 1), dt.date(1969, 6, 20)),
        ("USA", None, dt.date(1999, 1, 15)),            # "<990115": no start
        ("DEU", dt.date(2004, 1, 1), None),              # a bare date is a start
    ]
    assert actor_result.counts["bad dates (restriction dropped)"] == 1  # 7-digit 9908223


def test_code_less_line_folds_into_the_next_entry(actor_result: actors.Result) -> None:
    person = _person(actor_result, "Marta Quillon")
    assert person["aliases"] == ["Marta Quillon Vega"]
    assert person["titles"] == ["president"]
    assert person["terms"][0]["start"] == dt.date(1990, 3, 11)


def test_organisations_places_and_roles(actor_result: actors.Result) -> None:
    orgs = {o["name"]: o for o in actor_result.organisations}
    assert orgs["Golden Lantern Brigade"]["aliases"] == ["GLB", "Lantern Brigade"]
    assert (orgs["Golden Lantern Brigade"]["sector"], orgs["Golden Lantern Brigade"]["country"]) \
        == ("REB", "GRC")
    assert orgs["Quiet Harbour Relief Fund"]["country"] == "USA"  # NGOUSADEV
    assert orgs["Lighthouse Keepers Union"]["sector"] == "CVL"   # LAB: workers
    assert all(o["source"] == "phoenix" for o in orgs.values())
    counts = actor_result.counts
    assert counts["skipped: place"] == 1     # NORTHERN_ZEMBLA_ [NOR]
    assert counts["skipped: role"] == 1      # UN_SPECIAL_ENVOY
    assert counts["skipped: uncoded"] == 1   # PHANTOM_PHRASE_


def test_igo_terms_name_the_organisation(actor_result: actors.Result) -> None:
    term = _person(actor_result, "Wilhelmina Toss")["terms"][0]
    assert term == {"org": "UNICEF", "sector": "IGO", "cameo": "IGOUNOKID",
                    "start": dt.date(2005, 1, 1), "end": dt.date(2009, 12, 31)}


def test_verified_people_win_and_go_to_the_clash_report(actor_result: actors.Result) -> None:
    assert "Ottoline Marsh" not in {p["name"] for p in actor_result.people}
    assert actor_result.clashes == [{"phoenix": "Ottoline Marsh",
                                     "verified": "Ottoline Marsh (people_x.yaml)",
                                     "shared_country": True,
                                     "at": "Phoenix.Countries.actors.txt:13"}]
    assert actor_result.counts["people"] == 4 and actor_result.counts["clashes"] == 1


def test_rendered_actor_files_load_and_carry_the_licence(actor_result: actors.Result) -> None:
    files = actors.render(actor_result)
    assert yaml.safe_load(files["people.yaml"]) == actor_result.people
    for text in files.values():
        assert "MIT" in text and "make import-dictionaries" in text


PLOVER_TXT = """\
# a made-up excerpt in the CAMEO2PLOVER format
03: AGREE
036: AGREE,  , diplomatic # Express intent to meet
04: CONSULT
042: CONSULT, visit,   # Make a visit
043: CONSULT, visit,   # Host a visit
05: SUPPORT
050: SUPPORT,   ,   diplomatic # Diplomatic cooperation
057: SUPPORT,  , diplomatic # Sign formal agreement
07: AID
073: AID,   ,   humanitarian # Humanitarian aid
08: CONCEDE
080: CONCEDE,   ,  # Yield
083: CONCEDE,   ,   political_institutions # Accede to reform
08: RETREAT
084: RETREAT,   ,  # Return, release
0841: RETREAT, release,   legal # Release persons
10: REQUEST
106: REQUEST, meet, diplomatic # Demand meeting
16: SANCTION
163: COERCE, restrict,   diplomatic # Impose sanctions
18: ASSAULT
186: ASSAULT, assassinate,    # Assassinate
19: ASSAULT
190: ASSAULT, , military # Conventional force
"""

CAMEO_TXT = """\
# a made-up excerpt in the CAMEO.2.0.txt format
&FRUIT
+APPLE
+CHERRY
+PASSION_FRUIT_

&SOFTLY_
+QUIETLY
+GENTLY

####### VERB PATTERNS #######

---  PUMMEL   [---]  ---
PUMMEL [190]
THWACK {THWACKS THWACKED THWACKING }
+HAUL_OFF {+HAULS_OFF +HAULED_OFF +HAULING_OFF}
RE_+SEIZE
- * &FRUIT                                  [073]         # THWACK
- * (TO {FRUIT MARKET})                     [042:043]     # PUMMEL
- &FRUIT * (WITH +)                         [:036]        # HAUL_OFF
- * {GRAPE EMBARGO}                         [163]
- * ENVOY                                   [186]         # THWACK, PUMMEL
- * &MELON                                  [190]
- * PLEA                                    [026]
- * REMARK                                  [012]
- * CONCESSION                              [083]
- * CAPTIVES                                [0841]
- *                                         [190]

---  AGREE   [050]  ---
CONCUR
- * (ON {SIDE DEAL})                        [050]
- * {TRADE PACT}                            [057]

---  BACK   [050]  ---
ENDORSE
- * PLAN                                    [050]

######## TRANSFORMATIONS ##########
~ a (a b THWACK) SAY = a b 015
"""

AGENTS_TXT = """\
!HUMAN! = MAN, MEN
LIGHTHOUSE!HUMAN! [~CVL]
HARBOUR_MASTER {HARBOUR_MASTERS} [~GOV]
COAST_GUARD {} [~MIL] # no plural
RELIEF_AGENCY [NGO~]
BEEKEEPER [~AGR}
"""

DISCARDS_TXT = """\
# made-up discards
+GRAND SLAM FINAL   # story level
CROQUET_
1066
"""

APPROVED_YAML = "violence:\n  reason: test\n  verbs: [pummel]\n"


@pytest.fixture(scope="module")
def verb_outputs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    tmp = tmp_path_factory.mktemp("verbs")
    source = _write(tmp, {"CAMEO.2.0.txt": CAMEO_TXT, "Phoenix.agents.txt": AGENTS_TXT,
                          "Phoenix.discards.txt": DISCARDS_TXT, "plover.txt": PLOVER_TXT,
                          "approved.yaml": APPROVED_YAML})
    outputs = verbs.convert(source, source / "plover.txt", source / "approved.yaml")
    loaded = {path.name: yaml.safe_load(text) for path, text in outputs.files.items()}
    return {**loaded, "counts": outputs.counts}


def _patterns(out: dict[str, Any], block: str) -> list[dict[str, Any]]:
    return out["cameo_verbs.yaml"]["blocks"][block]


def test_verbs_forms_and_multi_word_heads(verb_outputs: dict[str, Any]) -> None:
    lexicon = verb_outputs["cameo_verbs.yaml"]["verbs"]
    assert lexicon["thwack"]["forms"] == ["thwacks", "thwacked", "thwacking"]
    assert lexicon["haul off"]["head"] == "haul"
    assert lexicon["haul off"]["forms"] == ["hauls off", "hauled off", "hauling off"]
    assert lexicon["re seize"] == {"blocks": ["PUMMEL"], "head": "seize",
                                   "forms": ["re seizes", "re seized", "re seizing"]}


def test_defaults_dropped_unless_approved(verb_outputs: dict[str, Any]) -> None:
    lexicon = verb_outputs["cameo_verbs.yaml"]["verbs"]
    assert lexicon["pummel"]["default"] == {"code": "190", "type": "ASSAULT"}
    assert lexicon["pummel"]["approved"] == "violence"
    assert "default" not in lexicon["concur"] and lexicon["concur"]["dropped_default"] == "050"
    assert "default" not in lexicon["thwack"] and "dropped_default" not in lexicon["thwack"]
    assert verb_outputs["counts"]["patterns dropped: bare (a default in disguise)"] == 1


def test_synsets_expanded_with_plurals(verb_outputs: dict[str, Any]) -> None:
    synsets = verb_outputs["cameo_verbs.yaml"]["synsets"]
    assert synsets["FRUIT"] == ["apple", "apples", "cherry", "cherries", "passion fruit"]
    assert synsets["SOFTLY"] == ["quietly", "gently"]  # a label ending in '_': no plurals
    assert _patterns(verb_outputs, "PUMMEL")[0]["object"] == ["&FRUIT"]
    assert verb_outputs["counts"]["patterns dropped: undefined synset &MELON"] == 1


def test_pattern_records(verb_outputs: dict[str, Any]) -> None:
    patterns = _patterns(verb_outputs, "PUMMEL")
    assert patterns[0] == {"code": "073", "type": "AID", "object": ["&FRUIT"], "from": ["thwack"]}
    assert patterns[1] == {"code": "042", "type": "CONSULT", "mode": "visit",
                           "reverse": {"code": "043", "type": "CONSULT", "mode": "visit"},
                           "preps": [{"prep": "to", "object": ["fruit market"]}],
                           "from": ["pummel"]}
    assert patterns[2]["code"] is None and patterns[2]["reverse"]["code"] == "036"
    assert patterns[2]["subject"] == ["&FRUIT"] and patterns[2]["slots"] == ["target@with"]
    assert patterns[4]["from"] == ["thwack", "pummel"]


def test_plover_mapping_with_the_import_notes_fixes(verb_outputs: dict[str, Any]) -> None:
    by_object = {(p.get("object") or [""])[0]: p for p in _patterns(verb_outputs, "PUMMEL")}
    assert by_object["grape embargo"]["type"] == "SANCTION"           # 163: not COERCE
    assert by_object["envoy"]["mode"] == "targeted"                   # assassinate
    assert by_object["plea"] == {"code": "026", "type": "REQUEST", "mode": "meet",
                                 "kind": "appeal", "object": ["plea"]}   # 02 appeal
    assert by_object["remark"]["type"] is None                        # 01 statement
    assert by_object["concession"]["type"] == "CONCEDE"               # 08 root split
    assert by_object["captives"]["type"] == "RETREAT"
    assert by_object["captives"]["mode"] == "release"
    intent = _patterns(verb_outputs, "PUMMEL")[2]["reverse"]
    assert intent == {"code": "036", "type": "AGREE", "planned": "CONSULT"}  # 03 intent
    agree = _patterns(verb_outputs, "AGREE")
    assert [p["type"] for p in agree] == ["AGREE", "AGREE"]             # 050 in AGREE, 057
    assert _patterns(verb_outputs, "BACK")[0]["type"] == "SUPPORT"       # 050 elsewhere
    assert verb_outputs["counts"]["transformations (not imported)"] == 1


def test_agents_and_discards(verb_outputs: dict[str, Any]) -> None:
    agents = verb_outputs["agents.yaml"]["agents"]
    assert [a["text"] for a in agents] == ["lighthouseman", "lighthousemen", "harbour master",
                                           "coast guard", "relief agency", "beekeeper"]
    by_text = {a["text"]: a for a in agents}
    assert by_text["harbour master"]["plural"] == "harbour masters"
    assert "plural" not in by_text["coast guard"] and "plural" not in by_text["lighthouseman"]
    assert by_text["relief agency"] == {"text": "relief agency", "plural": "relief agencies",
                                        "cameo": "NGO", "sector": "NGO", "affix": "prefix"}
    assert by_text["beekeeper"]["sector"] == "CVL"
    discards = verb_outputs["phoenix_discards.yaml"]["discards"]
    assert discards == [
        {"text": "grand slam final", "scope": "story", "whole_word": False},
        {"text": "croquet", "scope": "sentence", "whole_word": True},
        {"text": "1066", "scope": "sentence", "whole_word": False, "kind": "year"},
    ]


def test_natural_case_and_yaml_writer() -> None:
    case = dictionary_import.natural_case
    assert case("BASHAR AL-ASSAD".split()) == "Bashar al-Assad"
    assert case("XI JINPING".split()) == "Xi Jinping"
    assert case("JOHN PAUL II".split()) == "John Paul II"
    assert case("SEAN O'NEILL MCKAY".split()) == "Sean O'Neill McKay"
    data = [{"name": "on", "terms": [{"start": dt.date(2001, 2, 3), "end": None}],
             "aliases": ["a: b", "x #y", "ok"]}]
    assert yaml.safe_load(dictionary_import.dump_yaml(data)) == data


# ------------------------------------------------------------ committed output = scripts(../shared)

@pytest.fixture(scope="module")
def shared_dictionaries() -> Path:
    folder = SHARED / "petrarch2-dictionaries"
    need(folder.exists() and (SHARED / "plover-gsr").exists(),
         f"{folder} is not there (the shared data sits beside the repo in CI)")
    return folder


def test_committed_actor_files_are_the_converters_output(shared_dictionaries: Path) -> None:
    result = actors.convert(shared_dictionaries, dictionary_import.DATA / "actors")
    for name, text in actors.render(result).items():
        assert (actors.OUT / name).read_text(encoding="utf-8") == text, (
            f"{name} differs from the converter's output: run make import-dictionaries")
    licence = (shared_dictionaries / "LICENSE").read_text()
    assert (actors.OUT / "LICENSE").read_text() == licence


def test_committed_lexicon_files_are_the_converters_output(shared_dictionaries: Path) -> None:
    outputs = verbs.convert(shared_dictionaries, SHARED / "plover-gsr" / "CAMEO2PLOVER-2021.txt",
                            verbs.APPROVED)
    for path, text in outputs.files.items():
        assert path.read_text(encoding="utf-8") == text, (
            f"{path.name} differs from the converter's output: run make import-dictionaries")
    licence = (shared_dictionaries / "LICENSE").read_text()
    assert (verbs.LEXICON / "CAMEO_LICENSE").read_text() == licence
