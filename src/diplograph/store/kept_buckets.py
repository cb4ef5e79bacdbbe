"""Which kept count table holds a search's events per date bucket of the listing order.

A page of the event list in its default order is read from the date buckets it falls in
(:mod:`diplograph.store.event_lists`); the buckets' counts come from a kept table when the
search is one it answers, so that neither the page nor its total reads every matching
event:

- no actor: ``counts_listing``;
- one actor (a state's code, a Wikidata id, or words the profile counts can tell): the
  months of ``counts_profile`` (:func:`actor_counts.profile_where`), which are the listing
  buckets as long as no event has an empty date (the profile counts keep ``''`` as no
  month, the listing as a bucket of its own: then the events are counted instead);
- two states (``actor`` and ``other``): ``counts_dyad_listing``, and a dyad's last contact
  from the same rows (:func:`last_contact_bucket`).

Anything else (free text, a place, another confidence floor, the undated bucket, names
the counts cannot tell apart) gives None: the events are counted.
"""

from __future__ import annotations

import duckdb

from diplograph.store import actor_counts, catalog
from diplograph.store.filters import EventFilter, is_country_code
from diplograph.store.queries import Condition
from diplograph.store.web_queries import Search, counted_where, has_counts


def bucket_counts(con: duckdb.DuckDBPyConnection, s: Condition) -> tuple[str, list] | None:
    """SQL giving ``(bucket, n)`` rows (``n`` > 0) of the events ``s`` selects, from a kept
    table, with its parameters; None when no kept table answers ``s``."""
    search = s if isinstance(s, Search) else Search(flt=s) if isinstance(s, EventFilter) else None
    if search is None or search.undated or not has_counts(con):
        return None
    rest = search.with_(actor=None, other=None)
    counted = counted_where(rest)
    if counted is None:
        return None
    actor, other = search.flt.actor, search.other
    if not actor and not other:
        return _summed("counts_listing", "bucket", counted) \
            if catalog.has_table(con, "counts_listing") else None
    if actor and not other:
        return _actor_buckets(con, actor, rest)
    if actor and other:
        return _dyad_buckets(con, actor, other, counted)
    return None


def _summed(table: str, bucket: str, where: tuple[str, list]) -> tuple[str, list]:
    return (f"SELECT {bucket}, sum(n)::BIGINT FROM {table} WHERE {where[0]} "
            f"GROUP BY {bucket} HAVING sum(n) > 0"), where[1]


def _actor_buckets(con: duckdb.DuckDBPyConnection, actor: str,
                   rest: Search) -> tuple[str, list] | None:
    if not all(catalog.has_table(con, t) for t in ("counts_profile", "counts_identity",
                                                   "counts_listing")):
        return None
    if _some_empty_date(con):
        return None
    where = actor_counts.profile_where(con, actor, rest)
    return _summed("counts_profile", "month", where) if where is not None else None


def _some_empty_date(con: duckdb.DuckDBPyConnection) -> bool:
    """Whether an event has an empty date (its listing bucket ``''``, which the profile
    counts fold into no month)."""
    return con.execute("SELECT count(*) FROM counts_listing WHERE bucket = ''").fetchone()[0] > 0


def _dyad_buckets(con: duckdb.DuckDBPyConnection, a: str, b: str,
                  counted: tuple[str, list]) -> tuple[str, list] | None:
    if dyad_pair(con, a, b) is None:
        return None
    return _summed("counts_dyad_listing", "bucket", pair_condition(a, b, counted))


def pair_condition(a: str, b: str, where: tuple[str, list]) -> tuple[str, list]:
    """The condition on a kept dyad table (keyed by the two ends in order, ``a`` < ``b``)
    for the events between ``a`` and ``b`` that also meet ``where``."""
    return f"a = ? AND b = ? AND {where[0]}", [min(a, b), max(a, b), *where[1]]


def dyad_pair(con: duckdb.DuckDBPyConnection, a: str, b: str) -> tuple[str, str] | None:
    """The key ``(a, b)`` of ``counts_dyad_listing`` whose rows are exactly the events
    between ``a`` and ``b``, or None when they are not (:func:`states_alone`) or the table
    is not kept."""
    if not catalog.has_table(con, "counts_dyad_listing") or not states_alone(con, a, b):
        return None
    return min(a, b), max(a, b)


def states_alone(con: duckdb.DuckDBPyConnection, a: str, b: str) -> bool:
    """Whether the kept counts of the pair of ends ``a`` and ``b`` (an end being the
    country, else the name) are exactly the events between the two states: two different
    country codes, and no actor with no country named like one of them."""
    if not (is_country_code(a) and is_country_code(b)) or a == b:
        return False
    return not con.execute("SELECT count(*) FROM counts_actor WHERE country IS NULL "
                           "AND name IN (?, ?)", [a, b]).fetchone()[0]


def last_contact_bucket(con: duckdb.DuckDBPyConnection, pair: tuple[str, str],
                        statuses: list[str]) -> str | None:
    """The latest dated bucket holding a CONSULT between the pair with one of these
    statuses (the latest such date lies in it), or None when there is none."""
    return con.execute("SELECT max(bucket) FROM counts_dyad_listing WHERE a = ? AND b = ? "
                       "AND type = 'CONSULT' AND status IN (SELECT unnest(?)) "
                       "AND bucket IS NOT NULL AND n > 0", [*pair, statuses]).fetchone()[0]


__all__ = ["bucket_counts", "dyad_pair", "last_contact_bucket", "pair_condition", "states_alone"]
