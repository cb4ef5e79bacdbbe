"""Streaming listings and exports: the same bytes as writing the whole list at once,
whatever the chunk size."""

from __future__ import annotations

import io

import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from diplograph import records as rec
from diplograph.cli import app
from diplograph.outputs.exports import export
from diplograph.outputs.formats import EVENT_COLUMNS, WRITERS
from diplograph.store import ordered, queries
from diplograph.store.connection import limit_memory
from diplograph.store.incidents import INCIDENT_COLUMNS
from diplograph.store.store import Store
from diplograph.store.web_queries import SORTS, order_by

ERDOGAN = rec.ActorRef(name="Recep Tayyip Erdogan", country="TUR", kind="person",
                       role="head of state", text="Erdogan")
ALIYEV = rec.ActorRef(name="Ilham Aliyev", country="AZE", kind="person", role="head of state",
                      text="Aliyev")
TEXT = "Erdogan hosted Aliyev in Ankara on Monday; later he criticised Aliyev's critics."
SENTENCES = [  # (type, date, evidence span) of each event, written for this test
    ("CONSULT", "2024-06-03", (0, 36)), ("ACCUSE", "2024-06-03", (47, 81)),
    ("CONSULT", "2024-06", (0, 36)), ("CONSULT", None, (0, 21)),
]


def report(doc_id: str, n: int, published: str) -> rec.DocumentResult:
    article = rec.Article(doc_id=doc_id, article_index=0, title=f"Report {doc_id}", text=TEXT,
                          published=rec.PublishedDate(value=published, precision="day"),
                          url=f"https://{doc_id}.example/ankara")
    events = [rec.Event(id=f"{doc_id}-{i}", doc_id=doc_id, article_index=0, type=type_,
                        mode=None, source=ERDOGAN, target=ALIYEV, status="reported",
                        date=rec.EventDate(value=date, precision="day" if date else "unknown"),
                        evidence=rec.Evidence(text=TEXT[a:b], start=a, end=b), confidence=0.7)
              for i, (type_, date, (a, b)) in enumerate(SENTENCES[:n])]
    document = rec.Document(doc_id=doc_id, kind="text", content=TEXT, content_hash=doc_id)
    return rec.DocumentResult(document, [article], events)


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    """Written once for the module (a new database and three writes cost half a second of
    CPU, 37 times before); every test opens it read-only."""
    path = tmp_path_factory.mktemp("streaming") / "ankara.duckdb"
    with Store(path) as store:
        store.write([report("wire", 4, "2024-06-04"), report("daily", 2, "2024-06-03")])
        store.write([report("weekly", 3, "2024-06-08")])
    return path


@pytest.mark.parametrize("table, columns", [("events", EVENT_COLUMNS),
                                            ("incidents", INCIDENT_COLUMNS)])
@pytest.mark.parametrize("args", [["--format", "jsonl"], ["--format", "csv"],
                                  ["--format", "table"], ["--format", "table", "--wide"]])
def test_cli_listing_streams_the_bytes_of_the_whole_list(db, monkeypatch, table, columns, args):
    with Store(db, read_only=True) as store:
        whole = queries.listing(store.con, table)
    expected = io.StringIO()
    fmt = args[1]
    if fmt == "jsonl":
        WRITERS[fmt](whole, expected)
    elif fmt == "csv":
        WRITERS[fmt](whole, expected, columns)
    else:
        WRITERS[fmt](whole, expected, columns, width=None if "--wide" in args else 120)
    monkeypatch.setattr(queries, "STREAM_CHUNK", 1)  # a chunk per row
    res = CliRunner().invoke(app, [table, "--db", str(db), *args])
    assert res.exit_code == 0, res.output
    assert res.stdout_bytes.decode() == expected.getvalue() and len(whole) > 1


def _exported(db, out, fmt: str) -> dict[str, bytes]:
    with Store(db, read_only=True) as store:
        written = export(store.con, out, fmt)
    return {path: open(path, "rb").read() for path in written}


@pytest.mark.parametrize("fmt", ["csv", "plover-jsonl"])
def test_exports_do_not_depend_on_the_chunk_size(db, tmp_path, monkeypatch, fmt):
    whole = _exported(db, tmp_path / "whole", fmt)
    monkeypatch.setattr(queries, "STREAM_CHUNK", 1)
    chunked = _exported(db, tmp_path / "chunked", fmt)
    assert list(chunked.values()) == list(whole.values())
    assert b"https://wire.example/ankara" in next(iter(chunked.values()))


def test_parquet_export_in_batches_keeps_every_row_and_the_schema(db, tmp_path, monkeypatch):
    monkeypatch.setattr(queries, "STREAM_CHUNK", 1)  # record batches of 8 rows
    with Store(db, read_only=True) as store:
        export(store.con, tmp_path, "parquet")
        for table in queries.STORE_TABLES:
            stored = store.con.sql(f"SELECT * FROM {table}").to_arrow_table()
            if table == "events":  # what the store keeps for its queries, not an export's
                stored = stored.drop_columns(["listing_key", "incident_id"])
            assert pq.read_table(tmp_path / f"{table}.parquet").equals(stored), table
    assert pq.ParquetFile(tmp_path / "actors.parquet").metadata.num_row_groups > 1


def test_limit_memory_bounds_duckdb(db):
    with Store(db, read_only=True) as store:
        limit_memory(store.con, "300MB")
        [(limit,)] = store.con.execute("SELECT current_setting('memory_limit')").fetchall()
    assert limit == "286.1 MiB"  # 300 MB as DuckDB shows it


@pytest.mark.parametrize("table, sort", [
    *[("events", s) for s in (None, *SORTS, "confidence", "-confidence")],
    *[("incidents", s) for s in (None, *SORTS)]])
def test_a_list_read_a_row_at_a_time_keeps_the_order_of_one_sort(db, table, sort):
    order = order_by(table, sort)  # NULL dates, equal names and ties: the keyset's hard cases
    with Store(db, read_only=True) as store:
        whole = queries.listing(store.con, table, order=order)
        paged = list(queries.iter_listing(store.con, table, order=order, chunk=1))
        in_context = [e["id"] for e, _, _ in queries.events_in_context(store.con, order=order,
                                                                       chunk=2)]
    assert [r["id"] for r in paged] == [r["id"] for r in whole] and len(whole) >= 2
    if table == "events":
        assert in_context == [r["id"] for r in whole]


def test_a_page_is_a_top_n_never_a_sort_of_the_whole_table(db):
    """DuckDB keeps ``rows`` rows per page (a top-N), whatever the table's size."""
    with Store(db, read_only=True) as store:
        where, params = queries.NO_FILTER.where("events")
        captured = []
        pages = ordered.pages(store.con, "events", where, params, queries.EVENT_ORDER,
                              columns="record", rows=2,
                              around=lambda page, _: captured.append(page) or page)
        assert sum(page.num_rows for page in pages) == queries.count(store.con, "events")
        plan = store.con.execute("EXPLAIN " + captured[0], params).fetchall()[0][1]
    # A top-N of the order's columns (then the page's rows fetched by rowid and put in order).
    assert "Top N" in plan and "Top: 2" in plan, plan
