"""Temporal expressions: find them in a sentence and resolve them to calendar dates.

Relative expressions ("on Monday", "last fall", "in November") resolve against
the article's publication date (the *anchor*) and the tense of the clause
(SPEC §4). The result is an :class:`~diplograph.records.EventDate` whose
precision is ``day``, ``month`` or ``year``; anything we cannot pin down is
never given a false day.

Conventions (chosen to follow news style and the TimeML/TempEval annotations):

* A bare weekday includes the anchor's own day: a Friday story saying "said
  Friday" means that Friday (Reuters and AP name the weekday even for the day
  of publication). Past tense looks backwards, future forwards; present tense
  takes the nearest such day. "last Friday" / "next Friday" exclude the anchor.
* Weeks and weekends have no precision in the event model: "last week" becomes
  the month when the whole week lies in one month, else the year when it lies in
  one year, else nothing.
* Seasons and quarters resolve to the year they are named after ("last fall"
  in March 2013 is 2012; winter belongs to the year it starts in).
* Modifiers such as "early", "late", "mid-", "the end of" keep the unit:
  "early 2022" is 2022, "late November" is a month.
* Months and month-days without a year take the most recent one up to the
  anchor in past tense, the next one in future tense, the nearest otherwise.
"""

from __future__ import annotations

import datetime
import functools
import logging
import re
from dataclasses import dataclass
from importlib import resources
from typing import Any, Literal

import yaml
from spacy.tokens import Doc, Span, Token

from diplograph.coding.parse import doc_text
from diplograph.errors import KnowledgeError
from diplograph.knowledge.yamldata import load_yaml
from diplograph.records import EventDate

logger = logging.getLogger(__name__)

Tense = Literal["past", "present", "future"]

# How finely the anchor must be known for an expression to resolve.
_RANK = {"unknown": 0, "none": 0, "year": 1, "month": 2, "day": 3}


@dataclass(frozen=True, slots=True)
class _Resolved:
    """A resolved expression and the anchor precision it relied on."""

    value: str
    precision: Literal["day", "month", "year"]
    needs: Literal["none", "year", "month", "day"]


@dataclass(frozen=True, slots=True)
class _Lexicon:
    months: dict[str, int]
    weekdays: dict[str, int]
    seasons: dict[str, int]
    day_parts: tuple[str, ...]
    modifiers: tuple[str, ...]
    relative_days: dict[str, int]
    holidays: dict[str, tuple[int, int]]
    floating_holidays: dict[str, tuple[int, int, int]]
    numbers: dict[str, int]
    reporting_verbs: frozenset[str]
    future_governors: frozenset[str]
    future_auxiliaries: frozenset[str]


def _invert(table: dict[Any, list[str]]) -> dict[str, int]:
    return {name.lower(): int(key) for key, names in table.items() for name in names}


@functools.lru_cache(maxsize=1)
def lexicon() -> _Lexicon:
    """Load (once) the word lists in ``data/time/lexicon.yaml``."""
    path = resources.files("diplograph") / "data" / "time" / "lexicon.yaml"
    try:
        raw = load_yaml(path.read_text(encoding="utf-8"))
        return _Lexicon(
            months=_invert(raw["months"]),
            weekdays=_invert(raw["weekdays"]),
            seasons={k.lower(): int(v) for k, v in raw["seasons"].items()},
            day_parts=tuple(raw["day_parts"]),
            # Longest first, so "the end of" is stripped before "the".
            modifiers=tuple(sorted(raw["period_modifiers"], key=len, reverse=True)),
            relative_days={k.lower(): int(v) for k, v in raw["relative_days"].items()},
            holidays={k.lower(): (int(v[0]), int(v[1])) for k, v in raw["holidays"].items()},
            floating_holidays={k.lower(): (int(v[0]), int(v[1]), int(v[2]))
                               for k, v in raw.get("floating_holidays", {}).items()},
            numbers={k.lower(): int(v) for k, v in raw["numbers"].items()},
            reporting_verbs=frozenset(raw["reporting_verbs"]),
            future_governors=frozenset(raw["future_governors"]),
            future_auxiliaries=frozenset(raw["future_auxiliaries"]),
        )
    except (OSError, KeyError, TypeError, ValueError, yaml.YAMLError) as exc:
        raise KnowledgeError(f"malformed time lexicon {path}: {exc}") from exc


