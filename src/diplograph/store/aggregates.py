"""Event counts kept beside the events, so that the overview, the actor index and list
totals read a few thousand rows instead of scanning every event.

Thirteen tables, each defined by one query over ``events`` (``counts_outlet`` over
``articles``, ``counts_identity`` over ``actors``) (:data:`AGGREGATES`):

- ``counts_month``: events per month (``NULL``: no month) × type × claim status ×
  ``confident`` (confidence at or above the coder's threshold, the server's default floor);
- ``counts_dyad``: events per pair of actors (country, else name; either direction) × type
  × ``confident``, with the latest date, and ``counts_dyad_listing`` the same per date
  bucket of the listing order × type × claim status (a page of its timeline, its last
  contact, and its chart: a bucket of 7 characters is a month);
- ``counts_actor``: events per canonical actor (name, country; either side), with what the
  actor index shows (wikidata, role, kind, the article's other words for the actor);
- ``counts_place``: events per place (name, country, coordinates) × type × ``confident``,
  with the place's first events, for the map;
- ``counts_pair``: events per directed pair of named actors (and their countries) × type
  × ``confident``, for the network;
- ``counts_country``: a state's events (either side) per month × type × claim status ×
  ``confident``, for its page;
- ``counts_listing``: events per date bucket of the listing order (the month, a shorter
  date as it is, ``NULL``: no date) × type × claim status × ``confident``, so that a page
  of the event list is read from its buckets only (``store/event_lists.py``);
- ``counts_outlet``: documents, articles and events per outlet (the sources view);
- ``counts_alias``: events per actor × the article's other word for it × kind (actor
  suggestions for what a user types);
- ``counts_profile`` and ``counts_counterpart``: a state's (by its code), a Wikidata id's
  or a canonical name's events per side × month × type × status, and per counterpart ×
  type × status, for its profile;
- ``counts_identity``: the actor index's rows of the events' sides, per everything the
  actor matcher reads (an actor page's identities).

A write keeps them exact without recounting everything: the keys (month × type × status,
pair, actor) of the events it removes or adds are collected, and only the rows of those
keys are recounted from the events (:func:`refresh_counts`); a table whose count is
plain (``Aggregate.additive``: ``counts_alias``, ``counts_counterpart``,
``counts_identity``) instead gets the old events' rows
subtracted and the new ones' added. :func:`recount` is the
definition itself, over every event: a test and ``scripts/counts_check.py`` compare both.
"""

from __future__ import annotations

from dataclasses import dataclass

import duckdb

# The coder's own threshold (Settings.min_confidence) and the server's default floor.
CONFIDENT = 0.5
PERIOD = "CASE WHEN length(coalesce(e.date_value, '')) >= 7 THEN substr(e.date_value, 1, 7) END"
_ENDS = ("coalesce(e.source_country, e.source_name)", "coalesce(e.target_country, e.target_name)")


@dataclass(frozen=True)
class Aggregate:
    """One count table: its columns, its key, and the query that defines it."""

    table: str
    columns: str  # CREATE TABLE column list
    keys: tuple[str, ...]
    units: str  # what is counted (an event, or a side of one), from the events ``e``: {where}
    counts: str  # the table's rows from the units ``u`` that match {keep}
    # Columns the rows are inserted in the order of, so that DuckDB's zone maps let a
    # question about one key read its row groups only (() : the grouping's order).
    stored_by: tuple[str, ...] = ()
    # ``n`` is a plain count of units per ``keys`` (every other column): a write subtracts
    # the rows of the events it removes and adds those of the events it stores, instead of
    # recounting every event of the keys it touches (all of the busiest actor's).
    additive: bool = False

    def rows(self, *, where: str = "TRUE", keep: str = "TRUE") -> str:
        return self.counts.format(units=self.units.format(where=where), keep=keep)

    @property
    def in_stored_order(self) -> str:
        """The ORDER BY that keeps inserted rows in :attr:`stored_by` order ("" if none)."""
        return f" ORDER BY {', '.join(self.stored_by)}" if self.stored_by else ""

    def inserted(self, *, keep: str = "TRUE") -> str:
        """The INSERT of the rows that match {keep}, in :attr:`stored_by` order."""
        return f"INSERT INTO {self.table} {self.rows(keep=keep)}{self.in_stored_order}"

    def keys_of(self, where: str) -> str:
        return f"SELECT DISTINCT {', '.join(self.keys)} FROM ({self.units.format(where=where)})"


