"""Publication dates and datelines.

Dates come, in order of trust, from metadata (JSONL ``published``), the
HTML page's metadata (htmldate, through trafilatura), a date line near the
title or byline, and a date inside a photo caption. A weekday-date line alone
at the top of a scraped page is the crawl date and is never used; the text
cleaner drops it before it gets here.
"""

from __future__ import annotations

import csv
import datetime as dt
import logging
import re
from importlib import resources

from dateutil import parser as dateparser

from diplograph.records import PublishedDate

logger = logging.getLogger(__name__)

_ENGLISH_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
                   "September", "October", "November", "December")


def _table(name: str) -> list[list[str]]:
    """The rows of a TSV file in ``data/time`` (without its comments and header)."""
    text = resources.files("diplograph.data.time").joinpath(name).read_text("utf-8")
    rows = csv.reader((line for line in text.splitlines() if not line.startswith("#")),
                      delimiter="\t")
    next(rows)  # the header
    return [row for row in rows if row]


def _page_months() -> dict[str, int]:
    """Month names in other languages (``data/time/page_months.tsv``) -> 1-12."""
    return {row[0]: int(row[1]) for row in _table("page_months.tsv")}


def _zone_offsets() -> dict[str, float]:
    """Time-zone abbreviations (``data/time/zones.tsv``) -> hours from UTC."""
    return {row[0]: float(row[1]) for row in _table("zones.tsv")}


def _day_first_languages() -> frozenset[str]:
    """Languages whose pages write a numeric date day first
    (``data/time/day_first_languages.tsv``)."""
    return frozenset(row[0] for row in _table("day_first_languages.tsv"))


_FOREIGN_MONTHS = _page_months()
_ZONES = _zone_offsets()
_DAY_FIRST_LANGUAGES = _day_first_languages()
# "10:31 pm CST", "11:11 PM EST", "19:14 GMT": a printed time with its zone (case kept: "ET"
# in capitals, not the word "et").
_ZONED_TIME_RE = re.compile(
    r"(?<![\d:])(?P<h>\d{1,2})[:.](?P<m>\d{2})\s*(?:(?P<ampm>[AaPp])\.?[Mm]\.?)?,?\s*"
    r"(?P<zone>" + "|".join(sorted(_ZONES, key=len, reverse=True)) + r")\b")
_MONTHS = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?"
    + "".join(f"|{re.escape(name)}" for name in sorted(_FOREIGN_MONTHS, key=len, reverse=True))
    + r")\.?"
)
_FOREIGN_MONTH_RE = re.compile(
    r"(?<!\w)(?:" + "|".join(re.escape(n) for n in sorted(_FOREIGN_MONTHS, key=len, reverse=True))
    + r")\.?(?!\w)", re.I)
