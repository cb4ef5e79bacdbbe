"""Tests for diplograph.coding.places: the offline gazetteer and event locations (issue #9)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from diplograph.coding.parse import load_nlp
from diplograph.coding.places import VENUES_FILE, Gazetteer, event_location, normalize
from diplograph.errors import KnowledgeError

CASES_FILE = Path(__file__).parent / "data" / "location_cases.yaml"
CASES = yaml.safe_load(CASES_FILE.read_text(encoding="utf-8"))["cases"]


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer()


@pytest.fixture(scope="module")
def nlp():
    return load_nlp()


def _locate(case: dict, nlp, gaz: Gazetteer):
    doc = nlp(case["text"])
    trigger = [t for t in doc if t.text == case["trigger"]][case.get("trigger_n", 0)]
    return event_location(trigger.sent, trigger, event_type=case["type"], mode=case["mode"],
                          actor_countries=case["actors"], dateline=case["dateline"],
                          dateline_applies=case["dateline_applies"], gazetteer=gaz)


def _right(expected: dict | None, found) -> bool:
    if expected is None or found is None:
        return expected is None and found is None
    return (normalize(expected["name"]) == normalize(found.name or "")
            and (expected["country"], expected["precision"]) == (found.country, found.precision))


# --- the gazetteer ---------------------------------------------------------------

def test_normalize_folds_case_accents_articles_and_saint():
    assert normalize("the Élysée Palace") == "elysee palace"
    assert normalize("ST. PETERSBURG") == normalize("Saint Petersburg") == "saint petersburg"
    assert normalize("Washington, D.C.") == "washington dc"


def test_venue_resolves_with_coordinates(gaz):
    loc = gaz.resolve("the Kremlin")
    assert (loc.name, loc.country, loc.precision) == ("Kremlin", "RUS", "venue")
    assert (loc.lat == pytest.approx(55.752, abs=0.01)
            and loc.lon == pytest.approx(37.6175, abs=0.01))
    assert gaz.resolve("Élysée Palace").name == "Elysee Palace"


def test_city_country_and_us_state(gaz):
    paris = gaz.resolve("Paris")
    assert (paris.country, paris.precision, paris.geonameid) == ("FRA", "city", 2988507)
    assert gaz.resolve("Ukraine").precision == "country"
    alaska = gaz.resolve("Alaska")
    assert (alaska.country, alaska.admin1, alaska.precision) == ("USA", "Alaska", "admin1")
    # A small foreign city does not beat a US state; a big city does.
    assert gaz.resolve("Florida").precision == "admin1"
    assert gaz.resolve("New York").precision == "city"


def test_aliases_of_countries_and_cities(gaz):
    assert gaz.resolve("Britain").country == "GBR"
    assert gaz.resolve("U.S.").country == "USA"
    assert gaz.resolve("Kiev").name == "Kyiv"


@pytest.mark.parametrize(("name", "context", "country"), [
    ("Birmingham", ("USA",), "USA"),
    ("Birmingham", (), "GBR"),
    ("Paris", ("USA",), "FRA"),  # Paris, Texas is too small beside Paris
    ("Geneva", ("USA", "RUS"), "CHE"),
    ("Moscow", ("USA",), "RUS"),  # a capital is never overridden by context
    ("Georgia", (), "GEO"),
    ("Georgia", ("USA",), "USA"),
])
def test_namesakes_resolved_by_context_then_population(gaz, name, context, country):
    assert gaz.resolve(name, context_countries=context).country == country


def test_qualified_names(gaz):
    loc = gaz.resolve("ST. PETERSBURG, Russia")
    assert (loc.name, loc.country) == ("Saint Petersburg", "RUS")
    assert gaz.resolve("Paris, Texas").country == "USA"
    assert gaz.resolve("Anchorage, Alaska").admin1 == "Alaska"
    # The head is too small for the gazetteer: the qualifier the text gives is kept.
    palm = gaz.resolve("Palm Beach, Florida")
    assert (palm.name, palm.precision) == ("Florida", "admin1")


def test_unknown_place_kept_as_text_without_coordinates(gaz):
    loc = gaz.resolve("Zvornikovo")
    assert (loc.name, loc.text, loc.precision) == ("Zvornikovo", "Zvornikovo", "unknown")
    assert loc.lat is None and loc.country is None


def test_not_places(gaz):
    assert gaz.is_not_place("Air Force One")
    assert gaz.is_not_place("the West")
    assert not gaz.is_not_place("Geneva")


def test_extra_venue_file(tmp_path):
    extra = tmp_path / "venues.yaml"
    extra.write_text("venues:\n  - {name: Test Hall, aliases: [the test hall], country: FRA,"
                     " admin1: null, lat: 48.0, lon: 2.0, geonameid: null, precision: venue}\n")
    loc = Gazetteer(extra_venue_files=[extra]).resolve("The Test Hall")
    assert (loc.name, loc.country, loc.precision) == ("Test Hall", "FRA", "venue")


def test_malformed_venue_file_raises_knowledge_error(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("venues:\n  - {name: No Coordinates, country: FRA}\n")
    with pytest.raises(KnowledgeError):
        Gazetteer(extra_venue_files=[bad])


def test_venue_table_is_large_and_sane(gaz):
    venues = yaml.safe_load(VENUES_FILE.read_text(encoding="utf-8"))["venues"]
    assert len(venues) >= 80
    owner: dict[str, str] = {}
    for venue in venues:
        for alias in {normalize(a) for a in [venue["name"], *venue["aliases"]]}:
            assert owner.setdefault(alias, venue["name"]) == venue["name"], f"{alias} twice"
    for venue in venues:
        assert -90 <= venue["lat"] <= 90 and -180 <= venue["lon"] <= 180, venue["name"]
        assert venue["precision"] in ("venue", "city", "admin1", "country")
        assert gaz.country(venue["country"]) is not None, venue["country"]


# --- event locations ---------------------------------------------------------------

def test_case_table_covers_every_rule():
    assert len(CASES) >= 60
    assert {"pp", "venue", "visit", "dateline", "other", "none"} <= {c["rule"] for c in CASES}


@pytest.mark.parametrize("case", [c for c in CASES if c["expected"] is None],
                         ids=lambda c: c["id"])
def test_no_location_where_text_gives_none(case, nlp, gaz):
    assert _locate(case, nlp, gaz) is None


def test_case_table_accuracy(nlp, gaz):
    misses = [c["id"] for c in CASES if not _right(c["expected"], _locate(c, nlp, gaz))]
    accuracy = 1 - len(misses) / len(CASES)
    assert accuracy >= 0.9, misses


def test_trigger_outside_sentence_is_a_caller_error(nlp, gaz):
    doc = nlp("Macron met Trump in Paris. Putin spoke later.")
    first, second = list(doc.sents)
    with pytest.raises(ValueError):
        event_location(first, second[0], event_type="CONSULT", mode=None, actor_countries=[],
                       dateline=None, dateline_applies=False, gazetteer=gaz)
