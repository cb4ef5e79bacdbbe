"""The started server's own objects (modules, routes, templates, the snapshot) are left out
of Python's full collections while it serves, so that one never walks them all inside a
request (at 1M events such a collection added 50-60 ms of CPU to whichever request set it
off); they are handed back to the collector when the server stops."""

from __future__ import annotations

import gc

from needs import need_module
from stored import coded, event, write_store

from diplograph.records import ActorRef, EventDate

RUTTE = ActorRef(name="Mark Rutte", country="NLD", kind="person")
STUBB = ActorRef(name="Alexander Stubb", country="FIN", kind="person")


def test_a_serving_app_keeps_its_startup_objects_out_of_full_collections(tmp_path):
    need_module("fastapi", "the web extra is not installed")
    from fastapi.testclient import TestClient

    from diplograph.serve import WebSettings, create_app

    text = "Rutte phoned Stubb about the summit."
    db = write_store(tmp_path / "db.duckdb", [coded("d0", text, [event(
        "d0-e0", "d0", text, RUTTE, STUBB, EventDate(value="2025-10-20", precision="day"))])])
    app = create_app(WebSettings(db=db, refresh_s=3600))
    assert gc.get_freeze_count() == 0
    with TestClient(app) as client:
        assert client.get("/dyad.json?a=NLD&b=FIN").status_code == 200
        assert gc.get_freeze_count() > 10_000  # the imported app, not only a few objects
        gc.collect()  # a full collection inside a request's life still works
        assert client.get("/dyad.json?a=NLD&b=FIN").json()["count"] == 1
    app.state.snapshots.close()
    assert gc.get_freeze_count() == 0
