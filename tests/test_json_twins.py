"""A page's JSON twin sends its data as the bytes FastAPI would have made of it, without
FastAPI's walk over every value; data JSON cannot hold as it is still goes through FastAPI."""

from __future__ import annotations

import datetime as dt

import pytest
from needs import need_module
from stored import coded, event, write_store

from diplograph.records import ActorRef, EventDate

RUTTE = ActorRef(name="Mark Rutte", country="NLD", kind="person", wikidata="Q57792")
STUBB = ActorRef(name="Alexander Stubb", country="FIN", kind="person")
LISTING = ["/events.json", "/dyad.json?a=NLD&b=FIN", "/actors/Q57792.json",
           "/actors/Mark%20Rutte.json"]  # the evidence, non-ASCII quotes and all, as it is
TWINS = [*LISTING, "/index.json", "/network.json", "/actors/NLD.json", "/map.json"]


def _served(folder, docs):
    """A test client of the app serving a database of ``docs`` written in ``folder``."""
    need_module("fastapi", "the web extra is not installed")
    from fastapi.testclient import TestClient

    from diplograph.serve import WebSettings, create_app

    app = create_app(WebSettings(db=write_store(folder / "db.duckdb", docs), refresh_s=3600))
    with TestClient(app) as test_client:
        yield test_client
    app.state.snapshots.close()


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    text = "Rutte phoned Stubb about the summit; the Finnish president called it «useful»."
    docs = [coded(f"d{i}", text, [event(f"d{i}-e0", f"d{i}", text, RUTTE, STUBB,
                                        EventDate(value=f"2025-1{i}-20", precision="day"))])
            for i in range(3)]
    yield from _served(tmp_path_factory.mktemp("twins"), docs)


@pytest.mark.parametrize("url", TWINS)
def test_a_twin_sends_what_fastapi_would_have_sent(client, url):
    from fastapi.encoders import jsonable_encoder
    from fastapi.responses import JSONResponse

    answer = client.get(url)
    assert answer.status_code == 200 and answer.headers["content-type"] == "application/json"
    assert answer.content == JSONResponse(jsonable_encoder(answer.json())).body
    assert ("«useful»" in answer.text) == (url in LISTING)


def test_data_json_cannot_hold_goes_through_fastapi():
    need_module("fastapi", "the web extra is not installed")
    from diplograph.serve.routes.pages import _sent_as_json

    dated = {"day": dt.date(2025, 12, 20), "ids": {"a"}}
    assert _sent_as_json(lambda **kwargs: dated)() is dated  # FastAPI converts it
    plain = _sent_as_json(lambda **kwargs: {"n": 1, "name": "Åland"})()
    assert plain.body == '{"n":1,"name":"Åland"}'.encode()
    assert plain.media_type == "application/json"


# Records DuckDB's json() would write apart from Python (a control character, numbers
# spelt with an exponent), one undated: the dyad's twin still sends FastAPI's bytes.
ODD_TEXT = "Rutte met Stubb\x1f in Helsinki; «useful» talks 中"
ODD_DYADS = ["/dyad.json?a=NLD&b=FIN&min_confidence=0", "/dyad.json?a=FIN&b=NLD",
             "/dyad.json?a=Mark%20Rutte&b=Alexander%20Stubb&min_confidence=0"]


@pytest.fixture(scope="module")
def odd_client(tmp_path_factory):
    day = EventDate(value="2025-10-20", precision="day")
    docs = [coded(f"d{i}", ODD_TEXT, [
        event(f"d{i}-e0", f"d{i}", ODD_TEXT, RUTTE, STUBB, day, factuality=1e-05),
        event(f"d{i}-e1", f"d{i}", ODD_TEXT, STUBB, RUTTE, EventDate(value=None, precision=None),
              status="asserted", factuality=0.5),
        event(f"d{i}-e2", f"d{i}", ODD_TEXT, RUTTE, STUBB, day, type="ACCUSE",
              factuality=-2.5e-07, confidence=0.3)]) for i in range(2)]
    yield from _served(tmp_path_factory.mktemp("odd"), docs)


@pytest.mark.parametrize("url", ODD_DYADS)
def test_a_dyad_twin_of_oddly_spelt_records_sends_what_fastapi_would_have_sent(odd_client,
                                                                               url):
    from fastapi.encoders import jsonable_encoder
    from fastapi.responses import JSONResponse

    answer = odd_client.get(url)
    assert answer.status_code == 200
    assert answer.content == JSONResponse(jsonable_encoder(answer.json())).body
    data = answer.json()
    assert data["undated"] == 2 and data["undated_contacts"] == 2
    assert "\\u001f" in answer.text and len(data["events"]) == data["count"]


def test_the_dyad_page_of_oddly_spelt_records_lists_them(odd_client):
    page = odd_client.get("/dyad?a=NLD&b=FIN&min_confidence=0")
    assert page.status_code == 200
    assert 'data-undated="2"' in page.text and page.text.count('class="event-link"') >= 6