def _by_type_and_status(table: str, column: str, expression: str) -> Aggregate:
    """Events per ``expression`` (kept as ``column``) × type × claim status × ``confident``."""
    return Aggregate(
        table=table,
        columns=f"{column} VARCHAR, type VARCHAR, status VARCHAR, confident BOOLEAN, n BIGINT",
        keys=(column, "type", "status"),
        units=f"SELECT {expression} AS {column}, e.type, e.status, e.confidence FROM events e "
              "WHERE {where}",
        counts=f"SELECT {column}, type, status, coalesce(confidence >= {CONFIDENT}, false), "
               "count(*) FROM ({units}) u WHERE {keep} GROUP BY ALL",
    )


_MONTH = _by_type_and_status("counts_month", "period", PERIOD)
# A pair of ends (country, else name), either direction, of the events between two.
_DYAD_ENDS = f"least({_ENDS[0]}, {_ENDS[1]}) AS a, greatest({_ENDS[0]}, {_ENDS[1]}) AS b"
_TWO_ENDS = f"{_ENDS[0]} IS NOT NULL AND {_ENDS[1]} IS NOT NULL AND {_ENDS[0]} <> {_ENDS[1]}"
_DYAD = Aggregate(
    table="counts_dyad",
    columns="a VARCHAR, b VARCHAR, type VARCHAR, confident BOOLEAN, n BIGINT, last_date VARCHAR",
    keys=("a", "b"),
    units=f"SELECT {_DYAD_ENDS}, e.type, e.date_value, e.confidence FROM events e "
          f"WHERE {{where}} AND {_TWO_ENDS}",
    counts=f"SELECT a, b, type, coalesce(confidence >= {CONFIDENT}, false), count(*), "
           "max(date_value) FROM ({units}) u WHERE {keep} GROUP BY ALL",
)


def _dyad_by(table: str, column: str, expression: str) -> Aggregate:
    """The pairs of ends' events per ``expression`` (kept as ``column``) × type × claim
    status × ``confident``."""
    return Aggregate(
        table=table,
        columns=f"a VARCHAR, b VARCHAR, {column} VARCHAR, type VARCHAR, status VARCHAR, "
                "confident BOOLEAN, n BIGINT",
        keys=("a", "b", column, "type", "status"),
        units=f"SELECT {_DYAD_ENDS}, {expression} AS {column}, e.type, e.status, e.confidence "
              f"FROM events e WHERE {{where}} AND {_TWO_ENDS}",
        counts=f"SELECT a, b, {column}, type, status, coalesce(confidence >= {CONFIDENT}, "
               "false), count(*) FROM ({units}) u WHERE {keep} GROUP BY ALL",
    )