# ---------------------------------------------------------------- calendar helpers


def _shift_months(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def _day(d: datetime.date, needs: str = "day") -> _Resolved:
    return _Resolved(d.isoformat(), "day", needs)  # type: ignore[arg-type]


def _month(year: int, month: int, needs: str) -> _Resolved:
    return _Resolved(f"{year:04d}-{month:02d}", "month", needs)  # type: ignore[arg-type]


def _year(year: int, needs: str) -> _Resolved:
    return _Resolved(f"{year:04d}", "year", needs)  # type: ignore[arg-type]


def _coarse(start: datetime.date, end: datetime.date, needs: str) -> _Resolved | None:
    """The finest unit we can name that holds the whole range (a week, a weekend)."""
    if (start.year, start.month) == (end.year, end.month):
        return _month(start.year, start.month, needs)
    if start.year == end.year:
        return _year(start.year, needs)
    return None


def _weekday(anchor: datetime.date, weekday: int, direction: str, tense: Tense) -> datetime.date:
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


def _month_year(anchor: datetime.date, month: int, direction: str, tense: Tense) -> int:
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


def _safe_date(year: int, month: int, day: int) -> datetime.date | None:
    try:
        return datetime.date(year, month, day)
    except ValueError:
        return None


# ---------------------------------------------------------------- text clean-up


_SPACES = re.compile(r"\s+")
_HYPHENATED = re.compile(r"^(?:mid|early|late|pre|post)-(?=[a-z0-9'])")
_TRAILING = re.compile(
    r",?\s+(?:or so|and beyond|or later|or earlier|at the latest|at the earliest)$"
)
_LAST_YEAR = frozenset({"year-ago", "year-earlier", "year ago", "prior year", "prior-year"})
# Phrases that name the anchor's own year ("the current fiscal year", "year-end").
_THIS_YEAR = frozenset({
    "year", "current year", "full year", "fiscal year", "current fiscal year",
    "calendar year", "year end", "year-end", "year's end", "this calendar year",
})


def _clean(expression: str) -> str:
    """Lower-case, strip prepositions and period modifiers ("early", "the end of")."""
    s = expression.replace("\u2019", "'").replace("\u2013", "-").lower()
    s = _SPACES.sub(" ", s).strip(" ,;:!?\"()")
    s = re.sub(r"'s$", "", s)
    s = _TRAILING.sub("", s)
    lex = lexicon()
    changed = True
    while changed:
        changed = False
        if m := _HYPHENATED.match(s):
            s = s[m.end() :]
            changed = True
        for mod in lex.modifiers:
            if s.startswith(mod + " ") and len(s) > len(mod) + 1:
                s = s[len(mod) + 1 :].lstrip()
                changed = True
    return s.rstrip(".")


def _strip_day_part(s: str) -> str:
    """"monday night" -> "monday"; "yesterday morning" -> "yesterday"."""
    for part in lexicon().day_parts:
        if s.endswith(" " + part):
            return s[: -len(part) - 1].rstrip()
    return s


# ---------------------------------------------------------------- resolvers

_DIRECTION = (
    r"(?:(?P<dir>last|next|this|past|coming|this past|this coming|the past|the coming"
    r"|previous|the previous|same|the same)\s+)?"
)


def _name_alternation(names: dict[str, int]) -> str:
    return "|".join(sorted((re.escape(n) for n in names), key=len, reverse=True))


@functools.lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern[str]]:
    lex = lexicon()
    month = f"(?P<month>{_name_alternation(lex.months)})\\.?"
    day = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
    year = r"(?P<year>\d{4}|'\d{2})"
    return {
        "iso": re.compile(r"^(?P<year>\d{4})-(?P<month>\d{1,2})(?:-(?P<day>\d{1,2}))?$"),
        "slash": re.compile(r"^(?P<a>\d{1,2})[/.](?P<b>\d{1,2})[/.](?P<year>\d{4}|\d{2})$"),
        "month_day": re.compile(f"^{_DIRECTION}{month},? {day},?(?: {year})?$"),
        "day_month": re.compile(f"^{_DIRECTION}{day} (?:of )?{month},?(?: {year})?$"),
        "month_year": re.compile(f"^{_DIRECTION}{month},?(?: (?:of )?{year})?$"),
        "month_rel": re.compile(f"^{month},? (?:of )?(?P<rel>this|last|next) year$"),
        "year": re.compile(
            r"^(?:the year |fiscal (?:year )?|fy ?|calendar )?(?P<year>\d{4}|'\d{2})$"
        ),
        "weekday": re.compile(
            f"^{_DIRECTION}(?P<wd>{_name_alternation(lex.weekdays)})\\.?"
            f"(?:,? {month},? {day}(?:,? {year})?)?$"
        ),
        "season": re.compile(
            f"^{_DIRECTION}(?P<season>{'|'.join(lex.seasons)})(?:,? (?:of )?{year})?$"
        ),
        "quarter": re.compile(
            _DIRECTION
            + r"(?:(?P<q>first|second|third|fourth|1st|2nd|3rd|4th)[- ](?:fiscal )?quarter"
            r"|q(?P<qn>[1-4]))"
            r"(?:,? (?:of )?(?:fiscal )?(?:(?P<year>\d{4})|(?P<rel>this|last|next) year))?$"
        ),
        "unit": re.compile(f"^{_DIRECTION}(?P<unit>week|weekend|month|year)$"),
        "ago": re.compile(
            r"^(?P<n>\d+|" + _name_alternation(lex.numbers) + r")"
            r"\s+(?P<unit>day|week|month|year)s?\s+"
            r"(?P<rel>ago|earlier|before now|from now|hence)$"
        ),
    }


