"""Writing pipeline results to DuckDB and reading them back.

Writes are per batch of documents, in one transaction: a document's old
articles and events are replaced only together with the new ones, so an
interrupted run never leaves half a document behind. Rows go in through Arrow
tables, not row by row.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Sequence
from pathlib import Path

import duckdb
import pyarrow as pa

from diplograph.records import (
    Article,
    Document,
    DocumentResult,
    Event,
    KnownSources,
    PublishedDate,
    to_dict,
)
from diplograph.store import queries
from diplograph.store.aggregates import collect_keys, rebuild_counts, refresh_counts
from diplograph.store.connection import open_db
from diplograph.store.filters import EventFilter
from diplograph.store.fusion import rebuild_incidents, refresh_incidents, touched_before_write
from diplograph.store.incidents import fusion_key
from diplograph.store.migrations import migrate
from diplograph.store.outlets import keep_outlets
from diplograph.store.publish import Publisher

logger = logging.getLogger(__name__)

# The tables that hold a document's rows, the document's own first.
DOCUMENT_TABLES: tuple[str, ...] = ("documents", "articles", "events", "actors", "quotes")


def _actor_columns(prefix: str, actor) -> dict:
    keys = ("name", "country", "sector", "role", "wikidata", "text")
    return {f"{prefix}_{k}": getattr(actor, k, None) if actor else None for k in keys}


def event_row(ev: Event) -> dict:
    loc = ev.location
    return {
        "id": ev.id, "doc_id": ev.doc_id, "article_index": ev.article_index,
        "type": ev.type, "mode": ev.mode,
        **_actor_columns("source", ev.source), **_actor_columns("target", ev.target),
        "date_value": ev.date.value, "date_precision": ev.date.precision,
        "date_text": ev.date.text,
        "location_name": loc.name if loc else None,
        "location_country": loc.country if loc else None,
        "location_precision": loc.precision if loc else None,
        "location_lat": loc.lat if loc else None, "location_lon": loc.lon if loc else None,
        "status": ev.status, "factuality": ev.factuality,
        "claimed_by_name": ev.claimed_by.name if ev.claimed_by else None,
        "claimed_by_country": ev.claimed_by.country if ev.claimed_by else None,
        "claim_chain": json.dumps(to_dict(ev.claim_chain), ensure_ascii=False),
        "evidence_text": ev.evidence.text, "evidence_start": ev.evidence.start,
        "evidence_end": ev.evidence.end,
        "quote_text": ev.quote.text if ev.quote else None,
        "confidence": ev.confidence, "trigger": ev.trigger, "extractor": ev.extractor,
        "rules": json.dumps(list(ev.rules)),
        "record": json.dumps(to_dict(ev), ensure_ascii=False),
        "fusion_key": fusion_key(ev),
    }


def actor_rows(ev: Event) -> list[dict]:
    """One row per actor slot of an event (the ``actors`` table)."""
    slots = [("source", ev.source), ("target", ev.target), ("claimed_by", ev.claimed_by)]
    slots += [("other", a) for a in ev.others]
    return [
        {"doc_id": ev.doc_id, "article_index": ev.article_index, "event_id": ev.id,
         "role_in_event": slot, "name": a.name, "country": a.country, "sector": a.sector,
         "role": a.role, "wikidata": a.wikidata, "kind": a.kind, "text": a.text}
        for slot, a in slots if a is not None
    ]


def quote_row(ev: Event) -> dict:
    q = ev.quote
    speaker = q.speaker if q else None
    return {
        "doc_id": ev.doc_id, "article_index": ev.article_index, "event_id": ev.id,
        "text": q.text, "start_char": q.start, "end_char": q.end,
        "speaker_name": speaker.name if speaker else None,
        "speaker_country": speaker.country if speaker else None, "cue": q.cue,
    }


def article_row(a: Article) -> dict:
    return {
        "doc_id": a.doc_id, "article_index": a.article_index, "title": a.title, "text": a.text,
        "published_value": a.published.value, "published_precision": a.published.precision,
        "published_source": a.published.source, "dateline": a.dateline,
        "language": a.language, "url": a.url,
        "dropped": json.dumps(list(a.dropped), ensure_ascii=False),
        "duplicate_of": a.duplicate_of,
    }


def document_row(r: DocumentResult) -> dict:
    d = r.document
    return {
        "doc_id": d.doc_id, "content_hash": d.content_hash, "kind": d.kind, "path": d.path,
        "source": d.source, "url": d.url, "n_articles": len(r.articles), "n_events": len(r.events),
    }


def in_date_order(row: dict) -> tuple:
    """Events are stored by date (undated last), as :meth:`Store.compact` rewrites them: each
    block of rows then covers few dates, and DuckDB skips the blocks a date filter rules out."""
    return row["date_value"] is None, row["date_value"] or "", row["id"]


def store_rows(results: Sequence[DocumentResult]) -> dict[str, list[dict]]:
    """The rows these results add to each table (the store's schema, also Parquet's)."""
    events = [e for r in results for e in r.events]
    return {
        "documents": [document_row(r) for r in results],
        "articles": [article_row(a) for r in results for a in r.articles],
        "events": sorted((event_row(e) for e in events), key=in_date_order),
        "actors": [row for e in events for row in actor_rows(e)],
        "quotes": [quote_row(e) for e in events if e.quote],
    }


class Store:
    """The diplograph database: one DuckDB file."""

    def __init__(self, path: str | Path, *, read_only: bool = False) -> None:
        self.path = Path(path)
        self.con = open_db(self.path, read_only=read_only)
        # A server reads the snapshot this writer publishes (store/publish.py).
        self.publisher = None if read_only else Publisher(self.con, self.path)
        if not read_only and "m003_incidents" in migrate(self.con):
            if self.con.execute("SELECT count(*) FROM events").fetchone()[0]:
                self.rebuild_incidents()  # a database from before incidents existed

    def close(self) -> None:
        if self.publisher is not None:
            self.publisher.now()
        self.con.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def known_hashes(self) -> dict[str, str]:
        """doc_id → content hash of every stored document (to skip unchanged input)."""
        return dict(self.con.execute("SELECT doc_id, content_hash FROM documents").fetchall())

    def known_sources(self) -> KnownSources:
        """The stored documents' ids and sources (for the doc id rules of ``pages/ids.py``)."""
        rows = self.con.execute("SELECT doc_id, source FROM documents").fetchall()
        return KnownSources(ids_by_source={source: doc_id for doc_id, source in rows if source},
                            sources_by_id=dict(rows))

    def unchanged_articles(self) -> Callable[[Document], list[Article] | None]:
        """A ``stored`` callback for the pipeline: the stored articles of a document
        whose content hash is unchanged since this call, else None (process it)."""
        known = self.known_hashes()

        def lookup(doc: Document) -> list[Article] | None:
            if known.get(doc.doc_id) != doc.content_hash:
                return None
            rows = self.con.execute(
                "SELECT article_index, text FROM articles WHERE doc_id = ? ORDER BY article_index",
                [doc.doc_id]).fetchall()
            return [Article(doc_id=doc.doc_id, article_index=i, title=None, text=text,
                            published=PublishedDate(value=None)) for i, text in rows]

        return lookup

    def write(self, results: Sequence[DocumentResult]) -> None:
        """Replace the stored records of these documents with the new ones, atomically.

        The incidents of the fusion windows (key and year) the old or new events
        belong to are recomputed in the same transaction (see ``store/fusion.py``).
        """
        if not results:
            return
        doc_ids = [r.document.doc_id for r in results]
        tables = store_rows(results)
        self.con.execute("BEGIN TRANSACTION")
        try:
            touched = touched_before_write(self.con, doc_ids)
            collect_keys(self.con, doc_ids)  # the counts the old events are in
            for table in reversed(DOCUMENT_TABLES):  # rows before what they belong to
                self.con.execute(f"DELETE FROM {table} WHERE doc_id IN (SELECT unnest(?))",
                                 [doc_ids])
            for table, rows in tables.items():
                self._insert(table, rows)
            refresh_incidents(self.con, touched)
            keep_outlets(self.con, doc_ids)  # before the counts: the outlets' count them
            refresh_counts(self.con, doc_ids)
            self.con.execute("COMMIT")
        except Exception:
            self._rollback()
            raise
        if self.publisher is not None:
            self.publisher.after_commit()

    def append(self, results: Sequence[DocumentResult]) -> None:
        """Insert the rows of new documents as they are: no replacement of stored ones and
        no fusion and no counts (a bulk load, e.g. ``benchmarks/scale.py``, then calls
        :meth:`rebuild_incidents` and :meth:`rebuild_counts` once)."""
        for table, rows in store_rows(results).items():
            self._insert(table, rows)
        keep_outlets(self.con, [r.document.doc_id for r in results])

    def rebuild_incidents(self, *, workers: int = 1) -> int:
        """Recompute every incident from the stored events (fused in ``workers`` processes);
        returns how many there are."""
        self.con.execute("BEGIN TRANSACTION")
        try:
            n = rebuild_incidents(self.con, workers=workers)
            self.con.execute("COMMIT")
        except Exception:
            self._rollback()
            raise
        return n

    def rebuild_counts(self) -> None:
        """Recount the count tables from every stored event (``store/aggregates.py``)."""
        self.con.execute("BEGIN TRANSACTION")
        try:
            rebuild_counts(self.con)
            self.con.execute("COMMIT")
        except Exception:
            self._rollback()
            raise

    def compact(self) -> int:
        """Rewrite the events table in date order (undated last) and let DuckDB reclaim the
        space of deleted rows; returns the number of events. Inserts are sorted by date
        within a batch only: batches of different years interleave over time."""
        self.con.execute("BEGIN TRANSACTION")
        try:
            self.con.execute("CREATE TEMP TABLE events_by_date AS SELECT * FROM events "
                             "ORDER BY date_value NULLS LAST, id")
            self.con.execute("DELETE FROM events")
            self.con.execute("INSERT INTO events SELECT * FROM events_by_date")
            self.con.execute("DROP TABLE events_by_date")
            self.con.execute("COMMIT")
        except Exception:
            self._rollback()
            raise
        self.con.execute("CHECKPOINT")
        return self.con.execute("SELECT count(*) FROM events").fetchone()[0]

    def _rollback(self) -> None:
        """Roll back, keeping the error that caused it: a COMMIT that failed (disk full)
        has already ended the transaction, and ROLLBACK's own error would hide why."""
        try:
            self.con.execute("ROLLBACK")
        except duckdb.TransactionException:
            logger.debug("no transaction left to roll back")

    def _insert(self, table: str, rows: list[dict]) -> None:
        if not rows:
            return
        described = [c[0] for c in self.con.execute(f"DESCRIBE {table}").fetchall()]
        columns = [c for c in described if c in rows[0]]
        arrow = pa.Table.from_pylist(rows).select(columns)  # noqa: F841 (used by DuckDB by name)
        names = selected = ", ".join(columns)
        if "listing_key" in described:  # the events': from the row's columns, as m016 does
            names, selected = f"{names}, listing_key", f"{selected}, {queries.LISTING_KEY}"
        self.con.execute(f"INSERT INTO {table} ({names}) SELECT {selected} FROM arrow")

    def events(self, flt: EventFilter = queries.NO_FILTER, *, limit: int | None = None,
               offset: int = 0) -> list[dict]:
        """Stored events as SPEC §4 dicts, ordered by date then document."""
        return queries.listing(self.con, "events", flt, limit=limit, offset=offset)

    def count_events(self, flt: EventFilter = queries.NO_FILTER) -> int:
        """How many stored events match ``flt``."""
        return queries.count(self.con, "events", flt)

    def counts(self) -> dict[str, int]:
        """Row counts of the main tables."""
        return queries.totals(self.con)
