"""A page's events as read with their compact records
(:class:`diplograph.store.compact_records.ListedEvent`): the HTML page iterates their dicts,
parsed when first asked for; the JSON twin sends their compact texts as they are, neither
parsed nor dumped again (:func:`compact_members`)."""

from __future__ import annotations

import json
from collections.abc import Sequence

from diplograph.store.compact_records import ListedEvent, compact_text


class ListedEvents(Sequence):
    """The events of a listed page, a sequence of their record dicts."""

    def __init__(self, events: list[ListedEvent]) -> None:
        self.events = events
        self._dicts: list[dict] | None = None

    def __len__(self) -> int:
        return len(self.events)

    def __getitem__(self, index):
        if self._dicts is None:
            self._dicts = [json.loads(event.record) for event in self.events]
        return self._dicts[index]

    def compact_json(self) -> str:
        """The events as a JSON array, as ``json.dumps(list(self), ensure_ascii=False,
        allow_nan=False, separators=(",", ":"))`` writes it (ValueError as it raises)."""
        return "[" + ",".join(compact_text(event) for event in self.events) + "]"


def compact_members(data: dict) -> str | None:
    """``data`` (string keys) as the compact JSON object ``json.dumps`` writes, its
    :class:`ListedEvents` members spliced in as their texts; None when it holds none."""
    if not any(isinstance(value, ListedEvents) for value in data.values()):
        return None
    return "{" + ",".join(f"{_dumped(name)}:{_dumped(value)}" for name, value in data.items()) + "}"


def with_plain_lists(data: dict) -> dict:
    """``data`` with its :class:`ListedEvents` as lists of dicts (for FastAPI's encoder and
    the page's template), or ``data`` itself when it holds none."""
    if not any(isinstance(value, ListedEvents) for value in data.values()):
        return data
    return {name: list(value) if isinstance(value, ListedEvents) else value
            for name, value in data.items()}


def _dumped(value: object) -> str:
    if isinstance(value, ListedEvents):
        return value.compact_json()
    return json.dumps(value, ensure_ascii=False, allow_nan=False, separators=(",", ":"))


__all__ = ["ListedEvents", "compact_members", "with_plain_lists"]
