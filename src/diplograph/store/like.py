"""User text found inside a column, case-insensitively, as a SQL condition.

``contains(lower(col), ?)`` (:func:`holds`) with the lowered text as the parameter: the
text's ``%``, ``_`` and ``\\`` match themselves (it is no pattern), so ``q=%`` matches only
a real ``%``. It replaced ``lower(col) LIKE '%text%' ESCAPE '\\'``, which DuckDB runs
through its generic pattern matcher: 104 vs 18 ms of CPU for two columns of a million
events.
"""

from __future__ import annotations


def holds(column: str) -> str:
    """The condition that ``column`` (an expression of ours, never user text) holds the
    next parameter, case-insensitively; pass the parameter through :func:`text`."""
    return f"contains(lower({column}), ?)"


def text(typed: str) -> str:
    """The parameter of :func:`holds` for what a user typed: lower case, spaces kept."""
    return typed.lower()


__all__ = ["holds", "text"]
