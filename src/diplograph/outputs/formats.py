"""Writing records as JSON Lines, CSV or a plain-text table (for the CLI)."""

from __future__ import annotations

import csv
import json
import textwrap
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import TextIO

EVENT_COLUMNS: tuple[tuple[str, str], ...] = (
    ("date", "date.value"), ("type", "type"), ("mode", "mode"),
    ("source", "source.name"), ("src", "source.country"),
    ("target", "target.name"), ("tgt", "target.country"),
    ("status", "status"), ("conf", "confidence"), ("doc", "doc_id"),
    ("evidence", "evidence.text"),
)
ARTICLE_COLUMNS: tuple[tuple[str, str], ...] = (
    ("doc", "doc_id"), ("#", "article_index"), ("published", "published.value"),
    ("from", "published.source"), ("lang", "language"), ("dateline", "dateline"),
    ("title", "title"), ("chars", "chars"),
)


def pluck(record: dict, path: str) -> object:
    """``pluck(ev, "source.name")`` → ev["source"]["name"], None where absent."""
    value: object = record
    for part in path.split("."):
        if not isinstance(value, dict):
            return None
        value = value.get(part)
    return value


def write_jsonl(records: Iterable[dict], out: TextIO) -> int:
    n = 0
    for record in records:
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
        n += 1
    return n


def flat_row(record: dict, columns: Sequence[tuple[str, str]]) -> list[str]:
    return ["" if (v := pluck(record, path)) is None else str(v) for _, path in columns]


def write_csv(records: Iterable[dict], out: TextIO, columns=EVENT_COLUMNS) -> int:
    writer = csv.writer(out)
    writer.writerow([name for name, _ in columns])
    n = 0
    for record in records:
        writer.writerow(flat_row(record, columns))
        n += 1
    return n


TABLE_WIDTH = 120  # a terminal's width; ``None``: every line as long as it needs
MIN_LAST = 24  # the last column (the evidence) gets at least this many characters a line
KEEP_WHOLE = frozenset({"date", "type", "src", "tgt", "status", "conf", "#", "published",
                        "lang", "chars"})


def write_table(records: Iterable[dict] | Callable[[], Iterable[dict]], out: TextIO,
                columns=EVENT_COLUMNS, max_width: int = 60, width: int | None = TABLE_WIDTH) -> int:
    """A fixed-width table that fits ``width`` characters: the other columns are cut (with
    an ellipsis) to make room, and the last column wraps onto lines of its own.

    ``records`` may be a function that yields them afresh: it is then read twice (once
    for the column widths, once to write), so that no more than a row is held at a time.
    """
    read = records if callable(records) else (lambda kept=list(records): kept)
    header = [name for name, _ in columns]
    widths = [len(h) for h in header]
    for row in _cells(read(), columns):
        widths = [max(w, len(c)) for w, c in zip(widths, row)]
    widths = [min(w, max_width) for w in widths]
    if width:
        widths[:-1] = _fit(widths[:-1], header[:-1], width - MIN_LAST)
        widths[-1] = max(MIN_LAST, min(widths[-1], width - sum(widths[:-1]) - 2 * len(widths[:-1])))
    out.write("  ".join(h.ljust(w) for h, w in zip(header, widths)).rstrip() + "\n")
    out.write("  ".join("-" * w for w in widths) + "\n")
    indent = " " * (sum(widths[:-1]) + 2 * len(widths[:-1]))
    n = 0
    for row in _cells(read(), columns):
        head = "  ".join(_cut(c, w).ljust(w) for c, w in zip(row[:-1], widths[:-1]))
        lines = (textwrap.wrap(row[-1], widths[-1]) if width else [_cut(row[-1], widths[-1])])
        lines = lines or [""]
        out.write((head + "  " + lines[0]).rstrip() + "\n")
        for more in lines[1:]:
            out.write(indent + more + "\n")
        n += 1
    return n


def _cells(records: Iterable[dict], columns: Sequence[tuple[str, str]]) -> Iterator[list[str]]:
    for record in records:
        yield [" ".join(c.split()) for c in flat_row(record, columns)]


def _fit(widths: list[int], header: list[str], room: int) -> list[int]:
    """Narrow the widest free-text columns, one character at a time, until the columns
    fit ``room`` (separators included); dates, codes and statuses are never cut."""
    widths = list(widths)
    free = [i for i, h in enumerate(header) if h not in KEEP_WHOLE]
    while free and sum(widths) + 2 * len(widths) > room:
        i = max(free, key=lambda k: widths[k])
        if widths[i] <= max(len(header[i]), 6):
            break
        widths[i] -= 1
    return widths


def _cut(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


WRITERS = {"jsonl": write_jsonl, "csv": write_csv, "table": write_table}
