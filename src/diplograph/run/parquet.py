"""Parquet partitions with the store's row schema, and loading them into the store.

A partition is one batch of documents, written as one file per table::

    OUT/events/part-<hash>.parquet
    OUT/articles/part-<hash>.parquet
    OUT/actors/part-<hash>.parquet
    OUT/quotes/part-<hash>.parquet
    OUT/documents/part-<hash>.parquet      (written last: the partition is complete)

Columns and types are those of the DuckDB tables (derived from the
migrations, so they cannot drift), and the rows are made by the store's own
``*_row`` functions. ``<hash>`` depends only on the batch's doc_ids, so a
retried batch overwrites its own partition instead of adding a second one.

Loading (:func:`load_parquet`) turns the rows back into records and writes
them through :meth:`diplograph.store.store.Store.write`: the same transactional,
incident-fusing path as the local engine, batch by batch.
"""

from __future__ import annotations

import functools
import hashlib
import json
import logging
import os
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq

from diplograph.errors import InputError
from diplograph.records import (
    Article,
    Document,
    DocumentError,
    DocumentResult,
    article_from_dict,
    document_from_dict,
    event_from_dict,
)
from diplograph.run.local import BatchedWrites, IngestSummary
from diplograph.settings import Settings
from diplograph.store.migrations import migrate
from diplograph.store.queries import KEPT_EVENT_COLUMNS, article_dict
from diplograph.store.store import DOCUMENT_TABLES, Store, store_rows

logger = logging.getLogger(__name__)

# The tables of a partition: those that hold a document's rows.
TABLES: tuple[str, ...] = DOCUMENT_TABLES
_ARROW_TYPES = {
    "VARCHAR": pa.string(), "JSON": pa.string(), "INTEGER": pa.int32(),
    "BIGINT": pa.int64(), "DOUBLE": pa.float64(), "BOOLEAN": pa.bool_(),
}


@functools.cache
def store_schema(table: str) -> pa.Schema:
    """The Arrow schema of a store table (columns the pipeline fills; not ``ingested_at``)."""
    con = duckdb.connect()
    try:
        migrate(con)
        columns = con.execute(f"DESCRIBE {table}").fetchall()
    finally:
        con.close()
    return pa.schema([(name, _ARROW_TYPES[kind]) for name, kind, *_ in columns
                      if kind in _ARROW_TYPES and name not in KEPT_EVENT_COLUMNS])


def result_tables(results: Sequence[DocumentResult]) -> dict[str, pa.Table]:
    """The store's rows for these results, one Arrow table per store table."""
    rows = store_rows(results)
    out = {}
    for table, table_rows in rows.items():
        schema = store_schema(table)
        out[table] = pa.Table.from_pylist(
            [{name: row.get(name) for name in schema.names} for row in table_rows], schema=schema)
    return out


def partition_name(doc_ids: Sequence[str]) -> str:
    """A stable file name for the batch of these documents."""
    digest = hashlib.sha256("\n".join(doc_ids).encode("utf-8")).hexdigest()[:20]
    return f"part-{digest}.parquet"


def write_partition(results: Sequence[DocumentResult], out: Path | str) -> str | None:
    """Write one batch of results as a partition under ``out``; returns its file name.

    Each file is written under a temporary name and renamed, and the
    ``documents`` file comes last, so a reader never sees half a partition.
    """
    if not results:
        return None
    name = partition_name([r.document.doc_id for r in results])
    for table, arrow in result_tables(results).items():  # "documents" is last
        folder = Path(out) / table
        folder.mkdir(parents=True, exist_ok=True)
        tmp = folder / f".{name}.{os.getpid()}.tmp"
        pq.write_table(arrow, tmp)
        os.replace(tmp, folder / name)
    return name


def iter_partitions(directory: Path | str) -> Iterator[list[DocumentResult]]:
    """The complete partitions under ``directory`` (sorted by name), as records.

    Raises:
        InputError: ``directory`` holds no partitions.
    """
    directory = Path(directory)
    names = sorted(p.name for p in (directory / "documents").glob("part-*.parquet"))
    if not names:
        raise InputError(f"{directory}: no Parquet partitions "
                         f"(expected {directory}/documents/part-*.parquet)")
    for name in names:
        tables = {t: _read(directory / t / name) for t in ("documents", "articles", "events")}
        yield _results(**tables)


def _read(path: Path) -> list[dict]:
    return pq.read_table(path).to_pylist() if path.exists() else []


def _results(documents: list[dict], articles: list[dict],
             events: list[dict]) -> list[DocumentResult]:
    by_doc = {row["doc_id"]: DocumentResult(_document(row)) for row in documents}
    for row in sorted(articles, key=lambda r: (r["doc_id"], r["article_index"])):
        result = by_doc[row["doc_id"]]
        result.articles.append(_article(row, result.document.content_hash))
    for row in events:
        by_doc[row["doc_id"]].events.append(event_from_dict(json.loads(row["record"])))
    return list(by_doc.values())


def _document(row: dict) -> Document:
    # The document's text is not stored (its articles are); only its identity is needed.
    return document_from_dict({**row, "content": ""})


def _article(row: dict, content_hash: str) -> Article:
    return article_from_dict({**article_dict(row), "content_hash": content_hash})


def load_parquet(directory: Path | str, db: Path | str, *, settings: Settings,
                 on_error: Callable[[DocumentError], None] | None = None) -> IngestSummary:
    """Load partitions into ``db`` through ``Store.write`` (each batch one transaction).

    Documents already stored with the same content hash are left alone, so
    loading the same directory twice is a no-op; incidents are fused in DuckDB
    as each batch is written. A document whose id the database holds for another
    source (partitions made without ``--db``) is refused with one error line: loading
    it would replace that other document.

    Raises:
        InputError: ``directory`` holds no partitions.
    """
    summary = IngestSummary()
    partitions = iter_partitions(directory)
    with Store(db) as store:
        known = store.known_hashes()
        sources = dict(store.known_sources().sources_by_id)
        writes = BatchedWrites(store, settings.batch_size, summary)
        for results in partitions:
            for result in results:
                doc = result.document
                if known.get(doc.doc_id) == doc.content_hash:
                    summary.unchanged += 1
                    continue
                held_by = sources.get(doc.doc_id)
                if held_by and doc.source and held_by != doc.source:
                    summary.refused(DocumentError(doc=doc.source, reason=(
                        f"its id {doc.doc_id!r} is held in the database by {held_by}; "
                        "run the Ray engine with --db so that it gets an id of its own")),
                        on_error)
                    continue
                known[doc.doc_id], sources[doc.doc_id] = doc.content_hash, doc.source
                writes.add(result)
        writes.flush()
    return summary
