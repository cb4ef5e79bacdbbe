"""Calendar arithmetic for time expressions: from a named unit to a date, month or year.

Each function takes the anchor (the publication date), the tense of the clause
and what the expression named (a weekday, a month, a season, "last week"), and
returns a :class:`Resolved` value with the precision it has and the anchor
precision it needed. The conventions are those of :mod:`diplograph.coding.timexpr`.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Literal

from diplograph.coding.time_words import Tense, two_digit_year

# How many units a direction word moves from the anchor's own ("last week", "next year").
STEP = {"last": -1, "this": 0, "next": 1}


@dataclass(frozen=True, slots=True)
class Resolved:
    """A resolved expression and the anchor precision it relied on."""

    value: str
    precision: Literal["day", "month", "year"]
    needs: Literal["none", "year", "month", "day"]


def _shift_months(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def as_day(d: datetime.date, needs: str = "day") -> Resolved:
    """A day, resolved with an anchor known to ``needs`` precision."""
    return Resolved(d.isoformat(), "day", needs)  # type: ignore[arg-type]


def as_month(year: int, month: int, needs: str) -> Resolved:
    """A month (``YYYY-MM``), resolved with an anchor known to ``needs`` precision."""
    return Resolved(f"{year:04d}-{month:02d}", "month", needs)  # type: ignore[arg-type]


def as_year(year: int, needs: str) -> Resolved:
    """A year (``YYYY``), resolved with an anchor known to ``needs`` precision."""
    return Resolved(f"{year:04d}", "year", needs)  # type: ignore[arg-type]


def _coarse(start: datetime.date, end: datetime.date, needs: str) -> Resolved | None:
    """The finest unit we can name that holds the whole range (a week, a weekend)."""
    if (start.year, start.month) == (end.year, end.month):
        return as_month(start.year, start.month, needs)
    if start.year == end.year:
        return as_year(start.year, needs)
    return None


def weekday_date(
    anchor: datetime.date, weekday: int, direction: str, tense: Tense
) -> datetime.date:
    """The date of ``weekday`` near anchor; direction is last, next, this or bare."""
    back = (anchor.weekday() - weekday) % 7
    ahead = (weekday - anchor.weekday()) % 7
    if direction == "last":
        return anchor - datetime.timedelta(days=back or 7)
    if direction == "next":
        return anchor + datetime.timedelta(days=ahead or 7)
    if tense == "past":
        return anchor - datetime.timedelta(days=back)
    if tense == "future" or direction == "this":
        return anchor + datetime.timedelta(days=ahead)
    if back <= ahead:
        return anchor - datetime.timedelta(days=back)
    return anchor + datetime.timedelta(days=ahead)


def month_year(anchor: datetime.date, month: int, direction: str, tense: Tense) -> int:
    """The year of a month named without one ("in November", "last April")."""
    if direction == "last":
        return anchor.year if month < anchor.month else anchor.year - 1
    if direction == "next":
        return anchor.year if month > anchor.month else anchor.year + 1
    if direction == "this":
        return anchor.year
    return _nearest_year(anchor, datetime.date(anchor.year, month, 1), tense, by_month=True)


# Tolerance for tense errors on dates without a year (measured on TimeBank+AQUAINT,
# see docs/benchmarks.md): 60 days for month-days, the neighbouring month for months.
_LOOSE_DAYS = 60
_LOOSE_MONTHS = 0.99


def _nearest_year(
    anchor: datetime.date, same_year: datetime.date, tense: Tense, *, by_month: bool = False
) -> int:
    """Pick the year for a month or month-day given without one, by tense."""
    a = anchor.timetuple()[: 2 if by_month else 3]
    d = same_year.timetuple()[: 2 if by_month else 3]
    gap = (same_year - anchor).days
    # A past clause cannot narrate a date just after publication, nor a future one
    # a date just before: there the tense (or its parse) is the likelier error.
    loose = _LOOSE_MONTHS * 31 if by_month else _LOOSE_DAYS
    if tense == "past":
        return anchor.year if d <= a or gap <= loose else anchor.year - 1
    if tense == "future":
        return anchor.year if d >= a or -gap <= loose else anchor.year + 1
    # Present: the nearest, so "Dec. 30" read on Jan. 2 is last year's.
    if gap > 182:
        return anchor.year - 1
    if gap < -182:
        return anchor.year + 1
    return anchor.year


def safe_date(year: int, month: int, day: int) -> datetime.date | None:
    """The date, or None when there is no such day (Feb. 30)."""
    try:
        return datetime.date(year, month, day)
    except ValueError:
        return None


def month_day(
    month: int, day: int, year: str | None, anchor: datetime.date | None, tense: Tense
) -> Resolved | None:
    """A month-day ("March 17"), its year written or taken from the anchor by tense."""
    if year:
        d = safe_date(two_digit_year(year), month, day)
        return as_day(d, "none") if d else None
    if anchor is None:
        return None
    probe = safe_date(anchor.year, month, day) or safe_date(anchor.year, month, 28)
    assert probe is not None
    d = safe_date(_nearest_year(anchor, probe, tense), month, day)
    return as_day(d, "month") if d else None


def nth_weekday(year: int, month: int, weekday: int, nth: int) -> datetime.date:
    """The nth weekday of a month (Thanksgiving: the fourth Thursday of November)."""
    first = datetime.date(year, month, 1)
    return first + datetime.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (nth - 1))


def unit_period(
    unit: str, direction: str, anchor: datetime.date, tense: Tense
) -> Resolved | None:
    """"last week", "this month", "next year", "the weekend": the unit the direction names."""
    step = STEP.get(direction)
    if step is None:
        return None  # a bare "year" or "week" names no particular one
    if unit == "year":
        return as_year(anchor.year + step, "year")
    if unit == "month":
        return as_month(*_shift_months(anchor.year, anchor.month, step), "month")
    if unit == "week":
        monday = anchor - datetime.timedelta(days=anchor.weekday()) + datetime.timedelta(weeks=step)
        return _coarse(monday, monday + datetime.timedelta(days=6), "day")
    # weekend: "last weekend" and a past "this weekend" look back.
    backwards = step == -1 or (step == 0 and tense == "past")
    saturday = weekday_date(anchor, 5, "", "past" if backwards else "future")
    if step == 1:
        saturday += datetime.timedelta(weeks=1) if saturday == anchor else datetime.timedelta(0)
    return _coarse(saturday, saturday + datetime.timedelta(days=1), "day")


def offset_period(anchor: datetime.date, unit: str, n: int) -> Resolved | None:
    """"three days ago", "two weeks from now": ``n`` units from the anchor."""
    if unit == "day":
        return as_day(anchor + datetime.timedelta(days=n))
    if unit == "week":
        centre = anchor + datetime.timedelta(weeks=n)
        spread = datetime.timedelta(days=3)
        return _coarse(centre - spread, centre + spread, "day")
    if unit == "month":
        return as_month(*_shift_months(anchor.year, anchor.month, n), "month")
    return as_year(anchor.year + n, "year")


def season_year(
    first_month: int, year: str | None, direction: str, anchor: datetime.date, tense: Tense
) -> Resolved:
    """The year a season ("last fall") belongs to: winter is the year it starts in."""
    if year:
        return as_year(two_digit_year(year), "none")
    in_season = (anchor.month - first_month) % 12 < 3
    if in_season:  # winter started the year before in January and February
        current = anchor.year if anchor.month >= first_month else anchor.year - 1
        y = {"last": current - 1, "next": current + 1}.get(direction, current)
        return as_year(y, "month")
    previous = anchor.year if first_month < anchor.month else anchor.year - 1
    following = anchor.year if first_month > anchor.month else anchor.year + 1
    if direction == "last" or (not direction and tense == "past"):
        y = previous
    elif direction == "next" or (not direction and tense == "future"):
        y = following
    else:
        y = anchor.year
    return as_year(y, "month")


__all__ = [
    "STEP", "Resolved", "as_day", "as_month", "as_year", "month_day", "month_year", "nth_weekday",
    "offset_period", "safe_date", "season_year", "unit_period", "weekday_date",
]
