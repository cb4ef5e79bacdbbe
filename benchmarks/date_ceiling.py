"""The ceiling of publication-date agreement on rendered page dumps (issue #14).

Usage (from the repository root, after `benchmarks/dumps.py` has rendered `.bench/dumps/`):

    PYTHONPATH=src .venv/bin/python benchmarks/date_ceiling.py [--split all|tune|heldout]
        [--jobs 1] [--no-run] [--show]

`benchmarks/dumps.py` scores our date against the HTML's own (htmldate). A text-dump
reader sees only the dump, so it can agree only where the dump writes that day somewhere.
This counts, per split (partition 2, as `dumps.py`), reading only the dumps and the HTML's
date, never judging a page by its text:

- pages with a truth date (htmldate on the HTML);
- pages whose dump writes that day with its year in a common form: "7 December 2026",
  "7th Dec. 2026", "December 7, 2026", "Dec. 7, 2026", "2026-12-07" (also "2026-12-07T10:00"),
  "2026/12/07", "07/12/2026" and US "12/07/2026", "07.12.2026", in the corpus's languages;
- of the others, those whose dump writes a day with a time and a zone beside it whose moment
  falls on that day in UTC ("Nov 19, 2019, 10:31 pm CST" -> 2019-11-20): htmldate gives
  some pages' day as written and others' in UTC, and a reader that turns printed times into
  UTC (`pubdate.in_utc`) gets it;
- of the others, those whose dump writes it with a two-digit year ("12/7/26", "07.12.26"),
  which a reader cannot tell from another order without the page's convention;
- of the others, those whose dump writes the day and month in words without a year
  ("Posted Nov 19, 6:51 AM"), which needs the year from elsewhere;
- of the others, those whose dump writes the year-month only ("December 2026", "2026-12"):
  the day is not recoverable;
- of the others, those with only a relative age ("2 days ago", "yesterday"): not recoverable;
- pages where our date (the first article's, `diplograph articles`) is the same day, over
  all dated pages and over the ceiling's pages.

The ceiling is (pages whose dump writes the day, as written or in UTC) / (pages with a truth
date): no reader of the text can agree on more (an upper bound: one reader cannot take the
written day on some pages and the UTC day on others without knowing which the HTML used).
`--no-run` skips running the CLI (counts only);
`--show` lists the tune pages' classes (held-out pages are counted, never listed).
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from dumps import BENCH, DEFAULT_CORPUS, MONTHS, SPLITS, Page, load_pages, run_cli

from diplograph.pages.pubdate import in_utc

_NUMERIC_TWO_DIGIT_YEAR = re.compile(
    r"(?<![\d/.\-])(\d{1,2})([/.\-])(\d{1,2})\2(\d{2})(?![\d/.\-])")
# A four-digit year, also when a page glues its time to it ("NOV 20 20194:29 AM EST").
_YEAR = r"(\d{4})(?:(?!\d)|(?=\d{1,2}:\d{2}))"
_DAY_WORDS = (  # (pattern, order of its day, month, year groups): a day with a 4-digit year
    (re.compile(r"(?<!\d)(\d{1,2})(?:st|nd|rd|th|\.)?\s*(?:de\s+)?([^\W\d_]{3,})\.?,?\s*"
                r"(?:de\s+)?" + _YEAR), "dmy"),
    (re.compile(r"([^\W\d_]{3,})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+" + _YEAR), "mdy"),
    (re.compile(r"(?<!\d)(\d{4})\s*[-/.年년]\s*(\d{1,2})\s*[-/.月월]\s*(\d{1,2})(?!\d)"), "ymd"),
    (re.compile(r"(?<!\d)(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})(?!\d)"), "dmy"),
    (re.compile(r"(?<!\d)(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})(?!\d)"), "mdy"),
)
_MONTH_DAY = (re.compile(r"([^\W\d_]{3,})\.?\s+(\d{1,2})(?:st|nd|rd|th)?(?![\d:])"), "md"), (
    re.compile(r"(?<!\d)(\d{1,2})(?:st|nd|rd|th|\.)?\s+([^\W\d_]{3,})"), "dm")
_MONTH_WORD_YEAR = re.compile(r"([^\W\d_]{3,})\.?,?\s+(\d{4})(?!\d)")
_ISO_MONTH = re.compile(r"(?<![\d\-/.])(\d{4})[-/.](\d{1,2})(?![\d\-/.])")
_RELATIVE = re.compile(
    r"\b(?:\d+|an?|one)\s+(?:min(?:ute)?s?|hours?|hrs?|days?|weeks?|months?)\s+ago\b"
    r"|\byesterday\b|\bgestern\b|\bhier\b|\bayer\b", re.I)


@dataclass(slots=True)
class Counts:
    dated: int = 0
    day_written: int = 0
    day_in_utc: int = 0
    two_digit_year_only: int = 0
    no_year_only: int = 0
    month_only: int = 0
    relative_only: int = 0
    nothing: int = 0
    ours_right: int = 0
    ours_right_where_written: int = 0


def _ymd(order: str, groups: tuple[str, ...]) -> tuple[int, int, int] | None:
    parts = dict(zip(order, groups, strict=True))
    month_text = parts["m"]
    month = int(month_text) if month_text.isdigit() else MONTHS.get(month_text.lower())
    return (int(parts["y"]), month, int(parts["d"])) if month else None


def written_days(dump: str) -> list[tuple[tuple[int, int, int], int, int]]:
    """Every day the dump writes with a four-digit year: ((y, m, d), start, end)."""
    found = []
    for pattern, order in _DAY_WORDS:
        for match in pattern.finditer(dump):
            ymd = _ymd(order, match.groups())
            if ymd is not None:
                found.append((ymd, match.start(), match.end()))
    return found


def writes_day(dump: str, iso: str) -> bool:
    """The dump writes the day ``iso`` with its four-digit year, in any common form."""
    want = tuple(int(part) for part in iso.split("-"))
    return any(ymd == want for ymd, _, _ in written_days(dump))


def writes_day_in_utc(dump: str, iso: str) -> bool:
    """The dump writes a day with a time and zone beside it (within 30 characters) whose
    moment falls on ``iso`` in UTC ("Nov 19, 2019, 10:31 pm CST" -> 2019-11-20): a reader
    that turns printed times into UTC, as `pubdate.in_utc`, gets that day."""
    for (year, month, day), start, end in written_days(dump):
        try:
            printed = dt.date(year, month, day).isoformat()
        except ValueError:
            continue
        if printed != iso and in_utc(printed, dump[max(0, start - 30):end + 30]) == iso:
            return True
    return False


def writes_day_two_digit_year(dump: str, iso: str) -> bool:
    """The dump writes the day with a two-digit year, day-first or month-first."""
    year, month, day = (int(part) for part in iso.split("-"))
    for match in _NUMERIC_TWO_DIGIT_YEAR.finditer(dump):
        first, _, second, short = match.groups()
        if int(short) == year % 100 and {(int(first), int(second)), (int(second), int(first))} & {
                (day, month)}:
            return True
    return False


def writes_day_without_year(dump: str, iso: str) -> bool:
    """The dump writes the day and month in words with no year ("Posted Nov 19, 6:51 AM")."""
    want = (int(iso[5:7]), int(iso[8:10]))
    for pattern, order in _MONTH_DAY:
        for match in pattern.finditer(dump):
            parts = dict(zip(order, match.groups(), strict=True))
            if (MONTHS.get(parts["m"].lower()), int(parts["d"])) == want:
                return True
    return False


def writes_month(dump: str, iso: str) -> bool:
    """The dump writes the year and month ("December 2026", "Dec. 7, 2026", "2026-12")."""
    year, month = int(iso[:4]), int(iso[5:7])
    words = any(MONTHS.get(m.group(1).lower()) == month and int(m.group(2)) == year
                for m in _MONTH_WORD_YEAR.finditer(dump))
    numbers = any((int(m.group(1)), int(m.group(2))) == (year, month)
                  for m in _ISO_MONTH.finditer(dump))
    return words or numbers


def classify(dump: str, iso: str) -> str:
    """How far the dump lets a reader recover the day ``iso``."""
    if writes_day(dump, iso):
        return "day_written"
    if writes_day_in_utc(dump, iso):
        return "day_in_utc"
    if writes_day_two_digit_year(dump, iso):
        return "two_digit_year_only"
    if writes_day_without_year(dump, iso):
        return "no_year_only"
    if writes_month(dump, iso):
        return "month_only"
    return "relative_only" if _RELATIVE.search(dump) else "nothing"


def ours_right(page: Page, articles: list[dict]) -> bool:
    published = (articles[0].get("published") or {}) if articles else {}
    return published.get("precision") == "day" and published.get("value") == page.date


def count(pages: list[Page], dumps: dict[str, str], preds: dict[str, list[dict]] | None,
          show: bool) -> dict[str, Counts]:
    counts = {split: Counts() for split in SPLITS}
    for page in pages:
        if page.date is None:
            continue
        kind = classify(dumps[page.page_id], page.date)
        right = preds is not None and ours_right(page, preds.get(page.page_id, []))
        for split in ("all", page.split):
            tally = counts[split]
            tally.dated += 1
            setattr(tally, kind, getattr(tally, kind) + 1)
            tally.ours_right += right
            tally.ours_right_where_written += right and kind in ("day_written", "day_in_utc")
        if show and page.split == "tune":  # only tune pages are listed: held out is counts only
            print(f"{page.page_id[:12]} {page.date} {kind:<20} ours {'right' if right else '-'}")
    return counts


def print_counts(counts: dict[str, Counts], splits: tuple[str, ...], ran: bool) -> None:
    rate = lambda a, b: f"{a / b:.3f}" if b else "-"  # noqa: E731
    rows = [("pages with a truth date (htmldate)", lambda c: str(c.dated)),
            ("dump writes the day (4-digit year)", lambda c: str(c.day_written)),
            ("... share of dated pages", lambda c: rate(c.day_written, c.dated)),
            ("else: a written day + time + zone, in UTC", lambda c: str(c.day_in_utc)),
            ("ceiling (either: share of dated pages)",
             lambda c: rate(c.day_written + c.day_in_utc, c.dated)),
            ("else: day with a 2-digit year only", lambda c: str(c.two_digit_year_only)),
            ("else: day and month in words, no year", lambda c: str(c.no_year_only)),
            ("else: the year-month only", lambda c: str(c.month_only)),
            ("else: a relative age only", lambda c: str(c.relative_only)),
            ("else: nothing of the date", lambda c: str(c.nothing))]
    if ran:
        rows += [("ours same day", lambda c: f"{c.ours_right} ({rate(c.ours_right, c.dated)})"),
                 ("... where the day is recoverable (either)",
                  lambda c: f"{c.ours_right_where_written} "
                            f"({rate(c.ours_right_where_written, c.day_written + c.day_in_utc)})")]
    print(f"{'':<44}" + "".join(f"{s:>14}" for s in splits))
    for label, cell in rows:
        print(f"{label:<44}" + "".join(f"{cell(counts[s]):>14}" for s in splits))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="benchmark folder")
    parser.add_argument("--split", choices=SPLITS, default="all", help="which pages to count")
    parser.add_argument("--jobs", type=int, default=1, help="parallel CLI processes")
    parser.add_argument("--no-run", action="store_true", help="counts only, no CLI run")
    parser.add_argument("--show", action="store_true", help="list the tune pages' classes")
    args = parser.parse_args(argv)
    pages = [p for p in load_pages(args.corpus, 2) if args.split in ("all", p.split)]
    missing = [p.page_id for p in pages if not (BENCH / "dumps" / f"{p.page_id}.txt").exists()]
    if missing:
        raise SystemExit(f"{len(missing)} pages not rendered: run benchmarks/dumps.py first")
    dumps = {p.page_id: (BENCH / "dumps" / f"{p.page_id}.txt").read_text("utf-8") for p in pages}
    preds = None
    if not args.no_run:
        paths = [BENCH / "dumps" / f"{p.page_id}.txt" for p in pages if p.date is not None]
        preds, _ = run_cli(paths, args.jobs)
    counts = count(pages, dumps, preds, args.show)
    splits = SPLITS if args.split == "all" else (args.split,)
    print_counts(counts, splits, preds is not None)
    print(f"pages by split: {dict(Counter(p.split for p in pages))}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
