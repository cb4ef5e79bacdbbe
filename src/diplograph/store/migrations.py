"""Tiny numbered migrations, recorded in ``_migrations`` (sqlite-utils style).

Each migration is a plain function registered in order; ``migrate`` applies the
ones a database has not seen yet, each in its own transaction.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

import duckdb

from diplograph.store.aggregates import (
    aggregates_named,
    create_tables,
    rebuild_counts,
    store_in_order,
)
from diplograph.store.fusion import keep_incident_ids
from diplograph.store.outlets import keep_outlets
from diplograph.store.queries import LISTING_KEY

logger = logging.getLogger(__name__)

Migration = Callable[[duckdb.DuckDBPyConnection], None]
MIGRATIONS: list[tuple[str, Migration]] = []


def migration(func: Migration) -> Migration:
    """Register ``func`` as the next migration; its name is its identity."""
    MIGRATIONS.append((func.__name__, func))
    return func


def happening_columns(actor_fields: tuple[str, ...], date_fields: tuple[str, ...]) -> str:
    """The columns of what happened, as ``events`` and ``incidents`` flatten it (records.
    Happening): type, mode, then ``source_*`` and ``target_*`` with the given actor fields,
    then ``date_*``. Each migration passes its own field lists, so a migration written
    later never changes what an applied one created: keep this function's output for
    the same arguments as it is."""
    actors = [f"{side}_{name} VARCHAR" for side in ("source", "target") for name in actor_fields]
    dates = [f"date_{name} VARCHAR" for name in date_fields]
    return ", ".join(["type VARCHAR NOT NULL", "mode VARCHAR", *actors, *dates])


@migration
def m001_documents_articles_events(con: duckdb.DuckDBPyConnection) -> None:
    con.execute("""
        CREATE TABLE documents (
            doc_id VARCHAR PRIMARY KEY,
            content_hash VARCHAR NOT NULL,
            kind VARCHAR,
            path VARCHAR,
            url VARCHAR,
            n_articles INTEGER,
            n_events INTEGER,
            ingested_at TIMESTAMP DEFAULT current_timestamp
        )""")
    con.execute("""
        CREATE TABLE articles (
            doc_id VARCHAR NOT NULL,
            article_index INTEGER NOT NULL,
            title VARCHAR,
            text VARCHAR NOT NULL,
            published_value VARCHAR,
            published_precision VARCHAR,
            published_source VARCHAR,
            dateline VARCHAR,
            language VARCHAR,
            url VARCHAR,
            dropped JSON,
            duplicate_of VARCHAR,
            PRIMARY KEY (doc_id, article_index)
        )""")
    con.execute(f"""
        CREATE TABLE events (
            id VARCHAR PRIMARY KEY,
            doc_id VARCHAR NOT NULL,
            article_index INTEGER NOT NULL,
            {happening_columns(("name", "country", "sector", "role", "wikidata", "text"),
                               ("value", "precision", "text"))},
            location_name VARCHAR, location_country VARCHAR, location_precision VARCHAR,
            location_lat DOUBLE, location_lon DOUBLE,
            status VARCHAR NOT NULL,
            claimed_by_name VARCHAR, claimed_by_country VARCHAR,
            evidence_text VARCHAR NOT NULL, evidence_start INTEGER, evidence_end INTEGER,
            quote_text VARCHAR,
            confidence DOUBLE,
            trigger VARCHAR,
            extractor VARCHAR,
            record JSON NOT NULL
        )""")
    con.execute("CREATE INDEX events_doc ON events (doc_id)")
    con.execute("CREATE INDEX events_type ON events (type)")


@migration
def m002_actors_quotes(con: duckdb.DuckDBPyConnection) -> None:
    # One row per actor slot of an event (source, target, others, claimed_by):
    # the actor index the analyst queries (profile, network) read.
    con.execute("""
        CREATE TABLE actors (
            doc_id VARCHAR NOT NULL,
            article_index INTEGER NOT NULL,
            event_id VARCHAR NOT NULL,
            role_in_event VARCHAR NOT NULL,
            name VARCHAR, country VARCHAR, sector VARCHAR, role VARCHAR,
            wikidata VARCHAR, kind VARCHAR, text VARCHAR
        )""")
    con.execute("CREATE INDEX actors_doc ON actors (doc_id)")
    con.execute("""
        CREATE TABLE quotes (
            doc_id VARCHAR NOT NULL,
            article_index INTEGER NOT NULL,
            event_id VARCHAR NOT NULL,
            text VARCHAR NOT NULL,
            start_char INTEGER, end_char INTEGER,
            speaker_name VARCHAR, speaker_country VARCHAR, cue VARCHAR
        )""")
    con.execute("CREATE INDEX quotes_doc ON quotes (doc_id)")


@migration
def m003_incidents(con: duckdb.DuckDBPyConnection) -> None:
    # Column names follow ``events`` so that EventFilter works on both tables.
    con.execute(f"""
        CREATE TABLE incidents (
            id VARCHAR PRIMARY KEY,
            fusion_key VARCHAR NOT NULL,
            {happening_columns(("name", "country", "text"), ("value", "precision"))},
            status VARCHAR NOT NULL,
            weakest_status VARCHAR NOT NULL,
            first_report VARCHAR, last_report VARCHAR,
            n_events INTEGER, n_articles INTEGER, n_sources INTEGER,
            summary VARCHAR,
            record JSON NOT NULL
        )""")
    con.execute("CREATE INDEX incidents_key ON incidents (fusion_key)")
    con.execute("""
        CREATE TABLE incident_events (
            incident_id VARCHAR NOT NULL,
            event_id VARCHAR NOT NULL,
            fusion_key VARCHAR NOT NULL
        )""")
    con.execute("CREATE INDEX incident_events_key ON incident_events (fusion_key)")
    con.execute("ALTER TABLE events ADD COLUMN fusion_key VARCHAR")


@migration
def m004_event_rules(con: duckdb.DuckDBPyConnection) -> None:
    # The names of the coding rules that produced each event (SPEC §4 ``rules``), as a
    # JSON list; events stored before it have none.
    con.execute("ALTER TABLE events ADD COLUMN rules JSON")


@migration
def m005_event_factuality(con: duckdb.DuckDBPyConnection) -> None:
    # The claim status as a score in [-3, +3] (SPEC §4 ``factuality``) and every source of
    # a nested report, outermost first (``claim_chain``, a JSON list of actors); events
    # stored before it have neither.
    con.execute("ALTER TABLE events ADD COLUMN factuality DOUBLE")
    con.execute("ALTER TABLE events ADD COLUMN claim_chain JSON")


@migration
def m006_document_source(con: duckdb.DuckDBPyConnection) -> None:
    # What each document is whatever its id (records.Document.source): a later batch
    # keeps a stored document's id and never replaces another source's document. Rows
    # from before it get the source the reader gives them now: the path for a file,
    # ``file#id`` for a JSONL record (its path was ``file:line``) or a WARC response.
    con.execute("ALTER TABLE documents ADD COLUMN source VARCHAR")
    con.execute(r"""
        UPDATE documents SET source = CASE
            WHEN regexp_matches(path, '(?i)\.jsonl(\.gz)?:[0-9]+$')
                THEN regexp_replace(path, ':[0-9]+$', '') || '#' || doc_id
            ELSE path END""")
    con.execute(r"UPDATE documents SET source = regexp_replace(source, '^(\./)+', '')")


@migration
def m007_event_counts(con: duckdb.DuckDBPyConnection) -> None:
    # Counts per month × type × status, per dyad and per actor, kept at every write
    # (store/aggregates.py), counted here once from the events already stored.
    _keep_counts(con, "counts_month", "counts_dyad", "counts_actor")


@migration
def m008_incident_confidence(con: duckdb.DuckDBPyConnection) -> None:
    # The highest confidence among an incident's events, kept on the incident: the
    # server's default confidence floor selected incidents through a join of
    # incident_events and events, every event of the database for every list.
    con.execute("ALTER TABLE incidents ADD COLUMN confidence DOUBLE")
    con.execute("""
        UPDATE incidents SET confidence = best.confidence FROM (
            SELECT ie.incident_id, max(e.confidence) AS confidence FROM incident_events ie
            JOIN events e ON e.id = ie.event_id GROUP BY ie.incident_id) best
        WHERE incidents.id = best.incident_id""")


@migration
def m009_article_outlets(con: duckdb.DuckDBPyConnection) -> None:
    # Each article's outlet and number of events, kept at every write (store/outlets.py):
    # the sources view parsed every URL and counted every event at each request.
    con.execute("ALTER TABLE articles ADD COLUMN outlet VARCHAR")
    con.execute("ALTER TABLE articles ADD COLUMN n_events INTEGER")
    keep_outlets(con)


@migration
def m010_place_counts(con: duckdb.DuckDBPyConnection) -> None:
    # Events per place, kept at every write (store/aggregates.py): the map grouped every
    # event and sorted each place's events at each request.
    _keep_counts(con, "counts_place")


@migration
def m011_pair_counts(con: duckdb.DuckDBPyConnection) -> None:
    # Events per directed pair of actors, kept at every write (store/aggregates.py): the
    # network grouped every event at each request.
    _keep_counts(con, "counts_pair")


@migration
def m012_country_counts(con: duckdb.DuckDBPyConnection) -> None:
    # A state's events per month, type and status, kept at every write
    # (store/aggregates.py): its page counted every event of the state at each request.
    _keep_counts(con, "counts_country")


@migration
def m013_listing_counts(con: duckdb.DuckDBPyConnection) -> None:
    # Events per date bucket (month, shorter date, no date) × type × status, kept at every
    # write: a deep page of the event list was a sort of every matching event up to it.
    # Indexes for the lookups of one article and one incident, which scanned their tables
    # (a composite key and a conjunction are not index lookups for DuckDB).
    _keep_counts(con, "counts_listing")
    con.execute("CREATE INDEX IF NOT EXISTS articles_doc ON articles (doc_id)")
    con.execute("CREATE INDEX IF NOT EXISTS incident_events_incident "
                "ON incident_events (incident_id)")


@migration
def m014_outlet_counts(con: duckdb.DuckDBPyConnection) -> None:
    # Documents, articles and events per outlet, kept at every write: the sources view
    # grouped every article at each request (3.1 million outlets in the 1M benchmark).
    _keep_counts(con, "counts_outlet")


@migration
def m015_alias_counts(con: duckdb.DuckDBPyConnection) -> None:
    # Events per actor and per the article's other word for it, kept at every write: the
    # search box's suggestions matched words in every event's actors at each keystroke.
    _keep_counts(con, "counts_alias")


@migration
def m016_event_listing_key(con: duckdb.DuckDBPyConnection) -> None:
    # The listing order as one kept text (queries.LISTING_KEY): a page after an undated
    # event compared a row of seven values with every undated event.
    con.execute("ALTER TABLE events ADD COLUMN listing_key VARCHAR")
    con.execute(f"UPDATE events SET listing_key = {LISTING_KEY}")


@migration
def m017_event_incident(con: duckdb.DuckDBPyConnection) -> None:
    # Each event's incident kept on the event (store/fusion.py keep_incident_ids): a page
    # of a dyad's events joined every link of incident_events for its events' incidents.
    con.execute("ALTER TABLE events ADD COLUMN incident_id VARCHAR")
    keep_incident_ids(con)


@migration
def m018_profile_counts(con: duckdb.DuckDBPyConnection) -> None:
    # A state's or a person's events per side, month, type and status and per counterpart,
    # and the actor index's rows per identity, kept at every write (store/aggregates.py):
    # an actor page matched every event and every actor row at each request.
    _keep_counts(con, "counts_profile", "counts_counterpart", "counts_identity")


@migration
def m019_dyad_month_counts(con: duckdb.DuckDBPyConnection) -> None:
    # A dyad's events per month, type and status, kept at every write (store/aggregates.py):
    # the dyad page's chart counted every event between the two at each request. Retired
    # by m021 (the chart reads counts_dyad_listing's months): a database that has not
    # applied it yet gets nothing here, rather than a table counted to be dropped.
    return None


@migration
def m020_dyad_listing_counts(con: duckdb.DuckDBPyConnection) -> None:
    # A dyad's events per date bucket of the listing order, type and status, kept at every
    # write (store/aggregates.py): a page of its timeline and its last contact sorted every
    # event between the two at each request.
    _keep_counts(con, "counts_dyad_listing")


@migration
def m021_drop_dyad_month_counts(con: duckdb.DuckDBPyConnection) -> None:
    # counts_dyad_month was counts_dyad_listing's buckets of 7 characters (a month) alone:
    # the dyad chart reads those, and every write stops recounting a second table.
    con.execute("DROP TABLE IF EXISTS counts_dyad_month")


@migration
def m022_actor_counts_in_actor_order(con: duckdb.DuckDBPyConnection) -> None:
    # An actor page's profile reads one actor's rows of counts_profile and
    # counts_counterpart: stored in actor order, DuckDB's zone maps skip the row groups of
    # the others (at 1M events the profile's query 20-27 -> 11-16 ms of CPU). Writes insert
    # their recounted rows in the same order (Aggregate.stored_by).
    store_in_order(con, aggregates_named("counts_profile", "counts_counterpart"))


def _keep_counts(con: duckdb.DuckDBPyConnection, *tables: str) -> None:
    """Create the kept count tables of these names and count them from the stored rows."""
    counted = aggregates_named(*tables)
    create_tables(con, counted)
    rebuild_counts(con, counted)


def migrate(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Apply pending migrations; returns the names applied now."""
    con.execute(
        "CREATE TABLE IF NOT EXISTS _migrations (name VARCHAR PRIMARY KEY, "
        "applied_at TIMESTAMP DEFAULT current_timestamp)"
    )
    done = {row[0] for row in con.execute("SELECT name FROM _migrations").fetchall()}
    applied = []
    for name, func in MIGRATIONS:
        if name in done:
            continue
        con.execute("BEGIN TRANSACTION")
        try:
            func(con)
            con.execute("INSERT INTO _migrations (name) VALUES (?)", [name])
            con.execute("COMMIT")
        except Exception:
            con.execute("ROLLBACK")
            raise
        logger.info("applied migration %s", name)
        applied.append(name)
    return applied