# Per date bucket of the listing order (``counts_listing``'s: the month, a shorter date as
# it is, NULL: no date): a page of a dyad's timeline and its last contact are read from
# their buckets only, and its cooperation-conflict chart from the buckets that are months
# (migration m021 dropped ``counts_dyad_month``, which held those alone).
_DYAD_LISTING = _dyad_by("counts_dyad_listing", "bucket", "substr(e.date_value, 1, 7)")
_ACTOR = Aggregate(
    table="counts_actor",
    columns="name VARCHAR, country VARCHAR, wikidata VARCHAR, role VARCHAR, kind VARCHAR, "
            "n BIGINT, aliases VARCHAR[]",
    keys=("name", "country"),
    units=" UNION ALL ".join(
        f"SELECT e.{side}_name AS name, e.{side}_country AS country, "
        f"e.{side}_wikidata AS wikidata, e.{side}_role AS role, a.kind, e.{side}_text AS alias "
        f"FROM events e LEFT JOIN actors a ON a.event_id = e.id AND a.role_in_event = '{side}' "
        f"WHERE {{where}} AND e.{side}_name IS NOT NULL" for side in ("source", "target")),
    counts="SELECT name, country, any_value(wikidata), any_value(role), mode(kind), count(*), "
           "list(DISTINCT alias ORDER BY alias) FILTER (WHERE alias IS NOT NULL "
           "AND alias <> name) FROM ({units}) u WHERE {keep} GROUP BY name, country",
)
_LISTING = _by_type_and_status("counts_listing", "bucket", "substr(e.date_value, 1, 7)")
# The article's other words for an actor, per word: actor suggestions count the events
# whose words for the actor hold what was typed (when its name does not).
_ALIAS = Aggregate(
    table="counts_alias",
    columns="name VARCHAR, country VARCHAR, alias VARCHAR, kind VARCHAR, n BIGINT",
    keys=("name", "country", "alias", "kind"),
    units=_ACTOR.units,
    counts="SELECT name, country, alias, kind, count(*) FROM ({units}) u WHERE {keep} "
           "AND alias IS NOT NULL AND alias <> name GROUP BY ALL",
    additive=True,
)
# Articles, not events, are its units (``e`` here is the articles table): the outlet and
# events of each article are kept on it (``store/outlets.py``) before the counts are.
_OUTLET = Aggregate(
    table="counts_outlet",
    columns="outlet VARCHAR, documents BIGINT, articles BIGINT, events BIGINT",
    keys=("outlet",),
    units="SELECT e.outlet, e.doc_id, e.n_events FROM articles e WHERE {where}",
    counts="SELECT outlet, count(DISTINCT doc_id), count(*), coalesce(sum(n_events), 0) "
           "FROM ({units}) u WHERE {keep} GROUP BY ALL",
)
# Where events happened: per place (name, country, lon/lat; a place with no coordinates
# still counts for its country) × type × ``confident``, with the place's first events
# (date, NULLs last, then id), for the map.
FIRST_EVENTS = 50
_PLACE = Aggregate(
    table="counts_place",
    columns="name VARCHAR, country VARCHAR, lat DOUBLE, lon DOUBLE, type VARCHAR, "
            "confident BOOLEAN, n BIGINT, "
            "firsts STRUCT(undated BOOLEAN, date VARCHAR, id VARCHAR)[]",
    keys=("name", "country", "lat", "lon"),
    units="SELECT e.location_name AS name, e.location_country AS country, "
          "e.location_lat AS lat, e.location_lon AS lon, e.type, e.confidence, e.date_value, "
          "e.id FROM events e WHERE {where} AND (e.location_country IS NOT NULL "
          "OR (e.location_lat IS NOT NULL AND e.location_lon IS NOT NULL))",
    counts=f"SELECT name, country, lat, lon, type, coalesce(confidence >= {CONFIDENT}, false), "
           "count(*), list(struct_pack(undated := date_value IS NULL, "
           "date := coalesce(date_value, ''), id := id) "
           f"ORDER BY date_value, id)[1:{FIRST_EVENTS}] "
           "FROM ({units}) u WHERE {keep} GROUP BY ALL",
)
# The network's edges: events per directed pair of named actors (with their countries) ×
# type × ``confident``.
_PAIR_COLUMNS = "source_name, source_country, target_name, target_country"
_PAIR = Aggregate(
    table="counts_pair",
    columns="source_name VARCHAR, source_country VARCHAR, target_name VARCHAR, "
            "target_country VARCHAR, type VARCHAR, confident BOOLEAN, n BIGINT",
    keys=tuple(_PAIR_COLUMNS.split(", ")),
    units=f"SELECT {_PAIR_COLUMNS}, e.type, e.confidence FROM events e WHERE {{where}} "
          "AND e.source_name IS NOT NULL AND e.target_name IS NOT NULL",
    counts=f"SELECT {_PAIR_COLUMNS}, type, coalesce(confidence >= {CONFIDENT}, false), "
           "count(*) FROM ({units}) u WHERE {keep} GROUP BY ALL",
)
# A state's events (either side; an event between two of its own actors once) per month ×
# type × claim status × ``confident``, for its page and its cooperation-conflict chart.
_COUNTRY = Aggregate(
    table="counts_country",
    columns="country VARCHAR, period VARCHAR, type VARCHAR, status VARCHAR, confident BOOLEAN, "
            "n BIGINT",
    keys=("country", "period", "type", "status"),
    units=f"SELECT e.source_country AS country, {PERIOD} AS period, e.type, e.status, "
          "e.confidence FROM events e WHERE {where} AND e.source_country IS NOT NULL "
          f"UNION ALL SELECT e.target_country, {PERIOD}, e.type, e.status, e.confidence "
          "FROM events e WHERE {where} AND e.target_country IS NOT NULL "
          "AND e.target_country IS DISTINCT FROM e.source_country",
    counts=f"SELECT country, period, type, status, coalesce(confidence >= {CONFIDENT}, false), "
           "count(*) FROM ({units}) u WHERE {keep} GROUP BY ALL",
)


