"""A dyad's page read with its records already compact, as its JSON twin sends them: each
record the bytes Python's compact dump of the stored record makes (DuckDB's ``json()``
writes most of them; those it would spell apart are left to Python), and whether an event
is undated or a contact said to have happened, told without parsing the records."""

from __future__ import annotations

import json

import pytest
from stored import coded, event, write_store

from diplograph.records import ActorRef, EventDate
from diplograph.store import compact_records, profiles
from diplograph.store.connection import open_db
from diplograph.store.filters import EventFilter
from diplograph.store.web_queries import Search

RUTTE = ActorRef(name="Mark Rutte", country="NLD", kind="person", wikidata="Q57792")
STUBB = ActorRef(name="Alexander Stubb", country="FIN", kind="person")
DAY = EventDate(value="2025-10-20", precision="day")
UNDATED = EventDate(value=None, precision=None)
# Text and numbers DuckDB's json() writes apart from Python's json.dumps: a control
# character (Python "\u001f", DuckDB "\u001F") and numbers Python spells with an exponent.
ODD_TEXT = "Rutte met Stubb\x1f in Helsinki, «useful» talks 中"
PLAIN_TEXT = "Rutte phoned Stubb about the summit; the Finnish president called it «useful»."


def _events(doc_id: str) -> list:
    return [
        event(f"{doc_id}-e0", doc_id, PLAIN_TEXT, RUTTE, STUBB, DAY, factuality=0.25),
        event(f"{doc_id}-e1", doc_id, ODD_TEXT, STUBB, RUTTE, UNDATED, status="asserted",
              factuality=1e-05),
        event(f"{doc_id}-e2", doc_id, PLAIN_TEXT, RUTTE, STUBB, DAY, type="ACCUSE",
              factuality=-2.5e-07),
        event(f"{doc_id}-e3", doc_id, PLAIN_TEXT, STUBB, RUTTE, DAY, status="planned"),
    ]


@pytest.fixture(scope="module")
def con(tmp_path_factory):
    docs = [coded(f"d{i}", PLAIN_TEXT + " " + ODD_TEXT, _events(f"d{i}")) for i in range(3)]
    path = write_store(tmp_path_factory.mktemp("compact") / "db.duckdb", docs)
    opened = open_db(path, read_only=True)
    yield opened
    opened.close()


def _python_compact(record: str) -> str:
    return json.dumps(json.loads(record), ensure_ascii=False, separators=(",", ":"))


PAIRS = [("NLD", "FIN"), ("FIN", "NLD"), ("Mark Rutte", "Alexander Stubb")]
FILTERS = [Search(min_confidence=0.5), Search(min_confidence=0),
           Search(flt=EventFilter(status="asserted"))]


@pytest.mark.parametrize("a, b", PAIRS)
@pytest.mark.parametrize("flt", FILTERS)
def test_a_listed_page_is_the_stored_page_dumped_compactly(con, a, b, flt):
    stored = profiles.dyad_timeline_json(con, a, b, flt, limit=500)
    listed = profiles.dyad_listing(con, a, b, flt, limit=500)
    assert stored, "the fixture's dyad has events under this filter"
    assert [(ev.id, ev.record) for ev in listed] == stored
    for ev in listed:
        parsed = json.loads(ev.record)
        assert compact_records.compact_text(ev) == _python_compact(ev.record)
        assert ev.undated == (not (parsed.get("date") or {}).get("value"))
        assert ev.happened_contact == (parsed["type"] == "CONSULT"
                                       and parsed["status"] in ("asserted", "reported",
                                                                "unconfirmed"))


@pytest.mark.parametrize("a, b", PAIRS)
def test_a_listed_page_pages_as_the_stored_one(con, a, b):
    flt = Search(min_confidence=0)
    first = profiles.dyad_listing(con, a, b, flt, limit=5)
    rest = profiles.dyad_listing(con, a, b, flt, limit=500, after=first[-1].id)
    assert [ev.id for ev in first + rest] == [
        row_id for row_id, _ in profiles.dyad_timeline_json(con, a, b, flt, limit=500)]


def test_records_duckdb_would_spell_apart_are_left_to_python(con):
    listed = profiles.dyad_listing(con, "NLD", "FIN", Search(min_confidence=0), limit=500)
    by_kind = {ev.id.split("-")[1]: ev for ev in listed}
    assert by_kind["e1"].compact is None and by_kind["e2"].compact is None
    assert by_kind["e0"].compact is not None and by_kind["e3"].compact is not None
    odd = compact_records.compact_text(by_kind["e1"])
    assert "\\u001f" in odd and "1e-05" in odd
