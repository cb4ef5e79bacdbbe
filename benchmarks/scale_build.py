"""Building the scale benchmark's database inside DuckDB (``benchmarks/scale.py``, step 1).

The base documents are written once with the store's own row builders (``Store.append``)
into a staging file; every replica is then made by ``INSERT ... SELECT`` from that file:
replica ``r`` of a document gets new ids (``doc~r``), all its dates shifted back by the
same number of days (0 to 26 years, precision kept) and, for each event, a source and a
target drawn from the actors of the base, Zipf-weighted (the actor of rank ``k`` owns a
share ``1/k`` of a million slots; an event picks the slot its id hashes to). The fusion
key and the stored JSON record are rewritten to match. Events go in sorted by date,
then incidents are fused and counts kept once, at the end.

Building rows in Python (dataclass copies, ``to_dict``, ``json.dumps`` per event) took
about 75 minutes per million events on the shared machine; here it is a few SQL
statements, and the build is bounded by the final fusion.
"""

from __future__ import annotations

import time
from pathlib import Path

import duckdb
import pyarrow as pa

from diplograph import records as rec
from diplograph.store.outlets import keep_outlets
from diplograph.store.queries import LISTING_KEY
from diplograph.store.store import Store

SPAN_DAYS = 26 * 365  # replicas reach back 26 years
SLOTS = 1_000_000  # the Zipf draw's resolution
SIDES = ("source", "target")
FUSING_WORKERS = 2  # the machine's cores
ACTOR_FIELDS = ("name", "country", "sector", "role", "wikidata", "text")

# A date moved ``days`` back, its precision kept (as benchmarks/scale.py's shift_date).
SHIFTED = """
CREATE OR REPLACE TEMP MACRO shifted(v, days) AS CASE
  WHEN v IS NULL OR v = '' OR days = 0 THEN v
  WHEN length(v) = 10 AND try_cast(v AS DATE) IS NOT NULL
    THEN strftime(try_cast(v AS DATE) - CAST(days AS INTEGER), '%Y-%m-%d')
  WHEN length(v) = 7 AND try_cast(left(v, 4) AS INTEGER) IS NOT NULL
       AND try_cast(substr(v, 6, 2) AS INTEGER) IS NOT NULL
    THEN printf('%04d-%02d',
      (CAST(left(v, 4) AS INTEGER) * 12 + CAST(substr(v, 6, 2) AS INTEGER) - 1
       - CAST(days AS INTEGER) // 30) // 12,
      (CAST(left(v, 4) AS INTEGER) * 12 + CAST(substr(v, 6, 2) AS INTEGER) - 1
       - CAST(days AS INTEGER) // 30) % 12 + 1)
  WHEN length(v) = 4 AND try_cast(v AS INTEGER) IS NOT NULL
    THEN printf('%04d', CAST(v AS INTEGER) - CAST(days AS INTEGER) // 365)
  ELSE v END
"""

# The actor pool: distinct actor objects of the base events, most frequent first, each
# owning the slots [first_slot, end_slot) of the Zipf draw.
POOL = f"""
CREATE OR REPLACE TEMP TABLE pool AS
WITH sides AS (
    SELECT CAST(record->'source' AS VARCHAR) AS actor FROM b.events WHERE source_name IS NOT NULL
    UNION ALL
    SELECT CAST(record->'target' AS VARCHAR) FROM b.events WHERE target_name IS NOT NULL),
ranked AS (
    SELECT actor, 1.0 / row_number() OVER (ORDER BY count(*) DESC, actor) AS w
    FROM sides GROUP BY actor),
spans AS (
    SELECT actor, sum(w) OVER (ORDER BY w DESC, actor ROWS UNBOUNDED PRECEDING) - w AS lo, w,
           sum(w) OVER () AS total FROM ranked)
SELECT unnest(range(CAST(floor(lo / total * {SLOTS}) AS BIGINT),
                    CAST(floor((lo + w) / total * {SLOTS}) AS BIGINT))) AS slot,
       CAST(actor AS JSON) AS actor
FROM spans
"""


def _unit(actor: str, present: str) -> str:
    """``incidents.actor_unit`` in SQL: the country, else the lower-cased name or text."""
    return (f"CASE WHEN NOT ({present}) THEN '-' ELSE coalesce(nullif({actor}->>'country', ''), "
            f"lower(coalesce(nullif({actor}->>'name', ''), nullif({actor}->>'text', ''), '?'))) "
            "END")


