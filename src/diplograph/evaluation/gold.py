"""Reading the files ``diplograph eval`` scores, checked line by line (SPEC §7).

A gold file is JSON Lines: one object per line with ``doc_id``, ``type`` (a PLOVER
category or a list of them), and optionally ``source``/``target`` (``"*"``, null, or
``{"country": code or codes, "name": regex}``), ``polarity``, ``date``, ``optional`` and
``note``. Rather than a traceback, or a score silently computed from half a file, every
problem is named as ``file:line: what`` and the whole file is refused (:class:`GoldFileError`).
Valid files are returned exactly as read, so the figures stay the referee's.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from pathlib import Path

from diplograph.errors import UsageError
from diplograph.evaluation.scoring import POLARITY, norm_type
from diplograph.records import EVENT_TYPES

MAX_SHOWN = 20  # problems listed before "... and N more": a wrong file has one on every line
POLARITIES = frozenset(POLARITY.values())
Check = Callable[[dict], Iterator[str]]


class GoldFileError(UsageError):
    """A gold or prediction file with problems; ``str()`` is one line per problem."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        shown = problems[:MAX_SHOWN]
        if len(problems) > MAX_SHOWN:
            shown.append(f"... and {len(problems) - MAX_SHOWN} more problems")
        super().__init__("\n".join(shown))


def read_gold(path: str | Path) -> list[dict]:
    """The gold records of ``path``.

    Raises:
        GoldFileError: not JSON Lines, a record without ``doc_id`` or ``type``, a type
            that is not PLOVER, a malformed actor spec, polarity or date; or no record.
    """
    return _read(Path(path), gold_problems, "gold")


def read_predictions(path: str | Path) -> list[dict]:
    """The system events of ``path`` (SPEC §4; only what scoring reads is checked).

    Raises:
        GoldFileError: not JSON Lines, or an event without ``doc_id`` or ``type``.
    """
    return _read(Path(path), event_problems, "event")


def _read(path: Path, check: Check, what: str) -> list[dict]:
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise GoldFileError([f"{path}: not UTF-8 text ({exc.reason} at byte {exc.start})"])
    except OSError as exc:  # a wrong argument, not a failing machine
        raise GoldFileError([f"{path}: cannot read the {what} file ({exc.strerror})"])
    problems = _json_array(path, text)
    if problems:
        raise GoldFileError(problems)
    records = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        record, found = _parse(line)
        problems += [f"{path}:{number}: {p}" for p in found or check(record)]
        records.append(record)
    if not records and not problems:
        problems.append(f"{path}: no {what} records (the file is empty)")
    if problems:
        raise GoldFileError(problems)
    return records


def _json_array(path: Path, text: str) -> list[str]:
    """One problem for a file holding a JSON array (the usual mistake), else none."""
    if not text.lstrip().startswith("["):
        return []
    try:
        value = json.loads(text)
    except json.JSONDecodeError:
        return []  # not one array: the lines are judged one by one
    return [f"{path}:1: a JSON array of {len(value)} items, not JSON Lines: one object per "
            "line (jq -c '.[]' converts it)"] if isinstance(value, list) else []


def _parse(line: str) -> tuple[dict, list[str]]:
    try:
        value = json.loads(line)
    except json.JSONDecodeError as exc:
        return {}, [f"not JSON ({exc.msg} at column {exc.colno})"]
    if not isinstance(value, dict):
        return {}, [f"a JSON {type(value).__name__}, not an object"]
    return value, []


def _has_text(record: dict, key: str) -> bool:
    return isinstance(record.get(key), str) and bool(record[key].strip())


def event_problems(event: dict) -> Iterator[str]:
    """What scoring needs of a system event: its document and a type name."""
    for key in ("doc_id", "type"):
        if not _has_text(event, key):
            yield f"no {key} (a string)"


def gold_problems(gold: dict) -> Iterator[str]:
    """Every way ``gold`` breaks SPEC §7's gold format."""
    if not _has_text(gold, "doc_id"):
        yield "no doc_id (a string)"
    yield from _type_problems(gold)
    for side in ("source", "target"):
        yield from _actor_problems(side, gold.get(side, "*"))
    polarity = gold.get("polarity", "happened")
    if not (isinstance(polarity, str) and polarity in POLARITIES):  # a list is unhashable
        yield f"polarity {polarity!r} is not one of {', '.join(sorted(POLARITIES))}"
    date = gold.get("date")
    if date is not None and not (isinstance(date, dict) and isinstance(date.get("value"), str)):
        yield 'date must be {"value": "YYYY-MM-DD", "precision": ...} or absent'
    if not isinstance(gold.get("optional", False), bool):
        yield "optional must be true or false"


def _type_problems(gold: dict) -> Iterator[str]:
    if "type" not in gold:
        yield "no type (a PLOVER category or a list of them)"
        return
    types = gold["type"] if isinstance(gold["type"], list) else [gold["type"]]
    if not types and gold.get("optional") is not True:
        yield "type [] names no category: only an optional record (no event here) may"
    for kind in types:
        if not isinstance(kind, str):
            yield f"type {kind!r} is not a string"
        elif norm_type(kind) not in EVENT_TYPES:
            yield f"type {kind!r} is not a PLOVER category ({', '.join(EVENT_TYPES)})"


def _actor_problems(side: str, spec: object) -> Iterator[str]:
    if spec == "*" or spec is None:
        return
    if not isinstance(spec, dict):
        yield f'{side} must be "*", null or an object with country and/or name'
        return
    countries = spec.get("country", [])
    countries = countries if isinstance(countries, list) else [countries]
    if not all(isinstance(code, str) for code in countries):
        yield f"{side}.country must be a code or a list of codes"
    if "name" in spec:
        yield from _regex_problems(f"{side}.name", spec["name"])


def _regex_problems(where: str, pattern: object) -> Iterator[str]:
    if not isinstance(pattern, str):
        yield f"{where} must be a regular expression (a string)"
        return
    try:
        re.compile(pattern)
    except re.error as exc:
        yield f"{where} is not a valid regular expression ({exc})"