_WEEKDAY = r"(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?\.?"
_TIME = r"(?:,?\s*(?:at\s+)?\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s*[A-Z]{2,4})?)?"
# "March 17, 2025", "18 Jun, 2016", "18. November 2019", "23 de agosto de 2018",
# "24 сентября 2018", "2025-03-17", "2025/03/17", "2016.12.01", "17/03/2025", "11/19/19",
# "18.11.2019" — each with an optional time.
DATE_RE = re.compile(
    rf"(?:(?P<wd>{_WEEKDAY}),?\s+)?"
    rf"(?P<date>{_MONTHS}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
    rf"|\d{{1,2}}(?:st|nd|rd|th|\.)?\s+(?:de\s+)?{_MONTHS},?\s+(?:de\s+)?\d{{4}}"
    rf"|(?<!\d)\d{{4}}[-/.]\d{{2}}[-/.]\d{{2}}(?![\d.])"
    rf"|(?<![\d.])(?P<dotted>\d{{1,2}}\.\d{{1,2}}\.\d{{4}})"
    rf"|(?<![\d/])(?P<slashed>\d{{1,2}}/\d{{1,2}}/(?:\d{{4}}|\d{{2}}(?![\d/])))){_TIME}",
    re.I,
)
_RELATIVE_WORDS = frozenset(
    "ago hour hours hr hrs minute minutes min mins day days week weeks month months".split()
)
_LETTERS_RE = re.compile(r"[^\W\d_]")
# Words that go with a publication date on a byline/date line.
_DATE_LINE_WORDS = re.compile(
    r"\b(?:(?i:published|posted|updated|last|first|modified|date|on|at|by|[ap]\.?m\.?)|[A-Z]{2,4})\b"
)
_DATELINE_RE = re.compile(
    r"^(?P<place>(?:[A-Z][A-Z.'’\-]+)(?:\s+[A-Z][A-Z.'’\-]+)*(?:,\s*[A-Z][A-Za-z.'’\-]+(?:\s+[A-Z][A-Za-z.'’\-]+)*)?)"
    r"(?:\s*\([^)]{1,40}\))?\s*[—–-]{1,2}\s+"
)
_MIN_YEAR = 1900
# "Updated" (or "modified") right before a date: a later date than the publication.
_UPDATED_BEFORE_RE = re.compile(r"\b(?:updated|modified|last edited)\W*(?:on\W*)?$", re.I)


def parse_date(text: str | None) -> tuple[str, str] | None:
    """Parse one date expression into (value, precision); None if it is not a date.

    Accepts ISO strings (``2016-06-18``, ``2016-06``, ``2016``, with a time)
    and the usual written forms.
    """
    if not text or not text.strip():
        return None
    text = text.strip()
    iso = re.match(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:[T ].*)?$", text)
    if iso:
        year, month, day = iso.groups()
        if day:
            return _checked(f"{year}-{month}-{day}", "day")
        if month:
            return _checked(f"{year}-{month}-01", "month")
        return (year, "year") if int(year) >= _MIN_YEAR else None
    try:
        first = dateparser.parse(text, fuzzy=True, default=dt.datetime(1, 1, 1))
        # Parsing again with other defaults shows which parts the text left out.
        second = dateparser.parse(text, fuzzy=True, default=dt.datetime(2, 2, 2))
    except (ValueError, OverflowError):
        return None
    if first.year != second.year or first.year < _MIN_YEAR:
        return None
    if first.month != second.month:
        return str(first.year), "year"
    if first.day != second.day:
        return f"{first.year:04d}-{first.month:02d}", "month"
    return first.date().isoformat(), "day"


def _checked(value: str, precision: str) -> tuple[str, str] | None:
    try:
        day = dt.date.fromisoformat(value)
    except ValueError:
        return None
    if day.year < _MIN_YEAR:
        return None
    return (value[:7], "month") if precision == "month" else (value, precision)


def from_metadata(text: str | None, source: str = "metadata") -> PublishedDate | None:
    """A PublishedDate from a metadata string, or None when it does not parse."""
    parsed = parse_date(text)
    if parsed is None:
        return None
    return PublishedDate(value=parsed[0], precision=parsed[1], source=source)  # type: ignore[arg-type]


def writes_day_first(language: str | None) -> bool:
    """Whether pages in ``language`` write a numeric date day first ("04/11/2025" for
    4 November); unknown languages and English are read month first, as US pages write."""
    return language in _DAY_FIRST_LANGUAGES


def find_date(line: str, *, day_first: bool = False) -> tuple[str, str] | None:
    """The first written date inside a line of text, as (value, precision).

    ``day_first``: a slashed date is day/month/year ("04/11/2025" -> 2025-11-04), as pages
    in most languages but English write it (see :func:`writes_day_first`).
    """
    match = DATE_RE.search(line)
    if not match:
        return None
    if match.group("dotted"):  # 18.11.2019: day first, as everywhere dots are used
        day, month, year = match.group("dotted").split(".")
        return _checked(f"{year}-{int(month):02d}-{int(day):02d}", "day")
    if day_first and match.group("slashed"):
        day, month, year = match.group("slashed").split("/")
        return parse_date(f"{month}/{day}/{year}")  # the parser reads the month first
    written = match.group("date")
    if written[4:5] in ("/", "."):  # 2025/03/17, 2016.12.01
        written = written.replace(written[4], "-")
    return parse_date(_in_english(written))


