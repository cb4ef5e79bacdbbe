"""Actors named by what the text says of them (issue 15): civil society, media and firms
from the knowledge files of ``data/actors/organisations/``, a body named in the possessive,
and unknown people whose title or appositive gives their sector and state. Sentences of our
own; the tables of real mentions are in test_actor_tables.py."""

from __future__ import annotations

import datetime as dt

import pytest

from diplograph.coding.actors import ActorResolver
from diplograph.knowledge.base import load_knowledge_base


@pytest.fixture(scope="module")
def resolver(actor_resolver) -> ActorResolver:
    return actor_resolver  # the session's (read-only); a new one costs 0.7 s of CPU


def _actors(resolver: ActorResolver, text: str, when: str, home: str | None = None):
    doc = resolver.nlp(text)
    mentions = resolver.find_mentions(doc, when=dt.date.fromisoformat(when), home_country=home)
    return {m.actor.text: (m.actor.name, m.actor.country, m.actor.sector) for m in mentions}


def test_the_organisation_files_are_loaded_with_their_sectors() -> None:
    orgs = load_knowledge_base().organisations
    assert (orgs["TUC"].country, orgs["TUC"].sector) == ("GBR", "LAB")
    assert (orgs["Heritage Foundation"].country, orgs["Heritage Foundation"].sector) \
        == ("USA", "NGO")
    assert (orgs["Xinhua"].country, orgs["Xinhua"].sector) == ("CHN", "JRN")
    assert (orgs["Gazprom"].country, orgs["Gazprom"].sector) == ("RUS", "BUS")


def test_unions_lobbies_and_papers_are_actors_of_their_state(resolver: ActorResolver) -> None:
    found = _actors(resolver, "The TUC and the British Chambers of Commerce told the "
                    "Guardian newspaper that Lockheed Martin had lobbied ministers.",
                    "2005-03-01", "GBR")
    assert found["The TUC"] == ("TUC", "GBR", "LAB")
    assert found["the British Chambers of Commerce"] == ("British Chambers of Commerce",
                                                          "GBR", "BUS")
    assert found["Lockheed Martin"] == ("Lockheed Martin", "USA", "BUS")


def test_a_one_word_title_needs_its_article(resolver: ActorResolver) -> None:
    # "The Sun" the paper, but not the word "Sun" nor "Times" in "Times have changed".
    found = _actors(resolver, "The Sun said Sun Weidong was right; times have changed, "
                    "and Times Square was full.", "2005-03-01", "GBR")
    assert found.get("The Sun") == ("The Sun", "GBR", "JRN")
    assert "Times" not in found and "Times Square" not in found


def test_a_body_named_in_the_possessive_is_the_body(resolver: ActorResolver) -> None:
    found = _actors(resolver, "Judges upheld the Home Office's powers to hold the men.",
                    "2005-03-01", "GBR")
    assert found["the Home Office"][1:] == ("GBR", "GOV")


def test_an_unknown_person_takes_sector_and_state_from_the_title(
        resolver: ActorResolver) -> None:
    found = _actors(resolver, "Gazprom chief executive Ivan Petrovsky said exports would "
                    "grow. The paper's economics correspondent, Jane Holt, doubted it.",
                    "2005-03-01", "GBR")
    assert found["Gazprom chief executive Ivan Petrovsky"] == ("Ivan Petrovsky", "RUS", "BUS")
    holt = next(v for k, v in found.items() if "Jane Holt" in k)
    assert holt[0] == "Jane Holt" and holt[2] == "JRN"


def test_an_appositive_office_gives_an_unknown_person_state_and_sector(
        resolver: ActorResolver) -> None:
    found = _actors(resolver, "Sir Alan Pike, CBI director general, welcomed the Budget.",
                    "2005-03-01", "GBR")
    assert found["Sir Alan Pike"] == ("Alan Pike", "GBR", "BUS")


def test_a_metonym_that_owns_something_is_no_place(resolver: ActorResolver) -> None:
    found = _actors(resolver, "The firm fell victim to the Kremlin's wish to control energy, "
                    "and talks in Moscow failed.", "2005-03-01", "RUS")
    assert found["the Kremlin"][1:] == ("RUS", "GOV")
    assert "Moscow" not in found


def test_a_people_counted_is_civilians_and_uncounted_its_state(
        resolver: ActorResolver) -> None:
    found = _actors(resolver, "The Dutch refused the offer, but many Belgians welcomed it and "
                    "thousands of Danes marched; three Swedes were held.", "2005-03-01")
    assert found["The Dutch"][1:] == ("NLD", "GOV")
    assert found["Belgians"][1:] == ("BEL", "CVL")
    assert found["Danes"][1:] == ("DNK", "CVL")
    assert found["Swedes"][1:] == ("SWE", "CVL")


def test_a_calling_with_no_state_named_is_the_story_s_state(resolver: ActorResolver) -> None:
    found = _actors(resolver, "Green candidate Ruth Alder and Judge Omar Pike spoke.",
                    "2016-03-01", "USA")
    alder = next(v for k, v in found.items() if "Ruth Alder" in k)
    assert alder == ("Ruth Alder", "USA", "ELI")
    assert found["Judge Omar Pike"] == ("Omar Pike", "USA", "JUD")


def test_a_name_inside_a_longer_entity_is_read_whole_or_not_at_all(
        resolver: ActorResolver) -> None:
    found = _actors(resolver, "The independent Institute for Fiscal Studies (IFS) and The "
                    "Washington Post doubted it; Moscow State University did not.",
                    "2005-03-01", "GBR")
    assert found["The independent Institute for Fiscal Studies"] \
        == ("Institute for Fiscal Studies", "GBR", "NGO")
    assert found["The Washington Post"] == ("The Washington Post", "USA", "JRN")
    assert not any("Moscow" in text for text in found)


def test_a_state_owning_a_place_one_visits_is_a_place(resolver: ActorResolver) -> None:
    found = _actors(resolver, "The minister visited Ghana's biggest port.", "2005-03-01",
                    "GBR")
    assert "Ghana" not in found


def test_public_bodies_below_the_government_keep_their_sector(
        resolver: ActorResolver) -> None:
    found = _actors(resolver, "The Scottish Executive asked the Bank of England and the "
                    "Crown Prosecution Service for advice.", "2005-03-01", "GBR")
    assert found["The Scottish Executive"] == ("Scottish Executive", "GBR", "GOV")
    assert found["the Bank of England"] == ("Bank of England", "GBR", "GOV")
    assert found["the Crown Prosecution Service"] == ("Crown Prosecution Service", "GBR",
                                                       "JUD")


def test_an_unknown_person_takes_state_and_sector_from_the_body_they_work_for(
        resolver: ActorResolver) -> None:
    found = _actors(resolver, "Mary Quill, director of the pressure group Liberty, said no. "
                    "Tom Reyes, from Human Rights Watch, said the law was wrong. Ann Lowe, "
                    "an expert at the Brookings Institution, disagreed.", "2005-03-01", "GBR")
    assert found["Mary Quill"] == ("Mary Quill", "GBR", "NGO")
    assert found["Tom Reyes"] == ("Tom Reyes", None, "NGO")
    assert found["Ann Lowe"] == ("Ann Lowe", "USA", None)  # an expert there: its state only
