"""Exports: Parquet, GDELT-like CSV and PLOVER JSON Lines."""

from __future__ import annotations

import csv
import json

import pyarrow.parquet as pq
import pytest
from stored import coded, write_store
from stored import event as stored_event
from typer.testing import CliRunner

from diplograph.cli import app
from diplograph.errors import UsageError
from diplograph.outputs.exports import (
    GDELT_COLUMNS,
    arrow_stream,
    cameo_code,
    export,
    gdelt_row,
    plover_incident,
    plover_record,
)
from diplograph.records import EVENT_TYPES, ActorRef, Event, EventDate, to_dict
from diplograph.store.store import Store

TRUMP = ActorRef(name="Donald Trump", country="USA", sector="GOV", kind="person", text="Trump")
PUTIN = ActorRef(name="Vladimir Putin", country="RUS", sector="GOV", kind="person", text="Putin")


TALK = "Trump spoke with Putin."


def event(i: str, status: str = "asserted", type_: str = "CONSULT",
          mode: str | None = "phone") -> Event:
    return stored_event(i, "doc", TALK, TRUMP, PUTIN, EventDate(value="2025-08", precision="month"),
                        type=type_, status=status, mode=mode, trigger="spoke")


@pytest.fixture()
def db(tmp_path):
    return write_store(tmp_path / "x.duckdb", [coded(
        "doc", TALK, [event("e1"), event("e2", status="planned", mode=None)], content_hash="h",
        published="2025-08-02", title="T", url="https://news.example/a")])


def test_every_type_has_a_cameo_root_and_score():
    for type_ in EVENT_TYPES:
        code = cameo_code(type_, None, "asserted")
        assert code.root.isdigit() and len(code.root) == 2 and -10 <= code.score <= 10


def test_planned_meeting_is_exported_as_agree():
    record = plover_record(to_dict(event("e2", status="planned")))
    assert (record["event"], record["mode"]) == ("AGREE", None)
    assert record["text_info"]["coded_type"] == "CONSULT"
    assert gdelt_row(to_dict(event("e2", status="planned")))["EventCode"] == "036"


def test_plover_record_uses_the_manual_field_names():
    record = plover_record(to_dict(event("e1")), {"url": "https://news.example/a"})
    assert {"id", "date", "actor", "recipient", "event", "mode", "context", "event_text", "text",
            "text_info"} <= set(record)
    assert record["actor"]["code"] == "USA" and record["recipient"]["actorText"] == "Putin"
    assert record["event_text"] == "spoke" and record["text_info"]["url"] == "https://news.example/a"


def test_gdelt_row():
    row = gdelt_row(to_dict(event("e1")), {"id": "inc_1", "n_events": 3, "n_sources": 2,
                                           "n_articles": 3})
    assert list(row) == list(GDELT_COLUMNS)
    assert (row["SQLDATE"], row["EventRootCode"], row["EventCode"], row["QuadClass"]) == (
        "20250800", "04", "041", 1)
    assert row["Actor1Code"] == "USAGOV" and row["NumSources"] == 2
    assert gdelt_row(to_dict(event("x", type_="ASSAULT", mode="aerial")))["EventRootCode"] == "19"


def test_export_all_formats(db, tmp_path):
    with Store(db, read_only=True) as store:
        written = export(store.con, tmp_path / "out", "parquet")
        assert pq.read_table(tmp_path / "out" / "events.parquet").num_rows == 2
        assert written[str(tmp_path / "out" / "incidents.parquet")] >= 1
        export(store.con, tmp_path / "out", "csv")
        export(store.con, tmp_path / "out", "plover-jsonl")
        with pytest.raises(UsageError):
            export(store.con, tmp_path / "out", "xml")
    rows = list(csv.DictReader((tmp_path / "out" / "events.csv").open()))
    assert {r["PloverType"] for r in rows} == {"CONSULT", "AGREE"}
    assert all(r["SOURCEURL"] == "https://news.example/a" for r in rows)
    lines = [json.loads(x) for x in (tmp_path / "out" / "events.plover.jsonl").open()]
    assert sorted(x["event"] for x in lines) == ["AGREE", "CONSULT"]


def test_cli_export_and_incidents(db, tmp_path):
    runner = CliRunner()
    res = runner.invoke(app, ["export", "--db", str(db), "--to", str(tmp_path / "cli"),
                              "--format", "plover-jsonl", "--actor", "RUS"])
    assert res.exit_code == 0, res.output
    assert (tmp_path / "cli" / "events.plover.jsonl").read_text().count("\n") == 2
    res = runner.invoke(app, ["incidents", "--db", str(db), "--type", "CONSULT"])
    assert res.exit_code == 0
    assert all(json.loads(line)["type"] == "CONSULT" for line in res.stdout.splitlines())
    res = runner.invoke(app, ["incidents", "--db", str(db), "--format", "table"])
    assert res.exit_code == 0 and "summary" in res.stdout


def test_a_streamed_file_comes_out_batch_by_batch_and_reads_back_whole():
    import io

    import pyarrow as pa
    import pyarrow.csv as pa_csv

    table = pa.table({"id": [f"e{i}" for i in range(2500)], "n": list(range(2500))})
    for fmt, read in (("parquet", pq.read_table), ("csv", pa_csv.read_csv)):
        reader = pa.RecordBatchReader.from_batches(table.schema, table.to_batches(1000))
        pieces = list(arrow_stream(reader, fmt))
        assert sum(bool(p) for p in pieces) >= 3, fmt  # one piece per batch, not one at the end
        assert read(io.BytesIO(b"".join(pieces))).to_pylist() == table.to_pylist(), fmt
    with pytest.raises(UsageError):
        list(arrow_stream(pa.RecordBatchReader.from_batches(table.schema, []), "xml"))


def test_an_incident_is_a_plover_record_with_its_reports(db):
    with Store(db, read_only=True) as store:
        incidents = [json.loads(r) for (r,) in store.con.execute(
            "SELECT record FROM incidents").fetchall()]
    fused = next(i for i in incidents if "e2" in i["event_ids"])
    record = plover_incident(fused)
    assert (record["event"], record["mode"]) == ("CONSULT", "phone")
    assert record["actor"]["name"] == "Donald Trump" and record["recipient"]["code"] == "RUS"
    assert record["text_info"]["event_ids"] == fused["event_ids"]
    assert record["text_info"]["weakest_status"] == "planned"  # one report only plans it
    planned_only = {**fused, "status": "planned", "mode": None}
    assert plover_incident(planned_only)["event"] == "AGREE"  # as PLOVER codes a plan
