"""Writing records as JSON Lines, CSV or a plain-text table (for the CLI)."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Sequence
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


def write_table(records: Iterable[dict], out: TextIO, columns=EVENT_COLUMNS,
                max_width: int = 60) -> int:
    """A fixed-width table; long cells are cut with an ellipsis."""
    rows = [[_cut(c, max_width) for c in flat_row(r, columns)] for r in records]
    header = [name for name, _ in columns]
    widths = [max([len(h)] + [len(row[i]) for row in rows]) for i, h in enumerate(header)]
    out.write("  ".join(h.ljust(w) for h, w in zip(header, widths)).rstrip() + "\n")
    out.write("  ".join("-" * w for w in widths) + "\n")
    for row in rows:
        out.write("  ".join(c.ljust(w) for c, w in zip(row, widths)).rstrip() + "\n")
    return len(rows)


def _cut(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


WRITERS = {"jsonl": write_jsonl, "csv": write_csv, "table": write_table}