def _two_digit(year: str) -> int:
    value = int(year.lstrip("'"))
    if len(year.lstrip("'")) == 4:
        return value
    return 2000 + value if value < 50 else 1900 + value


def _direction(m: re.Match[str]) -> str:
    word = (m.group("dir") or "").replace("the ", "")
    return {"past": "last", "previous": "last", "this past": "last", "coming": "next",
            "this coming": "next", "same": "this"}.get(word, word)


def _resolve_explicit(s: str, anchor: datetime.date | None, tense: Tense) -> _Resolved | None:
    """Dates written with numbers or month names: "March 17, 2025", "18 Jun, 2016", "2014"."""
    p = _patterns()
    lex = lexicon()
    if m := p["iso"].match(s):
        y, mo = int(m["year"]), int(m["month"])
        if m["day"]:
            d = _safe_date(y, mo, int(m["day"]))
            return _day(d, "none") if d else None
        return _month(y, mo, "none") if 1 <= mo <= 12 else None
    if m := p["slash"].match(s):
        a, b, y = int(m["a"]), int(m["b"]), _two_digit(m["year"])
        month, day = (a, b) if a <= 12 else (b, a)  # US order unless impossible
        d = _safe_date(y, month, day)
        return _day(d, "none") if d else None
    for key in ("month_day", "day_month"):
        if m := p[key].match(s):
            return _month_day(lex.months[m["month"]], int(m["day"]), m["year"], anchor, tense)
    if (m := p["month_rel"].match(s)) and anchor is not None:
        step = {"this": 0, "last": -1, "next": 1}[m["rel"]]
        return _month(anchor.year + step, lex.months[m["month"]], "year")
    m = re.match(f"^({_name_alternation(lex.months)})\\.? (?:of )?(.+)$", s)
    if m and (spelled := _spelled_year(m[2])):
        return _month(spelled, lex.months[m[1]], "none")
    if m := p["month_year"].match(s):
        month = lex.months[m["month"]]
        if m["year"]:
            return _month(_two_digit(m["year"]), month, "none")
        if anchor is None:
            return None
        return _month(_month_year(anchor, month, _direction(m), tense), month, "month")
    if (year := _spelled_year(s)) is not None:
        return _year(year, "none")
    if m := p["year"].match(s):
        year = _two_digit(m["year"])
        return _year(year, "none") if 1000 <= year <= 2999 else None
    return None


