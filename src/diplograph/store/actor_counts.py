"""An actor page's profile and identities read from the counts kept per actor
(``counts_profile``, ``counts_counterpart``, ``counts_identity``: ``store/aggregates.py``)
instead of every event and every actor row (:mod:`diplograph.store.profiles` decides
when they can answer and falls back to the events otherwise).

Same rules as there: JSON-ready values, bound parameters only.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

import duckdb

from diplograph.store.filters import actor_side, is_country_code, is_wikidata_id
from diplograph.store.queries import Condition
from diplograph.store.web_queries import counted_where


def profile_where(con: duckdb.DuckDBPyConnection, actor: str,
                  flt: Condition) -> tuple[str, list] | None:
    """The condition on ``counts_profile`` and ``counts_counterpart`` that selects the
    events the profile of ``actor`` counts under ``flt``, or None when they cannot tell:
    words that match only some of a name's sides (:func:`_names_matched`), or ``flt``
    holding more than type, status and the default confidence floor (the undated bucket:
    the tables keep the date's first 7 characters, not the month the charts count)."""
    counted = None if getattr(flt, "undated", False) else counted_where(flt)
    if counted is None:
        return None
    where, params = counted
    if is_country_code(actor) or is_wikidata_id(actor):
        on, key = ("country", actor) if is_country_code(actor) else ("wikidata", actor.upper())
        return f"matched_on = ? AND actor = ? AND {where}", [on, key, *params]
    names = _names_matched(con, actor)
    if names is None:
        return None
    return (f"matched_on = 'name' AND actor IN (SELECT unnest(?)) AND {where}",
            [names, *params])


# The names already looked up inside :func:`names_asked_once`, per connection and words;
# None outside it (every call looks them up: a writable database may change between two).
_ASKED: ContextVar[dict[tuple[int, str], list[str] | None] | None] = ContextVar(
    "names_asked", default=None)


@contextmanager
def names_asked_once() -> Iterator[None]:
    """Within this block each connection looks up the names for the same words once: an
    actor page asks for them three times (its profile, its chart, its list) of one
    database that does not change while the page is read, and at a million events the
    look-up over ``counts_identity`` is about a third of the page's time."""
    token = _ASKED.set({})
    try:
        yield
    finally:
        _ASKED.reset(token)


def _names_matched(con: duckdb.DuckDBPyConnection, words: str) -> list[str] | None:
    """:func:`_look_up_names`, once per connection and words inside :func:`names_asked_once`."""
    asked = _ASKED.get()
    if asked is None:
        return _look_up_names(con, words)
    key = (id(con), words)
    if key not in asked:
        asked[key] = _look_up_names(con, words)
    return asked[key]


def _look_up_names(con: duckdb.DuckDBPyConnection, words: str) -> list[str] | None:
    """The canonical names whose every side the matcher selects for ``words``, when the
    sides it selects are exactly theirs: None when it selects a side by its article's words
    alone (a side without a name, or one of a name whose other sides it leaves), or an
    event between two of the names (counted once by the matcher, once per name here)."""
    cond, values = actor_side("source", words)
    rows = con.execute(f"SELECT source_name, bool_and(coalesce({cond}, false)), "
                       f"bool_or(coalesce({cond}, false)) FROM ({IDENTITY_SIDES}) GROUP BY 1",
                       values * 2).fetchall()
    if any(some and (name is None or not every) for name, every, some in rows):
        return None
    names = sorted(name for name, _, some in rows if some)
    between = con.execute("SELECT count(*) FROM counts_pair WHERE source_name IN "
                          "(SELECT unnest(?)) AND target_name IN (SELECT unnest(?)) "
                          "AND source_name <> target_name", [names, names]).fetchone()[0]
    return None if between else names


# :data:`profiles._PROFILE_SQL`'s rows (kind, then five values) from the kept counts: the
# same totals, types, statuses, months and ``top`` counterparts ({where}: twice).
PROFILE_SQL = """
    WITH mine AS (SELECT * FROM counts_profile WHERE {where}),
    others AS (
        SELECT coalesce(other_name, other_country) AS other, type,
            any_value(other_name) AS name, any_value(other_country) AS country,
            sum(n)::BIGINT AS n
        FROM counts_counterpart WHERE {where} GROUP BY 1, 2)
    SELECT 'all', min(first_date), max(last_date), NULL, coalesce(sum(n), 0)::BIGINT, NULL
        FROM mine
    UNION ALL SELECT 'source', NULL, NULL, NULL,
        coalesce(sum(n) FILTER (WHERE is_source), 0)::BIGINT, NULL FROM mine
    UNION ALL SELECT 'type', type, NULL, NULL, sum(n)::BIGINT, NULL FROM mine GROUP BY type
    UNION ALL SELECT 'status', status, NULL, NULL, sum(n)::BIGINT, NULL FROM mine
        GROUP BY status
    UNION ALL SELECT 'month', month, NULL, NULL, sum(n)::BIGINT, NULL FROM mine
        WHERE month IS NOT NULL GROUP BY 2
    UNION ALL (SELECT 'counterpart', other, any_value(name), any_value(country),
        sum(n)::BIGINT, map(list(type ORDER BY type), list(n ORDER BY type)) FROM others
        GROUP BY other ORDER BY 5 DESC, 2 LIMIT ?)
"""

# The actor index's rows of both sides, counted (``counts_identity``), named as the events'
# source columns so that the shared matcher selects them (one side is enough: the rows
# of both are there).
IDENTITY_SIDES = ("SELECT name AS source_name, country AS source_country, "
                  "wikidata AS source_wikidata, role AS source_role, sector AS source_sector, "
                  "text AS source_text, kind, n FROM counts_identity")