def _profile_units(columns: str) -> str:
    """An actor profile's units: each event once per state (``matched_on`` ``country``),
    once per Wikidata id (``wikidata``) and once per canonical name (``name``) it names,
    from the side that names it, the source when both do (as
    :func:`profiles.actor_profile` counts it), with the other side as the counterpart;
    ``columns`` of the event ``e`` follow."""
    parts = []
    for on in ("country", "wikidata", "name"):
        parts.append(f"SELECT '{on}' AS matched_on, e.source_{on} AS actor, true AS is_source, "
                     f"e.target_name AS other_name, e.target_country AS other_country, "
                     f"{columns} FROM events e WHERE {{where}} AND e.source_{on} IS NOT NULL")
        parts.append(f"SELECT '{on}', e.target_{on}, false, e.source_name, e.source_country, "
                     f"{columns} FROM events e WHERE {{where}} AND e.target_{on} IS NOT NULL "
                     f"AND e.target_{on} IS DISTINCT FROM e.source_{on}")
    return " UNION ALL ".join(parts)


_PROFILE_UNITS = _profile_units(
    "e.type, e.status, nullif(e.date_value, '') AS day, "
    "substr(nullif(e.date_value, ''), 1, 7) AS month, e.confidence")
# An actor page reads the rows of one actor: stored in actor order (m022), its scans of
# these two tables read a row group of 122,880 rows instead of all (3 at 1M events).
_BY_ACTOR = ("matched_on", "actor")
# A state's, a Wikidata id's or a name's events per side × month (the date's first 7
# characters, as the profile's timeline has it) × type × claim status × ``confident``,
# with the first and last dates: the profile's totals, types, statuses and timeline.
_PROFILE = Aggregate(
    table="counts_profile",
    columns="matched_on VARCHAR, actor VARCHAR, is_source BOOLEAN, month VARCHAR, "
            "type VARCHAR, status VARCHAR, confident BOOLEAN, n BIGINT, first_date VARCHAR, "
            "last_date VARCHAR",
    keys=("matched_on", "actor", "month", "type", "status"),
    units=_PROFILE_UNITS,
    counts=f"SELECT matched_on, actor, is_source, month, type, status, "
           f"coalesce(confidence >= {CONFIDENT}, false), count(*), min(day), max(day) "
           "FROM ({units}) u WHERE {keep} GROUP BY ALL",
    stored_by=_BY_ACTOR,
)
# The same events per counterpart (the other side's name and country) × type × claim
# status × ``confident``: the profile's counterparts.
_COUNTERPART = Aggregate(
    table="counts_counterpart",
    columns="matched_on VARCHAR, actor VARCHAR, other_name VARCHAR, other_country VARCHAR, "
            "type VARCHAR, status VARCHAR, confident BOOLEAN, n BIGINT",
    keys=("matched_on", "actor", "other_name", "other_country", "type", "status", "confident"),
    units=_PROFILE_UNITS,
    counts=f"SELECT matched_on, actor, other_name, other_country, type, status, "
           f"coalesce(confidence >= {CONFIDENT}, false), count(*) FROM ({{units}}) u "
           "WHERE {keep} AND (other_name IS NOT NULL OR other_country IS NOT NULL) GROUP BY ALL",
    stored_by=_BY_ACTOR,
    additive=True,
)
# The actor index's rows of the events' two sides (``e`` here is the actors table), per
# everything the actor matcher and an actor page's identities read: the identities of
# what a user typed are matched among these rows instead of every side of every event.
_IDENTITY_COLUMNS = ("name", "country", "wikidata", "role", "sector", "kind", "text")
_IDENTITY = Aggregate(
    table="counts_identity",
    columns=", ".join(f"{c} VARCHAR" for c in _IDENTITY_COLUMNS) + ", n BIGINT",
    keys=_IDENTITY_COLUMNS,
    units=f"SELECT {', '.join('e.' + c for c in _IDENTITY_COLUMNS)} FROM actors e "
          "WHERE {where} AND e.role_in_event IN ('source', 'target')",
    counts=f"SELECT {', '.join(_IDENTITY_COLUMNS)}, count(*) FROM ({{units}}) u "
           "WHERE {keep} GROUP BY ALL",
    additive=True,
)
AGGREGATES: tuple[Aggregate, ...] = (_MONTH, _DYAD, _ACTOR, _PLACE, _PAIR, _COUNTRY, _LISTING,
                                      _OUTLET, _ALIAS, _PROFILE, _COUNTERPART, _IDENTITY,
                                      _DYAD_LISTING)