_UNITS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen".split())}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
         "eighty": 80, "ninety": 90}


def _spelled_number(words: str) -> int | None:
    """0-99 written out: "ninety-six", "seventy nine", "five"."""
    parts = words.replace("-", " ").split()
    if len(parts) == 1 and parts[0] in _UNITS:
        return _UNITS[parts[0]]
    if not parts or parts[0] not in _TENS or len(parts) > 2:
        return None
    ones = _UNITS.get(parts[1], 0) if len(parts) == 2 else 0
    if len(parts) == 2 and not 0 < ones < 10:
        return None
    return _TENS[parts[0]] + ones
    return None


def _spelled_year(s: str) -> int | None:
    """Years as broadcast transcripts write them: "nineteen ninety-six", "two thousand"."""
    s = re.sub(r"^(?:the )?year ", "", s)
    if m := re.match(r"^two thousand(?: and)?(?: (.+))?$", s):
        rest = _spelled_number(m[1]) if m[1] else 0
        return None if rest is None else 2000 + rest
    if m := re.match(r"^(nineteen|eighteen|twenty) (.+)$", s):
        rest = _spelled_number(m[2])
        if rest is not None and rest >= 10:
            return _UNITS.get(m[1], 20) * 100 + rest
    return None


def _month_day(
    month: int, day: int, year: str | None, anchor: datetime.date | None, tense: Tense
) -> _Resolved | None:
    if year:
        d = _safe_date(_two_digit(year), month, day)
        return _day(d, "none") if d else None
    if anchor is None:
        return None
    probe = _safe_date(anchor.year, month, day) or _safe_date(anchor.year, month, 28)
    assert probe is not None
    d = _safe_date(_nearest_year(anchor, probe, tense), month, day)
    return _day(d, "month") if d else None


def _resolve_relative(s: str, anchor: datetime.date, tense: Tense) -> _Resolved | None:
    """Expressions that need the anchor: weekdays, "last week", seasons, "a year ago"."""
    p = _patterns()
    lex = lexicon()
    if s in lex.relative_days:
        return _day(anchor + datetime.timedelta(days=lex.relative_days[s]))
    if m := p["weekday"].match(s):
        if m["month"]:  # "Friday, March 22" -- the explicit part wins
            return _month_day(lex.months[m["month"]], int(m["day"]), m["year"], anchor, tense)
        return _day(_weekday(anchor, lex.weekdays[m["wd"]], _direction(m), tense))
    if s in _THIS_YEAR:
        return _year(anchor.year, "year")
    if s in _LAST_YEAR:
        return _year(anchor.year - 1, "year")
    if s == "weekend":  # "over the weekend": the one the tense points to
        return _unit("weekend", "this", anchor, tense)
    if m := p["unit"].match(s):
        return _unit(m["unit"], _direction(m), anchor, tense)
    if m := p["ago"].match(s):
        n = int(m["n"]) if m["n"].isdigit() else lex.numbers[m["n"]]
        sign = 1 if m["rel"] in ("from now", "hence") else -1
        return _offset(anchor, m["unit"], sign * n)
    if m := p["season"].match(s):
        return _season(lex.seasons[m["season"]], m["year"], _direction(m), anchor, tense)
    if m := p["quarter"].match(s):
        return _quarter(m, anchor, tense)
    return _holiday(s, anchor, tense)


