"""Stored event records as the JSON twins send them: compact (``,`` and ``:`` with no
space), written by DuckDB's ``json()`` in the query that reads the page, instead of parsed
and dumped again in Python (at 1M events a dyad's 500 records cost 8 ms of CPU to parse and
14 to dump).

A record is stored as ``json.dumps(..., ensure_ascii=False)`` writes it. DuckDB's ``json()``
writes it again byte for byte as ``json.dumps(json.loads(record), ensure_ascii=False,
separators=(",", ":"))`` does, except for numbers Python spells with an exponent (``1e-05``:
DuckDB ``0.00001``), control characters (Python ``\\u001f``, DuckDB ``\\u001F``) and
``NaN``/``Infinity`` (which the twins refuse to send). A record that may hold one of these
is not handed to ``json()``: Python compacts it (:func:`compact_text`).
"""

from __future__ import annotations

import json
from typing import NamedTuple

from diplograph.store.queries import HAPPENED

# What DuckDB's json() spells apart from Python: an escaped control character, an exponent
# (Python's float repr always signs it: "1e-05", "1e+16"; a hexadecimal id such as
# "3e50dd91" is none), a non-finite number. A match inside a string only sends the record
# to Python.
_SPELLED_APART = r"\\u00|[0-9][eE][-+][0-9]|NaN|Infinity"
_HAPPENED_SQL = ", ".join(f"'{status}'" for status in HAPPENED)  # fixed words, no quotes


class ListedEvent(NamedTuple):
    """An event of a listed page, as its page and its JSON twin use it."""

    id: str
    record: str  # as stored, with its incident_id (dyad_kept.with_incident)
    compact: str | None  # the same, compact as the twin sends it; None: compact_text makes it
    undated: bool  # no date value: not on the page's time axis
    happened_contact: bool  # a CONSULT said to have happened


def listed_columns(prefix: str, incident: str) -> str:
    """The SQL columns of :func:`listed` on the events table aliased by ``prefix`` (``""``
    or ``"e."``), the incident id read by the expression ``incident``."""
    record = f"{prefix}record"
    # No try(): a record that is no JSON fails the page, as parsing it in Python did.
    compact = (f"CASE WHEN regexp_matches({record}, '{_SPELLED_APART}') THEN NULL "
               f"ELSE json({record}) END")
    return ", ".join([f"{prefix}id", record, incident, compact, f"{prefix}date_value IS NULL",
                      f"{prefix}type = 'CONSULT' AND {prefix}status IN ({_HAPPENED_SQL})"])


def listed(rows: list[tuple]) -> list[ListedEvent]:
    """The rows of a query selecting :func:`listed_columns`, each record with its incident."""
    return [ListedEvent(row_id, with_incident(record, incident),
                        None if compact is None else _compact_with_incident(compact, incident),
                        undated, contact)
            for row_id, record, incident, compact, undated, contact in rows]


def compact_text(event: ListedEvent) -> str:
    """The event's record as the JSON twin sends it. Raises ValueError on a non-finite
    number, as the twin's own dump does."""
    if event.compact is not None:
        return event.compact
    return json.dumps(json.loads(event.record), ensure_ascii=False, allow_nan=False,
                      separators=(",", ":"))


def with_incident(record: str, incident_id: str | None) -> str:
    """A stored event record (a JSON object, which has no ``incident_id``) with one."""
    body = record.rstrip()[:-1].rstrip()
    comma = "" if body.endswith("{") else ","
    return f'{body}{comma} "incident_id": {json.dumps(incident_id)}}}'


def _compact_with_incident(compact: str, incident_id: str | None) -> str:
    """:func:`with_incident` for a compact record, spelt as the twin's dump spells it."""
    body = compact[:-1]
    comma = "" if body.endswith("{") else ","
    return f'{body}{comma}"incident_id":{json.dumps(incident_id, ensure_ascii=False)}}}'


__all__ = ["ListedEvent", "compact_text", "listed", "listed_columns", "with_incident"]
