"""The engines agree: local ingest == Ray (2-CPU local cluster) → Parquet → load."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pyarrow.parquet as pq
import pytest
from needs import need_module

from diplograph.errors import UsageError
from diplograph.records import KnownSources
from diplograph.run.ingest import ingest_with_engine
from diplograph.run.parquet import (
    TABLES,
    iter_partitions,
    load_parquet,
    store_schema,
    write_partition,
)
from diplograph.run.pipeline import iter_results
from diplograph.settings import Settings
from diplograph.store.store import Store

COMPARED = ("documents", "articles", "events", "actors", "quotes", "incidents", "incident_events")


def dump(db: Path) -> dict[str, list[tuple]]:
    """Every row of every table (minus the ingest timestamp), sorted: equal DBs, equal dumps."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        out = {}
        for table in COMPARED:
            described = con.execute(f"DESCRIBE {table}").fetchall()
            cols = [c[0] for c in described if c[0] != "ingested_at"]
            rows = con.execute(f"SELECT {', '.join(cols)} FROM {table}").fetchall()
            out[table] = sorted(rows, key=repr)
        return out
    finally:
        con.close()


def assert_same_db(a: Path, b: Path) -> None:
    da, db_ = dump(a), dump(b)
    for table in COMPARED:
        assert da[table] == db_[table], f"table {table} differs"


@pytest.fixture(scope="module")
def local_db(sample_db) -> Path:
    """The local engine's database of the sample: the session's (the same ingest, with
    default settings; every test here only reads it), not a second ingest of its own."""
    con = duckdb.connect(str(sample_db), read_only=True)
    try:
        documents, events = (con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
                             for table in ("documents", "events"))
    finally:
        con.close()
    assert documents > 0 and events > 0
    return sample_db


def test_partitions_have_the_store_schema_and_load_to_the_same_db(tmp_path, sample_dir, local_db,
                                                                  article_coder):
    settings = Settings(batch_size=4)
    results = [r for r in iter_results([str(sample_dir)], settings, coder=article_coder)
               if hasattr(r, "events")]
    for i in range(0, len(results), settings.batch_size):
        write_partition(results[i:i + settings.batch_size], tmp_path / "out")
    for table in TABLES:
        for part in (tmp_path / "out" / table).glob("*.parquet"):
            assert pq.read_schema(part).remove_metadata() == store_schema(table)
    assert sum(len(p) for p in iter_partitions(tmp_path / "out")) == len(results)
    loaded = load_parquet(tmp_path / "out", tmp_path / "p.duckdb", settings=settings)
    assert loaded.documents == len(results)
    assert_same_db(local_db, tmp_path / "p.duckdb")
    again = load_parquet(tmp_path / "out", tmp_path / "p.duckdb", settings=settings)
    assert (again.documents, again.unchanged) == (0, len(results))


def test_engine_options_are_checked(tmp_path):
    with pytest.raises(UsageError):
        ingest_with_engine(["x"], db=None, engine="ray", out=None)
    with pytest.raises(UsageError):
        ingest_with_engine(["x"], db=tmp_path / "x.duckdb", from_parquet=tmp_path)
    with pytest.raises(UsageError):
        ingest_with_engine([], db=tmp_path / "x.duckdb")


@pytest.mark.ray
def test_ray_engine_gives_the_same_database_as_the_local_one(tmp_path, sample_dir, local_db):
    need_module("ray", "needs the ray extra: pip install 'diplograph[ray]'")
    from diplograph.run.ray import run_ray

    settings = Settings(batch_size=3)  # several partitions, spread over both actors
    summary = run_ray([str(sample_dir)], tmp_path / "out", settings=settings, workers=2)
    assert summary.failed == 0 and summary.documents > 0
    assert len(list((tmp_path / "out" / "documents").glob("*.parquet"))) > 1
    load_parquet(tmp_path / "out", tmp_path / "ray.duckdb", settings=settings)
    assert_same_db(local_db, tmp_path / "ray.duckdb")


def test_partitions_never_replace_another_source_s_document(tmp_path, sample_dir, article_coder):
    text = (sample_dir / "001_carney_zelenskyy_call.txt").read_text(encoding="utf-8")
    for folder, body in (("a", text), ("b", text + "\n\nA later paragraph was added.")):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "story.txt").write_text(body, encoding="utf-8")
    settings, db = Settings(), tmp_path / "x.duckdb"
    with Store(db) as store:  # the database holds a/story.txt as "story"
        store.write([r for r in iter_results([str(tmp_path / "a")], settings, coder=article_coder)])

    def partition_of_b(out: Path, known: KnownSources | None) -> None:
        write_partition([r for r in iter_results([str(tmp_path / "b")], settings,
                                                 coder=article_coder, known=known)], out)

    partition_of_b(tmp_path / "blind", None)  # made without the database: also "story"
    errors: list = []
    refused = load_parquet(tmp_path / "blind", db, settings=settings, on_error=errors.append)
    assert (refused.documents, refused.failed) == (0, 1)
    assert "held in the database by" in errors[0].line() and "b/story.txt" in errors[0].line()
    with Store(db) as store:
        partition_of_b(tmp_path / "seeing", store.known_sources())  # what --engine ray --db does
    loaded = load_parquet(tmp_path / "seeing", db, settings=settings)
    assert (loaded.documents, loaded.failed) == (1, 0)
    con = duckdb.connect(str(db), read_only=True)
    sources = dict(con.execute("SELECT doc_id, source FROM documents").fetchall())
    con.close()
    assert sources["story"].endswith("a/story.txt")  # the stored document is untouched
    assert len(sources) == 2 and any(s.endswith("b/story.txt") for s in sources.values())