def _holiday(s: str, anchor: datetime.date, tense: Tense) -> _Resolved | None:
    """Fixed ("Christmas") and floating ("Thanksgiving Day") holidays, optionally "last"/"next"."""
    lex = lexicon()
    m = re.match(r"^(?:(last|next|this) )?(.+?)(?: day)?$", s)
    if m is None:
        return None
    known = lex.holidays.keys() | lex.floating_holidays.keys()
    name = next((n for n in (m[2], m[2] + " day") if n in known), None)
    if name is None:
        return None
    tense = {"last": "past", "next": "future"}.get(m[1] or "", tense)  # type: ignore[assignment]
    if name in lex.holidays:
        month, day = lex.holidays[name]
        return _month_day(month, day, None, anchor, tense)
    month, weekday, nth = lex.floating_holidays[name]
    dates = [_nth_weekday(anchor.year + k, month, weekday, nth) for k in (-1, 0, 1)]
    if tense == "future":
        return _day(next(d for d in dates if d >= anchor))
    if tense == "past":
        return _day(max(d for d in dates if d <= anchor))
    return _day(min(dates, key=lambda d: abs((d - anchor).days)))


def _nth_weekday(year: int, month: int, weekday: int, nth: int) -> datetime.date:
    first = datetime.date(year, month, 1)
    return first + datetime.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (nth - 1))
    return None


def _unit(unit: str, direction: str, anchor: datetime.date, tense: Tense) -> _Resolved | None:
    step = {"last": -1, "next": 1, "this": 0}.get(direction)
    if step is None:
        return None  # a bare "year" or "week" names no particular one
    if unit == "year":
        return _year(anchor.year + step, "year")
    if unit == "month":
        return _month(*_shift_months(anchor.year, anchor.month, step), "month")
    if unit == "week":
        monday = anchor - datetime.timedelta(days=anchor.weekday()) + datetime.timedelta(weeks=step)
        return _coarse(monday, monday + datetime.timedelta(days=6), "day")
    # weekend: "last weekend" and a past "this weekend" look back.
    backwards = step == -1 or (step == 0 and tense == "past")
    saturday = _weekday(anchor, 5, "", "past" if backwards else "future")
    if step == 1:
        saturday += datetime.timedelta(weeks=1) if saturday == anchor else datetime.timedelta(0)
    return _coarse(saturday, saturday + datetime.timedelta(days=1), "day")


def _offset(anchor: datetime.date, unit: str, n: int) -> _Resolved | None:
    if unit == "day":
        return _day(anchor + datetime.timedelta(days=n))
    if unit == "week":
        centre = anchor + datetime.timedelta(weeks=n)
        spread = datetime.timedelta(days=3)
        return _coarse(centre - spread, centre + spread, "day")
    if unit == "month":
        return _month(*_shift_months(anchor.year, anchor.month, n), "month")
    return _year(anchor.year + n, "year")


def _season(
    first_month: int, year: str | None, direction: str, anchor: datetime.date, tense: Tense
) -> _Resolved:
    if year:
        return _year(_two_digit(year), "none")
    in_season = (anchor.month - first_month) % 12 < 3
    if in_season:  # winter started the year before in January and February
        current = anchor.year if anchor.month >= first_month else anchor.year - 1
        y = {"last": current - 1, "next": current + 1}.get(direction, current)
        return _year(y, "month")
    previous = anchor.year if first_month < anchor.month else anchor.year - 1
    following = anchor.year if first_month > anchor.month else anchor.year + 1
    if direction == "last" or (not direction and tense == "past"):
        y = previous
    elif direction == "next" or (not direction and tense == "future"):
        y = following
    else:
        y = anchor.year
    return _year(y, "month")


