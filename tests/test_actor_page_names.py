"""An actor page looks up the names its words match once (``actor_counts.names_asked_once``)
for its profile, chart and list, and shows what it showed when each asked on its own."""

from __future__ import annotations

import contextlib
import random

import duckdb
import pytest
from stored import write_store
from test_counts import random_document

from diplograph.serve import actor_view
from diplograph.store import actor_counts
from diplograph.store.web_queries import Search

SEARCHES = [Search(min_confidence=0.5), Search()]


@pytest.fixture(scope="module")
def path(tmp_path_factory):
    rng = random.Random(31)
    return write_store(tmp_path_factory.mktemp("names") / "db.duckdb",
                       [random_document(rng, f"doc{i}", 1) for i in range(40)])


@pytest.fixture
def look_ups(monkeypatch) -> list[str]:
    """The words of every look-up of the names, in order."""
    asked: list[str] = []
    look_up = actor_counts._look_up_names

    def counted(con, words):
        asked.append(words)
        return look_up(con, words)

    monkeypatch.setattr(actor_counts, "_look_up_names", counted)
    return asked


@pytest.mark.parametrize("search", SEARCHES, ids=repr)
@pytest.mark.parametrize("actor", ["Mark Rutte", "Alexander Stubb"])
def test_a_person_page_looks_its_names_up_once(path, look_ups, monkeypatch, actor, search):
    with duckdb.connect(str(path), read_only=True) as con:
        page = actor_view.actor_page(con, actor, search)
        assert look_ups == [actor]
        assert page["identity"]["kind"] == "person" and page["events"]
        monkeypatch.setattr(actor_counts, "names_asked_once", contextlib.nullcontext)
        assert actor_view.actor_page(con, actor, search) == page
        assert look_ups.count(actor) == 4  # the page once, then profile, chart and list


def test_outside_a_page_every_question_looks_the_names_up(path, look_ups):
    with duckdb.connect(str(path), read_only=True) as con:
        first = actor_counts.profile_where(con, "Mark Rutte", Search())
        assert actor_counts.profile_where(con, "Mark Rutte", Search()) == first
    assert look_ups == ["Mark Rutte", "Mark Rutte"]


def test_each_connection_and_words_are_looked_up_on_their_own(path, look_ups):
    with duckdb.connect(str(path), read_only=True) as one, \
            duckdb.connect(str(path), read_only=True) as two, actor_counts.names_asked_once():
        for con in (one, two, one):
            for words in ("Mark Rutte", "Stubb", "Mark Rutte"):
                actor_counts.profile_where(con, words, Search())
    assert look_ups == ["Mark Rutte", "Stubb", "Mark Rutte", "Stubb"]
