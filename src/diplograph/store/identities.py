"""An actor's identities ranked from the sides the matcher selected: each identity (name,
country) with its most frequent kind, and of that kind's Wikidata ids, roles and sectors
the most frequent (ties: the least; a kind with none: the next kind's).

Ranked here over the few rows counted per value (:func:`ranked`): at a million events
DuckDB's seven window operators over 47 rows for a state cost ~40 ms of fixed overhead.
"""

from __future__ import annotations

from collections import defaultdict

# The values ranked per kind, in the order of a row after name, country and kind.
_VALUES = ("wikidata", "role", "sector")

# The sides' rows counted per value: (name, country, kind, wikidata, role, sector, n).
PER_VALUE_SQL = """
    SELECT name, country, kind, wikidata, role, sector, sum(n)::BIGINT AS n FROM ({sides})
    WHERE name IS NOT NULL OR country IS NOT NULL GROUP BY ALL
"""


def ranked(rows: list[tuple], limit: int) -> list[dict]:
    """The ``limit`` identities with most sides, most first (then by name, no name last):
    ``{"name", "country", "wikidata", "role", "sector", "kind", "n"}``."""
    kinds: dict[tuple, dict] = defaultdict(lambda: defaultdict(list))
    for name, country, kind, *values in rows:
        kinds[(name, country)][kind].append(values)
    found = [_identity(name, country, per_kind) for (name, country), per_kind in kinds.items()]
    found.sort(key=lambda f: (-f["n"], f["name"] is None, f["name"] or "",
                              f["country"] is None, f["country"] or ""))
    return found[:limit]


def _identity(name: str | None, country: str | None, per_kind: dict) -> dict:
    """One identity from its rows per kind: the kinds by sides (most first, no kind last);
    the kind and each value from the first kind that has one."""
    order = sorted(per_kind, key=lambda k: (-sum(r[-1] for r in per_kind[k]), k is None, k or ""))
    picks = [[_most_frequent(per_kind[k], i) for i in range(len(_VALUES))] for k in order]
    first = {c: next((p[i] for p in picks if p[i] is not None), None)
             for i, c in enumerate(_VALUES)}
    return {"name": name, "country": country, **first,
            "kind": next((k for k in order if k is not None), None),
            "n": sum(r[-1] for rows in per_kind.values() for r in rows)}


def _most_frequent(rows: list[list], i: int) -> str | None:
    """The value at ``i`` carried by most sides (ties: the least value), None when none has
    one."""
    weights: dict[str, int] = defaultdict(int)
    for row in rows:
        if row[i] is not None:
            weights[row[i]] += row[-1]
    return min(weights, key=lambda v: (-weights[v], v)) if weights else None


__all__ = ["PER_VALUE_SQL", "ranked"]