def aggregates_named(*tables: str) -> tuple[Aggregate, ...]:
    """The count tables of these names (a migration creates the ones of its time)."""
    return tuple(agg for agg in AGGREGATES if agg.table in tables)


def create_tables(con: duckdb.DuckDBPyConnection,
                  aggregates: tuple[Aggregate, ...] = AGGREGATES) -> None:
    for agg in aggregates:
        con.execute(f"CREATE TABLE {agg.table} ({agg.columns})")


def rebuild_counts(con: duckdb.DuckDBPyConnection,
                   aggregates: tuple[Aggregate, ...] = AGGREGATES) -> None:
    """Recount every table (or these) from every event (a migration, a bulk load)."""
    for agg in aggregates:
        con.execute(f"DELETE FROM {agg.table}")
        con.execute(agg.inserted())


def store_in_order(con: duckdb.DuckDBPyConnection, aggregates: tuple[Aggregate, ...]) -> None:
    """Rewrite these tables' rows in their :attr:`Aggregate.stored_by` order (the rows and
    the columns unchanged)."""
    for agg in aggregates:
        con.execute(f"CREATE TEMP TABLE reordered AS SELECT * FROM {agg.table}"
                    f"{agg.in_stored_order}")
        con.execute(f"DELETE FROM {agg.table}")
        con.execute(f"INSERT INTO {agg.table} SELECT * FROM reordered")
        con.execute("DROP TABLE reordered")


def recount(con: duckdb.DuckDBPyConnection) -> dict[str, list[tuple]]:
    """What every table would hold if counted now from every event (sorted rows)."""
    return {agg.table: sorted(con.execute(agg.rows()).fetchall(), key=repr)
            for agg in AGGREGATES}


def stored_counts(con: duckdb.DuckDBPyConnection) -> dict[str, list[tuple]]:
    """What the tables hold (sorted rows), to compare with :func:`recount`."""
    return {agg.table: sorted(con.execute(f"SELECT * FROM {agg.table}").fetchall(), key=repr)
            for agg in AGGREGATES}