def _fusion_key(src: str, tgt: str) -> str:
    """``incidents.fusion_key`` in SQL, from the ``units`` of both sides."""
    symmetric = ", ".join(f"'{t}'" for t in sorted(rec.SYMMETRIC_TYPES))
    return (f"CASE WHEN e.type IN ({symmetric}) AND {tgt} < {src} "
            f"THEN e.type || '|' || {tgt} || '|' || {src} "
            f"ELSE e.type || '|' || {src} || '|' || {tgt} END")


# The events of every replica, with their new ids, date and actors (``a_source``,
# ``a_target``: the actor object each side has now, NULL when the side has none).
REPLICA_EVENTS = """
CREATE OR REPLACE TEMP TABLE replica_events AS
SELECT e.*, p.r, p.doc_id AS new_doc,
       CASE WHEN p.r = 0 THEN e.id ELSE e.id || '~' || p.r END AS new_id,
       shifted(e.date_value, p.days) AS new_date,
       CASE WHEN json_type(e.record->'source') = 'NULL' THEN NULL WHEN p.r = 0
            THEN e.record->'source' ELSE s.actor END AS a_source,
       CASE WHEN json_type(e.record->'target') = 'NULL' THEN NULL WHEN p.r = 0
            THEN e.record->'target' ELSE t.actor END AS a_target
FROM b.events e JOIN plan p ON p.base_id = e.doc_id
LEFT JOIN pool s ON s.slot = hash(e.id || '~' || p.r || '~source') % {slots}
LEFT JOIN pool t ON t.slot = hash(e.id || '~' || p.r || '~target') % {slots}
"""


def _event_overrides() -> dict[str, str]:
    """The events columns a replica changes, as expressions over ``replica_events e``."""
    out = {"id": "e.new_id", "doc_id": "e.new_doc", "date_value": "e.new_date"}
    for side in SIDES:
        for name in ACTOR_FIELDS:
            out[f"{side}_{name}"] = f"e.a_{side}->>'{name}'"
    units = [_unit(f"e.a_{side}", f"e.a_{side} IS NOT NULL") for side in SIDES]
    out["fusion_key"] = _fusion_key(*units)
    # A JSON merge patch drops every key it sets to null, and an actor object has null
    # fields: each side is patched with a placeholder string, then replaced by its text.
    date = ("CASE WHEN e.new_date IS NULL THEN '{}'::JSON "
            "ELSE json_object('date', json_object('value', e.new_date)) END")
    sides = [f"CASE WHEN e.a_{side} IS NULL THEN '{{}}'::JSON "
             f"ELSE json_object('{side}', '@@{side}@@') END" for side in SIDES]
    record = (f"json_merge_patch(e.record, json_object('id', e.new_id, 'doc_id', e.new_doc), "
              f"{date}, {', '.join(sides)})")
    for side in SIDES:
        record = (f"replace({record}, '\"@@{side}@@\"', "
                  f"coalesce(CAST(e.a_{side} AS VARCHAR), ''))")
    out["record"] = record
    return out


def _insert(con: duckdb.DuckDBPyConnection, table: str, source: str,
            overrides: dict[str, str], order: str = "") -> None:
    """INSERT INTO ``table`` every row of ``source`` (alias ``e``), ``overrides`` applied."""
    columns = [c[0] for c in con.execute(f"DESCRIBE {table}").fetchall()]
    if table == "documents":
        columns.remove("ingested_at")  # the default: now
    select = ", ".join(overrides.get(c, f"e.{c}") for c in columns)
    con.execute(f"INSERT INTO {table} ({', '.join(columns)}) SELECT {select} FROM {source} "
                f"{order}")