def _quarter(m: re.Match[str], anchor: datetime.date, tense: Tense) -> _Resolved:
    if m["year"]:
        return _year(int(m["year"]), "none")
    if m["rel"]:
        return _year(anchor.year + {"this": 0, "last": -1, "next": 1}[m["rel"]], "year")
    ordinal = {"1st": "first", "2nd": "second", "3rd": "third", "4th": "fourth"}.get(m["q"], m["q"])
    q = int(m["qn"]) if m["qn"] else ("first", "second", "third", "fourth").index(ordinal) + 1
    current = (anchor.month - 1) // 3 + 1
    direction = _direction(m)
    if direction == "last":  # the most recent completed one
        return _year(anchor.year if q < current else anchor.year - 1, "month")
    if (direction == "next" or tense == "future") and q < current:
        return _year(anchor.year + 1, "month")
    if tense == "past" and q > current:
        return _year(anchor.year - 1, "month")
    return _year(anchor.year, "month")


def _resolve(expression: str, anchor: datetime.date | None, tense: Tense) -> _Resolved | None:
    s = _strip_day_part(_clean(expression))
    if not s or (s == "may" and "May" not in expression):
        return None  # the modal verb, not the month
    found = _resolve_explicit(s, anchor, tense)
    if found is None and anchor is not None:
        found = _resolve_relative(s, anchor, tense)
    return found


def normalize(
    expression: str, anchor: datetime.date | None, *, tense: Tense = "past"
) -> EventDate | None:
    """Normalise one temporal expression relative to anchor (the publication date).

    Args:
        expression: the words, e.g. "on Monday", "March 17, 2025", "last fall",
            "in November", "early 2022", "yesterday", "2016", "Monday night".
        anchor: the publication date; without it only absolute dates resolve.
        tense: the tense of the clause the expression dates.

    Returns:
        ``EventDate(value, precision, text=expression)``, or None when the
        expression is not a date we can normalise (durations such as "three
        years", times of day alone, "recently", "now").
    """
    found = _resolve(expression, anchor, tense)
    if found is None:
        return None
    return EventDate(value=found.value, precision=found.precision, text=expression)


# ---------------------------------------------------------------- finding expressions


def _capitalised(names: dict[str, int]) -> str:
    """Full names only, capitalised: "Sun" and "sat" are too often not dates."""
    full = (n.capitalize() for n in names if len(n) > 3)
    return "|".join(sorted(full, key=len, reverse=True))


@functools.lru_cache(maxsize=1)
def _candidate_pattern() -> re.Pattern[str]:
    """Dates the small model misses: bare weekdays, "last fall", "in November"."""
    lex = lexicon()
    weekday = f"(?:{_capitalised(lex.weekdays)})(?: (?:{'|'.join(lex.day_parts)}))?"
    month = f"(?:{_capitalised(lex.months)})(?: \\d{{1,2}}(?:st|nd|rd|th)?)?(?:,? \\d{{4}})?"
    direction = (
        r"(?:(?:last|next|this|this past|this coming|the coming|the past|early|late|mid-?)\s+)?"
    )
    relative = "|".join(sorted((re.escape(k) for k in lex.relative_days), key=len, reverse=True))
    seasons = "|".join(lex.seasons)
    units = f"(?:last|next|this|this coming|this past) (?:week|weekend|month|year|{seasons})"
    return re.compile(
        f"\\b(?:{direction}(?:{weekday})|{direction}{month}|{units}|(?i:{relative}))\\b"
        r"|\b(?:in|since|by|until|during|of|early|late|mid-?) ((?:1[89]|20)\d\d)\b"
    )


_WIDEN = frozenset({"early", "late", "mid", "last", "next", "this"})