def _touched(agg: Aggregate) -> str:
    return f"touched_{agg.table}"


def _same_key(agg: Aggregate, left: str, right: str) -> str:
    return " AND ".join(f"{left}.{k} IS NOT DISTINCT FROM {right}.{k}" for k in agg.keys)


OF_DOCUMENTS = "e.doc_id IN (SELECT unnest(?))"


def collect_keys(con: duckdb.DuckDBPyConnection, doc_ids: list[str], *,
                 added: bool = False) -> None:
    """Remember the keys the stored events of these documents count under, and an additive
    table's rows of them, to subtract (call it before they are deleted;
    :func:`refresh_counts` calls it again, ``added``, for the new ones: rows to add)."""
    for agg in AGGREGATES:
        if agg.additive:
            _collect_rows(con, agg, doc_ids, sign=1 if added else -1)
            continue
        select = agg.keys_of(OF_DOCUMENTS)
        params = [doc_ids] * select.count("?")
        con.execute(f"CREATE TEMP TABLE IF NOT EXISTS {_touched(agg)} AS "
                    f"SELECT * FROM ({select}) WHERE false", params)
        con.execute(f"INSERT INTO {_touched(agg)} {select}", params)


def _collect_rows(con: duckdb.DuckDBPyConnection, agg: Aggregate, doc_ids: list[str],
                  sign: int) -> None:
    """Add the rows these documents' stored events count as, times ``sign``, to the
    changes of the additive table ``agg``."""
    select = agg.rows(where=OF_DOCUMENTS)
    keys = ", ".join(agg.keys)
    con.execute(f"CREATE TEMP TABLE IF NOT EXISTS {_touched(agg)} AS "
                f"SELECT {keys}, n FROM {agg.table} WHERE false")
    con.execute(f"INSERT INTO {_touched(agg)} SELECT {keys}, {sign} * n "
                f"FROM ({select}) AS r({keys}, n)", [doc_ids] * select.count("?"))


def _add_rows(con: duckdb.DuckDBPyConnection, agg: Aggregate) -> None:
    """Apply the collected changes of the additive table ``agg``: each changed key's count
    plus its changes, the keys left with none dropped."""
    changes, keys = _touched(agg), ", ".join(agg.keys)
    changed = f"EXISTS (SELECT 1 FROM {changes} t WHERE {_same_key(agg, 't', 'c')})"
    con.execute(f"CREATE TEMP TABLE summed AS SELECT {keys}, sum(n)::BIGINT AS n FROM ("
                f"SELECT {keys}, n FROM {agg.table} c WHERE {changed} "
                f"UNION ALL SELECT {keys}, n FROM {changes}) GROUP BY ALL")
    con.execute(f"DELETE FROM {agg.table} c WHERE {changed}")
    con.execute(f"INSERT INTO {agg.table} ({keys}, n) SELECT {keys}, n FROM summed "
                f"WHERE n <> 0{agg.in_stored_order}")
    con.execute("DROP TABLE summed")
    con.execute(f"DROP TABLE {changes}")


def refresh_counts(con: duckdb.DuckDBPyConnection, doc_ids: list[str]) -> None:
    """Recount the rows of every key collected for these documents, old events and new;
    an additive table gets its collected changes instead (:func:`collect_keys` before the
    old events are deleted: without it their rows are not subtracted)."""
    collect_keys(con, doc_ids, added=True)
    for agg in AGGREGATES:
        if agg.additive:
            _add_rows(con, agg)
            continue
        touched = _touched(agg)
        con.execute(f"DELETE FROM {agg.table} c WHERE EXISTS (SELECT 1 FROM {touched} t "
                    f"WHERE {_same_key(agg, 't', 'c')})")
        keep = f"EXISTS (SELECT 1 FROM {touched} t WHERE {_same_key(agg, 't', 'u')})"
        con.execute(agg.inserted(keep=keep))
        con.execute(f"DROP TABLE {touched}")
