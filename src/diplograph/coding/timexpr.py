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
import re

from spacy.tokens import Doc, Span

from diplograph.coding.datemath import (
    STEP,
    Resolved,
    as_day,
    as_month,
    as_year,
    month_day,
    month_year,
    nth_weekday,
    offset_period,
    safe_date,
    season_year,
    unit_period,
    weekday_date,
)
from diplograph.coding.parse import doc_text
from diplograph.coding.time_words import (
    Tense,
    clean_expression,
    lexicon,
    spelled_year,
    strip_day_part,
    two_digit_year,
)
from diplograph.records import EventDate

# ---------------------------------------------------------------- resolvers

_LAST_YEAR = frozenset({"year-ago", "year-earlier", "year ago", "prior year", "prior-year"})
# Phrases that name the anchor's own year ("the current fiscal year", "year-end").
_THIS_YEAR = frozenset({
    "year", "current year", "full year", "fiscal year", "current fiscal year",
    "calendar year", "year end", "year-end", "year's end", "this calendar year",
})
_DIRECTION = (
    r"(?:(?P<dir>last|next|this|past|coming|this past|this coming|the past|the coming"
    r"|previous|the previous|same|the same)\s+)?"
)


def _name_alternation(names: dict[str, int]) -> str:
    """A regex alternation of the names, longest first."""
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


def _direction(m: re.Match[str]) -> str:
    word = (m.group("dir") or "").replace("the ", "")
    return {"past": "last", "previous": "last", "this past": "last", "coming": "next",
            "this coming": "next", "same": "this"}.get(word, word)


def _resolve_explicit(s: str, anchor: datetime.date | None, tense: Tense) -> Resolved | None:
    """Dates written with numbers or month names: "March 17, 2025", "18 Jun, 2016", "2014"."""
    p = _patterns()
    lex = lexicon()
    if m := p["iso"].match(s):
        y, mo = int(m["year"]), int(m["month"])
        if m["day"]:
            d = safe_date(y, mo, int(m["day"]))
            return as_day(d, "none") if d else None
        return as_month(y, mo, "none") if 1 <= mo <= 12 else None
    if m := p["slash"].match(s):
        a, b, y = int(m["a"]), int(m["b"]), two_digit_year(m["year"])
        month, day = (a, b) if a <= 12 else (b, a)  # US order unless impossible
        d = safe_date(y, month, day)
        return as_day(d, "none") if d else None
    for key in ("month_day", "day_month"):
        if m := p[key].match(s):
            return month_day(lex.months[m["month"]], int(m["day"]), m["year"], anchor, tense)
    if (m := p["month_rel"].match(s)) and anchor is not None:
        step = STEP[m["rel"]]
        return as_month(anchor.year + step, lex.months[m["month"]], "year")
    m = re.match(f"^({_name_alternation(lex.months)})\\.? (?:of )?(.+)$", s)
    if m and (spelled := spelled_year(m[2])):
        return as_month(spelled, lex.months[m[1]], "none")
    if m := p["month_year"].match(s):
        month = lex.months[m["month"]]
        if m["year"]:
            return as_month(two_digit_year(m["year"]), month, "none")
        if anchor is None:
            return None
        return as_month(month_year(anchor, month, _direction(m), tense), month, "month")
    if (year := spelled_year(s)) is not None:
        return as_year(year, "none")
    if m := p["year"].match(s):
        year = two_digit_year(m["year"])
        return as_year(year, "none") if 1000 <= year <= 2999 else None
    return None


def _resolve_relative(s: str, anchor: datetime.date, tense: Tense) -> Resolved | None:
    """Expressions that need the anchor: weekdays, "last week", seasons, "a year ago"."""
    p = _patterns()
    lex = lexicon()
    if s in lex.relative_days:
        return as_day(anchor + datetime.timedelta(days=lex.relative_days[s]))
    if m := p["weekday"].match(s):
        if m["month"]:  # "Friday, March 22" -- the explicit part wins
            return month_day(lex.months[m["month"]], int(m["day"]), m["year"], anchor, tense)
        return as_day(weekday_date(anchor, lex.weekdays[m["wd"]], _direction(m), tense))
    if s in _THIS_YEAR:
        return as_year(anchor.year, "year")
    if s in _LAST_YEAR:
        return as_year(anchor.year - 1, "year")
    if s == "weekend":  # "over the weekend": the one the tense points to
        return unit_period("weekend", "this", anchor, tense)
    if m := p["unit"].match(s):
        return unit_period(m["unit"], _direction(m), anchor, tense)
    if m := p["ago"].match(s):
        n = int(m["n"]) if m["n"].isdigit() else lex.numbers[m["n"]]
        sign = 1 if m["rel"] in ("from now", "hence") else -1
        return offset_period(anchor, m["unit"], sign * n)
    if m := p["season"].match(s):
        return season_year(lex.seasons[m["season"]], m["year"], _direction(m), anchor, tense)
    if m := p["quarter"].match(s):
        return _quarter(m, anchor, tense)
    return _holiday(s, anchor, tense)


def _holiday(s: str, anchor: datetime.date, tense: Tense) -> Resolved | None:
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
        return month_day(month, day, None, anchor, tense)
    month, weekday, nth = lex.floating_holidays[name]
    dates = [nth_weekday(anchor.year + k, month, weekday, nth) for k in (-1, 0, 1)]
    if tense == "future":
        return as_day(next(d for d in dates if d >= anchor))
    if tense == "past":
        return as_day(max(d for d in dates if d <= anchor))
    return as_day(min(dates, key=lambda d: abs((d - anchor).days)))


def _quarter(m: re.Match[str], anchor: datetime.date, tense: Tense) -> Resolved:
    if m["year"]:
        return as_year(int(m["year"]), "none")
    if m["rel"]:
        return as_year(anchor.year + STEP[m["rel"]], "year")
    ordinal = {"1st": "first", "2nd": "second", "3rd": "third", "4th": "fourth"}.get(m["q"], m["q"])
    q = int(m["qn"]) if m["qn"] else ("first", "second", "third", "fourth").index(ordinal) + 1
    current = (anchor.month - 1) // 3 + 1
    direction = _direction(m)
    if direction == "last":  # the most recent completed one
        return as_year(anchor.year if q < current else anchor.year - 1, "month")
    if (direction == "next" or tense == "future") and q < current:
        return as_year(anchor.year + 1, "month")
    if tense == "past" and q > current:
        return as_year(anchor.year - 1, "month")
    return as_year(anchor.year, "month")


def resolve(expression: str, anchor: datetime.date | None, tense: Tense) -> Resolved | None:
    """An expression's value, its precision and the anchor precision it needs, or None."""
    s = strip_day_part(clean_expression(expression))
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
    found = resolve(expression, anchor, tense)
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
    relative = _name_alternation(lex.relative_days)
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


__all__ = ["find_dates", "normalize", "resolve"]
