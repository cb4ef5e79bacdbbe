"""User text inside a SQL ``LIKE`` pattern: its ``%``, ``_`` and ``\\`` match themselves.

Use as ``lower(col) LIKE ? ESCAPE '\\'`` (:data:`ESCAPE`) with :func:`contains` as
the parameter; without the escape ``q=%`` would match every row.
"""

from __future__ import annotations

ESCAPE = "ESCAPE '\\'"


def contains(text: str) -> str:
    """The ``LIKE`` pattern (with :data:`ESCAPE`) that finds ``text`` anywhere in a value."""
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


__all__ = ["ESCAPE", "contains"]