def find_dates(span: Span | Doc) -> list[tuple[int, int, str]]:
    """Candidate temporal expressions in a sentence.

    Args:
        span: a sentence (or a whole doc).

    Returns:
        Sorted ``(start_char, end_char, text)`` triples, offsets relative to
        ``span.doc``: spaCy DATE entities (and TIME ones naming a day) plus our
        own patterns, merged where they overlap and widened to include a
        preceding modifier ("early 2022", "late last year").
    """
    doc = span.doc if isinstance(span, Span) else span
    text = doc_text(doc)
    lo, hi = (span.start_char, span.end_char) if isinstance(span, Span) else (0, len(text))
    ranges = [(e.start_char, e.end_char) for e in doc.ents
              if lo <= e.start_char and e.end_char <= hi and _is_date_entity(e)
              and not _is_verb_homograph(doc, e.start_char, e.end_char)]
    for m in _candidate_pattern().finditer(text, lo, hi):
        start = m.start(1) if m.group(1) else m.start()
        if not _is_verb_homograph(doc, start, m.end()):
            ranges.append((start, m.end()))
    merged: list[list[int]] = []
    for start, end in sorted(ranges):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return [(s, e, text[s:e]) for s, e in (_widen(doc, s, e, lo) for s, e in merged)]


def _is_verb_homograph(doc: Doc, start: int, end: int) -> bool:
    """"may" and "March" as verbs ("Officials may March on the capital")."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) != 1:
        return False
    token = span[0]
    after_modal = token.i > 0 and doc[token.i - 1].tag_ in ("MD", "TO")
    if token.tag_ == "MD" or token.pos_ == "VERB":
        return True
    return after_modal and token.lower_ in lexicon().months


def _is_date_entity(ent: Span) -> bool:
    if ent.label_ == "DATE":
        return True
    if ent.label_ != "TIME":
        return False
    words = {t.lower_ for t in ent}
    lex = lexicon()
    return bool(words & (set(lex.weekdays) | {"tonight", "yesterday", "today", "tomorrow"}))


def _widen(doc: Doc, start: int, end: int, lo: int) -> tuple[int, int]:
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or span.start == 0:
        return start, end
    before = doc[span.start - 1]
    if before.idx >= lo and before.lower_.rstrip("-") in _WIDEN:
        return before.idx, end
    return start, end


# ---------------------------------------------------------------- tense and attachment


def _is_clause_head(token: Token) -> bool:
    return token.pos_ == "VERB" or (token.pos_ == "AUX" and token.dep_ not in ("aux", "auxpass"))


def _clause_verb(token: Token) -> Token | None:
    """The verb heading the clause a token belongs to (the token itself if a verb)."""
    current = token
    while True:
        if _is_clause_head(current):
            return current
        if current.head == current:
            return None
        current = current.head


def sentence_tense(trigger: Token) -> Tense:
    """Tense of the clause of an event trigger.

    Future for will/shall/would, "going to", "is to", "is expected to", "plans
    to", "scheduled"; past for VBD, and VBN/VBG with have/had or a past
    auxiliary; present otherwise. Nominal triggers take their verb's tense.
    """
    lex = lexicon()
    modifiers = [c for c in trigger.children if c.dep_ in ("acl", "amod")]
    if any(c.lemma_ in ("schedule", "plan", "upcoming") for c in modifiers):
        return "future"
    participles = [c for c in trigger.children if c.dep_ == "acl" and c.pos_ == "VERB"]
    nominal = trigger.pos_ in ("NOUN", "PROPN")
    verb = participles[0] if nominal and participles else _clause_verb(trigger)
    seen = 0
    while verb is not None and seen < 6:
        seen += 1
        auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
        if any({a.lower_, a.lemma_} & lex.future_auxiliaries for a in auxes):
            return "future"
        infinitive = any(a.lower_ == "to" for a in auxes)
        if infinitive and verb.dep_ in ("xcomp", "ccomp", "advcl") and verb.head != verb:
            if verb.head.lemma_ in lex.future_governors or verb.head.lower_ == "going":
                return "future"
            verb = _clause_verb(verb.head)  # "tried to meet" takes "tried"'s tense
            continue
        return _finite_tense(verb, auxes)
    return "present"


def _finite_tense(verb: Token, auxes: list[Token]) -> Tense:
    if any(a.tag_ in ("VBD",) or a.lower_ in ("had", "did") for a in auxes):
        return "past"
    if verb.tag_ == "VBD":
        return "past"
    if verb.tag_ == "VBN" and any(a.lemma_ == "have" for a in auxes):
        return "past"
    if verb.tag_ == "VBN" and verb.dep_ in ("acl", "relcl"):
        return "past"  # "the talks held in Geneva"
    return "present"


def _attachment(date_root: Token, trigger: Token) -> Token | None:
    """The trigger itself when the date hangs off it, else the date's clause verb."""
    current = date_root
    while current.head != current:
        current = current.head
        if current == trigger:
            return trigger
        if _is_clause_head(current):
            # "the summit, held in November": the participle describes the noun trigger.
            if current.dep_ in ("acl", "relcl") and current.head == trigger:
                return trigger
            return current
    return current if current == trigger else _clause_verb(current)