def _plan(con: duckdb.DuckDBPyConnection, base: list[rec.DocumentResult], n_events: int) -> None:
    """``plan``: (base document, replica r, new doc id, days back), replicas in rounds over
    the base documents until ``n_events`` events, like ``scale.replicas``."""
    sizes = [len(r.events) for r in base]
    per_round = sum(sizes)
    before = [sum(sizes[:i]) for i in range(len(sizes))]
    docs = pa.table({"base_id": [r.document.doc_id for r in base],  # noqa: F841
                     "before": before})
    rounds = -(-n_events // per_round)
    con.execute(f"""
        CREATE OR REPLACE TEMP TABLE plan AS
        SELECT base_id, r, CASE WHEN r = 0 THEN base_id ELSE base_id || '~' || r END AS doc_id,
               CASE WHEN r = 0 THEN 0 ELSE hash(base_id || '~' || r) % {SPAN_DAYS} END AS days
        FROM docs, range({rounds}) t(r) WHERE r * {per_round} + before < {n_events}""")


def _replicate(con: duckdb.DuckDBPyConnection) -> None:
    con.execute(SHIFTED)
    con.execute(POOL)
    con.execute(REPLICA_EVENTS.format(slots=SLOTS))
    renamed = {"doc_id": "p.doc_id"}
    _insert(con, "documents", "b.documents e JOIN plan p ON p.base_id = e.doc_id",
            {**renamed, "content_hash": "CASE WHEN p.r = 0 THEN e.content_hash "
                                        "ELSE e.content_hash || '~' || p.r END"})
    _insert(con, "articles", "b.articles e JOIN plan p ON p.base_id = e.doc_id",
            {**renamed, "published_value": "shifted(e.published_value, p.days)"})
    _insert(con, "events", "replica_events e", _event_overrides(),
            "ORDER BY e.new_date NULLS LAST, e.new_id")
    # The kept listing key from the replica's own date, document and id (copied from the
    # base row, it sorted every replica where its original lies: stop 20 found 999,868 of
    # the 1M build's events with a stale key, so keyset pages walked the base's order).
    con.execute(f"UPDATE events SET listing_key = {LISTING_KEY}")
    side_actor = {f: f"CASE WHEN e.role_in_event IN ('source', 'target') THEN "
                     f"(CASE e.role_in_event WHEN 'source' THEN r.a_source ELSE r.a_target END)"
                     f"->>'{f}' ELSE e.{f} END" for f in (*ACTOR_FIELDS, "kind")}
    _insert(con, "actors", "b.actors e JOIN replica_events r ON r.id = e.event_id "
            "AND r.doc_id = e.doc_id",
            {"doc_id": "r.new_doc", "event_id": "r.new_id", **side_actor})
    _insert(con, "quotes", "b.quotes e JOIN replica_events r ON r.id = e.event_id "
            "AND r.doc_id = e.doc_id", {"doc_id": "r.new_doc", "event_id": "r.new_id"})
    con.execute("DROP TABLE replica_events")


def check_fusion_keys(con: duckdb.DuckDBPyConnection) -> None:
    """The SQL fusion key agrees with the store's own on the base rows (replica 0)."""
    wrong = con.execute("SELECT count(*) FROM events e JOIN b.events o ON o.id = e.id "
                        "WHERE e.fusion_key IS DISTINCT FROM o.fusion_key").fetchone()[0]
    if wrong:
        raise AssertionError(f"{wrong} base events got another fusion key in SQL")


def build_in_sql(base: list[rec.DocumentResult], n_events: int, path: Path) -> dict:
    """A database of ``n_events`` events replicated from ``base`` (see the module doc)."""
    start = time.perf_counter()
    staging = path.with_name(path.stem + ".base.duckdb")
    staging.unlink(missing_ok=True)
    with Store(staging) as store:
        store.append(base)
    with Store(path) as store:
        con = store.con
        con.execute(f"ATTACH '{staging}' AS b (READ_ONLY)")
        _plan(con, base, n_events)
        con.execute("BEGIN TRANSACTION")
        _replicate(con)
        check_fusion_keys(con)
        keep_outlets(con)
        con.execute("COMMIT")
        con.execute("DETACH b")
        staging.unlink()
        con.execute("CHECKPOINT")
        loaded = time.perf_counter() - start
        n_incidents = store.rebuild_incidents(workers=FUSING_WORKERS)
        fused = time.perf_counter() - start - loaded
        store.rebuild_counts()
        con.execute("CHECKPOINT")
        counts = store.counts()
    return {"events": counts["events"], "incidents": n_incidents,
            "articles": counts["articles"], "load_s": round(loaded, 1),
            "fuse_s": round(fused, 1),
            "total_s": round(time.perf_counter() - start, 1),
            "mb": round(path.stat().st_size / 2**20)}