def _in_english(written: str) -> str:
    """A written date with its month in English, without "de" or a dot after the day
    ("23 de agosto de 2018" -> "23 August 2018"), for the English date parser."""
    written = _FOREIGN_MONTH_RE.sub(
        lambda m: _ENGLISH_MONTHS[_FOREIGN_MONTHS[m.group(0).lower().rstrip(".")] - 1], written)
    return re.sub(r"(?<=\d)\.(?=\s)|\bde\s+", " ", written)


def find_publication_date(line: str, *, day_first: bool = False) -> tuple[str, str] | None:
    """The publication date on a byline/date line: the first date, unless it is the
    "Updated" one and another follows ("Updated Nov. 19, 2019 8:21 am / Original Nov. 18,
    2019 8:02 am": the story was first published on the 18th). ``day_first`` as in
    :func:`find_date`."""
    matches = list(DATE_RE.finditer(line))
    chosen = 1 if len(matches) > 1 and _UPDATED_BEFORE_RE.search(
        line[: matches[0].start()]) else 0
    found = find_date(line[matches[chosen].start():] if chosen else line, day_first=day_first)
    if found is None or found[1] != "day":
        return found
    lo = matches[chosen - 1].end() if chosen else 0
    hi = matches[chosen + 1].start() if chosen + 1 < len(matches) else len(line)
    return in_utc(found[0], line[lo:hi]), "day"


def in_utc(day: str, text: str) -> str:
    """The UTC day of a printed day, when ``text`` gives its time and zone ("Nov 19, 2019,
    10:31 pm CST" -> 2019-11-20); the printed day otherwise. Page metadata and feeds give the
    UTC day, and one story should not get two days from two readers."""
    match = _ZONED_TIME_RE.search(text)
    if not match:
        return day
    hour = int(match.group("h")) % 12 if match.group("ampm") else int(match.group("h"))
    if (match.group("ampm") or "").lower() == "p":
        hour += 12
    if hour > 23 or int(match.group("m")) > 59:
        return day
    local = dt.datetime.fromisoformat(day) + dt.timedelta(hours=hour, minutes=int(match.group("m")))
    return (local - dt.timedelta(hours=_ZONES[match.group("zone")])).date().isoformat()


def is_date_line(line: str) -> bool:
    """True when a short line is mostly a date ("Published March 17, 2025 11:21 AM")."""
    if len(line) > 120:
        return False
    match = DATE_RE.search(line)
    if not match:
        return False
    rest = _DATE_LINE_WORDS.sub(" ", line[: match.start()] + " " + line[match.end():])
    words = [w for w in re.split(r"[\s|·•,:;()\[\]/—–-]+", rest)
             if _LETTERS_RE.search(w) and w.lower() not in _RELATIVE_WORDS]
    # A byline may share the line ("By Jane Doe, Reuters | March 17, 2025").
    return len(words) <= 6


def is_weekday_date_line(line: str) -> bool:
    """A line that is only a weekday and a full date: how pages print today's date."""
    match = DATE_RE.fullmatch(line.strip().rstrip("."))
    return bool(match and match.group("wd"))


def find_dateline(paragraph: str) -> str | None:
    """The dateline place at the start of a paragraph ("MOSCOW -" -> "MOSCOW")."""
    match = _DATELINE_RE.match(paragraph)
    if not match:
        return None
    place = match.group("place").strip()
    # A dateline is in capitals; "I -" or one-letter words are not places.
    head = place.split(",")[0]
    if len(head.replace(".", "").replace(" ", "")) < 3 or head != head.upper():
        return None
    return place