def _dates_a_noun(date_root: Token, clause_head: Token) -> bool:
    """The date hangs off a noun on its way up to the clause ("the invasion IN 2022")."""
    current = date_root.head
    while current != clause_head and current.head != current:
        if current.pos_ in ("NOUN", "PROPN"):
            return True
        current = current.head
    return False


def _rank(date_root: Token, trigger: Token, tense: Tense) -> tuple[int, int] | None:
    """How well a date belongs to the trigger's clause (lower is better), or None."""
    lex = lexicon()
    attach = _attachment(date_root, trigger)
    verb = _clause_verb(trigger)
    distance = abs(date_root.i - trigger.i)
    if attach is None:
        return None
    if attach == trigger or attach == verb:
        return (0, distance)
    if verb is not None and verb.dep_ == "conj" and verb.head == attach:
        # "met on Monday and signed a deal" shares the date; "backers since the invasion
        # in February 2022, and said ..." does not: that date belongs to a noun.
        # Nor does a state's first conjunct ("has BEEN a backer since 2022, and said").
        stative = attach.lemma_ in ("be", "have", "remain", "seem", "become")
        return None if stative or _dates_a_noun(date_root, attach) else (1, distance)
    ancestors = list(verb.ancestors) if verb is not None else list(trigger.ancestors)
    if attach not in ancestors:
        return None
    path = ancestors[: ancestors.index(attach) + 1]
    crossed = [a for a in path if a.lemma_ in lex.reporting_verbs]
    if not crossed:
        return (1, distance)
    # "said on Tuesday that they met": the date dates the report, not the event.
    return (2, distance) if tense == "present" else None


def event_date(sent: Span, trigger: Token, anchor: datetime.date | None, *,
               published_precision: str = "day") -> EventDate:
    """The date of the event carried by ``trigger`` in ``sent``.

    Takes the temporal expression attached to the trigger's clause (in its
    subtree, else on a governing verb), skipping dates of other clauses and of
    reporting verbs ("said on Tuesday"), and normalises it with the trigger's
    tense. Relative expressions that need a finer anchor than the publication
    date's precision are not used.

    Returns:
        The resolved date, or ``EventDate(value=anchor, precision="unknown")``:
        the publication date flagged unknown, never a false day.
    """
    tense = sentence_tense(trigger)
    doc = sent.doc
    ranked = []
    for start, end, text in find_dates(sent):
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            continue
        rank = _rank(span.root, trigger, tense)
        if rank is not None:
            ranked.append((rank, text))
    for _, text in sorted(ranked):
        found = _resolve(text, anchor, tense)
        if found is not None and _RANK[found.needs] <= _RANK.get(published_precision, 0):
            return EventDate(value=found.value, precision=found.precision, text=text)
    return EventDate(value=anchor.isoformat() if anchor else None, precision="unknown", text=None)


__all__ = ["Tense", "event_date", "find_dates", "lexicon", "normalize", "sentence_tense"]
