"""Counts in the messages the user reads: "1 file", "2 files", never "1 files"."""

from __future__ import annotations


def counted(n: int, noun: str, plural: str | None = None) -> str:
    """``n`` and the noun in the number that agrees with it ("1 file", "0 files").

    Args:
        n: how many.
        noun: the singular ("file", "document").
        plural: the plural when it is not the singular plus "s" ("entries").
    """
    return f"{n} {noun if n == 1 else plural or noun + 's'}"
